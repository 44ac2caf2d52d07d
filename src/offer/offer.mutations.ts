import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { AccessRule } from '../auth';
import { DeletedRecord, noCascade } from '../common';
import { createRecord, definedFields, deleteRecord, updateRecord, type RecordSpec } from '../records';
import type { Context } from '../context';
import { CLAIM_OFFER_ID, DELETE_OFFER, OFFER_RECORD, OFFERS_BY_ID } from './offer.cypher';
import { CreateOfferInput, UpdateOfferInput } from './offer.input';
import { Offer } from './offer.type';

const OFFER_SPEC: RecordSpec = {
  kind: 'offers',
  entity: 'Offer',
  noun: 'offer',
  idPrefix: 'off',
  recordQuery: OFFER_RECORD,
  claimQuery: CLAIM_OFFER_ID,
  byIdQuery: OFFERS_BY_ID,
  deleteQuery: DELETE_OFFER,
  ownersOf: (fields) => [String(fields.actorId)],
  memberOperations: ['create', 'update', 'delete'],
  toCascade: noCascade,
};

@Resolver()
export class OfferMutationResolver {
  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => Offer, {
    description:
      'Creates an offer, checked as an offer import row is. BAD_USER_INPUT (with `extensions.issues`: field, reason, value) for an unknown ' +
      'actor, product, label or commune, a capacity without its unit...; CONFLICT when the id exists with other fields. ' +
      'Safe to retry with the same id (after WRITE_OUTCOME_UNKNOWN): the same create replayed returns the existing record. ' +
      "UNAUTHENTICATED without an account; FORBIDDEN for a member account unless the new offer is its own actor's (docs/security.md).",
  })
  createOffer(@Arg('input', () => CreateOfferInput) input: CreateOfferInput, @Ctx() ctx: Context): Promise<Offer> {
    return createRecord<Offer>(ctx, OFFER_SPEC, definedFields(input));
  }

  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => Offer, {
    description:
      'Changes the given fields of an offer, leaving the others as they are; the result is checked as an import row is. ' +
      'NOT_FOUND when unknown; BAD_USER_INPUT (with `extensions.issues`) as for createOffer. ' +
      "UNAUTHENTICATED without an account; FORBIDDEN for a member account unless the offer is its actor's and stays so (docs/security.md).",
  })
  updateOffer(
    @Arg('id', () => String, { description: 'The offer to change.' }) id: string,
    @Arg('input', () => UpdateOfferInput) input: UpdateOfferInput,
    @Ctx() ctx: Context,
  ): Promise<Offer> {
    return updateRecord<Offer>(ctx, OFFER_SPEC, id, definedFields(input));
  }

  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => DeletedRecord, {
    description:
      "Deletes an offer. NOT_FOUND when unknown. UNAUTHENTICATED without an account; FORBIDDEN for a member account unless the offer is its actor's (docs/security.md).",
  })
  deleteOffer(@Arg('id', () => String, { description: 'The offer to delete.' }) id: string, @Ctx() ctx: Context): Promise<DeletedRecord> {
    return deleteRecord(ctx, OFFER_SPEC, id);
  }
}
