import { valuesOf } from '../common';
import type { SchemaStatement } from '../db';

export const ACTOR_SCHEMA: SchemaStatement[] = [
  { name: 'actor_id', kind: 'constraint', cypher: 'CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE' },
  {
    name: 'actor_siret',
    kind: 'constraint',
    cypher: 'CREATE CONSTRAINT actor_siret IF NOT EXISTS FOR (a:Actor) REQUIRE a.siret IS UNIQUE',
  },
  { name: 'actor_location', kind: 'index', cypher: 'CREATE POINT INDEX actor_location IF NOT EXISTS FOR (a:Actor) ON (a.location)' },
  { name: 'actor_name', kind: 'index', cypher: 'CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name)' },
];

/** The properties of an actor that its GraphQL type and access rules read (all but `createdAt`). */
export const ACTOR_PROPERTIES = [
  'id',
  'name',
  'roles',
  'siret',
  'agenceBioNumber',
  'clubMember',
  'memberGroup',
  'email',
  'phone',
  'website',
  'description',
  'location',
  'confidentialVolumes',
  'fictitious',
  'publicBuyer',
] as const;
export type ActorProperty = (typeof ACTOR_PROPERTIES)[number];

/**
 * An actor as the API reads it: the properties its GraphQL type (and its access rules) read, every
 * one but `createdAt`, which only the reports read (their data date). Projecting `a {.*}` shipped
 * that DateTime with every actor, and the driver takes about a quarter of a millisecond to decode
 * one: on the page of 50 actors with their partners (170 actors), more than the rest of the rows
 * together (issue 13, W3 profile). `variable` is a Cypher variable of ours.
 */
export const actorMap = (variable: string, extra = ''): string =>
  `${variable} {${ACTOR_PROPERTIES.map((p) => `.${p}`).join(', ')}${extra}}`;

/**
 * The same properties as actorMap, as a list in ACTOR_PROPERTIES' order (`toPartialActor` reads
 * it), for the page statements: their rows then carry no key names, which the driver decodes as
 * strings for every map (valuesOf). `variable` is a Cypher variable of ours.
 */
export const actorValues = (variable: string): string => valuesOf(variable, ACTOR_PROPERTIES);

/** Counts actors per role. Returns rows: role, actors. */
export const COUNT_ACTORS_PER_ROLE = /* cypher */ `
  MATCH (a:Actor) UNWIND a.roles AS role
  RETURN role, count(*) AS actors ORDER BY role`;

/**
 * The filters of an actor list, shared by the page, count and map statements, in three groups.
 * Every parameter may be null (filter off). Params: $roles, $clubMember, $ids (from a full-text
 * search), $origin (point), $radiusM; $communeInsee, $epciSiren, $departmentCode; $productId,
 * $labelIds, $organic.
 *
 * Why groups: Neo4j plans every subquery a statement holds, whether its parameter is null or not.
 * With all the filters in every statement, the actors page with its prefetch tail took 1.8 s to plan
 * after a Neo4j restart, the text-filtered page 1.3 s and its count 1.1 s (`npm run bench:planning`,
 * docs/benchmarks.md), most of it for filters no request of the page used; after a restart the
 * service is unavailable until its hot statements are planned again (issue 9). So each statement
 * exists once per combination of the two groups that hold subqueries (`ActorFilterSet`); a request
 * runs the one its filter needs (`actorFilterSetOf`). The texts are fixed at module load: which one
 * runs depends on which parameters are null, never on their values.
 */
const PROPERTY_FILTERS = /* cypher */ `
      ($roles IS NULL OR any(role IN a.roles WHERE role IN $roles))
  AND ($clubMember IS NULL OR a.clubMember = $clubMember)
  AND ($ids IS NULL OR a.id IN $ids)
  AND ($origin IS NULL OR point.distance(a.location, $origin) <= $radiusM)`;

/** The place filters: commune, EPCI, department. */
const PLACE_FILTERS = /* cypher */ `
  AND ($communeInsee IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Commune {insee: $communeInsee}) })
  AND ($epciSiren IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Commune)-[:IN_EPCI]->(:Epci {siren: $epciSiren}) })
  AND ($departmentCode IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Commune)-[:IN_DEPARTMENT]->(:Department {code: $departmentCode}) })`;

/**
 * The offer filter: an offer of the product (or a product under it: IS_A down at most 6 levels, the
 * taxonomy is 4 deep), with every label asked, organic or not as asked. $organic reads the offer's
 * organic key (OFFER_IS_ORGANIC: in conversion counts for plant products only), as the suppliers do.
 */
const OFFER_FILTER = /* cypher */ `
  AND (($productId IS NULL AND $labelIds IS NULL AND $organic IS NULL) OR EXISTS {
        MATCH (a)-[:OFFERS]->(o:Offer)-[:OF_PRODUCT]->(p:Product)
        WHERE ($productId IS NULL OR EXISTS { (p)-[:IS_A*0..6]->(:Product {id: $productId}) })
          AND ($labelIds IS NULL OR all(labelId IN $labelIds WHERE EXISTS { (o)-[:CERTIFIED]->(:Label {id: labelId}) }))
          AND ($organic IS NULL OR $organic = coalesce(o.organic, false))
      })`;

/** Which filter groups a statement carries: the property filters always; the place and offer groups when asked. */
export type ActorFilterSet = 'properties' | 'place' | 'offer' | 'placeAndOffer';
const ACTOR_FILTER_SETS: readonly ActorFilterSet[] = ['properties', 'place', 'offer', 'placeAndOffer'];

const FILTERS_OF_SET: Readonly<Record<ActorFilterSet, string>> = {
  properties: PROPERTY_FILTERS,
  place: PROPERTY_FILTERS + PLACE_FILTERS,
  offer: PROPERTY_FILTERS + OFFER_FILTER,
  placeAndOffer: PROPERTY_FILTERS + PLACE_FILTERS + OFFER_FILTER,
};

/** The filter parameters, null when off (`toFilterParams`). */
export interface ActorFilterParams {
  roles: string[] | null;
  clubMember: boolean | null;
  ids: string[] | null;
  origin: unknown;
  radiusM: number | null;
  communeInsee: string | null;
  epciSiren: string | null;
  departmentCode: string | null;
  productId: string | null;
  labelIds: string[] | null;
  organic: boolean | null;
}

/** The smallest filter set whose statements apply every filter `params` turns on. */
export function actorFilterSetOf(params: ActorFilterParams): ActorFilterSet {
  const place = params.communeInsee !== null || params.epciSiren !== null || params.departmentCode !== null;
  const offer = params.productId !== null || params.labelIds !== null || params.organic !== null;
  return place ? (offer ? 'placeAndOffer' : 'place') : offer ? 'offer' : 'properties';
}

/** One statement (or record of statements) per filter set, built from the set's filters (a WHERE condition over `a`). */
function perFilterSet<T>(build: (filters: string) => T): Readonly<Record<ActorFilterSet, T>> {
  return Object.fromEntries(ACTOR_FILTER_SETS.map((set) => [set, build(FILTERS_OF_SET[set])])) as Record<ActorFilterSet, T>;
}

/**
 * The six page statements of the actors list (by name or by distance, forward or backward, with or
 * without a full-text match), each as its MATCH ... WHERE, the variables it carries, its order and
 * its projection, so that `actorPageStatements` can write them plain or with a fixed tail of
 * subqueries run on the page's rows only (src/prefetch).
 */
interface ActorPageShape {
  /** MATCH ... WHERE, given the filters of one filter set. */
  match: (filters: string) => string;
  carried: string;
  order: string;
  returns: string;
}

/**
 * A forward page of actors by name: walks the actor_name index from the cursor's name, in index
 * order, and stops after $limit rows that pass the filters, so page 500 costs what page 1 costs.
 * Ties on name are ordered by id in a partial sort (PartialTop). The tie-break is a CASE (same
 * name: id after the cursor's), which the planner cannot split: written as `name > x OR id > y`,
 * the planner split the OR into a union of two index seeks, one reading every actor whose id sorts
 * after the cursor's, then sorted them all (54-104 ms a page on 20k actors); written as
 * `NOT (name = x AND id <= y)` it did the same once the statement lost the subqueries of unused
 * filters (the planner rewrites it as an OR). The hint keeps the name index when filters make the
 * planner guess otherwise.
 * Params: filters, $afterName, $afterId ('' for the first page), $limit.
 */
const BY_NAME_FORWARD: ActorPageShape = {
  match: (filters) => /* cypher */ `
  MATCH (a:Actor)
  USING INDEX a:Actor(name)
  WHERE a.name >= $afterName AND CASE WHEN a.name = $afterName THEN a.id > $afterId ELSE true END
    AND ${filters}`,
  carried: 'a',
  order: 'a.name, a.id',
  returns: `${actorValues('a')} AS actor`,
};

/** A backward page by name (reversed by the caller), walking the index downwards. Params: filters, $beforeName, $beforeId, $limit. */
const BY_NAME_BACKWARD: ActorPageShape = {
  match: (filters) => /* cypher */ `
  MATCH (a:Actor)
  USING INDEX a:Actor(name)
  WHERE a.name <= $beforeName AND CASE WHEN a.name = $beforeName THEN a.id < $beforeId ELSE true END
    AND ${filters}`,
  carried: 'a',
  order: 'a.name DESC, a.id DESC',
  returns: `${actorValues('a')} AS actor`,
};

/**
 * The forward and backward pages by name among the actors a full-text search found ($ids, at most
 * a thousand): seeking them by id and sorting them costs less than walking the name index until
 * enough of them turn up. Params: as the pages by name, $ids not null.
 */
const MATCHED_BY_NAME_FORWARD: ActorPageShape = {
  match: (filters) => /* cypher */ `
  UNWIND $ids AS matchedId
  MATCH (a:Actor {id: matchedId})
  WHERE a.name >= $afterName AND CASE WHEN a.name = $afterName THEN a.id > $afterId ELSE true END
    AND ${filters}`,
  carried: 'a',
  order: 'a.name, a.id',
  returns: `${actorValues('a')} AS actor`,
};

const MATCHED_BY_NAME_BACKWARD: ActorPageShape = {
  match: (filters) => /* cypher */ `
  UNWIND $ids AS matchedId
  MATCH (a:Actor {id: matchedId})
  WHERE a.name <= $beforeName AND CASE WHEN a.name = $beforeName THEN a.id < $beforeId ELSE true END
    AND ${filters}`,
  carried: 'a',
  order: 'a.name DESC, a.id DESC',
  returns: `${actorValues('a')} AS actor`,
};

/**
 * A forward page by distance from $origin within $radiusM (the point index bounds the scan).
 * Params: filters, $afterDistance (metres, -1 for the first page), $afterId, $limit.
 */
const BY_DISTANCE_FORWARD: ActorPageShape = {
  match: (filters) => /* cypher */ `
  MATCH (a:Actor)
  WHERE point.distance(a.location, $origin) <= $radiusM AND ${filters}
  WITH a, point.distance(a.location, $origin) AS distance
  WHERE distance > $afterDistance OR (distance = $afterDistance AND a.id > $afterId)`,
  carried: 'a, distance',
  order: 'distance, a.id',
  returns: `${actorValues('a')} AS actor, round(distance / 1000.0, 3) AS distanceKm, distance`,
};

/** A backward page by distance. Params: filters, $beforeDistance (metres; a huge value for the last page), $beforeId, $limit. */
const BY_DISTANCE_BACKWARD: ActorPageShape = {
  match: (filters) => /* cypher */ `
  MATCH (a:Actor)
  WHERE point.distance(a.location, $origin) <= $radiusM AND ${filters}
  WITH a, point.distance(a.location, $origin) AS distance
  WHERE distance < $beforeDistance OR (distance = $beforeDistance AND a.id < $beforeId)`,
  carried: 'a, distance',
  order: 'distance DESC, a.id DESC',
  returns: `${actorValues('a')} AS actor, round(distance / 1000.0, 3) AS distanceKm, distance`,
};

const ACTOR_PAGES = {
  byNameForward: BY_NAME_FORWARD,
  byNameBackward: BY_NAME_BACKWARD,
  matchedByNameForward: MATCHED_BY_NAME_FORWARD,
  matchedByNameBackward: MATCHED_BY_NAME_BACKWARD,
  byDistanceForward: BY_DISTANCE_FORWARD,
  byDistanceBackward: BY_DISTANCE_BACKWARD,
} as const;

export type ActorPageKind = keyof typeof ACTOR_PAGES;
/** The statement of each kind of page of the actors list, per filter set. */
export type ActorPageStatements = Readonly<Record<ActorFilterSet, Readonly<Record<ActorPageKind, string>>>>;

/**
 * A page statement with a tail: the page's $limit rows are chosen first (the same index walk and
 * partial sort as the plain statement), then `tail` runs on each of them (CALL subqueries over `a`
 * that each return one row), and the rows come back in the page's order with `columns` beside
 * `actor`. The order is written again at the end: Cypher promises no order after subqueries, and
 * sorting 201 rows at most costs nothing. `tail` and `columns` are fixed text of the caller's.
 */
function withTail(page: ActorPageShape, filters: string, tail: string, columns: string): string {
  return `${page.match(filters)}
  WITH ${page.carried} ORDER BY ${page.order} LIMIT $limit
  ${tail}
  RETURN ${page.returns}, ${columns}
  ORDER BY ${page.order}`;
}

function plain(page: ActorPageShape, filters: string): string {
  return `${page.match(filters)}
  RETURN ${page.returns}
  ORDER BY ${page.order}
  LIMIT $limit`;
}

/** Every page statement, plain (PLAIN_ACTOR_PAGES) or with a tail (built once, at module load, by the caller). */
export function actorPageStatements(tail?: { cypher: string; columns: string }): ActorPageStatements {
  const pagesWith = (filters: string) => {
    const build = (page: ActorPageShape) => (tail ? withTail(page, filters, tail.cypher, tail.columns) : plain(page, filters));
    return {
      byNameForward: build(ACTOR_PAGES.byNameForward),
      byNameBackward: build(ACTOR_PAGES.byNameBackward),
      matchedByNameForward: build(ACTOR_PAGES.matchedByNameForward),
      matchedByNameBackward: build(ACTOR_PAGES.matchedByNameBackward),
      byDistanceForward: build(ACTOR_PAGES.byDistanceForward),
      byDistanceBackward: build(ACTOR_PAGES.byDistanceBackward),
    };
  };
  return perFilterSet(pagesWith);
}

/** The page statements of the actors list, returning rows: actor (its actorValues), and by distance distanceKm and distance. */
export const PLAIN_ACTOR_PAGES = actorPageStatements();
/** The pages with the property filters only (no place, no offer filter), as the unfiltered list runs them. */
export const ACTORS_BY_NAME_FORWARD = PLAIN_ACTOR_PAGES.properties.byNameForward;
export const ACTORS_BY_NAME_BACKWARD = PLAIN_ACTOR_PAGES.properties.byNameBackward;
export const MATCHED_ACTORS_BY_NAME_FORWARD = PLAIN_ACTOR_PAGES.properties.matchedByNameForward;
export const MATCHED_ACTORS_BY_NAME_BACKWARD = PLAIN_ACTOR_PAGES.properties.matchedByNameBackward;
export const ACTORS_BY_DISTANCE_FORWARD = PLAIN_ACTOR_PAGES.properties.byDistanceForward;
export const ACTORS_BY_DISTANCE_BACKWARD = PLAIN_ACTOR_PAGES.properties.byDistanceBackward;

/** How many actors there are, from Neo4j's count store (no actor is read). Returns one row: total. */
export const COUNT_ALL_ACTORS = /* cypher */ `
  MATCH (a:Actor)
  RETURN count(a) AS total`;

/** How many actors pass the filters, per filter set. Params: filters. Returns one row: total. */
export const COUNT_ACTORS = perFilterSet(
  (filters) => /* cypher */ `
  MATCH (a:Actor)
  WHERE ${filters}
  RETURN count(a) AS total`,
);

/**
 * Actors passing the filters, for a map, per filter set: the few properties a marker needs and the
 * commune's INSEE code, by name then id, at most $limit. Params: filters, $limit (neo4j.int).
 * Returns rows: id, name, roles, clubMember, communeInsee, location.
 */
export const ACTORS_FOR_MAP = perFilterSet(
  (filters) => /* cypher */ `
  MATCH (a:Actor)
  WHERE ${filters}
  MATCH (a)-[:LOCATED_IN]->(c:Commune)
  RETURN a.id AS id, a.name AS name, a.roles AS roles, a.clubMember AS clubMember, c.insee AS communeInsee, a.location AS location
  ORDER BY a.name, a.id
  LIMIT $limit`,
);

/** Actor ids whose names match a Lucene query, best first. Params: $query, $limit. Returns rows: id. */
export const ACTOR_IDS_MATCHING = /* cypher */ `
  CALL db.index.fulltext.queryNodes('name_fulltext', $query, {limit: $limit}) YIELD node
  WHERE node:Actor
  RETURN node.id AS id`;

/** Actors by id. Params: $keys. Returns rows: key, value. */
export const ACTORS_BY_ID = /* cypher */ `
  UNWIND $keys AS key
  MATCH (a:Actor {id: key})
  RETURN key, ${actorMap('a')} AS value`;

/**
 * Some properties of actors by id: what a query selects of actors it only names (a page's trade
 * partners), in the order of $properties (names from ACTOR_PROPERTIES, checked by the caller: a
 * list of values, not a map, so no key name ships with each actor). One text whatever the
 * properties, so one plan. Params: $keys, $properties. Returns rows: key, values.
 */
export const ACTOR_PROPERTIES_BY_ID = /* cypher */ `
  UNWIND $keys AS key
  MATCH (a:Actor {id: key})
  RETURN key, [p IN $properties | a[p]] AS values`;

/** The actor of each offer. Params: $keys (offer ids). Returns rows: key, value. */
export const ACTOR_OF_OFFERS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (a:Actor)-[:OFFERS]->(:Offer {id: key})
  RETURN key, ${actorMap('a')} AS value`;

/** The actor of each need. Params: $keys (need ids). Returns rows: key, value. */
export const ACTOR_OF_NEEDS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (a:Actor)-[:NEEDS]->(:Need {id: key})
  RETURN key, ${actorMap('a')} AS value`;

/**
 * One actor as an import row would declare it, for partial updates (merge, re-validate, upsert).
 * latitude and longitude are null when the location is the commune's centroid (never given), so a
 * new communeInsee moves such an actor to its new commune. Params: $id. Returns one row: record
 * (ActorRecord), or none when unknown.
 */
export const ACTOR_RECORD = /* cypher */ `
  MATCH (a:Actor {id: $id})-[:LOCATED_IN]->(c:Commune)
  WITH a, c, a.location = c.location AS atCentroid
  RETURN a {
    .id, .name, .roles, .siret, .agenceBioNumber, .clubMember, .memberGroup,
    confidentialVolumes: coalesce(a.confidentialVolumes, false),
    .email, .phone, .website, .description,
    fictitious: coalesce(a.fictitious, false),
    publicBuyer: coalesce(a.publicBuyer, false),
    communeInsee: c.insee,
    latitude: CASE WHEN atCentroid THEN null ELSE a.location.latitude END,
    longitude: CASE WHEN atCentroid THEN null ELSE a.location.longitude END
  } AS record`;

/**
 * Creates the node of a new actor before UPSERT_ACTORS fills it: CREATE, not MERGE, so that when
 * two requests create the same id at once the second fails on the actor_id constraint (CONFLICT)
 * instead of overwriting the first. Params: $id.
 */
export const CLAIM_ACTOR_ID = /* cypher */ `
  CREATE (:Actor {id: $id, createdAt: datetime()})`;

/**
 * Deletes an actor with its offers, its needs and the supply links it is an end of (a link cannot
 * outlive its supplier or buyer); DETACH DELETE removes the SOURCED_FROM relationships of those
 * links, counted in `provenance`. Params: $id. Returns one row: offers, needs, supplyLinks,
 * provenance (counts), or none when the actor is unknown.
 */
export const DELETE_ACTOR = /* cypher */ `
  MATCH (a:Actor {id: $id})
  CALL (a) { OPTIONAL MATCH (a)-[:OFFERS]->(o:Offer) RETURN collect(o) AS offers }
  CALL (a) { OPTIONAL MATCH (a)-[:NEEDS]->(n:Need) RETURN collect(n) AS needs }
  CALL (a) { OPTIONAL MATCH (a)-[:SUPPLIES|TO]-(l:SupplyLink) RETURN collect(DISTINCT l) AS links }
  CALL (links) { UNWIND links AS l MATCH (l)-[p:SOURCED_FROM]-(:SupplyLink) RETURN count(DISTINCT p) AS provenance }
  FOREACH (x IN offers + needs + links | DETACH DELETE x)
  DETACH DELETE a
  RETURN size(offers) AS offers, size(needs) AS needs, size(links) AS supplyLinks, provenance`;
