import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { AccessRule } from '../auth';
import { DeletedRecord, noCascade } from '../common';
import { createRecord, definedFields, deleteRecord, updateRecord, type RecordSpec } from '../records';
import type { Context } from '../context';
import { CLAIM_SUPPLY_LINK_ID, DELETE_SUPPLY_LINK, SUPPLY_LINK_RECORD, SUPPLY_LINKS_BY_ID } from './supply.cypher';
import { CreateSupplyLinkInput, UpdateSupplyLinkInput } from './supply.input';
import type { SupplyLinkRow } from './supply.loaders';
import { SupplyLink } from './supply.type';

const SUPPLY_LINK_SPEC: RecordSpec = {
  kind: 'supplyLinks',
  entity: 'SupplyLink',
  noun: 'supply link',
  idPrefix: 'sl',
  recordQuery: SUPPLY_LINK_RECORD,
  claimQuery: CLAIM_SUPPLY_LINK_ID,
  byIdQuery: SUPPLY_LINKS_BY_ID,
  deleteQuery: DELETE_SUPPLY_LINK,
  // Either party declares the trade; neither may swap the other party (that moves the link).
  ownersOf: (fields) => [String(fields.supplierId), String(fields.buyerId)],
  memberOperations: ['create', 'update', 'delete'],
  toCascade: (row) => ({ ...noCascade(), provenanceRelationships: row.provenance as number }),
};

@Resolver()
export class SupplyLinkMutationResolver {
  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => SupplyLink, {
    description:
      'Creates a supply link, checked as a supply-link import row is. BAD_USER_INPUT (with `extensions.issues`: field, reason, value) for an ' +
      'unknown supplier, buyer, product or label, a supplier that is the buyer, a date in the future, provenance from a link its supplier ' +
      'does not buy on...; CONFLICT when the id exists with other fields. ' +
      'Safe to retry with the same id (after WRITE_OUTCOME_UNKNOWN): the same create replayed returns the existing record. ' +
      'UNAUTHENTICATED without an account; FORBIDDEN for a member account unless its actor is the supplier or the buyer (docs/security.md).',
  })
  createSupplyLink(@Arg('input', () => CreateSupplyLinkInput) input: CreateSupplyLinkInput, @Ctx() ctx: Context): Promise<SupplyLink> {
    return createRecord<SupplyLinkRow>(ctx, SUPPLY_LINK_SPEC, definedFields(input));
  }

  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => SupplyLink, {
    description:
      'Changes the given fields of a supply link, leaving the others as they are; the result is checked as an import row is. ' +
      'NOT_FOUND when unknown; BAD_USER_INPUT (with `extensions.issues`) as for createSupplyLink. ' +
      'UNAUTHENTICATED without an account; FORBIDDEN for a member account unless its actor is a party and both parties stay the same (docs/security.md).',
  })
  updateSupplyLink(
    @Arg('id', () => String, { description: 'The supply link to change.' }) id: string,
    @Arg('input', () => UpdateSupplyLinkInput) input: UpdateSupplyLinkInput,
    @Ctx() ctx: Context,
  ): Promise<SupplyLink> {
    return updateRecord<SupplyLinkRow>(ctx, SUPPLY_LINK_SPEC, id, definedFields(input));
  }

  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => DeletedRecord, {
    description:
      'Deletes a supply link with its provenance relationships to and from other links (counted in `cascade`). NOT_FOUND when unknown. ' +
      'UNAUTHENTICATED without an account; FORBIDDEN for a member account unless its actor is a party (docs/security.md).',
  })
  deleteSupplyLink(
    @Arg('id', () => String, { description: 'The supply link to delete.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<DeletedRecord> {
    return deleteRecord(ctx, SUPPLY_LINK_SPEC, id);
  }
}
