import type { MapActor, MapLink } from '../components/MapView';

interface Feature {
  id?: string | number;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown> | null;
}

function featuresOf(collection: Record<string, unknown>): Feature[] {
  return Array.isArray(collection.features) ? (collection.features as Feature[]) : [];
}

/** The actors of an `actorsGeoJson` collection (Points, [longitude, latitude]). */
export function actorsOf(collection: Record<string, unknown>): MapActor[] {
  return featuresOf(collection).flatMap((feature) => {
    const p = feature.properties ?? {};
    if (feature.geometry?.type !== 'Point') return [];
    const [longitude, latitude] = feature.geometry.coordinates as [number, number];
    return [
      {
        id: String(p.id),
        name: String(p.name),
        roles: (p.roles as string[]) ?? [],
        clubMember: p.clubMember === true,
        latitude,
        longitude,
      },
    ];
  });
}

/** The links of a `supplyLinksGeoJson` collection (LineStrings supplier → buyer). */
export function linksOf(collection: Record<string, unknown>): MapLink[] {
  return featuresOf(collection).flatMap((feature) => {
    const p = feature.properties ?? {};
    if (feature.geometry?.type !== 'LineString') return [];
    const [from, to] = feature.geometry.coordinates as Array<[number, number]>;
    return [
      {
        id: String(p.id),
        supplierId: String(p.supplierId),
        buyerId: String(p.buyerId),
        from: [from[1], from[0]] as [number, number],
        to: [to[1], to[0]] as [number, number],
        volume: typeof p.volume === 'number' ? p.volume : null,
        unit: typeof p.unit === 'string' ? p.unit : null,
        productName: String(p.productName ?? ''),
      },
    ];
  });
}

/** Whether the collection says it was cut at its feature limit. */
export function isTruncated(collection: Record<string, unknown>): boolean {
  return collection.truncated === true;
}
