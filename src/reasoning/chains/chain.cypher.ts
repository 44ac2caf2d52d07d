import { actorMap } from '../../actor';
import { volumeConfidential } from '../../common';
import { ChainDirection, IntegrityBreakKind, IntegrityScopeKind } from './chain.enums';

/**
 * The root of animal feed in the product taxonomy (seeds/products.json: "Aliments pour animaux");
 * an unlabelled input of this product or a narrower one under legal organic goods is conventional
 * feed (EU 2018/848, annex II part II 1.4: organic livestock are fed organic feed).
 */
export const FEED_PRODUCT_ID = 'aliments-animaux';

/**
 * The longest chain a question may follow, in supply links. Eight links back from a kitchen already
 * pass farm → cooperative → mill → bakery → wholesaler → food hub → retailer with room to spare;
 * the bound keeps variable-length walks over provenance cheap even where provenance loops.
 */
export const MAX_CHAIN_DEPTH = 8;

/** The depth `upstream` and `downstream` follow when the client names none: a farm → cooperative → mill → bakery → kitchen chain. */
export const DEFAULT_CHAIN_DEPTH = 4;

/** The parts of a chain statement that differ with the direction; fixed text, never user input. */
interface DirectionFragments {
  /** Binds `start`: the root's links of the product (or a narrower one) on the root's side. */
  start: string;
  /** The provenance relationship walked from `start`, away from the root. */
  walk: string;
  /** Binds `further`: the links one step beyond `l` away from the root (any of them outside the graph means a cut). */
  further: string;
  /** Depth of the supplier and of the buyer of a link at `depth`. */
  supplierDepth: string;
  buyerDepth: string;
}

const FRAGMENTS: Readonly<Record<ChainDirection, DirectionFragments>> = {
  [ChainDirection.UPSTREAM]: {
    start: '(root)<-[:TO]-(start:SupplyLink)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(product)',
    walk: '-[:SOURCED_FROM*0..{hops}]->',
    further: '(l)-[:SOURCED_FROM]->(further:SupplyLink)',
    supplierDepth: 'depth',
    buyerDepth: 'depth - 1',
  },
  [ChainDirection.DOWNSTREAM]: {
    start: '(root)-[:SUPPLIES]->(start:SupplyLink)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(product)',
    walk: '<-[:SOURCED_FROM*0..{hops}]-',
    further: '(l)<-[:SOURCED_FROM]-(further:SupplyLink)',
    supplierDepth: 'depth - 1',
    buyerDepth: 'depth',
  },
};

/**
 * A supply chain from (upstream) or to (downstream) an actor, for a product, as a DAG, in one round
 * trip.
 *
 * The start links are the root's purchases (upstream) or sales (downstream) of the product or a
 * narrower one (IS_A*0..6, the taxonomy's depth). From them the walk follows SOURCED_FROM (upstream:
 * to the inputs; downstream: to the links made or resold from them) for at most `depth` links in
 * all, the start link counting as depth 1. Relationship isomorphism makes the variable-length walk
 * terminate on a provenance loop; paths that pass the same link twice are dropped (a chain never
 * holds a link twice), and each link is kept once with the least depth it is reached at, so shared
 * sub-chains (a cooperative selling to two mills that both sell to the bakery) appear once.
 *
 * A link is `provenanceUnknown` when it declares no input and its supplier is not a farm (the chain
 * stops there: the graph does not know where the goods come from, and nothing is invented); it is an
 * origin when it declares no input and its supplier is a farm. `truncated` is true when a link of
 * the graph has a link beyond it (an input upstream, an output downstream) that the depth left out.
 * `longestMetres` is the greatest sum of supplier → buyer great-circle distances along one path.
 *
 * Quantifier bounds must be literals: the walk is written with the largest (MAX_CHAIN_DEPTH) and
 * cut by `length(path) < $maxDepth`, so the two directions are two statements, each planned once
 * (these plans cost seconds to build; one statement per depth would multiply that at every cold
 * start). The path lengths in metres are summed only with $withTotalDistance (the query selects
 * `totalDistanceKm`): they read both ends of every link of every path, a third of the statement's
 * db hits on the seed's deepest chain (issue 13, W2: 1,289 db hits with them, 869 without); a
 * parameter rather than a second text, so one plan. Params: $actorId, $productId, $maxDepth
 * (neo4j.int, 1..MAX_CHAIN_DEPTH), $withTotalDistance. Returns one row:
 * rootActor, product (null when unknown), edges (by depth, then id), nodes (by depth, name, id; the
 * root first), farms, truncated, longestMetres (0 without $withTotalDistance).
 */
function chainStatement(direction: ChainDirection): string {
  const f = FRAGMENTS[direction];
  return /* cypher */ `
  OPTIONAL MATCH (root:Actor {id: $actorId})
  OPTIONAL MATCH (product:Product {id: $productId})
  WITH root, product, COLLECT {
    MATCH ${f.start}
    WITH DISTINCT start
    MATCH path = (start)${f.walk.replace('{hops}', String(MAX_CHAIN_DEPTH - 1))}(:SupplyLink)
    WHERE length(path) < $maxDepth
      AND all(x IN nodes(path) WHERE single(y IN nodes(path) WHERE y = x))
    RETURN {
      link: last(nodes(path)),
      depth: length(path) + 1,
      metres: CASE WHEN $withTotalDistance THEN reduce(m = 0.0, x IN nodes(path) |
        m + COLLECT { MATCH (s:Actor)-[:SUPPLIES]->(x)-[:TO]->(b:Actor) RETURN point.distance(s.location, b.location) }[0]) ELSE 0.0 END
    }
  } AS hops
  CALL (hops) {
    UNWIND hops AS hop
    WITH hop.link AS l, min(hop.depth) AS depth
    RETURN collect({link: l, depth: depth}) AS reached
  }
  WITH root, product, reached, [r IN reached | r.link] AS links,
       reduce(m = 0.0, hop IN hops | CASE WHEN hop.metres > m THEN hop.metres ELSE m END) AS longestMetres
  CALL (reached, links) {
    UNWIND reached AS r
    WITH r.link AS l, r.depth AS depth, links
    MATCH (s:Actor)-[:SUPPLIES]->(l)-[:TO]->(b:Actor)
    MATCH (l)-[:OF_PRODUCT]->(p:Product)
    WITH l, depth, s, b, p, links,
         COLLECT { MATCH (l)-[:SOURCED_FROM]->(i:SupplyLink) RETURN i ORDER BY i.id } AS inputs,
         EXISTS { MATCH ${f.further} WHERE NOT further IN links } AS cut
    WITH l, depth, s, b, p, links, inputs, cut,
         size(inputs) = 0 AND NOT 'FARM' IN s.roles AS provenanceUnknown,
         size(inputs) = 0 AND 'FARM' IN s.roles AS origin
    ORDER BY depth, l.id
    RETURN collect({
             link: l {.*, supplierId: s.id, buyerId: b.id, volumeConfidential: ${volumeConfidential('s', 'b')}},
             volumeConfidential: ${volumeConfidential('s', 'b')},
             supplierId: s.id,
             buyerId: b.id,
             product: p {.*},
             labels: COLLECT { MATCH (l)-[:CERTIFIED]->(x:Label) RETURN x {.*} ORDER BY x.id },
             volume: l.volume,
             unit: l.unit,
             distanceKm: point.distance(s.location, b.location) / 1000.0,
             depth: depth,
             sourcedFromIds: [i IN inputs WHERE i IN links | i.id],
             provenanceUnknown: provenanceUnknown
           }) AS edges,
           collect({actor: s, depth: ${f.supplierDepth}, provenanceUnknown: provenanceUnknown, origin: origin})
             + collect({actor: b, depth: ${f.buyerDepth}, provenanceUnknown: false, origin: false}) AS ends,
           count(CASE WHEN cut THEN 1 END) > 0 AS truncated
  }
  CALL (root, ends) {
    UNWIND [{actor: root, depth: 0, provenanceUnknown: false, origin: false}] + ends AS side
    WITH side.actor AS a, min(side.depth) AS depth,
         any(flag IN collect(side.provenanceUnknown) WHERE flag) AS provenanceUnknown,
         any(flag IN collect(side.origin) WHERE flag) AS origin
    WITH a, depth, provenanceUnknown, origin, ${actorMap('a')} AS actor
    ORDER BY depth, a.name, a.id
    RETURN collect({actor: actor, depth: depth, roles: a.roles, provenanceUnknown: provenanceUnknown}) AS nodes,
           [n IN collect({actor: actor, origin: origin}) WHERE n.origin | n.actor] AS farms
  }
  RETURN ${actorMap('root')} AS rootActor, product {.*} AS product, edges, nodes, farms, truncated, longestMetres`;
}

/** CHAIN[direction]: the chain statement of a direction (see chainStatement). */
export const CHAIN: Readonly<Record<ChainDirection, string>> = {
  [ChainDirection.UPSTREAM]: chainStatement(ChainDirection.UPSTREAM),
  [ChainDirection.DOWNSTREAM]: chainStatement(ChainDirection.DOWNSTREAM),
};

/** Binds `scope` (null when unknown) from $scopeId, then, in a subquery, the links `l` of the scope. */
const SCOPES: Readonly<Record<IntegrityScopeKind, { find: string; links: string }>> = {
  [IntegrityScopeKind.ACTOR]: {
    find: 'OPTIONAL MATCH (scope:Actor {id: $scopeId})',
    links: 'MATCH (scope)-[:SUPPLIES]->(l:SupplyLink)',
  },
  [IntegrityScopeKind.PRODUCT]: {
    find: 'OPTIONAL MATCH (scope:Product {id: $scopeId})',
    links: 'MATCH (l:SupplyLink)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(scope)',
  },
  [IntegrityScopeKind.DEPARTMENT]: {
    find: 'OPTIONAL MATCH (scope:Department {code: $scopeId})',
    links: 'MATCH (scope)<-[:IN_DEPARTMENT]-(:Commune)<-[:LOCATED_IN]-(:Actor)-[:SUPPLIES]->(l:SupplyLink)',
  },
  [IntegrityScopeKind.EPCI]: {
    find: 'OPTIONAL MATCH (scope:Epci {siren: $scopeId})',
    links: 'MATCH (scope)<-[:IN_EPCI]-(:Commune)<-[:LOCATED_IN]-(:Actor)-[:SUPPLIES]->(l:SupplyLink)',
  },
};

/** The goods of link `n` carry the label checked: `label`, or any legal organic label when $organic. */
const labelled = (n: string) => `EXISTS { (${n})-[:CERTIFIED]->(cert:Label) WHERE cert = label OR ($organic AND cert.organic) }`;

/** One provenance step to a labelled link `n`, repeated in quantified path patterns (the predicate prunes the walk as it goes). */
const labelledStep = (n: string) => `(()-[:SOURCED_FROM]->(${n}:SupplyLink WHERE ${labelled(n)}))`;

/**
 * Where a labelled chain may rightly end, for a link `z` reached through labelled links: a farm's
 * link that declares no input (the goods start there), or a link with an unlabelled input (no break
 * was found, so the label does not apply to that input: goat milk under a Picodon AOP).
 */
const isOrigin = (z: string) =>
  `((NOT EXISTS { (${z})-[:SOURCED_FROM]->(:SupplyLink) } AND EXISTS { (farm:Actor)-[:SUPPLIES]->(${z}) WHERE 'FARM' IN farm.roles })
              OR EXISTS { (${z})-[:SOURCED_FROM]->(input:SupplyLink) WHERE NOT ${labelled('input')} })`;

/** A supply link as the API returns it (its properties and both ends' ids), for a link variable `n`. */
const linkRow = (n: string) =>
  `${n} {.*, supplierId: COLLECT { MATCH (seller:Actor)-[:SUPPLIES]->(${n}) RETURN seller.id }[0], ` +
  `buyerId: COLLECT { MATCH (${n})-[:TO]->(purchaser:Actor) RETURN purchaser.id }[0]}`;

/**
 * Label integrity of the labelled links of a scope, in one round trip.
 *
 * Checked: the links of the scope whose goods carry the label. From each, the walk goes up its
 * provenance (SOURCED_FROM) through links that carry the label, for a chain of at most
 * MAX_CHAIN_DEPTH links (the checked link included), and stops at:
 * - a break: an input link that does not carry the label although the label can apply to its
 *   product (a label with FOR_PRODUCT products, such as Picodon AOP, applies to those products and
 *   narrower ones; a label without, such as AB, to every product). Each (checked link, break) pair
 *   is reported once, with its shortest path;
 * - an input the label cannot apply to (the goat milk of a Picodon AOP): outside the label, not a break;
 * - a labelled link with no declared input: an origin when its supplier is a farm.
 * When the label checked is legal organic (organic: true, or a label whose `organic` is true), two
 * more kinds of break (EU 2018/848: every operator handling organic goods is certified, and organic
 * livestock eat organic feed):
 * - CONVENTIONAL_FEED: the input without the label is animal feed (FEED_PRODUCT_ID or narrower);
 *   the other inputs without it are LABEL_LOST;
 * - UNCERTIFIED_OPERATOR: the seller of the checked link, or of a labelled link upstream of it,
 *   has no Agence Bio number. Every (checked link, such link) pair once, with its shortest path.
 * A checked link without a break is `unverified` when some labelled link of its chain leads to no
 * origin and no input outside the label: it declares no input and is not a farm's (a mill that
 * names no wheat), or its chain loops (a resale cycle) or runs past the depth bound.
 *
 * Params: $scopeId, $labelId (null when $organic), $organic (boolean). Returns one row: scopeFound,
 * label (null when unknown or organic), checked: [{link, breaks: [{kind, breaksAt, path (links from
 * the checked one to the break)}], unverified}] by link id; the breaks of one link are the lost
 * labels first (by depth, then id), then the uncertified operators (by depth, then id).
 */
function labelIntegrityStatement(kind: IntegrityScopeKind): string {
  const scope = SCOPES[kind];
  return /* cypher */ `
  ${scope.find}
  OPTIONAL MATCH (label:Label {id: $labelId})
  WITH scope, label, COLLECT { MATCH (label)-[:FOR_PRODUCT]->(p:Product) RETURN p } AS labelProducts
  WITH scope, label, labelProducts, COLLECT {
    ${scope.links}
    WHERE ${labelled('l')}
    RETURN DISTINCT l
  } AS links
  CALL (links, label, labelProducts) {
    UNWIND links AS l
    WITH l, label, labelProducts, ($organic OR coalesce(label.organic, false)) AS legalOrganic
    CALL (l, label, labelProducts, legalOrganic) {
      MATCH path = (l) ${labelledStep('m')}{0,${MAX_CHAIN_DEPTH - 2}}
                   ()-[:SOURCED_FROM]->(x:SupplyLink WHERE NOT ${labelled('x')})
      WHERE size(labelProducts) = 0
         OR EXISTS { (x)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(q:Product) WHERE q IN labelProducts }
      WITH x, path ORDER BY length(path), [n IN nodes(path) | n.id]
      WITH x, head(collect(path)) AS path
      ORDER BY length(path), x.id
      RETURN collect({
        kind: CASE WHEN legalOrganic AND EXISTS { (x)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(:Product {id: '${FEED_PRODUCT_ID}'}) }
          THEN '${IntegrityBreakKind.CONVENTIONAL_FEED}' ELSE '${IntegrityBreakKind.LABEL_LOST}' END,
        breaksAt: ${linkRow('x')}, path: [n IN nodes(path) | ${linkRow('n')}]}) AS lost
    }
    CALL (l, label, legalOrganic) {
      WITH l, label, legalOrganic WHERE legalOrganic
      MATCH path = (l) ${labelledStep('u')}{0,${MAX_CHAIN_DEPTH - 1}} (held:SupplyLink)
      WHERE EXISTS { (seller:Actor)-[:SUPPLIES]->(held) WHERE coalesce(trim(seller.agenceBioNumber), '') = '' }
      WITH held, path ORDER BY length(path), [n IN nodes(path) | n.id]
      WITH held, head(collect(path)) AS path
      ORDER BY length(path), held.id
      RETURN collect({kind: '${IntegrityBreakKind.UNCERTIFIED_OPERATOR}', breaksAt: ${linkRow('held')}, path: [n IN nodes(path) | ${linkRow('n')}]}) AS uncertified
    }
    WITH l, lost + uncertified AS breaks,
         size(lost) + size(uncertified) = 0 AND EXISTS {
           MATCH (l) ${labelledStep('k')}{0,${MAX_CHAIN_DEPTH - 1}} (y:SupplyLink)
           WHERE NOT EXISTS {
             MATCH (y) ${labelledStep('j')}{0,${MAX_CHAIN_DEPTH - 1}} (z:SupplyLink)
             WHERE ${isOrigin('z')}
           }
         } AS unverified
    ORDER BY l.id
    RETURN collect({link: ${linkRow('l')}, breaks: breaks, unverified: unverified}) AS checked
  }
  RETURN scope IS NOT NULL AS scopeFound, label {.*} AS label, checked`;
}

/** LABEL_INTEGRITY[kind]: the label-integrity statement of a scope kind (see labelIntegrityStatement). */
export const LABEL_INTEGRITY: Readonly<Record<IntegrityScopeKind, string>> = {
  [IntegrityScopeKind.ACTOR]: labelIntegrityStatement(IntegrityScopeKind.ACTOR),
  [IntegrityScopeKind.PRODUCT]: labelIntegrityStatement(IntegrityScopeKind.PRODUCT),
  [IntegrityScopeKind.DEPARTMENT]: labelIntegrityStatement(IntegrityScopeKind.DEPARTMENT),
  [IntegrityScopeKind.EPCI]: labelIntegrityStatement(IntegrityScopeKind.EPCI),
};
