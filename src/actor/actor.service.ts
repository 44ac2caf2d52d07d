import type { Context } from '../context';
import { decodeCursor, toConnection, toPageRequest, type PageArgs } from '../common';
import { toGeoPoint } from '../territory';
import { toCypherPoint, int, toLuceneQuery, type Row } from '../db';
import { BadUserInputError } from '../errors';
import {
  ACTOR_IDS_MATCHING,
  ACTOR_PROPERTIES,
  COUNT_ACTORS,
  COUNT_ALL_ACTORS,
  PLAIN_ACTOR_PAGES,
  actorFilterSetOf,
  type ActorFilterParams,
  type ActorPageStatements,
} from './actor.cypher';
import { ActorSort, type ActorFilter } from './actor.input';
import { toPartialActor } from './actor.loaders';
import { Actor } from './actor.type';

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
  const params: ActorFilterParams = {
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
  };
  return { params, origin };
}

/** True when every filter parameter is off (null): the whole label is listed. */
function hasNoFilter(params: ActorFilterParams): boolean {
  return Object.values(params).every((value) => value === null);
}

/**
 * How a caller extends the page statement (src/prefetch): the statements to run instead of the
 * plain ones (the same pages with a fixed tail of subqueries, from `actorPageStatements`), their
 * extra parameters, and what to do with each row before the page is returned.
 */
export interface ActorPageExtension<R> {
  statements: ActorPageStatements;
  params: Record<string, unknown>;
  onRows(rows: (R & { actor: Actor })[]): void;
}

/** A row of a page statement as Neo4j returns it: the actor's values (actorValues), and by distance its distance in km. */
type PageRow = Row & { actor: unknown; distanceKm?: number };

/** The page's actor from its values: an instance, as type-graphql copies a plain root into a new Actor for each field resolver it runs on it. */
function toPageActor(row: PageRow): Actor {
  const actor = toPartialActor(ACTOR_PROPERTIES, row.actor as unknown[]);
  if (row.distanceKm !== undefined) actor.distanceKm = row.distanceKm;
  return actor;
}

/** A page of actors, by name or by distance, with keyset cursors; `extension` runs a richer statement in place of the plain one. */
export async function findActors<R = object>(
  filter: ActorFilter,
  sort: ActorSort,
  pageArgs: PageArgs,
  ctx: Context,
  extension?: ActorPageExtension<R>,
  { countNow = false }: { countNow?: boolean } = {},
) {
  const page = toPageRequest(pageArgs);
  const { params, origin } = await toFilterParams(filter, ctx);
  // Each statement exists per filter set: the one without the subqueries of unused filters plans faster.
  const filterSet = actorFilterSetOf(params);
  // Lazy and once: run only when the query selects totalCount (under any number of aliases); with no
  // filter the count store answers at once.
  let counting: Promise<number> | undefined;
  const totalCount = () =>
    (counting ??= ctx.db
      .read<{ total: number }>(hasNoFilter(params) ? COUNT_ALL_ACTORS : COUNT_ACTORS[filterSet], { ...params })
      .then((rows) => rows[0].total));
  // Known to be selected: counted beside the page statement (its own transaction) rather than after
  // it, which saves a round trip of latency (W5). The field resolver awaits the same promise. Called
  // once the cursor is read: a forged cursor is refused before anything reaches Neo4j.
  const countBesideThePage = () => {
    if (countNow) void totalCount().catch(() => undefined);
  };
  const limit = int(page.size + 1);
  const statements = (extension?.statements ?? PLAIN_ACTOR_PAGES)[filterSet];
  const readPage = async <T extends { actor: Actor }>(cypher: string, pageParams: Record<string, unknown>) => {
    const rows = await ctx.db.read<PageRow & T & R>(cypher, { ...params, ...extension?.params, ...pageParams, limit });
    for (const row of rows) row.actor = toPageActor(row);
    extension?.onRows(rows);
    return rows;
  };

  if (sort === ActorSort.NAME) {
    const order = 'name';
    const [name, id] = page.cursor
      ? decodeCursor(page.cursor, order, ['string', 'string'])
      : [page.direction === 'forward' ? '' : HIGHEST_NAME, ''];
    const [forward, backward] =
      params.ids === null
        ? [statements.byNameForward, statements.byNameBackward]
        : [statements.matchedByNameForward, statements.matchedByNameBackward];
    countBesideThePage();
    const rows =
      page.direction === 'forward'
        ? await readPage<{ actor: Actor }>(forward, { afterName: name, afterId: id })
        : await readPage<{ actor: Actor }>(backward, { beforeName: name, beforeId: page.cursor ? id : HIGHEST_NAME });
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
  countBesideThePage();
  const rows =
    page.direction === 'forward'
      ? await readPage<{ actor: Actor; distance: number }>(statements.byDistanceForward, { afterDistance: distance, afterId: id })
      : await readPage<{ actor: Actor; distance: number }>(statements.byDistanceBackward, {
          beforeDistance: distance,
          beforeId: page.cursor ? id : HIGHEST_NAME,
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
