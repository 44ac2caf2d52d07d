import { GraphQLScalarType } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

/** A GeoJSON position: [longitude, latitude] in WGS-84 decimal degrees (RFC 7946 §3.1.1: longitude first). */
export type Position = [longitude: number, latitude: number];

export interface PointGeometry {
  type: 'Point';
  coordinates: Position;
}

export interface LineStringGeometry {
  type: 'LineString';
  coordinates: Position[];
}

export type Geometry = PointGeometry | LineStringGeometry;

export interface Feature<G extends Geometry, P extends object> {
  type: 'Feature';
  /** The feature's identifier (RFC 7946 §3.2); also in `properties.id` for libraries that read only properties. */
  id: string;
  geometry: G;
  properties: P;
}

/**
 * A FeatureCollection with one foreign member (RFC 7946 §6.1), `truncated`: map libraries ignore
 * it, and a client can tell users to zoom in or narrow the filter when it is true.
 */
export interface FeatureCollection<G extends Geometry, P extends object> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
  truncated: boolean;
}

/** The GeoJSON position of a point as the database module returns it ({ latitude, longitude }). */
export function toPosition(point: { latitude: number; longitude: number }): Position {
  return [point.longitude, point.latitude];
}

/** A FeatureCollection of `features`; `truncated` when a cap left some out. */
export function toFeatureCollection<G extends Geometry, P extends object>(
  features: Feature<G, P>[],
  truncated: boolean,
): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features, truncated };
}

const GEOJSON_TYPES = new Set([
  'FeatureCollection',
  'Feature',
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** Passes a GeoJSON object through; anything else is a bug of ours, masked as an internal error. */
function ensureGeoJson(value: unknown): Record<string, unknown> {
  const object = GraphQLJSONObject.serialize(value) as Record<string, unknown>;
  if (typeof object.type !== 'string' || !GEOJSON_TYPES.has(object.type)) {
    throw new TypeError(`GeoJSON cannot represent an object of type ${JSON.stringify(object.type)}`);
  }
  return object;
}

/**
 * GeoJSON (RFC 7946) as a JSON object, not a string, so clients hand it straight to Leaflet,
 * MapLibre or OpenLayers. A named scalar rather than the generic JSONObject so the schema says
 * what the value is, and codegen can map it to a GeoJSON type.
 */
export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description:
    'A GeoJSON object (RFC 7946), as JSON: here a FeatureCollection, whose features each have an `id`, a `geometry` ' +
    'and `properties`. Coordinates are WGS-84 [longitude, latitude], longitude first. Collections also carry ' +
    '`truncated: true` when a cap left features out (a foreign member map libraries ignore).',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc7946',
  serialize: ensureGeoJson,
  parseValue: ensureGeoJson,
  parseLiteral: (ast, variables) => ensureGeoJson(GraphQLJSONObject.parseLiteral(ast, variables)),
});
