import { Field, Float, Int, ObjectType } from 'type-graphql';
import { VolumeUnit } from '../product/product.enums';

@ObjectType({ description: 'What an actor can supply: a product (with its labels), when, how much, and where it delivers.' })
export class Offer {
  @Field(() => String) id!: string;

  @Field(() => [Int], { description: 'Months available, 1 = January ... 12 = December.' })
  months!: number[];

  @Field(() => Float, { nullable: true, description: 'Volume the actor can supply per year, in capacityUnit.' })
  capacity!: number | null;

  @Field(() => VolumeUnit, { nullable: true }) capacityUnit!: VolumeUnit | null;

  @Field(() => Float, { nullable: true, description: 'Delivers to buyers within this great-circle distance of the actor, in km.' })
  deliveryRadiusKm!: number | null;

  @Field(() => Float, { nullable: true, description: 'Indicative price excl. VAT per capacityUnit, in euros.' })
  priceEur!: number | null;
}
