/** What break detection needs of a chain edge (ExplorerChainGraph's edges). */
export interface ChainEdgeLike {
  link: { id: string };
  sourcedFromIds: string[];
  labels: Array<{ id: string; name: string; organic: boolean }>;
}

/**
 * The links where an organic chain breaks: a link whose goods are legally organic (AB, EU organic,
 * in conversion) made from a link of the graph that carries no organic label. Returns the ids of
 * the upstream links without the label. Other labels are not checked here: an appellation may not
 * apply to the inputs (Picodon AOP on cheese, not on milk), which only `labelIntegrity` knows.
 * Pure: unit tested in tests/explorer-format.test.ts.
 */
export function organicBreaks(edges: readonly ChainEdgeLike[]): Set<string> {
  const byId = new Map(edges.map((edge) => [edge.link.id, edge]));
  const isOrganic = (edge: ChainEdgeLike) => edge.labels.some((label) => label.organic);
  const breaks = new Set<string>();
  for (const edge of edges) {
    if (!isOrganic(edge)) continue;
    for (const inputId of edge.sourcedFromIds) {
      const input = byId.get(inputId);
      if (input && !isOrganic(input)) breaks.add(input.link.id);
    }
  }
  return breaks;
}
