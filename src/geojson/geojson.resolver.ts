import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { ActorRole } from '../actor';
import { ACTORS_FOR_MAP, ActorFilter, actorFilterSetOf, toFilterParams } from '../actor';
import { maySeeVolume } from '../auth';
import type { Context } from '../context';
import { int, type GeoPoint } from '../db';
import { NotFoundError } from '../errors';
import type { VolumeUnit } from '../product';
import { SUPPLY_LINKS_FOR_MAP, SupplyLinkFilter, toSupplyLinkFilterParams } from '../supply';
import { COMMUNES_FOR_MAP } from './geojson.cypher';
import { CommunesGeoJsonArgs } from './geojson.input';
import {
  GeoJSONScalar,
  toFeatureCollection,
  toPosition,
  type FeatureCollection,
  type LineStringGeometry,
  type PointGeometry,
} from './geojson.scalar';

/**
 * Most features of one actor or supply-link collection: the whole Drôme directory fits, while a
 * synthetic or national graph cannot make one response weigh tens of megabytes.
 */
export const MAX_MAP_FEATURES = 5000;

type ActorMapRow = {
  id: string;
  name: string;
  roles: ActorRole[];
  clubMember: boolean;
  communeInsee: string;
  location: GeoPoint;
};

type CommuneMapRow = {
  insee: string;
  name: string;
  population: number;
  location: GeoPoint;
  epciName: string | null;
};

type SupplyLinkMapRow = {
  id: string;
  supplierId: string;
  buyerId: string;
  productId: string;
  productName: string;
  /** null when a party hides its volumes from this viewer (src/auth maySeeVolume). */
  volume: number | null;
  volumeConfidential: boolean;
  unit: VolumeUnit;
  labels: string[];
  from: GeoPoint;
  to: GeoPoint;
  distanceKm: number;
};

/** Rounds a distance to the metre, as SupplyLink.distanceKm does. */
function roundKm(km: number): number {
  return Math.round(km * 1000) / 1000;
}

@Resolver()
export class GeoJsonResolver {
  @Query(() => GeoJSONScalar, {
    description:
      'Actors matching the filter (the filter of `actors`) as a GeoJSON FeatureCollection of Points, by name; each ' +
      "feature's `id` is the actor id and its properties are id, name, roles, clubMember and communeInsee. At most " +
      `${MAX_MAP_FEATURES} features (\`truncated: true\` on the collection when more matched).`,
  })
  async actorsGeoJson(
    @Arg('filter', () => ActorFilter, { nullable: true, defaultValue: {}, description: 'Which actors (all when omitted).' })
    filter: ActorFilter | null,
    @Ctx() ctx: Context,
  ): Promise<FeatureCollection<PointGeometry, Omit<ActorMapRow, 'location'>>> {
    const { params } = await toFilterParams(filter ?? {}, ctx);
    const rows = await ctx.db.read<ActorMapRow>(ACTORS_FOR_MAP[actorFilterSetOf(params)], { ...params, limit: int(MAX_MAP_FEATURES + 1) });
    const features = rows.slice(0, MAX_MAP_FEATURES).map(({ location, ...properties }) => ({
      type: 'Feature' as const,
      id: properties.id,
      geometry: { type: 'Point' as const, coordinates: toPosition(location) },
      properties,
    }));
    return toFeatureCollection(features, rows.length > MAX_MAP_FEATURES);
  }

  @Query(() => GeoJSONScalar, {
    description:
      'Communes of a department and/or an EPCI (at least one; both: the communes in both) as a GeoJSON ' +
      "FeatureCollection of Points at their centroids, by INSEE code; each feature's `id` is the INSEE code and its " +
      'properties are insee, name, population and epciName (null for a commune in no EPCI). NOT_FOUND for an ' +
      'unknown department or EPCI.',
  })
  async communesGeoJson(
    @Args(() => CommunesGeoJsonArgs) { departmentCode, epciSiren }: CommunesGeoJsonArgs,
    @Ctx() { db }: Context,
  ): Promise<FeatureCollection<PointGeometry, Omit<CommuneMapRow, 'location'>>> {
    const department = departmentCode ?? null;
    const epci = epciSiren ?? null;
    const [row] = await db.read<{ departmentFound: boolean; epciFound: boolean; communes: CommuneMapRow[] }>(COMMUNES_FOR_MAP, {
      departmentCode: department,
      epciSiren: epci,
    });
    if (department != null && !row.departmentFound) throw new NotFoundError('Department', department);
    if (epci != null && !row.epciFound) throw new NotFoundError('Epci', epci);
    const features = row.communes.map(({ location, ...properties }) => ({
      type: 'Feature' as const,
      id: properties.insee,
      geometry: { type: 'Point' as const, coordinates: toPosition(location) },
      properties,
    }));
    return toFeatureCollection(features, false);
  }

  @Query(() => GeoJSONScalar, {
    description:
      'Supply links matching the filter (the filter of `supplyLinks`) as a GeoJSON FeatureCollection of LineStrings ' +
      "from the supplier to the buyer, largest volume first; each feature's `id` is the link id and its properties " +
      'are id, supplierId, buyerId, productId, productName, volume, unit, labels (label ids) and distanceKm. `volume` is null when a ' +
      'party keeps its volumes confidential and the viewer is neither one of its member accounts nor a club editor. At most ' +
      `${MAX_MAP_FEATURES} features, the largest (\`truncated: true\` on the collection when more matched).`,
  })
  async supplyLinksGeoJson(
    @Arg('filter', () => SupplyLinkFilter, { nullable: true, defaultValue: {}, description: 'Which supply links (all when omitted).' })
    filter: SupplyLinkFilter | null,
    @Ctx() { db, viewer }: Context,
  ): Promise<FeatureCollection<LineStringGeometry, Omit<SupplyLinkMapRow, 'from' | 'to' | 'volumeConfidential'>>> {
    const rows = await db.read<SupplyLinkMapRow>(SUPPLY_LINKS_FOR_MAP, {
      ...toSupplyLinkFilterParams(filter ?? {}),
      limit: int(MAX_MAP_FEATURES + 1),
    });
    const features = rows.slice(0, MAX_MAP_FEATURES).map(({ from, to, distanceKm, volumeConfidential, ...properties }) => ({
      type: 'Feature' as const,
      id: properties.id,
      geometry: { type: 'LineString' as const, coordinates: [toPosition(from), toPosition(to)] },
      properties: {
        ...properties,
        volume: maySeeVolume(viewer, [properties.supplierId, properties.buyerId], volumeConfidential) ? properties.volume : null,
        distanceKm: roundKm(distanceKm),
      },
    }));
    return toFeatureCollection(features, rows.length > MAX_MAP_FEATURES);
  }
}
