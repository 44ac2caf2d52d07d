/** The deepest neighbourhood a client may ask for: 4 supply hops already span most of the Drôme network. */
export const MAX_NEIGHBOURHOOD_DEPTH = 4;

export type NeighbourhoodDepth = 1 | 2 | 3 | 4;

/** A supply link passes the neighbourhood filter. Params: $productId, $organic (both may be null). */
const LINK_FILTER = /* cypher */ `
  ($productId IS NULL OR EXISTS { (l)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(:Product {id: $productId}) })
  AND ($organic IS NULL OR $organic = EXISTS { (l)-[:CERTIFIED]->(:Label {organic: true}) })`;

/**
 * The neighbourhood of an actor in the supply network, as a graph view, in one round trip.
 *
 * One hop is actor - supply link - actor in either direction (a link is a node between SUPPLIES and
 * TO). `ANY SHORTEST` finds, for each reachable actor, one shortest path within `depth` hops whose
 * links and neighbours pass the filters (a breadth-first search, so a cycle such as A → B → A
 * neither repeats nodes nor multiplies paths), hence each node's depth. The nearest $maxNodes
 * actors are kept (the extra one fetched tells `truncated`). The edges are every link between two
 * kept actors that passes the link filters (the induced subgraph: two neighbours trading with each
 * other are shown trading), so every edge's ends are nodes.
 *
 * Quantifier bounds must be literals in Cypher, so there is one statement per allowed depth, built
 * from this single template; the depth is never user text. Params: $actorId, $productId, $organic,
 * $roles (null = filter off), $maxNodes (neo4j.int). Returns no row for an unknown actor, else one
 * row: nodes (maps, nearest first), edges (maps, by id), truncated.
 */
function neighbourhoodOfDepth(depth: NeighbourhoodDepth): string {
  return /* cypher */ `
  MATCH (centre:Actor {id: $actorId})
  WITH centre, COLLECT {
    MATCH p = ANY SHORTEST (centre)
      ((:Actor)-[:SUPPLIES|TO]-(l:SupplyLink WHERE ${LINK_FILTER})-[:SUPPLIES|TO]-(y:Actor WHERE $roles IS NULL OR any(role IN y.roles WHERE role IN $roles))){1,${depth}}
      (n:Actor)
    WHERE n <> centre
    WITH n, length(p) / 2 AS depth
    ORDER BY depth, n.name, n.id
    LIMIT $maxNodes
    RETURN {actor: n, depth: depth}
  } AS reached
  WITH [{actor: centre, depth: 0}] + reached AS found
  WITH found[0..$maxNodes] AS kept, size(found) > $maxNodes AS truncated
  WITH kept, truncated, [k IN kept | k.actor] AS actors
  CALL (actors) {
    UNWIND actors AS s
    MATCH (s)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b:Actor)
    WHERE b IN actors AND ${LINK_FILTER}
    MATCH (l)-[:OF_PRODUCT]->(p:Product)
    WITH s, l, b, p ORDER BY l.id
    RETURN collect({
      id: l.id, source: s.id, target: b.id, productId: p.id, productName: p.name,
      labels: COLLECT { MATCH (l)-[:CERTIFIED]->(x:Label) RETURN x.id ORDER BY x.id },
      volume: l.volume, unit: l.unit, distanceKm: point.distance(s.location, b.location) / 1000.0
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

/** NEIGHBOURHOOD[depth]: the neighbourhood statement for 1 to MAX_NEIGHBOURHOOD_DEPTH hops (see neighbourhoodOfDepth). */
export const NEIGHBOURHOOD: Readonly<Record<NeighbourhoodDepth, string>> = {
  1: neighbourhoodOfDepth(1),
  2: neighbourhoodOfDepth(2),
  3: neighbourhoodOfDepth(3),
  4: neighbourhoodOfDepth(4),
};
