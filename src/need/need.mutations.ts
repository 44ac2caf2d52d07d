import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { ensureCanWrite } from '../auth';
import { DeletedRecord, noCascade } from '../common/deleted-record.type';
import { createRecord, definedFields, deleteRecord, updateRecord, type RecordSpec } from '../common/record-mutation';
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
  toCascade: noCascade,
};

@Resolver()
export class NeedMutationResolver {
  @Mutation(() => Need, {
    description:
      'Creates a need, checked as a need import row is. BAD_USER_INPUT (with `extensions.issues`: field, reason, value) for an unknown ' +
      'buyer, product or label, a negative volume...; CONFLICT when the id exists with other fields. ' +
      'Safe to retry with the same id (after WRITE_OUTCOME_UNKNOWN): the same create replayed returns the existing record.',
  })
  createNeed(@Arg('input', () => CreateNeedInput) input: CreateNeedInput, @Ctx() ctx: Context): Promise<Need> {
    ensureCanWrite(ctx);
    return createRecord<Need>(ctx, NEED_SPEC, definedFields(input));
  }

  @Mutation(() => Need, {
    description:
      'Changes the given fields of a need, leaving the others as they are; the result is checked as an import row is. ' +
      'NOT_FOUND when unknown; BAD_USER_INPUT (with `extensions.issues`) as for createNeed.',
  })
  updateNeed(
    @Arg('id', () => String, { description: 'The need to change.' }) id: string,
    @Arg('input', () => UpdateNeedInput) input: UpdateNeedInput,
    @Ctx() ctx: Context,
  ): Promise<Need> {
    ensureCanWrite(ctx);
    return updateRecord<Need>(ctx, NEED_SPEC, id, definedFields(input));
  }

  @Mutation(() => DeletedRecord, { description: 'Deletes a need. NOT_FOUND when unknown.' })
  deleteNeed(@Arg('id', () => String, { description: 'The need to delete.' }) id: string, @Ctx() ctx: Context): Promise<DeletedRecord> {
    ensureCanWrite(ctx);
    return deleteRecord(ctx, NEED_SPEC, id);
  }
}
