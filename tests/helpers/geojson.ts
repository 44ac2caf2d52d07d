/**
 * The GeoJSON scalar as the schema documents it (schema/schema.graphql: "here a FeatureCollection,
 * whose features each have an `id`, a `geometry` and `properties`", plus `truncated`). A scalar has
 * no fields the schema could type, so tests/generated/ maps GeoJSON to this shape (codegen.ts).
 */
export interface GeoJsonFeature {
  type: string;
  id: string;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

export interface GeoJsonFeatureCollection {
  type: string;
  features: GeoJsonFeature[];
  truncated: boolean;
}
