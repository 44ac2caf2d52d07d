import { IsOptional } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { AtLeastZero, IsRecordId, IsRecordKey, KeptWhenLeftOut, OptionalIdList, OptionalMonths } from '../records';
import { VolumeUnit } from '../product';

@InputType({ description: 'A new need. Checked like a row of a need import (docs/import.md): a known buyer, product and labels.' })
export class CreateNeedInput {
  @Field(() => String, {
    nullable: true,
    description: 'Identifier; a new `need-<uuid>` when left out. CONFLICT when a need already has it.',
  })
  @IsOptional()
  @IsRecordId()
  id?: string | null;

  @Field(() => String, { description: 'The buyer.' })
  @IsRecordKey()
  actorId!: string;

  @Field(() => String, { description: 'The product wanted (a product id of the catalog; narrower products satisfy it).' })
  @IsRecordKey()
  productId!: string;

  @Field(() => Float, { description: 'Volume wanted per year, in unit, at least 0.' })
  @AtLeastZero()
  volume!: number;

  @Field(() => VolumeUnit, { description: 'Unit of volume.' })
  unit!: VolumeUnit;

  @Field(() => [String], { nullable: true, description: 'Labels the buyer requires (label ids); none when left out.' })
  @OptionalIdList(20)
  requiredLabelIds?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'Months when it is wanted, 1 = January ... 12 = December; all year when left out.' })
  @OptionalMonths('leave it out for all year')
  months?: number[] | null;
}

@InputType({ description: 'Changes to a need: only the fields given change. Checked like a row of a need import.' })
export class UpdateNeedInput {
  @Field(() => String, { nullable: true, description: 'Moves the need to this buyer.' })
  @KeptWhenLeftOut()
  @IsRecordKey()
  actorId?: string;

  @Field(() => String, { nullable: true, description: 'The product wanted.' })
  @KeptWhenLeftOut()
  @IsRecordKey()
  productId?: string;

  @Field(() => Float, { nullable: true, description: 'Volume wanted per year, in unit, at least 0.' })
  @KeptWhenLeftOut()
  @AtLeastZero()
  volume?: number;

  @Field(() => VolumeUnit, { nullable: true, description: 'Unit of volume.' })
  @KeptWhenLeftOut()
  unit?: VolumeUnit;

  @Field(() => [String], { nullable: true, description: 'Labels the buyer requires; replaces the current ones (null or [] for none).' })
  @OptionalIdList(20)
  requiredLabelIds?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'Months when it is wanted, 1 = January ... 12 = December; null for all year.' })
  @OptionalMonths('null for all year')
  months?: number[] | null;
}
