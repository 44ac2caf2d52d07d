import { Authorized, Field, Float, Int, ObjectType } from 'type-graphql';
import { AccessRule, CONFIDENTIAL_VOLUME_NOTE } from '../auth';
import { VolumeUnit } from '../product';

@ObjectType({ description: 'What a buyer wants, as collective kitchens declare it: a product, a yearly volume, required labels, months.' })
export class Need {
  @Field(() => String) id!: string;

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, { nullable: true, description: `Volume wanted per year, in unit. ${CONFIDENTIAL_VOLUME_NOTE}` })
  volume!: number;

  @Field(() => VolumeUnit) unit!: VolumeUnit;

  @Field(() => [Int], { description: 'Months when it is wanted, 1 = January ... 12 = December.' })
  months!: number[];
}
