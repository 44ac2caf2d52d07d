import { Arg, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { PlaceInput, toGeoPoint, distanceKm, Commune, Department, Epci } from '../territory';
import { NotFoundError } from '../errors';
import { Actor } from './actor.type';

/** `Query.actor` and the fields of an actor; `Query.actors`, the list, is in src/prefetch (it primes other folders' loaders). */
@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { description: 'An actor by id. NOT_FOUND when unknown.' })
  async actor(@Arg('id', () => String) id: string, @Ctx() { loaders }: Context): Promise<Actor> {
    const actor = await loaders.actor.actorById.load(id);
    if (!actor) throw new NotFoundError('Actor', id);
    return actor;
  }

  @FieldResolver(() => Boolean, {
    description:
      "The actor keeps its volumes confidential: its offers' capacities, its needs' volumes and the volumes of the supply links it is a " +
      "party to are then visible only to its member accounts (and the other party's, for a link) and club editors.",
  })
  confidentialVolumes(@Root() actor: Actor): boolean {
    return actor.confidentialVolumes === true;
  }

  @FieldResolver(() => Boolean, {
    description:
      'An invented operator (of the seed or of a demonstration dataset): its name, SIRET and figures describe no real firm. ' +
      'False for real operators and public bodies.',
  })
  fictitious(@Root() actor: Actor): boolean {
    return actor.fictitious === true;
  }

  @FieldResolver(() => Boolean, {
    description:
      'A buyer under public law (local authority and its kitchens, public collège, public hospital): the territory reports show its ' +
      'EGalim shares by name, as ma-cantine publishes them. False for private firms, associations and care homes not known to be public.',
  })
  publicBuyer(@Root() actor: Actor): boolean {
    return actor.publicBuyer === true;
  }

  @FieldResolver(() => Commune, { description: 'The commune it operates in.' })
  async commune(@Root() actor: Actor, @Ctx() { loaders }: Context): Promise<Commune> {
    return (await loaders.territory.communeOfActor.load(actor.id))!;
  }

  @FieldResolver(() => Epci, { nullable: true, description: 'The EPCI of its commune.' })
  async epci(@Root() actor: Actor, @Ctx() { loaders }: Context): Promise<Epci | null> {
    const commune = await loaders.territory.communeOfActor.load(actor.id);
    return commune ? loaders.territory.epciOfCommune.load(commune.insee) : null;
  }

  @FieldResolver(() => Department, { description: 'The department of its commune.' })
  async department(@Root() actor: Actor, @Ctx() { loaders }: Context): Promise<Department> {
    const commune = await loaders.territory.communeOfActor.load(actor.id);
    return (await loaders.territory.departmentOfCommune.load(commune!.insee))!;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Great-circle distance in km from `from` (a commune's centroid or a point); without `from`, the distance computed by a DISTANCE-sorted or `near` query, if any.",
  })
  async distanceKm(
    @Root() actor: Actor,
    @Arg('from', () => PlaceInput, { nullable: true }) from: PlaceInput | null,
    @Ctx() ctx: Context,
  ): Promise<number | null> {
    if (!from) return actor.distanceKm ?? null;
    return Math.round(distanceKm(actor.location, await toGeoPoint(from, ctx)) * 1000) / 1000;
  }
}
