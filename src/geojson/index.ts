export { GeoJsonResolver } from './geojson.resolver';
export { GeoJSONScalar } from './geojson.scalar';
