import { Field, Float, Int, ObjectType } from 'type-graphql';
import { VolumeUnit } from '../product/product.enums';

@ObjectType({ description: 'What a buyer wants, as collective kitchens declare it: a product, a yearly volume, required labels, months.' })
export class Need {
  @Field(() => String) id!: string;

  @Field(() => Float, { description: 'Volume wanted per year, in unit.' })
  volume!: number;

  @Field(() => VolumeUnit) unit!: VolumeUnit;

  @Field(() => [Int], { description: 'Months when it is wanted, 1 = January ... 12 = December.' })
  months!: number[];
}
