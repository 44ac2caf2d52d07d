import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Actor, actorPropertiesKey, actorPropertiesOf, type ActorProperty } from '../actor';
import { RelatedItemsArgs, selectionOf } from '../common';
import type { Context } from '../context';
import { Product } from '../product';
import type { SupplyLinkRow } from './supply.loaders';
import { SupplyLink } from './supply.type';
import { TradePartner, type TradePartnerRow } from './trade-partner.type';

/** The properties of the partners' actors the query reads, computed once per field of the query (not once per actor of a page). */
const partnerPropertiesByField = new WeakMap<GraphQLResolveInfo['fieldNodes'], { variables: unknown; properties: ActorProperty[] }>();

function partnerPropertiesOf(info: GraphQLResolveInfo): ActorProperty[] {
  const known = partnerPropertiesByField.get(info.fieldNodes);
  if (known && known.variables === info.variableValues) return known.properties;
  const properties = actorPropertiesOf(selectionOf(info).at('actor'));
  partnerPropertiesByField.set(info.fieldNodes, { variables: info.variableValues, properties });
  return properties;
}

/**
 * The first `first` partners with their actors, loaded by id with only the properties the query
 * selects of them (a page of 50 actors names ~120 partners: whole actors were half the bytes the
 * page shipped, issue 13 W3): batched over every partner of the request, each actor fetched once.
 */
async function toPartners(rows: TradePartnerRow[], first: number, { loaders }: Context, info: GraphQLResolveInfo): Promise<TradePartner[]> {
  const kept = rows.slice(0, first);
  const properties = partnerPropertiesOf(info);
  const actors = await loaders.actor.actorPropertiesById.loadMany(kept.map((p) => actorPropertiesKey(properties, p.actorId)));
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
    @Info() info: GraphQLResolveInfo,
  ): Promise<TradePartner[]> {
    return toPartners(await ctx.loaders.supply.suppliersOfActor.load(actor.id), first, ctx, info);
  }

  @FieldResolver(() => [TradePartner], {
    description:
      'Who it sells to, with the products sold, by largest sale (`first`: 50 by default, 200 at most; counted among its 200 largest sales).',
  })
  async customers(
    @Root() actor: Actor,
    @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TradePartner[]> {
    return toPartners(await ctx.loaders.supply.customersOfActor.load(actor.id), first, ctx, info);
  }
}
