import { IsOptional } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import {
  AtLeastZero,
  IsRecordId,
  IsRecordKey,
  KeptWhenLeftOut,
  MAX_DELIVERY_RADIUS_KM,
  OptionalDeliveryRadius,
  OptionalIdList,
  OptionalMonths,
} from '../records';
import { VolumeUnit } from '../product';

@InputType({
  description: 'A new offer. Checked like a row of an offer import (docs/import.md): a known actor, product, labels and delivery area.',
})
export class CreateOfferInput {
  @Field(() => String, {
    nullable: true,
    description: 'Identifier; a new `off-<uuid>` when left out. CONFLICT when an offer already has it.',
  })
  @IsOptional()
  @IsRecordId()
  id?: string | null;

  @Field(() => String, { description: 'The actor who offers it.' })
  @IsRecordKey()
  actorId!: string;

  @Field(() => String, { description: 'The product offered (a product id of the catalog).' })
  @IsRecordKey()
  productId!: string;

  @Field(() => [String], { nullable: true, description: 'Labels of this line of product (label ids); none when left out.' })
  @OptionalIdList(20)
  labelIds?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'Months available, 1 = January ... 12 = December; all year when left out.' })
  @OptionalMonths('leave it out for all year')
  months?: number[] | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Volume the actor can supply per year, in capacityUnit (required with it), at least 0.',
  })
  @IsOptional()
  @AtLeastZero()
  capacity?: number | null;

  @Field(() => VolumeUnit, { nullable: true, description: 'Unit of capacity and priceEur.' })
  @IsOptional()
  capacityUnit?: VolumeUnit | null;

  @Field(() => Float, {
    nullable: true,
    description: `Delivers to buyers within this great-circle distance of the actor, 0 to ${MAX_DELIVERY_RADIUS_KM} km.`,
  })
  @OptionalDeliveryRadius()
  deliveryRadiusKm?: number | null;

  @Field(() => [String], { nullable: true, description: 'Communes of its delivery area (INSEE codes).' })
  @OptionalIdList(2000)
  deliveryCommunes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'EPCIs of its delivery area, every commune of each (SIREN).' })
  @OptionalIdList(200)
  deliveryEpcis?: string[] | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Indicative price excl. VAT per capacityUnit (required with it), in euros, at least 0.',
  })
  @IsOptional()
  @AtLeastZero()
  priceEur?: number | null;
}

@InputType({
  description: 'Changes to an offer: only the fields given change; null clears an optional field. Checked like a row of an offer import.',
})
export class UpdateOfferInput {
  @Field(() => String, { nullable: true, description: 'Moves the offer to this actor.' })
  @KeptWhenLeftOut()
  @IsRecordKey()
  actorId?: string;

  @Field(() => String, { nullable: true, description: 'The product offered (a product id of the catalog).' })
  @KeptWhenLeftOut()
  @IsRecordKey()
  productId?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Labels of this line of product; replaces the current ones (null or [] for none).',
  })
  @OptionalIdList(20)
  labelIds?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'Months available, 1 = January ... 12 = December; null for all year.' })
  @OptionalMonths('null for all year')
  months?: number[] | null;

  @Field(() => Float, { nullable: true, description: 'Volume the actor can supply per year, in capacityUnit, at least 0.' })
  @IsOptional()
  @AtLeastZero()
  capacity?: number | null;

  @Field(() => VolumeUnit, { nullable: true, description: 'Unit of capacity and priceEur.' })
  @IsOptional()
  capacityUnit?: VolumeUnit | null;

  @Field(() => Float, { nullable: true, description: `Delivery radius, 0 to ${MAX_DELIVERY_RADIUS_KM} km.` })
  @OptionalDeliveryRadius()
  deliveryRadiusKm?: number | null;

  @Field(() => [String], { nullable: true, description: 'Communes of its delivery area (INSEE codes); replaces the current ones.' })
  @OptionalIdList(2000)
  deliveryCommunes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'EPCIs of its delivery area (SIREN); replaces the current ones.' })
  @OptionalIdList(200)
  deliveryEpcis?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Indicative price excl. VAT per capacityUnit, in euros, at least 0.' })
  @IsOptional()
  @AtLeastZero()
  priceEur?: number | null;
}
