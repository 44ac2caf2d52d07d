import { Max, Min } from 'class-validator';
import { Field, Float, InputType, ObjectType } from 'type-graphql';

/** WGS-84 bounds of a point: the GraphQL input checks them here, the importer's field rules through src/records/patterns.ts. */
export const LATITUDE_RANGE = { min: -90, max: 90 } as const;
export const LONGITUDE_RANGE = { min: -180, max: 180 } as const;
const LATITUDE_MESSAGE = `latitude must be between ${LATITUDE_RANGE.min} and ${LATITUDE_RANGE.max}`;
const LONGITUDE_MESSAGE = `longitude must be between ${LONGITUDE_RANGE.min} and ${LONGITUDE_RANGE.max}`;

@ObjectType({ description: 'A WGS-84 position.' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in decimal degrees (WGS-84).' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees (WGS-84).' })
  longitude!: number;
}

@InputType({ description: 'A WGS-84 position given by a client.' })
export class GeoPointInput {
  @Field(() => Float, { description: `Latitude in decimal degrees, ${LATITUDE_RANGE.min} to ${LATITUDE_RANGE.max}.` })
  @Min(LATITUDE_RANGE.min, { message: LATITUDE_MESSAGE })
  @Max(LATITUDE_RANGE.max, { message: LATITUDE_MESSAGE })
  latitude!: number;

  @Field(() => Float, { description: `Longitude in decimal degrees, ${LONGITUDE_RANGE.min} to ${LONGITUDE_RANGE.max}.` })
  @Min(LONGITUDE_RANGE.min, { message: LONGITUDE_MESSAGE })
  @Max(LONGITUDE_RANGE.max, { message: LONGITUDE_MESSAGE })
  longitude!: number;
}
