import { Arg, Args, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { PlaceInput, toGeoPoint } from '../common/place';
import { distanceKm } from '../territory';
import { PageArgs, RelatedItemsArgs } from '../common/pagination';
import { NotFoundError } from '../errors';
import { Need } from '../need/need.type';
import { Offer } from '../offer/offer.type';
import type { Product } from '../product/product.type';
import type { SupplyLinkRow } from '../supply/supply.loaders';
import { SupplyLink } from '../supply/supply.type';
import { Commune, Department, Epci } from '../territory/territory.type';
import { ActorFilter, ActorSort } from './actor.input';
import { findActors } from './actor.service';
import { Actor, ActorConnection } from './actor.type';
import { TradePartner } from './trade-partner.type';

/**
 * Groups links by the actor on their other end, keeping the links' order (largest volume first),
 * and keeps the first `first` partners before loading them.
 */
async function toPartners(allLinks: SupplyLinkRow[], partnerIdOf: (l: SupplyLinkRow) => string, first: number, { loaders }: Context): Promise<TradePartner[]> {
  const byPartner = new Map<string, SupplyLinkRow[]>();
  for (const link of allLinks) byPartner.set(partnerIdOf(link), [...(byPartner.get(partnerIdOf(link)) ?? []), link]);
  const partnerIds = [...byPartner.keys()].slice(0, first);
  const links = partnerIds.flatMap((id) => byPartner.get(id)!);
  const [actors, products] = await Promise.all([
    loaders.actor.actorById.loadMany(partnerIds),
    loaders.product.productOfSupplyLink.loadMany(links.map((l) => l.id)),
  ]);
  const productOfLink = new Map(links.map((l, i) => [l.id, products[i] as Product | null]));
  return partnerIds.map((id, i) => {
    const partnerLinks = byPartner.get(id)!;
    const distinct = new Map(partnerLinks.map((l) => productOfLink.get(l.id)).filter((p): p is Product => !!p).map((p) => [p.id, p]));
    return {
      actor: actors[i] as Actor,
      links: partnerLinks,
      products: [...distinct.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    };
  });
}

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { description: 'An actor by id. NOT_FOUND when unknown.' })
  async actor(@Arg('id', () => String) id: string, @Ctx() { loaders }: Context): Promise<Actor> {
    const actor = await loaders.actor.actorById.load(id);
    if (!actor) throw new NotFoundError('Actor', id);
    return actor;
  }

  @Query(() => ActorConnection, { description: 'Actors matching the filters, as a Relay connection with keyset cursors.' })
  actors(
    @Arg('filter', () => ActorFilter, { nullable: true, defaultValue: {} }) filter: ActorFilter | null,
    @Arg('sort', () => ActorSort, { nullable: true, defaultValue: ActorSort.NAME }) sort: ActorSort | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return findActors(filter ?? {}, sort ?? ActorSort.NAME, page, ctx);
  }

  @FieldResolver(() => Boolean, {
    description:
      'The actor keeps its volumes confidential: its offers\' capacities, its needs\' volumes and the volumes of the supply links it is a ' +
      'party to are then visible only to its member accounts (and the other party\'s, for a link) and club editors.',
  })
  confidentialVolumes(@Root() actor: Actor): boolean {
    return actor.confidentialVolumes === true;
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

  @FieldResolver(() => [Offer], { description: 'What it can supply, by product name (`first`: 50 by default, 200 at most).' })
  async offers(@Root() actor: Actor, @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs, @Ctx() { loaders }: Context): Promise<Offer[]> {
    return (await loaders.actor.offersOfActor.load(actor.id)).slice(0, first);
  }

  @FieldResolver(() => [Need], { description: 'What it wants to buy, by product name (`first`: 50 by default, 200 at most).' })
  async needs(@Root() actor: Actor, @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs, @Ctx() { loaders }: Context): Promise<Need[]> {
    return (await loaders.actor.needsOfActor.load(actor.id)).slice(0, first);
  }

  @FieldResolver(() => [SupplyLink], { description: 'Supply links it buys on, largest volume first (`first`: 50 by default, 200 at most).' })
  async purchases(@Root() actor: Actor, @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs, @Ctx() { loaders }: Context): Promise<SupplyLink[]> {
    return (await loaders.actor.purchasesOfActor.load(actor.id)).slice(0, first);
  }

  @FieldResolver(() => [SupplyLink], { description: 'Supply links it sells on, largest volume first (`first`: 50 by default, 200 at most).' })
  async sales(@Root() actor: Actor, @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs, @Ctx() { loaders }: Context): Promise<SupplyLink[]> {
    return (await loaders.actor.salesOfActor.load(actor.id)).slice(0, first);
  }

  @FieldResolver(() => [TradePartner], {
    description:
      'Who it buys from, with the products bought, by largest purchase (`first`: 50 by default, 200 at most; counted among its 200 largest purchases).',
  })
  async suppliers(@Root() actor: Actor, @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs, @Ctx() ctx: Context): Promise<TradePartner[]> {
    return toPartners(await ctx.loaders.actor.purchasesOfActor.load(actor.id), (l) => l.supplierId, first, ctx);
  }

  @FieldResolver(() => [TradePartner], {
    description: 'Who it sells to, with the products sold, by largest sale (`first`: 50 by default, 200 at most; counted among its 200 largest sales).',
  })
  async customers(@Root() actor: Actor, @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs, @Ctx() ctx: Context): Promise<TradePartner[]> {
    return toPartners(await ctx.loaders.actor.salesOfActor.load(actor.id), (l) => l.buyerId, first, ctx);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Great-circle distance in km from `from` (a commune\'s centroid or a point); without `from`, the distance computed by a DISTANCE-sorted or `near` query, if any.',
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
