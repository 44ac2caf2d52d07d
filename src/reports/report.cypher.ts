import { CARRIES_REQUIRED, NEED_REQUIRED_LABELS } from '../reasoning';
import { COUNTS_AS_ORGANIC, COUNTS_FOR_EGALIM } from '../records';
import { ReportTerritoryKind } from './report.type';

/**
 * The territory report's statements. The territory is resolved once (TERRITORY, the only statement
 * that differs with its kind); every other statement takes the list of its communes' INSEE codes
 * ($insees), so a commune, an EPCI and a department run the same Cypher and the communes are found
 * through the `commune_insee` constraint's index. Aggregation happens here, per buyer, family or
 * unit; the service only adds groups up and divides.
 *
 * Shared parameters: $insees (list of INSEE codes), $yearEnd (a date: 31 December of the year; a
 * link counts when it started on or before it, or states no start), $localRadiusM (metres).
 */

/** A link `l` is active in the year: it started on or before 31 December, or states no start. */
const ACTIVE = (l: string) => `(${l}.since IS NULL OR ${l}.since <= date($yearEnd))`;

/**
 * Actor `a` is a public buyer, from its legal nature: its `publicBuyer` fact (local authorities and
 * their kitchens, public collèges, public hospitals: ActorRecord.publicBuyer), or, for a graph that
 * does not state it, a member of the club's local-authority college or an institution (see docs/reports.md).
 */
export const IS_PUBLIC = (a: string) =>
  `(coalesce(${a}.publicBuyer, false) OR coalesce(${a}.memberGroup, '') = 'LOCAL_AUTHORITIES' OR 'INSTITUTION' IN ${a}.roles)`;

/** Actor `a` is a kitchen: a canteen or a central kitchen. */
const IS_KITCHEN = (a: string) => `('CANTEEN' IN ${a}.roles OR 'CENTRAL_KITCHEN' IN ${a}.roles)`;

/** Actor `a` only resells (all its roles are in $resellerRoles): never the origin of goods. */
const RESELLER_ONLY = (a: string) => `(size(${a}.roles) > 0 AND all(role IN ${a}.roles WHERE role IN $resellerRoles))`;

/** The territory's node, name, population, communes and departments, per kind. */
const TERRITORY_FIND: Readonly<Record<ReportTerritoryKind, string>> = {
  [ReportTerritoryKind.COMMUNE]: `
  OPTIONAL MATCH (t:Commune {insee: $code})
  WITH t, CASE WHEN t IS NULL THEN [] ELSE [t] END AS communes`,
  [ReportTerritoryKind.EPCI]: `
  OPTIONAL MATCH (t:Epci {siren: $code})
  WITH t, COLLECT { MATCH (c:Commune)-[:IN_EPCI]->(t) RETURN c } AS communes`,
  [ReportTerritoryKind.DEPARTMENT]: `
  OPTIONAL MATCH (t:Department {code: $code})
  WITH t, COLLECT { MATCH (c:Commune)-[:IN_DEPARTMENT]->(t) RETURN c } AS communes`,
};

/**
 * TERRITORY[kind]: the territory of a report. Params: $code. One row: found, name, population (the
 * sum of its communes'), communeInsees (sorted), departmentCodes (sorted), epciSiren (a commune's
 * EPCI, for the questions asked of an EPCI; null otherwise), dataDate (the latest Actor.createdAt of
 * the graph: when its data last grew), hasActors (an actor is located in one of its communes: the
 * report has data, and its other statements can all be asked at once).
 */
export const TERRITORY: Readonly<Record<ReportTerritoryKind, string>> = Object.fromEntries(
  Object.values(ReportTerritoryKind).map((kind) => [
    kind,
    /* cypher */ `
  ${TERRITORY_FIND[kind]}
  RETURN t IS NOT NULL AS found,
         t.name AS name,
         reduce(total = null, c IN communes | CASE WHEN c.population IS NULL THEN total ELSE coalesce(total, 0) + c.population END) AS population,
         [c IN communes | c.insee] AS communeInsees,
         COLLECT { UNWIND communes AS c MATCH (c)-[:IN_DEPARTMENT]->(d:Department) RETURN DISTINCT d.code AS code ORDER BY code } AS departmentCodes,
         COLLECT { UNWIND communes AS c MATCH (c)-[:IN_EPCI]->(e:Epci) WHERE size(communes) = 1 RETURN e.siren }[0] AS epciSiren,
         COLLECT { MATCH (a:Actor) RETURN max(a.createdAt) AS latest }[0] AS dataDate,
         any(c IN communes WHERE EXISTS { (c)<-[:LOCATED_IN]-(:Actor) }) AS hasActors`,
  ]),
) as Record<ReportTerritoryKind, string>;

/** The public directory facts of actor `a` in commune `c` (ReportActor). */
const ACTOR_REF = (a: string, c: string) => `{
    id: ${a}.id, name: ${a}.name, roles: ${a}.roles, communeInsee: ${c}.insee, communeName: ${c}.name,
    latitude: coalesce(${a}.location, ${c}.location).latitude, longitude: coalesce(${a}.location, ${c}.location).longitude,
    publicBuyer: ${IS_PUBLIC(a)}
  }`;

/** The actors located in the territory, by id. Params: $insees. Rows: actor (ReportActor), kitchen. */
export const TERRITORY_ACTORS = /* cypher */ `
  UNWIND $insees AS insee
  MATCH (c:Commune {insee: insee})<-[:LOCATED_IN]-(a:Actor)
  RETURN ${ACTOR_REF('a', 'c')} AS actor, ${IS_KITCHEN('a')} AS kitchen
  ORDER BY a.id`;

/** Actors by id, wherever they are (suppliers outside the territory). Params: $ids. Rows: actor (ReportActor). */
export const ACTOR_REFS = /* cypher */ `
  UNWIND $ids AS id
  MATCH (a:Actor {id: id})
  OPTIONAL MATCH (a)-[:LOCATED_IN]->(c:Commune)
  RETURN ${ACTOR_REF('a', 'c')} AS actor`;

/** Products by the id of supply links of theirs. Params: $linkIds. Rows: linkId, product (ReportProduct). */
export const PRODUCTS_OF_LINKS = /* cypher */ `
  UNWIND $linkIds AS linkId
  MATCH (:SupplyLink {id: linkId})-[:OF_PRODUCT]->(p:Product)
  RETURN linkId, p {.id, .name, .family} AS product`;

/**
 * What the territory's actors bought in the year, grouped by buyer and purchase family. Params:
 * $insees, $yearEnd, $localRadiusM, $resellerRoles. A link is
 * - quality when it carries a label with `egalim` (the legal organic labels have it: organic counts
 *   in both), organic when it carries one with `organic` and `egalim` (legal EU organic: a private
 *   organic mark such as Nature & Progrès is not EGalim's organic, whatever its `organic` flag says
 *   before issue 11's relabelling);
 * - local when its supplier's point (else its commune centroid) is within $localRadiusM of the
 *   buyer's (great circle);
 * - circuit court when it has at most one intermediary: its supplier is not only a reseller, or it
 *   is a reseller's link whose declared inputs (SOURCED_FROM, at least one) all come from suppliers
 *   that are not only resellers;
 * - outside when its supplier's commune is not one of $insees.
 * Rows: buyerId, kitchen, family, links, linksWithoutValue, valueEur, qualityValueEur,
 * organicValueEur, agrilocalValueEur, localValueEur, circuitCourtValueEur, outsideValueEur, kg
 * (volume of the links in KG or TONNE, in kg), kgMetres (the sum of kg × distance in metres).
 */
export const PURCHASES = /* cypher */ `
  UNWIND $insees AS insee
  MATCH (bc:Commune {insee: insee})<-[:LOCATED_IN]-(b:Actor)
  MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b)
  WHERE ${ACTIVE('l')}
  MATCH (l)-[:OF_PRODUCT]->(p:Product)
  OPTIONAL MATCH (s)-[:LOCATED_IN]->(sc:Commune)
  WITH b, bc, s, sc, l, p, coalesce(l.valueEur, 0.0) AS value,
       EXISTS { (l)-[:CERTIFIED]->(q:Label) WHERE ${COUNTS_FOR_EGALIM('q', 'p')} } AS quality,
       EXISTS { (l)-[:CERTIFIED]->(o:Label) WHERE ${COUNTS_AS_ORGANIC('o', 'p')} AND o.egalim } AS organic,
       point.distance(coalesce(s.location, sc.location), coalesce(b.location, bc.location)) AS distanceM,
       CASE l.unit WHEN 'KG' THEN l.volume WHEN 'TONNE' THEN l.volume * 1000 END AS kg,
       COLLECT { MATCH (l)-[:SOURCED_FROM]->(:SupplyLink)<-[:SUPPLIES]-(o:Actor) RETURN NOT ${RESELLER_ONLY('o')} AS fromOrigin } AS inputs
  WITH b, p, l, value, quality, organic, distanceM, kg,
       distanceM IS NOT NULL AND distanceM <= $localRadiusM AS local,
       NOT ${RESELLER_ONLY('s')} OR (size(inputs) > 0 AND all(x IN inputs WHERE x)) AS circuitCourt,
       sc IS NULL OR NOT sc.insee IN $insees AS outside
  RETURN b.id AS buyerId, ${IS_KITCHEN('b')} AS kitchen, p.family AS family,
         count(l) AS links,
         count(CASE WHEN l.valueEur IS NULL THEN 1 END) AS linksWithoutValue,
         toFloat(sum(value)) AS valueEur,
         toFloat(sum(CASE WHEN quality THEN value ELSE 0 END)) AS qualityValueEur,
         toFloat(sum(CASE WHEN organic THEN value ELSE 0 END)) AS organicValueEur,
         toFloat(sum(CASE WHEN l.channel = 'AGRILOCAL' THEN value ELSE 0 END)) AS agrilocalValueEur,
         toFloat(sum(CASE WHEN local THEN value ELSE 0 END)) AS localValueEur,
         toFloat(sum(CASE WHEN circuitCourt THEN value ELSE 0 END)) AS circuitCourtValueEur,
         toFloat(sum(CASE WHEN outside THEN value ELSE 0 END)) AS outsideValueEur,
         toFloat(sum(CASE WHEN distanceM IS NULL THEN null ELSE kg END)) AS kg,
         toFloat(sum(kg * distanceM)) AS kgMetres
  ORDER BY buyerId, family`;

/**
 * What the territory's actors sold in the year: the farms' sales per family and unit (production),
 * and the processors' sales of products made from others (transformation) per product and unit.
 * Params: $insees, $yearEnd, $processorRoles. One row: production [{family, unit, producers,
 * privateProducers, links, volume, valueEur}], transformed [{product, unit, processors,
 * privateProcessors, volume}].
 */
export const SALES = /* cypher */ `
  CALL () {
    UNWIND $insees AS insee
    MATCH (:Commune {insee: insee})<-[:LOCATED_IN]-(s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:OF_PRODUCT]->(p:Product)
    WHERE 'FARM' IN s.roles AND ${ACTIVE('l')}
    WITH p.family AS family, l.unit AS unit, s, l
    WITH family, unit, count(DISTINCT s) AS producers, count(DISTINCT CASE WHEN NOT ${IS_PUBLIC('s')} THEN s END) AS privateProducers,
         count(l) AS links, toFloat(sum(l.volume)) AS volume, toFloat(sum(coalesce(l.valueEur, 0.0))) AS valueEur
    ORDER BY family, unit
    RETURN collect({family: family, unit: unit, producers: producers, privateProducers: privateProducers, links: links,
                    volume: volume, valueEur: valueEur}) AS production
  }
  CALL () {
    UNWIND $insees AS insee
    MATCH (:Commune {insee: insee})<-[:LOCATED_IN]-(s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:OF_PRODUCT]->(p:Product)
    WHERE any(role IN s.roles WHERE role IN $processorRoles) AND ${ACTIVE('l')}
      AND EXISTS { (p)-[:IS_A*0..6]->(:Product)-[:MADE_FROM]->(:Product) }
    WITH p, l.unit AS unit, s, l
    WITH p, unit, count(DISTINCT s) AS processors, count(DISTINCT CASE WHEN NOT ${IS_PUBLIC('s')} THEN s END) AS privateProcessors,
         toFloat(sum(l.volume)) AS volume
    ORDER BY volume DESC, p.id, unit
    RETURN collect({product: p {.id, .name, .family}, unit: unit, processors: processors, privateProcessors: privateProcessors,
                    volume: volume}) AS transformed
  }
  RETURN production, transformed`;

/**
 * The needs of the territory's actors and how the year's supply links cover them, per family and
 * unit. A link covers a need by the coverage rule of the reasoning module (NEED_COVERAGE in
 * src/reasoning/matchmaking/matchmaking.cypher.ts: a link to the buyer of the product or a narrower
 * one carrying every required label, a required organic label met by any organic label), here
 * restricted to links active in the year; a local link also has its supplier within $localRadiusM of
 * the buyer. Each need counts its covered volume up to its own volume (links in another unit cover
 * but add nothing). Params: $insees, $yearEnd, $localRadiusM. Rows: family, unit, needs, buyers,
 * privateBuyers, covered, partial, unmet (need counts), needVolume, coveredVolume, localCoveredVolume.
 */
export const NEED_COVERAGE_BY_FAMILY = /* cypher */ `
  UNWIND $insees AS insee
  MATCH (bc:Commune {insee: insee})<-[:LOCATED_IN]-(b:Actor)-[:NEEDS]->(n:Need)-[:OF_PRODUCT]->(p:Product)
  ${NEED_REQUIRED_LABELS}
  CALL (n, b, bc, p, required) {
    OPTIONAL MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink)-[:TO]->(b)
    WHERE ${ACTIVE('l')}
      AND EXISTS { (l)-[:OF_PRODUCT]->(:Product)-[:IS_A*0..6]->(p) }
      AND ${CARRIES_REQUIRED('l')}
    OPTIONAL MATCH (s)-[:LOCATED_IN]->(sc:Commune)
    WITH n, l, CASE WHEN l.unit = n.unit THEN l.volume ELSE 0.0 END AS volume,
         point.distance(coalesce(s.location, sc.location), coalesce(b.location, bc.location)) <= $localRadiusM AS local
    RETURN count(l) AS coveringLinks,
           toFloat(sum(volume)) AS linked,
           toFloat(sum(CASE WHEN local THEN volume ELSE 0.0 END)) AS localLinked
  }
  WITH p.family AS family, n.unit AS unit, b, n, coveringLinks,
       CASE WHEN linked < n.volume THEN linked ELSE n.volume END AS covered,
       CASE WHEN localLinked < n.volume THEN localLinked ELSE n.volume END AS localCovered
  RETURN family, unit, count(n) AS needs, count(DISTINCT b) AS buyers,
         count(DISTINCT CASE WHEN NOT ${IS_PUBLIC('b')} THEN b END) AS privateBuyers,
         count(CASE WHEN coveringLinks > 0 AND covered >= n.volume THEN 1 END) AS covered,
         count(CASE WHEN coveringLinks > 0 AND covered < n.volume THEN 1 END) AS partial,
         count(CASE WHEN coveringLinks = 0 THEN 1 END) AS unmet,
         toFloat(sum(n.volume)) AS needVolume, toFloat(sum(covered)) AS coveredVolume, toFloat(sum(localCovered)) AS localCoveredVolume
  ORDER BY family, unit`;

/** Every statement of the report, by name (the profile bench, bench/report-profile.ts, names them so). */
export const REPORT_STATEMENTS = {
  TERRITORY,
  TERRITORY_ACTORS,
  ACTOR_REFS,
  PRODUCTS_OF_LINKS,
  PURCHASES,
  SALES,
  NEED_COVERAGE_BY_FAMILY,
} as const;
