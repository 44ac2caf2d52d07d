import fs from 'node:fs';
import path from 'node:path';
import { escapeXml, formatDecimal } from './format';

/**
 * The territory's map as inline SVG, drawn from the commune outlines the repository ships
 * (seeds/geo: IGN Admin Express COG 2018 via france-geojson, simplified). Only the Drôme's outlines
 * are shipped: a territory outside it gets its actors as points on a plain frame, and the map says so.
 */

type Ring = [number, number][];
interface Outline {
  /** Today's INSEE code (an outline of a commune merged since 2018 carries the code it merged into). */
  insee: string;
  polygons: Ring[][];
}
interface GeoFeature {
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
  properties: { code: string };
}

/** An actor (or any located thing) drawn on the map, coloured by its category. */
export interface MapPoint {
  latitude: number;
  longitude: number;
  /** The legend entry (e.g. the actor's role in French). */
  category: string;
}

export interface TerritoryMapInput {
  /** The territory's communes (today's INSEE codes); ignored when `wholeDepartment`. */
  communeInsees: string[];
  /** The Drôme as a whole (the department report). */
  wholeDepartment?: boolean;
  points: MapPoint[];
  /** Accessible name of the figure. */
  title: string;
}

export interface TerritoryMap {
  svg: string;
  /** How the map was drawn: outlines of the Drôme, or points only (a territory outside it). */
  kind: 'outlines' | 'points-only';
  /** The sentence printed under the map. */
  caption: string;
  /** The points' legend (drawn in HTML under the map, where text stays legible whatever the map's scale). */
  legend: LegendEntry[];
}

/** One colour of the map: a category (role) and how many points carry it. */
export interface LegendEntry {
  label: string;
  colour: string;
  count: number;
}

/** The repository's seeds/ folder, from the sources (src/...) or the build (dist/src/...). */
function seedsDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'seeds', 'geo');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('seeds/geo not found above ' + __dirname);
}

let outlinesCache: { communes: Outline[]; department: Ring[][] } | null = null;

/** The Drôme's commune and department outlines, read once per process (about 0.5 MB). */
function dromeOutlines(): { communes: Outline[]; department: Ring[][] } {
  if (outlinesCache) return outlinesCache;
  const dir = seedsDir();
  const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
  const merged = read<{ communes: Record<string, { mergedInto: string }> }>('merged-communes.json').communes;
  const communes = read<{ features: GeoFeature[] }>('communes-26-drome.geojson').features.map((f) => ({
    insee: merged[f.properties.code]?.mergedInto ?? f.properties.code,
    polygons: polygonsOf(f.geometry),
  }));
  // The department file is one Feature (a FeatureCollection would do as well).
  const departmentFile = read<GeoFeature | { features: GeoFeature[] }>('departement-26-drome.geojson');
  const department = ('features' in departmentFile ? departmentFile.features : [departmentFile]).flatMap((f) => polygonsOf(f.geometry));
  outlinesCache = { communes, department };
  return outlinesCache;
}

function polygonsOf(geometry: GeoFeature['geometry']): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The INSEE codes of the Drôme's communes that have an outline (today's codes). */
export function dromeCommunesWithOutlines(): Set<string> {
  return new Set(dromeOutlines().communes.map((c) => c.insee));
}

interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}

function boxOf(points: [number, number][]): Box | null {
  if (points.length === 0) return null;
  const box = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  for (const [lon, lat] of points) {
    box.west = Math.min(box.west, lon);
    box.east = Math.max(box.east, lon);
    box.south = Math.min(box.south, lat);
    box.north = Math.max(box.north, lat);
  }
  return box;
}

/** The box grown by `ratio` of its size on each side, and at least `minDegrees` wide and high (a single point). */
function padded(box: Box, ratio: number, minDegrees: number): Box {
  const dx = Math.max(box.east - box.west, minDegrees) * ratio + Math.max(0, minDegrees - (box.east - box.west)) / 2;
  const dy = Math.max(box.north - box.south, minDegrees) * ratio + Math.max(0, minDegrees - (box.north - box.south)) / 2;
  return { west: box.west - dx, east: box.east + dx, south: box.south - dy, north: box.north + dy };
}

const MAP_WIDTH = 1000;

/**
 * An equirectangular projection scaled by the cosine of the box's middle latitude: at the scale of
 * a department (1.5° of latitude) it distorts distances by well under 1 %, and needs no library.
 */
function projectionFor(box: Box) {
  const k = Math.cos((((box.north + box.south) / 2) * Math.PI) / 180);
  const scale = MAP_WIDTH / ((box.east - box.west) * k);
  const height = Math.round((box.north - box.south) * scale);
  const xy = (lon: number, lat: number): [number, number] => [(lon - box.west) * k * scale, (box.north - lat) * scale];
  return { xy, height };
}

function pathOf(polygons: Ring[][], xy: (lon: number, lat: number) => [number, number]): string {
  return polygons
    .flatMap((rings) =>
      rings.map(
        (ring) =>
          'M' +
          ring
            .map(([lon, lat]) =>
              xy(lon, lat)
                .map((v) => v.toFixed(1))
                .join(' '),
            )
            .join('L') +
          'Z',
      ),
    )
    .join('');
}

function intersects(a: Box, b: Box): boolean {
  return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}

/** A fixed, colour-blind-safe palette (Okabe–Ito), one colour per legend entry in order. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000', '#999999'];

function legendOf(points: MapPoint[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
  const ordered = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b, 'fr'));
  // Beyond the palette, the rarest categories share the last colour, named « autres » in the legend.
  return new Map(ordered.map((c, i) => [c, PALETTE[Math.min(i, PALETTE.length - 1)]!]));
}

function pointsSvg(points: MapPoint[], xy: (lon: number, lat: number) => [number, number], colours: Map<string, string>): string {
  return points
    .map((p) => {
      const [x, y] = xy(p.longitude, p.latitude);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="${colours.get(p.category)}" fill-opacity="0.85" stroke="#fff" stroke-width="1"/>`;
    })
    .join('');
}

/** The legend's entries, most frequent first; past the palette, the rarest categories are one « autres ». */
function legendEntries(colours: Map<string, string>, points: MapPoint[]): LegendEntry[] {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
  const entries = [...colours.entries()];
  const shown = entries.slice(0, PALETTE.length - 1).map(([label, colour]) => ({ label, colour, count: counts.get(label) ?? 0 }));
  const rest = entries.slice(PALETTE.length - 1);
  if (rest.length === 1) shown.push({ label: rest[0]![0], colour: rest[0]![1], count: counts.get(rest[0]![0]) ?? 0 });
  else if (rest.length > 1) {
    shown.push({ label: 'autres', colour: PALETTE[PALETTE.length - 1]!, count: rest.reduce((n, [c]) => n + (counts.get(c) ?? 0), 0) });
  }
  return shown;
}

function svgDocument(title: string, width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" aria-label="${escapeXml(title)}" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">` +
    `<title>${escapeXml(title)}</title>${body}</svg>`
  );
}

/**
 * The map of a territory: inside the Drôme, its communes highlighted among their neighbours (the
 * department's outline around them), its actors as points coloured by role, and a legend; outside
 * the Drôme (or for communes without an outline), the points alone on a plain frame, captioned so.
 */
export function territoryMapSvg(input: TerritoryMapInput): TerritoryMap {
  const { communes, department } = dromeOutlines();
  const wanted = new Set(input.communeInsees);
  const inside = input.wholeDepartment ? communes : communes.filter((c) => wanted.has(c.insee));
  const colours = legendOf(input.points);
  const pointCoords = input.points.map((p): [number, number] => [p.longitude, p.latitude]);
  if (inside.length === 0) return pointsOnlyMap(input, colours, pointCoords);

  const territoryBox = boxOf(inside.flatMap((c) => c.polygons.flat(2)))!;
  const frame = padded(territoryBox, input.wholeDepartment ? 0.03 : 0.08, 0.05);
  const { xy, height } = projectionFor(frame);
  const context = communes.filter((c) => !inside.includes(c) && intersects(boxOf(c.polygons.flat(2))!, frame));
  const visible = input.points.filter(
    (p) => p.longitude >= frame.west && p.longitude <= frame.east && p.latitude >= frame.south && p.latitude <= frame.north,
  );
  const outside = input.points.length - visible.length;
  const body =
    `<defs><clipPath id="map-frame"><rect width="${MAP_WIDTH}" height="${height}"/></clipPath></defs>` +
    `<rect width="${MAP_WIDTH}" height="${height}" fill="#f4f6f8"/>` +
    `<g clip-path="url(#map-frame)">` +
    `<path d="${pathOf(
      context.flatMap((c) => c.polygons),
      xy,
    )}" fill="#e3e6e9" stroke="#ffffff" stroke-width="0.8"/>` +
    `<path class="territory" d="${pathOf(
      inside.flatMap((c) => c.polygons),
      xy,
    )}" fill="#cfe3c6" stroke="#ffffff" stroke-width="0.8"/>` +
    `<path d="${pathOf(department, xy)}" fill="none" stroke="#5b6770" stroke-width="1.6"/>` +
    pointsSvg(visible, xy, colours) +
    `</g>`;
  const caption =
    `${inside.length} commune${inside.length > 1 ? 's' : ''} du territoire en vert, ${visible.length} acteur${visible.length > 1 ? 's' : ''} placé${visible.length > 1 ? 's' : ''} sur la carte` +
    (outside > 0 ? ` (${outside} hors du cadre)` : '') +
    '. Contours des communes : IGN Admin Express COG 2018 (france-geojson), simplifiés.';
  return {
    svg: svgDocument(input.title, MAP_WIDTH, height, body),
    kind: 'outlines',
    caption,
    legend: legendEntries(colours, input.points),
  };
}

function pointsOnlyMap(input: TerritoryMapInput, colours: Map<string, string>, coords: [number, number][]): TerritoryMap {
  const box = boxOf(coords) ?? { west: 4.6, east: 5.9, south: 44.1, north: 45.4 };
  const frame = padded(box, 0.1, 0.1);
  const { xy, height } = projectionFor(frame);
  const note = 'Hors de la Drôme : pas de contours de communes, les acteurs sont placés par leurs coordonnées.';
  const body =
    `<rect width="${MAP_WIDTH}" height="${height}" fill="#ffffff" stroke="#5b6770" stroke-width="2"/>` +
    `<text x="14" y="28" font-size="18" fill="#5b6770">${escapeXml(note)}</text>` +
    pointsSvg(input.points, xy, colours);
  const caption = `${note} Cadre : longitudes ${formatDecimal(frame.west, 2)}° à ${formatDecimal(frame.east, 2)}°, latitudes ${formatDecimal(frame.south, 2)}° à ${formatDecimal(frame.north, 2)}°.`;
  return {
    svg: svgDocument(input.title, MAP_WIDTH, height, body),
    kind: 'points-only',
    caption,
    legend: legendEntries(colours, input.points),
  };
}
