import { Max, Min } from 'class-validator';
import { Field, Float, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A WGS-84 position.' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in decimal degrees (WGS-84).' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees (WGS-84).' })
  longitude!: number;
}

@InputType({ description: 'A WGS-84 position given by a client.' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude in decimal degrees, -90 to 90.' })
  @Min(-90, { message: 'latitude must be between -90 and 90' })
  @Max(90, { message: 'latitude must be between -90 and 90' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees, -180 to 180.' })
  @Min(-180, { message: 'longitude must be between -180 and 180' })
  @Max(180, { message: 'longitude must be between -180 and 180' })
  longitude!: number;
}
