/** The Neo4j server's name and version. Returns one row: name, version. */
export const SERVER_VERSION = /* cypher */ `
  CALL dbms.components() YIELD name, versions
  RETURN name, versions[0] AS version
  LIMIT 1`;
