import type { AuthCheckerFn } from 'type-graphql';
import type { Context, Viewer } from '../context';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { ownershipOf } from './ownership';
import { AccessRule, isStaff } from './rules';

const NEEDS_ACCOUNT = 'This operation needs an account: send Authorization: Bearer <API key or token> (see docs/security.md)';

/** Operation rules throw, so a refused mutation or staff query is an error, never a silent null. */
function ensureOperationAllowed(viewer: Viewer | null, rule: AccessRule.SIGNED_IN | AccessRule.STAFF, field: string): void {
  if (viewer === null) throw new UnauthenticatedError(NEEDS_ACCOUNT);
  if (rule === AccessRule.STAFF && !isStaff(viewer)) {
    throw new ForbiddenError(`${field} is for club editors and admins; your ${viewer.role} account may not use it`);
  }
}

/** Only a member can own; its record's owners are looked up (perhaps loaded) only then. */
async function isOwner(viewer: Viewer | null, ownerIds: () => string[] | Promise<string[]>): Promise<boolean> {
  if (viewer?.role !== 'member' || viewer.actorId === null) return false;
  return (await ownerIds()).includes(viewer.actorId);
}

/**
 * type-graphql's authChecker (buildSchema runs it with authMode "null"): the single place where
 * the rules of `@Authorized(...)` are decided. Operation rules (SIGNED_IN, STAFF) throw
 * UNAUTHENTICATED or FORBIDDEN; field rules (OWNER, VOLUME) return false, which reads as null.
 */
export const authChecker: AuthCheckerFn<Context, AccessRule> = async ({ root, context, info }, rules) => {
  const { viewer } = context;
  for (const rule of rules) {
    if (rule === AccessRule.SIGNED_IN || rule === AccessRule.STAFF) {
      ensureOperationAllowed(viewer, rule, info.fieldName);
      continue;
    }
    if (isStaff(viewer)) continue;
    const ownership = ownershipOf(info.parentType.name, info.fieldName);
    // A programming error (a rule on a type ownership.ts does not list): masked as INTERNAL_SERVER_ERROR, caught by tests.
    if (!ownership) throw new Error(`no ownership declared for ${info.parentType.name}.${info.fieldName}`);
    const owned = await isOwner(viewer, () => ownership.ownerIds(root as Record<string, unknown>, context));
    if (owned) continue;
    if (rule === AccessRule.OWNER) return false;
    if (await ownership.volumesConfidential(root as Record<string, unknown>, context)) return false;
  }
  return true;
};
