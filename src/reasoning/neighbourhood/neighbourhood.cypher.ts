import { volumeConfidential } from '../../common';
/** The deepest neighbourhood a client may ask for: 4 supply hops already span most of the Drôme network. */
export const MAX_NEIGHBOURHOOD_DEPTH = 4;

export type NeighbourhoodDepth = 1 | 2 | 3 | 4;

/** A supply link passes the neighbourhood filter. Params: $productId, $organic (both may be null). */
const LINK_FILTER = /* cypher */ `($productId IS NULL OR EXISTS { (l)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(:Product {id: $productId}) })
      AND ($organic IS NULL OR $organic = EXISTS { (l)-[:CERTIFIED]->(:Label {organic: true}) })`;

/** A neighbour passes the role filter. Params: $roles (null = filter off). */
const NEIGHBOUR_FILTER = /* cypher */ `($roles IS NULL OR any(role IN y.roles WHERE role IN $roles))`;

/**
 * One breadth-first hop: the actors one supply link away from the frontier, not seen before,
 * reached through a link and into a neighbour passing the filters, by name then id. Expanding stops
 * once more than $maxNodes actors are seen (the cap is reached; the rest would be cut anyway).
 */
function hop(depth: number, linkFilter: string): string {
  return /* cypher */ `
  CALL (seen, frontier) {
    UNWIND frontier AS x
    MATCH (x)-[:SUPPLIES|TO]-(l:SupplyLink)-[:SUPPLIES|TO]-(y:Actor)
    WHERE NOT y IN seen AND ${NEIGHBOUR_FILTER}${linkFilter}
    WITH DISTINCT y ORDER BY y.name, y.id
    RETURN collect(y) AS next
  }
  WITH seen + next AS seen,
       CASE WHEN size(seen) + size(next) > $maxNodes THEN [] ELSE next END AS frontier,
       found + [y IN next | {actor: y, depth: ${depth}}] AS found`;
}

/**
 * The neighbourhood of an actor in the supply network, as a graph view, in one round trip.
 *
 * One hop is actor - supply link - actor in either direction (a link is a node between SUPPLIES and
 * TO). The walk is a breadth-first search unrolled `depth` times (at most 4): each hop expands only
 * the previous hop's new actors and skips those already seen, so every actor appears once, at its
 * shortest distance, and a cycle (A → B → A) adds nothing. Only links and neighbours passing the
 * filters are walked through. It visits each link at most twice; a variable-length match enumerates
 * paths instead (exponential in a meshed network), and `ANY SHORTEST` over a quantified path was 5
 * times slower on the Drôme seed (0.7-1.7 s against 0.1-0.2 s at depth 4 around its best-connected
 * actor). The nearest $maxNodes actors are kept, by depth then name. The edges are every link
 * between two kept actors that passes the link filters (the induced subgraph: two neighbours that
 * trade with each other are shown trading), so every edge's ends are nodes.
 *
 * Params: $actorId, $productId, $organic, $roles (null = filter off), $maxNodes (neo4j.int).
 * Returns no row for an unknown actor, else one row: nodes (maps, by depth then name), edges (maps,
 * by id), truncated.
 */
function neighbourhoodOfDepth(depth: NeighbourhoodDepth, linkFilter: string): string {
  const hops = Array.from({ length: depth }, (_, i) => hop(i + 1, linkFilter)).join('');
  return /* cypher */ `
  MATCH (centre:Actor {id: $actorId})
  WITH [centre] AS seen, [centre] AS frontier, [{actor: centre, depth: 0}] AS found${hops}
  WITH found[0..$maxNodes] AS kept, size(found) > $maxNodes AS truncated
  WITH kept, truncated, [k IN kept | k.actor] AS actors
  CALL (actors) {
    UNWIND actors AS s
    MATCH (s)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b:Actor)
    WHERE b IN actors${linkFilter}
    MATCH (l)-[:OF_PRODUCT]->(p:Product)
    WITH s, l, b, p ORDER BY l.id
    RETURN collect({
      id: l.id, source: s.id, target: b.id, productId: p.id, productName: p.name,
      labels: COLLECT { MATCH (l)-[:CERTIFIED]->(x:Label) RETURN x.id ORDER BY x.id },
      volume: l.volume, unit: l.unit, distanceKm: point.distance(s.location, b.location) / 1000.0,
      volumeConfidential: ${volumeConfidential('s', 'b')}
    }) AS edges
  }
  CALL (kept) {
    UNWIND kept AS k
    WITH k.actor AS a, k.depth AS depth
    MATCH (a)-[:LOCATED_IN]->(c:Commune)
    WITH a, depth, c ORDER BY depth, a.name, a.id
    RETURN collect({
      id: a.id, label: a.name, roles: a.roles, position: a.location, communeName: c.name,
      clubMember: a.clubMember, depth: depth
    }) AS nodes
  }
  RETURN nodes, edges, truncated`;
}

/** The link filters as a statement writes them after a WHERE condition. */
const WITH_LINK_FILTER = `
      AND ${LINK_FILTER}`;

/** NEIGHBOURHOOD[depth]: the neighbourhood statement for 1 to MAX_NEIGHBOURHOOD_DEPTH hops (see neighbourhoodOfDepth). */
export const NEIGHBOURHOOD: Readonly<Record<NeighbourhoodDepth, string>> = {
  1: neighbourhoodOfDepth(1, WITH_LINK_FILTER),
  2: neighbourhoodOfDepth(2, WITH_LINK_FILTER),
  3: neighbourhoodOfDepth(3, WITH_LINK_FILTER),
  4: neighbourhoodOfDepth(4, WITH_LINK_FILTER),
};

/**
 * The same statements without the link filters, for a request with neither $productId nor
 * $organic (most of them): the filters' two subqueries per hop, and in the edges, are planned even
 * when their parameters are null, and made the depth-2 statement take a second to plan after a
 * Neo4j restart (docs/benchmarks.md, "Planning time"). Same answers when both are null.
 */
export const UNFILTERED_NEIGHBOURHOOD: Readonly<Record<NeighbourhoodDepth, string>> = {
  1: neighbourhoodOfDepth(1, ''),
  2: neighbourhoodOfDepth(2, ''),
  3: neighbourhoodOfDepth(3, ''),
  4: neighbourhoodOfDepth(4, ''),
};
