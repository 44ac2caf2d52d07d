import type { ProductKingdom, ProductRecord } from '../records';

/**
 * Each product's kingdom (plant, animal or mixed): its own, else its nearest broader product's, so
 * the catalog declares it once on "Légumes" and every vegetable inherits it. Null when no product
 * of the chain declares one (an in-conversion label then makes it nothing organic: the prudent
 * reading). A cycle in the taxonomy is cut at the first repeat (validateCatalog reports it).
 */
export function resolveProductKingdoms(products: readonly ProductRecord[]): Map<string, ProductKingdom | null> {
  const byId = new Map(products.map((p) => [p.id, p]));
  const resolved = new Map<string, ProductKingdom | null>();
  for (const product of products) {
    const seen = new Set<string>();
    let current: ProductRecord | undefined = product;
    let kingdom: ProductKingdom | null = null;
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      if (current.kingdom) {
        kingdom = current.kingdom;
        break;
      }
      current = current.broaderId === null ? undefined : byId.get(current.broaderId);
    }
    resolved.set(product.id, kingdom);
  }
  return resolved;
}
