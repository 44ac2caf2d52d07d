/**
 * Communes of a department and/or an EPCI (both given: both must hold), for a map, by INSEE code,
 * and whether the department and the EPCI asked for exist. Params: $departmentCode, $epciSiren
 * (either may be null, not both). Returns one row: departmentFound, epciFound, communes (maps of
 * insee, name, population, location, epciName).
 */
export const COMMUNES_FOR_MAP = /* cypher */ `
  OPTIONAL MATCH (d:Department {code: $departmentCode})
  OPTIONAL MATCH (e:Epci {siren: $epciSiren})
  RETURN d IS NOT NULL AS departmentFound, e IS NOT NULL AS epciFound, COLLECT {
    MATCH (c:Commune)
    WHERE ($departmentCode IS NULL OR EXISTS { (c)-[:IN_DEPARTMENT]->(:Department {code: $departmentCode}) })
      AND ($epciSiren IS NULL OR EXISTS { (c)-[:IN_EPCI]->(:Epci {siren: $epciSiren}) })
    OPTIONAL MATCH (c)-[:IN_EPCI]->(ce:Epci)
    WITH c, ce ORDER BY c.insee
    RETURN c {.insee, .name, .population, .location, epciName: ce.name}
  } AS communes`;
