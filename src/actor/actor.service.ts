import type { Context } from '../context';
import { decodeCursor, toConnection, toPageRequest, type PageArgs } from '../common';
import { toGeoPoint } from '../territory';
import { toCypherPoint, int, toLuceneQuery } from '../db';
import { BadUserInputError } from '../errors';
import {
  ACTORS_BY_DISTANCE_BACKWARD,
  ACTORS_BY_DISTANCE_FORWARD,
  ACTORS_BY_NAME_BACKWARD,
  ACTORS_BY_NAME_FORWARD,
  ACTOR_IDS_MATCHING,
  COUNT_ACTORS,
  COUNT_ALL_ACTORS,
  MATCHED_ACTORS_BY_NAME_BACKWARD,
  MATCHED_ACTORS_BY_NAME_FORWARD,
} from './actor.cypher';
import { ActorSort, type ActorFilter } from './actor.input';
import type { Actor } from './actor.type';

/** A full-text filter narrows to at most this many best-matching actors. */
const MAX_TEXT_MATCHES = 1000;
/** Sorts after every real name, for the first backward page. */
const HIGHEST_NAME = '\u{10FFFF}';

/** Turns the GraphQL filter into the Cypher parameters of ACTOR_FILTERS (null = filter off). */
export async function toFilterParams(filter: ActorFilter, ctx: Context) {
  let ids: string[] | null = null;
  if (filter.text != null) {
    const query = toLuceneQuery(filter.text);
    if (!query) throw new BadUserInputError('text must contain at least one letter or digit');
    ids = (await ctx.db.read<{ id: string }>(ACTOR_IDS_MATCHING, { query, limit: int(MAX_TEXT_MATCHES) })).map((r) => r.id);
  }
  const origin = filter.near ? await toGeoPoint(filter.near, ctx) : null;
  return {
    params: {
      roles: filter.roles?.length ? filter.roles : null,
      productId: filter.productId ?? null,
      labelIds: filter.labelIds?.length ? filter.labelIds : null,
      organic: filter.organic ?? null,
      communeInsee: filter.communeInsee ?? null,
      epciSiren: filter.epciSiren ?? null,
      departmentCode: filter.departmentCode ?? null,
      origin: origin ? toCypherPoint(origin) : null,
      radiusM: filter.near ? filter.near.radiusKm * 1000 : null,
      clubMember: filter.clubMember ?? null,
      ids,
    },
    origin,
  };
}

/** True when every filter parameter is off (null): the whole label is listed. */
function hasNoFilter(params: Record<string, unknown>): boolean {
  return Object.values(params).every((value) => value === null);
}

/** A page of actors, by name or by distance, with keyset cursors. */
export async function findActors(filter: ActorFilter, sort: ActorSort, pageArgs: PageArgs, ctx: Context) {
  const page = toPageRequest(pageArgs);
  const { params, origin } = await toFilterParams(filter, ctx);
  // Lazy: run only when the query selects totalCount; with no filter the count store answers at once.
  const totalCount = async () =>
    (await ctx.db.read<{ total: number }>(hasNoFilter(params) ? COUNT_ALL_ACTORS : COUNT_ACTORS, params))[0].total;
  const limit = int(page.size + 1);

  if (sort === ActorSort.NAME) {
    const order = 'name';
    const [name, id] = page.cursor
      ? decodeCursor(page.cursor, order, ['string', 'string'])
      : [page.direction === 'forward' ? '' : HIGHEST_NAME, ''];
    const [forward, backward] =
      params.ids === null
        ? [ACTORS_BY_NAME_FORWARD, ACTORS_BY_NAME_BACKWARD]
        : [MATCHED_ACTORS_BY_NAME_FORWARD, MATCHED_ACTORS_BY_NAME_BACKWARD];
    const rows =
      page.direction === 'forward'
        ? await ctx.db.read<{ actor: Actor }>(forward, { ...params, afterName: name, afterId: id, limit })
        : await ctx.db.read<{ actor: Actor }>(backward, {
            ...params,
            beforeName: name,
            beforeId: page.cursor ? id : HIGHEST_NAME,
            limit,
          });
    return toConnection(
      rows.map((r) => r.actor),
      page,
      order,
      (a) => [a.name, a.id],
      totalCount,
    );
  }

  if (!origin) throw new BadUserInputError('sort: DISTANCE needs filter.near (the place to measure from)');
  const order = `distance:${origin.latitude},${origin.longitude}`;
  const [distance, id] = page.cursor
    ? decodeCursor(page.cursor, order, ['number', 'string'])
    : [page.direction === 'forward' ? -1 : Number.MAX_VALUE, ''];
  const rows =
    page.direction === 'forward'
      ? await ctx.db.read<{ actor: Actor; distance: number }>(ACTORS_BY_DISTANCE_FORWARD, {
          ...params,
          afterDistance: distance,
          afterId: id,
          limit,
        })
      : await ctx.db.read<{ actor: Actor; distance: number }>(ACTORS_BY_DISTANCE_BACKWARD, {
          ...params,
          beforeDistance: distance,
          beforeId: page.cursor ? id : HIGHEST_NAME,
          limit,
        });
  const distanceOf = new Map(rows.map((r) => [r.actor.id, r.distance]));
  return toConnection(
    rows.map((r) => r.actor),
    page,
    order,
    (a) => [distanceOf.get(a.id)!, a.id],
    totalCount,
  );
}
