import type { Random } from './random';

/**
 * Kilometres per degree of latitude, for the grid's cell sizes and for scattering points around a
 * centre: a flat-earth step, not a distance (every distance is `distanceKm` of src/territory, the
 * one Neo4j's point.distance agrees with). 111.32 km is a degree of that same sphere (6378.14 km),
 * rounded.
 */
const KM_PER_DEGREE_LAT = 111.32;

/** A point drawn uniformly in the disc of `radiusKm` around (lat, lon), rounded to 5 decimals (~1 m). */
export function pointNear(rng: Random, lat: number, lon: number, radiusKm: number): { latitude: number; longitude: number } {
  const distance = radiusKm * Math.sqrt(rng.float());
  const bearing = 2 * Math.PI * rng.float();
  const dLat = (distance * Math.cos(bearing)) / KM_PER_DEGREE_LAT;
  const dLon = (distance * Math.sin(bearing)) / (KM_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180));
  return { latitude: round5(lat + dLat), longitude: round5(lon + dLon) };
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** Something with a position. */
export interface Located {
  latitude: number;
  longitude: number;
}

/**
 * A uniform lat/lon grid of buckets, so "the nearest suppliers of flour" looks at a few cells
 * instead of every actor (the synthetic graph has 100,000 of them).
 */
export class GridIndex<T extends Located> {
  private readonly cells = new Map<number, T[]>();

  constructor(private readonly cellDeg = 0.2) {}

  add(item: T): void {
    const key = this.keyOf(this.row(item.latitude), this.col(item.longitude));
    const bucket = this.cells.get(key);
    if (bucket) bucket.push(item);
    else this.cells.set(key, [item]);
  }

  /**
   * Visits the buckets ring by ring around (lat, lon) out to `maxKm`, and stops after the first
   * ring at which `enough()` is true: callers collect candidates in `visit` and decide. With
   * `sample`, a crowded bucket is only sampled, which keeps a query's cost flat however dense the
   * graph (the synthetic graph's cells hold thousands).
   */
  scan(lat: number, lon: number, maxKm: number, visit: (item: T) => void, enough: () => boolean, sample?: BucketSample): void {
    const rings = this.ringsFor(lat, maxKm);
    const buckets: T[][] = [];
    for (let ring = 0; ring <= rings; ring += 1) {
      buckets.length = 0;
      this.bucketsInRing(lat, lon, ring, buckets);
      for (const bucket of buckets) visitBucket(bucket, visit, sample);
      if (enough()) return;
    }
  }

  /** How many rings of cells around a point cover `maxKm` (ring 0 is the point's own cell). */
  ringsFor(lat: number, maxKm: number): number {
    const kmPerCell = this.cellDeg * KM_PER_DEGREE_LAT * Math.cos((Math.min(Math.abs(lat), 60) * Math.PI) / 180);
    return Number.isFinite(maxKm) ? Math.ceil(maxKm / kmPerCell) + 1 : 0;
  }

  /** Appends to `out` the non-empty buckets of the square ring at distance `ring` (in cells) around (lat, lon). */
  bucketsInRing(lat: number, lon: number, ring: number, out: T[][]): void {
    const r0 = this.row(lat);
    const c0 = this.col(lon);
    for (let dr = -ring; dr <= ring; dr += 1) {
      const onEdgeRow = dr === -ring || dr === ring;
      for (let dc = -ring; dc <= ring; dc += onEdgeRow ? 1 : 2 * ring) {
        const bucket = this.cells.get(this.keyOf(r0 + dr, c0 + dc));
        if (bucket) out.push(bucket);
        if (ring === 0) break;
      }
    }
  }

  private row(lat: number): number {
    return Math.floor(lat / this.cellDeg);
  }

  private col(lon: number): number {
    return Math.floor(lon / this.cellDeg);
  }

  private keyOf(row: number, col: number): number {
    return (row + 2000) * 4000 + (col + 2000);
  }
}

/** How to sample a crowded bucket: `limit` items from `offset(size)` on. */
export interface BucketSample {
  limit: number;
  offset: (size: number) => number;
}

/**
 * Visits a bucket, or `limit` of its items striding across it when crowded: buckets fill in
 * insertion order (one actor's lines together), so a contiguous window would see few actors.
 */
function visitBucket<T>(bucket: readonly T[], visit: (item: T) => void, sample: BucketSample | undefined): void {
  if (!sample || bucket.length <= sample.limit) {
    for (const item of bucket) visit(item);
    return;
  }
  const start = sample.offset(bucket.length);
  const stride = Math.floor(bucket.length / sample.limit);
  for (let i = 0; i < sample.limit; i += 1) visit(bucket[(start + i * stride) % bucket.length]);
}
