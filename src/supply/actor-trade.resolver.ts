import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor';
import { RelatedItemsArgs } from '../common';
import type { Context } from '../context';
import { Product } from '../product';
import type { SupplyLinkRow } from './supply.loaders';
import { SupplyLink } from './supply.type';
import { TradePartner } from './trade-partner.type';

/**
 * Groups links by the actor on their other end, keeping the links' order (largest volume first),
 * and keeps the first `first` partners before loading them. Their products are left to
 * `TradePartner.products`, so that a query that does not ask for them does not load them.
 */
async function toPartners(
  allLinks: SupplyLinkRow[],
  partnerIdOf: (l: SupplyLinkRow) => string,
  first: number,
  { loaders }: Context,
): Promise<TradePartner[]> {
  const byPartner = new Map<string, SupplyLinkRow[]>();
  for (const link of allLinks) byPartner.set(partnerIdOf(link), [...(byPartner.get(partnerIdOf(link)) ?? []), link]);
  const partnerIds = [...byPartner.keys()].slice(0, first);
  const actors = await loaders.actor.actorById.loadMany(partnerIds);
  return partnerIds.map((id, i) => ({ actor: actors[i] as Actor, links: byPartner.get(id)! }));
}

/** What is exchanged with a partner: loaded only when selected, batched over every partner of the request. */
@Resolver(() => TradePartner)
export class TradePartnerResolver {
  @FieldResolver(() => [Product], { description: 'Products exchanged with it, by name.' })
  async products(@Root() partner: TradePartner, @Ctx() { loaders }: Context): Promise<Product[]> {
    const products = await loaders.product.productOfSupplyLink.loadMany(partner.links.map((l) => l.id));
    const failed = products.find((p) => p instanceof Error);
    if (failed) throw failed;
    const distinct = new Map(products.filter((p): p is Product => !!p).map((p) => [p.id, p]));
    return [...distinct.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
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
    return toPartners(await ctx.loaders.supply.purchasesOfActor.load(actor.id), (l) => l.supplierId, first, ctx);
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
    return toPartners(await ctx.loaders.supply.salesOfActor.load(actor.id), (l) => l.buyerId, first, ctx);
  }
}
