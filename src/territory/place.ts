import { IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import type { Context } from '../context';
import { NotFoundError } from '../errors';
import { COMMUNE_INSEE, COMMUNE_INSEE_MESSAGE, MAX_SEARCH_RADIUS_KM } from '../records';
import { ExactlyOneOf, exactlyOneMessage, GeoPointInput, type GeoPoint } from '../common';

@InputType({ description: 'A place: a commune (its centroid) or a point. Give exactly one.' })
@ExactlyOneOf(['communeInsee', 'point'], exactlyOneMessage('a place'))
export class PlaceInput {
  @Field(() => String, { nullable: true, description: 'INSEE code of a commune ("26362" is Valence).' })
  @IsOptional()
  @Matches(COMMUNE_INSEE, { message: COMMUNE_INSEE_MESSAGE })
  communeInsee?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'A WGS-84 point.' })
  @IsOptional()
  @ValidateNested()
  point?: GeoPointInput | null;
}

@InputType({ description: 'Within a great-circle distance of a place.' })
export class NearInput extends PlaceInput {
  @Field(() => Float, { description: `Radius in km, more than 0 and at most ${MAX_SEARCH_RADIUS_KM}.` })
  @Min(0.001, { message: 'radiusKm must be more than 0' })
  @Max(MAX_SEARCH_RADIUS_KM, { message: `radiusKm must be at most ${MAX_SEARCH_RADIUS_KM}` })
  radiusKm!: number;
}

/** The point a place stands for (a valid PlaceInput: exactly one of its fields); NOT_FOUND for an unknown commune. */
export async function toGeoPoint(place: PlaceInput, { loaders }: Context): Promise<GeoPoint> {
  if (place.point) return { latitude: place.point.latitude, longitude: place.point.longitude };
  const commune = await loaders.territory.communeByInsee.load(place.communeInsee!);
  if (!commune) throw new NotFoundError('Commune', place.communeInsee!);
  return commune.location;
}
