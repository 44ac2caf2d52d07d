import { Arg, Args, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor';
import type { Context } from '../context';
import { decodeCursor, PageArgs, SourcesArgs, toConnection, toPageRequest } from '../common';
import { distanceKm } from '../territory';
import { int } from '../db';
import { NotFoundError } from '../errors';
import { Label } from '../label';
import { Product } from '../product';
import { COUNT_SUPPLY_LINKS, SUPPLY_LINKS_BY_VOLUME_BACKWARD, SUPPLY_LINKS_BY_VOLUME_FORWARD } from './supply.cypher';
import { SupplyLinkFilter, toSupplyLinkFilterParams } from './supply.input';
import type { SupplyLinkRow } from './supply.loaders';
import { SupplyLink, SupplyLinkConnection } from './supply.type';

@Resolver(() => SupplyLink)
export class SupplyLinkResolver {
  @Query(() => SupplyLink, { description: 'A supply link by id. NOT_FOUND when unknown.' })
  async supplyLink(@Arg('id', () => String) id: string, @Ctx() { loaders }: Context): Promise<SupplyLink> {
    const link = await loaders.supply.supplyLinkById.load(id);
    if (!link) throw new NotFoundError('SupplyLink', id);
    return link;
  }

  @Query(() => SupplyLinkConnection, {
    description: 'Supply links matching the filters, largest volume first (volumes compared as numbers, whatever their unit).',
  })
  async supplyLinks(
    @Arg('filter', () => SupplyLinkFilter, { nullable: true, defaultValue: {} }) givenFilter: SupplyLinkFilter | null,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Ctx() { db }: Context,
  ) {
    const page = toPageRequest(pageArgs);
    const params = toSupplyLinkFilterParams(givenFilter ?? {});
    const order = 'volume';
    const [volume, id] = page.cursor ? decodeCursor(page.cursor, order, ['number?', 'string']) : [null, ''];
    const limit = int(page.size + 1);
    const rows =
      page.direction === 'forward'
        ? await db.read<{ link: SupplyLinkRow }>(SUPPLY_LINKS_BY_VOLUME_FORWARD, { ...params, afterVolume: volume, afterId: id, limit })
        : await db.read<{ link: SupplyLinkRow }>(SUPPLY_LINKS_BY_VOLUME_BACKWARD, { ...params, beforeVolume: volume, beforeId: id, limit });
    const totalCount = async () => (await db.read<{ total: number }>(COUNT_SUPPLY_LINKS, params))[0].total;
    return toConnection(
      rows.map((r) => r.link),
      page,
      order,
      (l) => [l.volume, l.id],
      totalCount,
    );
  }

  @FieldResolver(() => Actor, { description: 'The seller.' })
  async supplier(@Root() link: SupplyLinkRow, @Ctx() { loaders }: Context): Promise<Actor> {
    return (await loaders.actor.actorById.load(link.supplierId))!;
  }

  @FieldResolver(() => Actor, { description: 'The buyer.' })
  async buyer(@Root() link: SupplyLinkRow, @Ctx() { loaders }: Context): Promise<Actor> {
    return (await loaders.actor.actorById.load(link.buyerId))!;
  }

  @FieldResolver(() => Product, { description: 'The product traded.' })
  async product(@Root() link: SupplyLink, @Ctx() { loaders }: Context): Promise<Product> {
    return (await loaders.product.productOfSupplyLink.load(link.id))!;
  }

  @FieldResolver(() => [Label], { description: 'Labels the goods carry.' })
  labels(@Root() link: SupplyLink, @Ctx() { loaders }: Context): Promise<Label[]> {
    return loaders.label.labelsOfSupplyLink.load(link.id);
  }

  @FieldResolver(() => [SupplyLink], {
    description:
      'Provenance: the links (bought by this supplier) whose goods these are made or resold from, by id (`first`: 10 by default, 50 at most).',
  })
  async sourcedFrom(
    @Root() link: SupplyLink,
    @Args(() => SourcesArgs) { first }: SourcesArgs,
    @Ctx() { loaders }: Context,
  ): Promise<SupplyLink[]> {
    return (await loaders.supply.inputsOfSupplyLink.load(link.id)).slice(0, first);
  }

  @FieldResolver(() => Float, { description: 'Great-circle distance between supplier and buyer, in km.' })
  async distanceKm(@Root() link: SupplyLinkRow, @Ctx() { loaders }: Context): Promise<number> {
    const [supplier, buyer] = await loaders.actor.actorById.loadMany([link.supplierId, link.buyerId]);
    return Math.round(distanceKm((supplier as Actor).location, (buyer as Actor).location) * 1000) / 1000;
  }
}
