/**
 * `variable`'s values of `properties`, as a Cypher list in that order: a row that carries many
 * records (a page of actors with their offers, products, labels and partners) then carries no key
 * names, which the driver would decode as strings for every map (issue 13, W3). Read back with
 * `withValues`. `variable` and `properties` are fixed text of ours.
 */
export const valuesOf = (variable: string, properties: readonly string[]): string =>
  `[${properties.map((property) => `${variable}.${property}`).join(', ')}]`;

/** Sets `target`'s `properties` to `values` (in that order, as `valuesOf` lists them) and returns it. */
export function withValues<T extends object>(target: T, properties: readonly string[], values: readonly unknown[]): T {
  const record = target as Record<string, unknown>;
  properties.forEach((property, i) => (record[property] = values[i]));
  return target;
}

/** A Cypher list literal of enum values: fixed strings of ours, never user input. */
export const cypherList = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/**
 * `volumeConfidential` of a supply link between actors bound to `supplier` and `buyer`: either
 * party hides its volumes. Projected beside link rows so the VOLUME rule (src/auth) decides
 * without loading the two actors.
 */
export const volumeConfidential = (supplier: string, buyer: string): string =>
  `coalesce(${supplier}.confidentialVolumes, false) OR coalesce(${buyer}.confidentialVolumes, false)`;
