import type { ImportBundle, LabelRecord, ProductRecord } from '../../src/records';
import type { CommuneRef } from './communes';
import { completeBundle, createGenerator } from './generator';
import { distanceKm } from '../../src/territory';
import { GridIndex } from './geo';
import { SYNTHETIC_IDS } from './model';
import { ACTOR_PROFILES } from './profiles';
import type { Random } from './random';

export interface SyntheticOptions {
  actors: number;
  seed: number;
}

/** Share of synthetic actors moved from their area's commune to a neighbouring one, so large graphs use more communes. */
const SPREAD_SHARE = 0.5;
const NEIGHBOURS = 12;

/**
 * A synthetic graph of the seed's shape for benchmarks: the seed's kinds of actor in the seed's
 * proportions, on the real communes, with offers, needs and about four supply links per actor
 * forming chains with provenance. Deterministic from `seed`; ids start with "syn-" and SIRETs use
 * their own range, so it never collides with the Drôme seed. Cost grows linearly: 100,000 actors
 * (430,000 links, 270,000 offers) take about 15 s of CPU and 1 GB on a small shared VM.
 */
export function generateSyntheticGraph(
  options: SyntheticOptions,
  communes: CommuneRef[],
  products: ProductRecord[],
  labels: LabelRecord[],
): ImportBundle {
  if (!Number.isInteger(options.actors) || options.actors < 1) throw new Error(`actors must be a positive integer, got ${options.actors}`);
  const generator = createGenerator({ seed: options.seed, ids: SYNTHETIC_IDS, namespace: 'synthetic', communes, products, labels });
  const { population, atlas, rng } = generator;
  const neighbours = new NeighbourCache(atlas.communes);
  const counts = apportion(
    options.actors,
    ACTOR_PROFILES.map((p) => p.seedCount),
  );
  ACTOR_PROFILES.forEach((profile, i) => {
    for (let n = 0; n < counts[i]; n += 1) {
      const draft = population.draftFor(profile, atlas);
      if (rng.actors.chance(SPREAD_SHARE)) draft.commune = neighbours.pickNear(draft.commune, rng.actors);
      population.add(draft);
    }
  });
  return completeBundle(generator);
}

/** Splits `total` in proportion to `weights`, largest remainders first, so the parts sum to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    counts[i] += 1;
    left -= 1;
  }
  return counts;
}

/** The nearest communes of a commune, looked up in a grid and kept per commune used. */
class NeighbourCache {
  private readonly cache = new Map<string, CommuneRef[]>();
  private readonly grid = new GridIndex<CommuneRef>(0.1);

  constructor(communes: readonly CommuneRef[]) {
    for (const c of communes) this.grid.add(c);
  }

  pickNear(commune: CommuneRef, rng: Random): CommuneRef {
    let near = this.cache.get(commune.insee);
    if (!near) {
      const found: CommuneRef[] = [];
      this.grid.scan(
        commune.latitude,
        commune.longitude,
        40,
        (c) => found.push(c),
        () => found.length > NEIGHBOURS,
      );
      near = found
        .map((c) => ({ c, km: distanceKm(commune, c) }))
        .sort((a, b) => a.km - b.km || a.c.insee.localeCompare(b.c.insee))
        .slice(0, NEIGHBOURS)
        .map((x) => x.c);
      this.cache.set(commune.insee, near);
    }
    return rng.pick(near);
  }
}
