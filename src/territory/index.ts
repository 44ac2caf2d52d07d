export { CommuneResolver, DepartmentResolver, EpciResolver } from './territory.resolver';
export { createTerritoryLoaders } from './territory.loaders';
export { Commune, Department, Epci, Region } from './territory.type';
export { distanceKm, EARTH_RADIUS_KM, type LatLon } from './distance';
export { NearInput, PlaceInput, toGeoPoint } from './place';
export {
  COMMUNE_PROPERTIES,
  LINK_NEIGHBOUR_DEPARTMENTS,
  TERRITORY_SCHEMA,
  UPSERT_COMMUNES,
  UPSERT_DEPARTMENTS,
  UPSERT_EPCIS,
  UPSERT_REGIONS,
} from './territory.cypher';
