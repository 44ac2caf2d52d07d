import { IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import type { Context } from '../context';
import { BadUserInputError, NotFoundError } from '../errors';
import type { GeoPoint } from './geo.type';
import { GeoPointInput } from './geo.type';

@InputType({ description: 'A place: a commune (its centroid) or a point. Give exactly one.' })
export class PlaceInput {
  @Field(() => String, { nullable: true, description: 'INSEE code of a commune ("26362" is Valence).' })
  @IsOptional()
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { message: 'communeInsee must be an INSEE code of 5 characters, e.g. "26362"' })
  communeInsee?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'A WGS-84 point.' })
  @IsOptional()
  @ValidateNested()
  point?: GeoPointInput | null;
}

@InputType({ description: 'Within a great-circle distance of a place.' })
export class NearInput extends PlaceInput {
  @Field(() => Float, { description: 'Radius in km, more than 0 and at most 1000.' })
  @Min(0.001, { message: 'radiusKm must be more than 0' })
  @Max(1000, { message: 'radiusKm must be at most 1000' })
  radiusKm!: number;
}

/** The point a place stands for; NOT_FOUND for an unknown commune. */
export async function toGeoPoint(place: PlaceInput, { loaders }: Context): Promise<GeoPoint> {
  const given = [place.communeInsee, place.point].filter((v) => v != null).length;
  if (given !== 1) throw new BadUserInputError('Give a place as exactly one of communeInsee or point');
  if (place.point) return { latitude: place.point.latitude, longitude: place.point.longitude };
  const commune = await loaders.territory.communeByInsee.load(place.communeInsee!);
  if (!commune) throw new NotFoundError('Commune', place.communeInsee!);
  return commune.location;
}
