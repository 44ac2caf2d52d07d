/**
 * The one great-circle distance of the code base. Cypher measures with `point.distance`, which for
 * WGS-84 2D points is a haversine over a sphere (Cypher manual, "Spatial functions"); the manual
 * does not state the sphere's radius, Neo4j's source does: 6,378,140 m (`EARTH_RADIUS_METERS` of
 * its geographic distance calculator). Using that radius here keeps a distance computed in
 * TypeScript (a field resolver, the seed generator) equal to the one a query filtered or sorted on;
 * the mean earth radius (6,371 km) would disagree by 0.11 % (about 1 km over 100 km).
 */

/** The sphere radius of Neo4j's `point.distance` for WGS-84 points, in km. */
export const EARTH_RADIUS_KM = 6378.14;

/** A WGS-84 position in degrees. */
export interface LatLon {
  latitude: number;
  longitude: number;
}

/** Great-circle (haversine) distance in km between two WGS-84 points, as Neo4j's point.distance computes it (in m). */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
