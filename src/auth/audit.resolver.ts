import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { decodeCursor, DEFAULT_PAGE_SIZE, toConnection, type PageRequest } from '../common';
import type { Context } from '../context';
import { int } from '../db';
import { BadUserInputError } from '../errors';
import { AUDIT_TRAIL_PAGE, COUNT_AUDIT_ENTRIES } from './audit.cypher';
import { AuditEntry, AuditEntryConnection, AuditPageArgs, AuditTrailFilter } from './audit.type';
import { AccessRule } from './rules';

const AUDIT_ORDER = 'audit';

type AuditRow = Omit<AuditEntry, 'at'> & { at: Date };

function toEntry(row: AuditRow): AuditEntry {
  return { ...row, at: row.at.toISOString() };
}

function toAfter(cursor: string | null): { afterAt: string | null; afterId: string } {
  if (cursor === null) return { afterAt: null, afterId: '' };
  const [at, id] = decodeCursor(cursor, AUDIT_ORDER, ['string', 'string']);
  if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) {
    throw new BadUserInputError('Invalid cursor: pass a cursor returned by auditTrail');
  }
  return { afterAt: at, afterId: id };
}

@Resolver()
export class AuditTrailResolver {
  @Authorized(AccessRule.STAFF)
  @Query(() => AuditEntryConnection, {
    description:
      'The audit trail: every write (record mutations, imports, API key creation and revocation) with who, when and what, newest first. ' +
      'Editors and admins only (UNAUTHENTICATED without an account, FORBIDDEN for members).',
  })
  async auditTrail(
    @Arg('filter', () => AuditTrailFilter, { nullable: true, defaultValue: {} }) givenFilter: AuditTrailFilter | null,
    @Args(() => AuditPageArgs) pageArgs: AuditPageArgs,
    @Ctx() { db }: Context,
  ) {
    const page: PageRequest = { direction: 'forward', size: pageArgs.first ?? DEFAULT_PAGE_SIZE, cursor: pageArgs.after ?? null };
    const filter = {
      recordId: givenFilter?.recordId ?? null,
      accountId: givenFilter?.accountId ?? null,
      since: givenFilter?.since ? new Date(givenFilter.since).toISOString() : null,
    };
    const rows = await db.read<{ entry: AuditRow }>(AUDIT_TRAIL_PAGE, { ...filter, ...toAfter(page.cursor), limit: int(page.size + 1) });
    const totalCount = async () => (await db.read<{ total: number }>(COUNT_AUDIT_ENTRIES, filter))[0].total;
    return toConnection(
      rows.map((r) => toEntry(r.entry)),
      page,
      AUDIT_ORDER,
      (e) => [e.at, e.id],
      totalCount,
    );
  }
}
