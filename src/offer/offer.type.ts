import { Authorized, Field, Float, Int, ObjectType } from 'type-graphql';
import { AccessRule, CONFIDENTIAL_VOLUME_NOTE, PRIVATE_FIELD_NOTE } from '../auth';
import { VolumeUnit } from '../product';

@ObjectType({ description: 'What an actor can supply: a product (with its labels), when, how much, and where it delivers.' })
export class Offer {
  @Field(() => String) id!: string;

  @Field(() => [Int], { description: 'Months available, 1 = January ... 12 = December.' })
  months!: number[];

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, { nullable: true, description: `Volume the actor can supply per year, in capacityUnit. ${CONFIDENTIAL_VOLUME_NOTE}` })
  capacity!: number | null;

  @Field(() => VolumeUnit, { nullable: true }) capacityUnit!: VolumeUnit | null;

  @Field(() => Float, { nullable: true, description: 'Delivers to buyers within this great-circle distance of the actor, in km.' })
  deliveryRadiusKm!: number | null;

  @Authorized(AccessRule.OWNER)
  @Field(() => Float, { nullable: true, description: `Indicative price excl. VAT per capacityUnit, in euros. ${PRIVATE_FIELD_NOTE}` })
  priceEur!: number | null;
}
