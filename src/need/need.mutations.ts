import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { AccessRule } from '../auth';
import { DeletedRecord, noCascade } from '../common';
import { createRecord, definedFields, deleteRecord, updateRecord, type RecordSpec } from '../records';
import type { Context } from '../context';
import { CLAIM_NEED_ID, DELETE_NEED, NEED_RECORD, NEEDS_BY_ID } from './need.cypher';
import { CreateNeedInput, UpdateNeedInput } from './need.input';
import { Need } from './need.type';

const NEED_SPEC: RecordSpec = {
  kind: 'needs',
  entity: 'Need',
  noun: 'need',
  idPrefix: 'need',
  recordQuery: NEED_RECORD,
  claimQuery: CLAIM_NEED_ID,
  byIdQuery: NEEDS_BY_ID,
  deleteQuery: DELETE_NEED,
  ownersOf: (fields) => [String(fields.actorId)],
  memberOperations: ['create', 'update', 'delete'],
  toCascade: noCascade,
};

@Resolver()
export class NeedMutationResolver {
  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => Need, {
    description:
      'Creates a need, checked as a need import row is. BAD_USER_INPUT (with `extensions.issues`: field, reason, value) for an unknown ' +
      'buyer, product or label, a negative volume...; CONFLICT when the id exists with other fields. ' +
      'Safe to retry with the same id (after WRITE_OUTCOME_UNKNOWN): the same create replayed returns the existing record. ' +
      "UNAUTHENTICATED without an account; FORBIDDEN for a member account unless the new need is its own actor's (docs/security.md).",
  })
  createNeed(@Arg('input', () => CreateNeedInput) input: CreateNeedInput, @Ctx() ctx: Context): Promise<Need> {
    return createRecord<Need>(ctx, NEED_SPEC, definedFields(input));
  }

  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => Need, {
    description:
      'Changes the given fields of a need, leaving the others as they are; the result is checked as an import row is. ' +
      'NOT_FOUND when unknown; BAD_USER_INPUT (with `extensions.issues`) as for createNeed. ' +
      "UNAUTHENTICATED without an account; FORBIDDEN for a member account unless the need is its actor's and stays so (docs/security.md).",
  })
  updateNeed(
    @Arg('id', () => String, { description: 'The need to change.' }) id: string,
    @Arg('input', () => UpdateNeedInput) input: UpdateNeedInput,
    @Ctx() ctx: Context,
  ): Promise<Need> {
    return updateRecord<Need>(ctx, NEED_SPEC, id, definedFields(input));
  }

  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => DeletedRecord, {
    description:
      "Deletes a need. NOT_FOUND when unknown. UNAUTHENTICATED without an account; FORBIDDEN for a member account unless the need is its actor's (docs/security.md).",
  })
  deleteNeed(@Arg('id', () => String, { description: 'The need to delete.' }) id: string, @Ctx() ctx: Context): Promise<DeletedRecord> {
    return deleteRecord(ctx, NEED_SPEC, id);
  }
}
