import { firstInOrder } from '../src/common';

// The page of a question whose matches are ordered in Node (the suppliers pipeline): the first
// `limit` in order must be exactly what sorting them all and slicing would give, ties included.

type Item = { n: number; d: number; id: string };
const compare = (a: Item, b: Item) => a.n - b.n || a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A reproducible sequence (a linear congruential generator), so that a failure can be replayed. */
function items(count: number, seed: number): Item[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Few distinct intermediaries and distances: many ties, broken by id.
  return Array.from({ length: count }, (_, i) => ({ n: Math.floor(next() * 3), d: Math.floor(next() * 50), id: `o-${i}` }));
}

describe('firstInOrder', () => {
  it.each([
    [2000, 21],
    [2000, 1],
    [500, 500],
    [90, 21],
    [3, 21],
    [0, 5],
  ])('gives the first of %i items as sort and slice do, for a limit of %i', (count, limit) => {
    for (const seed of [1, 7, 42]) {
      const list = items(count, seed);
      const before = [...list];
      expect(firstInOrder(list, limit, compare)).toEqual([...list].sort(compare).slice(0, limit));
      expect(list).toEqual(before); // the input is left as it was
    }
  });

  it('keeps the order of a sorted and of a reversed list', () => {
    const sorted = items(1000, 3).sort(compare);
    expect(firstInOrder(sorted, 20, compare)).toEqual(sorted.slice(0, 20));
    expect(firstInOrder([...sorted].reverse(), 20, compare)).toEqual(sorted.slice(0, 20));
  });
});
