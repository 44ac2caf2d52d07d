export { GeoResolver } from './geojson.resolver';
export { GeoJSONScalar } from './geojson.scalar';
