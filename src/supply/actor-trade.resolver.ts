import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor';
import { RelatedItemsArgs } from '../common';
import type { Context } from '../context';
import { Product } from '../product';
import type { SupplyLinkRow } from './supply.loaders';
import { SupplyLink } from './supply.type';
import { TradePartner, type TradePartnerRow } from './trade-partner.type';

/**
 * The first `first` partners with their actors, loaded by id: batched over every partner of the
 * request, and an actor already loaded (an actor of the same page, a supplier of several) is not
 * fetched again.
 */
async function toPartners(rows: TradePartnerRow[], first: number, { loaders }: Context): Promise<TradePartner[]> {
  const kept = rows.slice(0, first);
  const actors = await loaders.actor.actorById.loadMany(kept.map((p) => p.actorId));
  const failed = actors.find((a) => a instanceof Error);
  if (failed) throw failed;
  return kept.map((p, i) => ({ actor: actors[i] as Actor, linkIds: p.linkIds }));
}

/**
 * What is exchanged with a partner: loaded only when selected, batched over every partner of the
 * request. The partners themselves (who, in which order, which links) are grouped in Cypher
 * (`suppliersOfActor`, `customersOfActor`), so listing them never ships whole links to Node.
 */
@Resolver(() => TradePartner)
export class TradePartnerResolver {
  @FieldResolver(() => [Product], { description: 'Products exchanged with it, by name.' })
  async products(@Root() partner: TradePartner, @Ctx() { loaders }: Context): Promise<Product[]> {
    const products = await loaders.product.productOfSupplyLink.loadMany(partner.linkIds);
    const failed = products.find((p) => p instanceof Error);
    if (failed) throw failed;
    const distinct = new Map(products.filter((p): p is Product => !!p).map((p) => [p.id, p]));
    return [...distinct.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }

  @FieldResolver(() => [SupplyLink], { description: 'The supply links with it, largest volume first.' })
  async links(@Root() partner: TradePartner, @Ctx() { loaders }: Context): Promise<SupplyLink[]> {
    const links = await loaders.supply.supplyLinkById.loadMany(partner.linkIds);
    const failed = links.find((l) => l instanceof Error);
    if (failed) throw failed;
    return links.filter((l): l is SupplyLinkRow => !!l);
  }
}

/**
 * An actor's trade: `Actor.purchases`, `sales`, `suppliers` and `customers`. Beside the supply links
 * so that the folders depend one way (supply → actor).
 */
@Resolver(() => Actor)
export class ActorTradeResolver {
  @FieldResolver(() => [SupplyLink], {
    description: 'Supply links it buys on, largest volume first (`first`: 50 by default, 200 at most).',
  })
  async purchases(
    @Root() actor: Actor,
    @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs,
    @Ctx() { loaders }: Context,
  ): Promise<SupplyLink[]> {
    return (await loaders.supply.purchasesOfActor.load(actor.id)).slice(0, first);
  }

  @FieldResolver(() => [SupplyLink], {
    description: 'Supply links it sells on, largest volume first (`first`: 50 by default, 200 at most).',
  })
  async sales(
    @Root() actor: Actor,
    @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs,
    @Ctx() { loaders }: Context,
  ): Promise<SupplyLink[]> {
    return (await loaders.supply.salesOfActor.load(actor.id)).slice(0, first);
  }

  @FieldResolver(() => [TradePartner], {
    description:
      'Who it buys from, with the products bought, by largest purchase (`first`: 50 by default, 200 at most; counted among its 200 largest purchases).',
  })
  async suppliers(
    @Root() actor: Actor,
    @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs,
    @Ctx() ctx: Context,
  ): Promise<TradePartner[]> {
    return toPartners(await ctx.loaders.supply.suppliersOfActor.load(actor.id), first, ctx);
  }

  @FieldResolver(() => [TradePartner], {
    description:
      'Who it sells to, with the products sold, by largest sale (`first`: 50 by default, 200 at most; counted among its 200 largest sales).',
  })
  async customers(
    @Root() actor: Actor,
    @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs,
    @Ctx() ctx: Context,
  ): Promise<TradePartner[]> {
    return toPartners(await ctx.loaders.supply.customersOfActor.load(actor.id), first, ctx);
  }
}
