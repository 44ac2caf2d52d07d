/**
 * The first `limit` items in `compare`'s order, as a stable sort then slice would give them, without
 * sorting them all: for a page of 20 among the 2,000 candidates of the headline question on the 100k
 * graph, a sorted buffer of 20, with which most items are compared once (with its last).
 */
export function firstInOrder<T>(items: T[], limit: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= limit * 4) return [...items].sort(compare).slice(0, limit);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === limit && compare(item, best[limit - 1]) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(best[mid], item) <= 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, item);
    if (best.length > limit) best.pop();
  }
  return best;
}
