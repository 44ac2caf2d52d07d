/**
 * The map's commune outlines, made lighter at build time (explorer/vite.config.ts): the repo's
 * seeds/geo/communes-26-drome.geojson (IGN Admin Express COG 2018 via france-geojson, Licence
 * Ouverte; 367 communes, 22,197 points, 460 KB) is simplified and its coordinates rounded, so the
 * browser fetches, parses and draws a fraction of it on the first view.
 *
 * Neighbouring communes share their borders point for point, and must still do so after the
 * simplification (no gaps or overlaps between them). Each ring is therefore cut into arcs at its
 * junctions (points with more than two distinct neighbours: where three communes meet, or a shared
 * border meets the department's edge), and each arc is simplified once, in a canonical direction,
 * so the two communes on either side of a border get the very same points (the approach of
 * TopoJSON, without its encoding). Runs in Node only; nothing here ships to the browser.
 */

export type Position = [number, number];
type Ring = Position[];

export interface OutlineCollection {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
    properties: Record<string, unknown>;
  }>;
  /** Where the outlines come from and what was done to them (a GeoJSON foreign member). */
  provenance?: string;
}

export interface SimplifyOptions {
  /** Points closer than this to the simplified line are dropped, in degrees (0.0005° ≈ 40-55 m here). */
  tolerance: number;
  /** Decimals kept in the coordinates (4 ≈ 10 m). */
  decimals: number;
  /** What the provenance member says about the source. */
  source: string;
}

const keyOf = (p: Position) => `${p[0]},${p[1]}`;

function ringsOf(collection: OutlineCollection): Ring[] {
  return collection.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()));
}

/** Points where borders meet: more than two distinct neighbouring points over every ring. */
export function junctionsOf(rings: Ring[]): Set<string> {
  const neighbours = new Map<string, Set<string>>();
  for (const ring of rings) {
    const n = ring.length - 1; // closed: the last point repeats the first
    for (let i = 0; i < n; i += 1) {
      const here = keyOf(ring[i]!);
      let set = neighbours.get(here);
      if (!set) neighbours.set(here, (set = new Set()));
      set.add(keyOf(ring[(i + n - 1) % n]!));
      set.add(keyOf(ring[(i + 1) % n]!));
    }
  }
  return new Set([...neighbours].filter(([, set]) => set.size > 2).map(([key]) => key));
}

function distanceToSegment(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas-Peucker on an open line; its two ends are always kept. */
export function simplifyLine(line: Position[], tolerance: number): Position[] {
  if (line.length <= 2) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i += 1) {
      const d = distanceToSegment(line[i]!, line[first]!, line[last]!);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/**
 * One arc simplified the same way whichever ring it is read from: in the direction where its
 * first point sorts before its last (or, for a closed arc, as read), then turned back.
 */
function simplifyArc(arc: Position[], tolerance: number, cache: Map<string, Position[]>): Position[] {
  const forward = keyOf(arc[0]!) <= keyOf(arc[arc.length - 1]!);
  const canonical = forward ? arc : [...arc].reverse();
  const key = canonical.map(keyOf).join(';');
  let simplified = cache.get(key);
  if (!simplified) {
    simplified = closedSimplify(canonical, tolerance);
    cache.set(key, simplified);
  }
  return forward ? simplified : [...simplified].reverse();
}

/** A closed arc (both ends the same point) keeps its farthest point too, so it cannot collapse to a point. */
function closedSimplify(arc: Position[], tolerance: number): Position[] {
  if (keyOf(arc[0]!) !== keyOf(arc[arc.length - 1]!) || arc.length < 4) return simplifyLine(arc, tolerance);
  let farthest = 1;
  for (let i = 1; i < arc.length - 1; i += 1)
    if (distanceToSegment(arc[i]!, arc[0]!, arc[0]!) > distanceToSegment(arc[farthest]!, arc[0]!, arc[0]!)) farthest = i;
  return [...simplifyLine(arc.slice(0, farthest + 1), tolerance), ...simplifyLine(arc.slice(farthest), tolerance).slice(1)];
}

/**
 * A ring cut at its junctions, each piece simplified as an arc. A ring without junctions (a
 * commune inside another, or alone) starts at its smallest point, so both rings that draw it agree.
 */
function simplifyRing(ring: Ring, junctions: Set<string>, tolerance: number, cache: Map<string, Position[]>): Ring {
  const open = ring.slice(0, -1);
  let start = open.findIndex((p) => junctions.has(keyOf(p)));
  if (start < 0) start = open.reduce((best, p, i) => (keyOf(p) < keyOf(open[best]!) ? i : best), 0);
  const rotated = [...open.slice(start), ...open.slice(0, start), open[start]!];
  const result: Position[] = [rotated[0]!];
  let arcStart = 0;
  for (let i = 1; i < rotated.length; i += 1) {
    if (i === rotated.length - 1 || junctions.has(keyOf(rotated[i]!))) {
      result.push(...simplifyArc(rotated.slice(arcStart, i + 1), tolerance, cache).slice(1));
      arcStart = i;
    }
  }
  // A ring needs four positions (a triangle, closed); one too small to survive keeps its points.
  return result.length >= 4 ? result : ring;
}

function round(ring: Ring, decimals: number): Ring {
  const factor = 10 ** decimals;
  const rounded = ring.map((p) => [Math.round(p[0] * factor) / factor, Math.round(p[1] * factor) / factor] as Position);
  // Rounding may make neighbours equal: drop the repeats (the closing point stays).
  const kept = rounded.filter((p, i) => i === 0 || keyOf(p) !== keyOf(rounded[i - 1]!));
  return kept.length >= 4 ? kept : ring;
}

/** The outlines simplified (shared borders kept shared) and rounded, with their provenance stated. */
export function simplifyOutlines(collection: OutlineCollection, options: SimplifyOptions): OutlineCollection {
  const junctions = junctionsOf(ringsOf(collection));
  const cache = new Map<string, Position[]>();
  const ring = (r: Ring) => round(simplifyRing(r, junctions, options.tolerance, cache), options.decimals);
  const before = ringsOf(collection).reduce((n, r) => n + r.length, 0);
  const features = collection.features.map((feature) => ({
    type: 'Feature' as const,
    properties: feature.properties,
    geometry:
      feature.geometry.type === 'Polygon'
        ? { type: 'Polygon' as const, coordinates: feature.geometry.coordinates.map(ring) }
        : { type: 'MultiPolygon' as const, coordinates: feature.geometry.coordinates.map((polygon) => polygon.map(ring)) },
  }));
  const simplified: OutlineCollection = { type: 'FeatureCollection', features };
  const after = ringsOf(simplified).reduce((n, r) => n + r.length, 0);
  simplified.provenance =
    `${options.source}; simplified for the explorer's map at build time (explorer/build/outlines.ts): ` +
    `Douglas-Peucker on shared arcs, tolerance ${options.tolerance}°, coordinates rounded to ${options.decimals} decimals, ` +
    `${before} points to ${after}.`;
  return simplified;
}
