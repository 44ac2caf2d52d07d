/** A Cypher list literal of enum values: fixed strings of ours, never user input. */
export const cypherList = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/**
 * `volumeConfidential` of a supply link between actors bound to `supplier` and `buyer`: either
 * party hides its volumes. Projected beside link rows so the VOLUME rule (src/auth) decides
 * without loading the two actors.
 */
export const volumeConfidential = (supplier: string, buyer: string): string =>
  `coalesce(${supplier}.confidentialVolumes, false) OR coalesce(${buyer}.confidentialVolumes, false)`;
