import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { AccessRule } from '../auth';
import { DeletedRecord } from '../common';
import type { GeoPointInput } from '../common';
import type { Context } from '../context';
import { ConflictError } from '../errors';
import {
  createRecord,
  definedFields,
  deleteRecord,
  normalizeSiret,
  updateRecord,
  type Fields,
  type RecordSpec,
  type ReferenceData,
} from '../records';
import { ACTOR_RECORD, ACTORS_BY_ID, CLAIM_ACTOR_ID, DELETE_ACTOR } from './actor.cypher';
import { CreateActorInput, UpdateActorInput } from './actor.input';
import { Actor } from './actor.type';

/** One establishment, one actor: a SIRET held by another actor of the graph is a CONFLICT. */
function siretConflict(fields: Fields, refs: ReferenceData): ConflictError | undefined {
  if (typeof fields.siret !== 'string') return undefined;
  const siret = normalizeSiret(fields.siret);
  for (const [holderId, holder] of refs.existingActors) {
    if (holderId !== fields.id && holder.siret === siret) {
      return new ConflictError(
        `SIRET "${siret}" already belongs to actor "${holderId}" (expected a SIRET no other actor holds; to change that actor, use updateActor with id "${holderId}")`,
        { entity: 'Actor', field: 'siret', siret, holderId },
      );
    }
  }
  return undefined;
}

const ACTOR_SPEC: RecordSpec = {
  kind: 'actors',
  entity: 'Actor',
  noun: 'actor',
  idPrefix: 'act',
  recordQuery: ACTOR_RECORD,
  claimQuery: CLAIM_ACTOR_ID,
  byIdQuery: ACTORS_BY_ID,
  deleteQuery: DELETE_ACTOR,
  toCascade: (row) => ({
    offers: row.offers as number,
    needs: row.needs as number,
    supplyLinks: row.supplyLinks as number,
    provenanceRelationships: row.provenance as number,
  }),
  ownersOf: (fields) => [String(fields.id)],
  // A member keeps its actor card up to date; creating actors and deleting one (with its offers,
  // needs and every partner's supply links) is the club's decision.
  memberOperations: ['update'],
  inputFieldOf: { latitude: 'location', longitude: 'location' },
  findConflict: siretConflict,
};

/** The import fields of an actor input: its location is the record's latitude and longitude (null: the commune's centroid). */
function toActorFields(input: CreateActorInput | UpdateActorInput): Fields {
  const { location, ...fields } = definedFields(input);
  if (location === undefined) return fields;
  const point = location as GeoPointInput | null;
  return { ...fields, latitude: point?.latitude ?? null, longitude: point?.longitude ?? null };
}

@Resolver()
export class ActorMutationResolver {
  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => Actor, {
    description:
      'Creates an actor, checked as an actor import row is. BAD_USER_INPUT (with `extensions.issues`: field, reason, value) for a bad SIRET, ' +
      'an unknown commune...; CONFLICT when the id exists with other fields or another actor holds the SIRET. ' +
      'Safe to retry with the same id (after WRITE_OUTCOME_UNKNOWN): the same create replayed returns the existing record. ' +
      'Editors and admins only (UNAUTHENTICATED / FORBIDDEN otherwise).',
  })
  createActor(@Arg('input', () => CreateActorInput) input: CreateActorInput, @Ctx() ctx: Context): Promise<Actor> {
    return createRecord<Actor>(ctx, ACTOR_SPEC, toActorFields(input));
  }

  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => Actor, {
    description:
      'Changes the given fields of an actor, leaving the others as they are; the result is checked as an import row is. ' +
      'NOT_FOUND when unknown; BAD_USER_INPUT (with `extensions.issues`) or CONFLICT as for createActor. ' +
      "UNAUTHENTICATED without an account; FORBIDDEN for a member account unless it is the actor's own card (docs/security.md).",
  })
  updateActor(
    @Arg('id', () => String, { description: 'The actor to change.' }) id: string,
    @Arg('input', () => UpdateActorInput) input: UpdateActorInput,
    @Ctx() ctx: Context,
  ): Promise<Actor> {
    return updateRecord<Actor>(ctx, ACTOR_SPEC, id, toActorFields(input));
  }

  @Authorized(AccessRule.SIGNED_IN)
  @Mutation(() => DeletedRecord, {
    description:
      'Deletes an actor with its offers, its needs and the supply links it supplies or buys on (and their provenance relationships), ' +
      'counted in `cascade`. NOT_FOUND when unknown. Editors and admins only (UNAUTHENTICATED / FORBIDDEN otherwise).',
  })
  deleteActor(@Arg('id', () => String, { description: 'The actor to delete.' }) id: string, @Ctx() ctx: Context): Promise<DeletedRecord> {
    return deleteRecord(ctx, ACTOR_SPEC, id);
  }
}
