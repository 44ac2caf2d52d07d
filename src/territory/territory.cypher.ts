import type { SchemaStatement } from '../db';

export const TERRITORY_SCHEMA: SchemaStatement[] = [
  {
    name: 'commune_insee',
    kind: 'constraint',
    cypher: 'CREATE CONSTRAINT commune_insee IF NOT EXISTS FOR (c:Commune) REQUIRE c.insee IS UNIQUE',
  },
  { name: 'epci_siren', kind: 'constraint', cypher: 'CREATE CONSTRAINT epci_siren IF NOT EXISTS FOR (e:Epci) REQUIRE e.siren IS UNIQUE' },
  {
    name: 'department_code',
    kind: 'constraint',
    cypher: 'CREATE CONSTRAINT department_code IF NOT EXISTS FOR (d:Department) REQUIRE d.code IS UNIQUE',
  },
  {
    name: 'region_code',
    kind: 'constraint',
    cypher: 'CREATE CONSTRAINT region_code IF NOT EXISTS FOR (r:Region) REQUIRE r.code IS UNIQUE',
  },
  { name: 'commune_location', kind: 'index', cypher: 'CREATE POINT INDEX commune_location IF NOT EXISTS FOR (c:Commune) ON (c.location)' },
  { name: 'commune_name', kind: 'index', cypher: 'CREATE INDEX commune_name IF NOT EXISTS FOR (c:Commune) ON (c.name)' },
];

/** Upserts regions. Params: $regions [{code, name}]. */
export const UPSERT_REGIONS = /* cypher */ `
  UNWIND $regions AS row
  MERGE (r:Region {code: row.code})
  SET r.name = row.name`;

/** Upserts departments in their regions. Params: $departments [{code, name, regionCode, prefectureInsee}]. */
export const UPSERT_DEPARTMENTS = /* cypher */ `
  UNWIND $departments AS row
  MATCH (r:Region {code: row.regionCode})
  MERGE (d:Department {code: row.code})
  SET d.name = row.name, d.prefectureInsee = row.prefectureInsee
  MERGE (d)-[:IN_REGION]->(r)`;

/** Links neighbouring departments, one relationship per pair. Params: $pairs [[code, code]]. */
export const LINK_NEIGHBOUR_DEPARTMENTS = /* cypher */ `
  UNWIND $pairs AS pair
  MATCH (a:Department {code: pair[0]}), (b:Department {code: pair[1]})
  MERGE (a)-[:NEIGHBOUR_OF]-(b)`;

/** Upserts EPCIs. Params: $epcis [{siren, name, kind, population}]. */
export const UPSERT_EPCIS = /* cypher */ `
  UNWIND $epcis AS row
  MERGE (e:Epci {siren: row.siren})
  SET e.name = row.name, e.kind = row.kind, e.population = row.population`;

/** The properties a commune holds (UPSERT_COMMUNES sets them all), which its GraphQL type reads. */
export const COMMUNE_PROPERTIES = ['insee', 'name', 'postalCodes', 'population', 'location'] as const;

/**
 * Upserts communes with their point, department and EPCI, then links each EPCI to the departments
 * its communes lie in (an EPCI may straddle two). Params: $communes [{insee, name, department,
 * postalCodes, population, latitude, longitude, epciSiren}].
 */
export const UPSERT_COMMUNES = /* cypher */ `
  UNWIND $communes AS row
  MATCH (d:Department {code: row.department})
  MERGE (c:Commune {insee: row.insee})
  SET c.name = row.name,
      c.postalCodes = row.postalCodes,
      c.population = row.population,
      c.location = point({latitude: row.latitude, longitude: row.longitude})
  MERGE (c)-[:IN_DEPARTMENT]->(d)
  WITH c, d, row
  OPTIONAL MATCH (e:Epci {siren: row.epciSiren})
  FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END |
    MERGE (c)-[:IN_EPCI]->(e)
    MERGE (e)-[:IN_DEPARTMENT]->(d))`;

/** Counts what the geography holds. Returns one row: regions, departments, epcis, communes. */
export const COUNT_GEOGRAPHY = /* cypher */ `
  CALL { MATCH (r:Region) RETURN count(r) AS regions }
  CALL { MATCH (d:Department) RETURN count(d) AS departments }
  CALL { MATCH (e:Epci) RETURN count(e) AS epcis }
  CALL { MATCH (c:Commune) RETURN count(c) AS communes }
  RETURN regions, departments, epcis, communes`;

/** Communes by INSEE code. Params: $keys. Returns rows: key, value (commune). */
export const COMMUNES_BY_INSEE = /* cypher */ `
  UNWIND $keys AS key
  MATCH (c:Commune {insee: key})
  RETURN key, c {.*} AS value`;

/** The commune of each actor. Params: $keys (actor ids). Returns rows: key, value. */
export const COMMUNE_OF_ACTORS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Actor {id: key})-[:LOCATED_IN]->(c:Commune)
  RETURN key, c {.*} AS value`;

/** The department of each commune. Params: $keys (INSEE). Returns rows: key, value. */
export const DEPARTMENT_OF_COMMUNES = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Commune {insee: key})-[:IN_DEPARTMENT]->(d:Department)
  RETURN key, d {.*} AS value`;

/** The EPCI of each commune. Params: $keys (INSEE). Returns rows: key, value. */
export const EPCI_OF_COMMUNES = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Commune {insee: key})-[:IN_EPCI]->(e:Epci)
  RETURN key, e {.*} AS value`;

/** The departments an EPCI lies in. Params: $keys (SIREN). Returns rows: key, value (list). */
export const DEPARTMENTS_OF_EPCIS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Epci {siren: key})-[:IN_DEPARTMENT]->(d:Department)
  WITH key, d ORDER BY d.code
  RETURN key, collect(d {.*}) AS value`;

/** The region of each department. Params: $keys (codes). Returns rows: key, value. */
export const REGION_OF_DEPARTMENTS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Department {code: key})-[:IN_REGION]->(r:Region)
  RETURN key, r {.*} AS value`;

/** Neighbouring departments. Params: $keys (codes). Returns rows: key, value (list). */
export const NEIGHBOURS_OF_DEPARTMENTS = /* cypher */ `
  UNWIND $keys AS key
  MATCH (:Department {code: key})-[:NEIGHBOUR_OF]-(n:Department)
  WITH key, n ORDER BY n.code
  RETURN key, collect(n {.*}) AS value`;

/** Departments by code. Params: $keys. Returns rows: key, value. */
export const DEPARTMENTS_BY_CODE = /* cypher */ `
  UNWIND $keys AS key
  MATCH (d:Department {code: key})
  RETURN key, d {.*} AS value`;

/** EPCIs by SIREN. Params: $keys. Returns rows: key, value. */
export const EPCIS_BY_SIREN = /* cypher */ `
  UNWIND $keys AS key
  MATCH (e:Epci {siren: key})
  RETURN key, e {.*} AS value`;

/** Communes whose name matches, accent- and case-insensitively, best first. Params: $name, $limit. Returns rows of commune maps. */
export const COMMUNES_NAMED = /* cypher */ `
  MATCH (c:Commune)
  WHERE toLower(c.name) = toLower($name)
  RETURN c {.*} AS commune
  ORDER BY c.population DESC
  LIMIT $limit`;
