/**
 * The territories the report index lists: a department and the EPCIs that lie in it (an EPCI
 * straddling two departments is listed in both), by name, with their number of communes.
 * Params: $departmentCode. Returns one row: department {code, name} and epcis [{siren, name,
 * population, communes}], or no row when the department is not in the graph.
 */
export const REPORT_TERRITORIES_OF_DEPARTMENT = /* cypher */ `
  MATCH (d:Department {code: $departmentCode})
  OPTIONAL MATCH (e:Epci)-[:IN_DEPARTMENT]->(d)
  WITH d, e ORDER BY e.name
  WITH d, collect(e {.siren, .name, .population, communes: COUNT { (:Commune)-[:IN_EPCI]->(e) }}) AS epcis
  RETURN d {.code, .name} AS department, epcis`;
