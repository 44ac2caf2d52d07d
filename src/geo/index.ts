export { GeoResolver } from './geo.resolver';
export { GeoJSONScalar } from './geojson.scalar';
