import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { AtLeastZero, IsIsoDate, IsRecordId, IsRecordKey, KeptWhenLeftOut, OptionalIdList } from '../records';
import { VolumeUnit } from '../product';
import { DeliveryFrequency, SupplyChannel } from './supply.enums';

@InputType({ description: 'Filters on supply links; all given filters must hold.' })
export class SupplyLinkFilter {
  @Field(() => String, { nullable: true, description: 'Product traded, or a narrower one.' })
  @IsOptional()
  @MaxLength(100)
  productId?: string | null;

  @Field(() => [String], { nullable: true, description: 'The goods carry all these labels.' })
  @IsOptional()
  @ArrayMaxSize(10)
  labelIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The goods are legally organic as EGalim counts them (AB, EU organic; in conversion for plant products only) (true) or not (false).',
  })
  @IsOptional()
  organic?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Sold by this actor.' })
  @IsOptional()
  @IsRecordKey()
  supplierId?: string | null;

  @Field(() => String, { nullable: true, description: 'Bought by this actor.' })
  @IsOptional()
  @IsRecordKey()
  buyerId?: string | null;
}

@InputType({
  description:
    'A new supply link. Checked like a row of a supply-link import (docs/import.md): known, distinct supplier and buyer, known product and labels, ' +
    'and provenance from links its supplier buys on.',
})
export class CreateSupplyLinkInput {
  @Field(() => String, {
    nullable: true,
    description: 'Identifier; a new `sl-<uuid>` when left out. CONFLICT when a supply link already has it.',
  })
  @IsOptional()
  @IsRecordId()
  id?: string | null;

  @Field(() => String, { description: 'The seller (actor id).' })
  @IsRecordKey()
  supplierId!: string;

  @Field(() => String, { description: 'The buyer (actor id), another actor than the supplier.' })
  @IsRecordKey()
  buyerId!: string;

  @Field(() => String, { description: 'The product traded (a product id of the catalog).' })
  @IsRecordKey()
  productId!: string;

  @Field(() => [String], { nullable: true, description: 'Labels the goods carry (label ids); none when left out.' })
  @OptionalIdList(20)
  labelIds?: string[] | null;

  @Field(() => Float, { description: 'Volume traded per year, in unit, at least 0.' })
  @AtLeastZero()
  volume!: number;

  @Field(() => VolumeUnit, { description: 'Unit of volume.' })
  unit!: VolumeUnit;

  @Field(() => Float, { nullable: true, description: 'Purchase value excl. VAT per year, in euros, at least 0.' })
  @IsOptional()
  @AtLeastZero()
  valueEur?: number | null;

  @Field(() => String, { nullable: true, description: 'When the trading started (YYYY-MM-DD), today at the latest.' })
  @IsOptional()
  @IsIsoDate()
  since?: string | null;

  @Field(() => DeliveryFrequency, { nullable: true, description: 'How often goods move along the link.' })
  @IsOptional()
  frequency?: DeliveryFrequency | null;

  @Field(() => SupplyChannel, {
    nullable: true,
    description: 'How the buyer procured the goods (Agrilocal, a public tender, a direct order).',
  })
  @IsOptional()
  channel?: SupplyChannel | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Provenance: ids of the supply links bought by this link's supplier whose goods these are made or resold from; none when left out.",
  })
  @OptionalIdList(100)
  sourcedFromIds?: string[] | null;
}

@InputType({
  description:
    'Changes to a supply link: only the fields given change; null clears an optional field. Checked like a row of a supply-link import.',
})
export class UpdateSupplyLinkInput {
  @Field(() => String, { nullable: true, description: 'The seller (actor id).' })
  @KeptWhenLeftOut()
  @IsRecordKey()
  supplierId?: string;

  @Field(() => String, { nullable: true, description: 'The buyer (actor id).' })
  @KeptWhenLeftOut()
  @IsRecordKey()
  buyerId?: string;

  @Field(() => String, { nullable: true, description: 'The product traded.' })
  @KeptWhenLeftOut()
  @IsRecordKey()
  productId?: string;

  @Field(() => [String], { nullable: true, description: 'Labels the goods carry; replaces the current ones (null or [] for none).' })
  @OptionalIdList(20)
  labelIds?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Volume traded per year, in unit, at least 0.' })
  @KeptWhenLeftOut()
  @AtLeastZero()
  volume?: number;

  @Field(() => VolumeUnit, { nullable: true, description: 'Unit of volume.' })
  @KeptWhenLeftOut()
  unit?: VolumeUnit;

  @Field(() => Float, { nullable: true, description: 'Purchase value excl. VAT per year, in euros, at least 0.' })
  @IsOptional()
  @AtLeastZero()
  valueEur?: number | null;

  @Field(() => String, { nullable: true, description: 'When the trading started (YYYY-MM-DD), today at the latest.' })
  @IsOptional()
  @IsIsoDate()
  since?: string | null;

  @Field(() => DeliveryFrequency, { nullable: true, description: 'How often goods move along the link.' })
  @IsOptional()
  frequency?: DeliveryFrequency | null;

  @Field(() => SupplyChannel, {
    nullable: true,
    description: 'How the buyer procured the goods (Agrilocal, a public tender, a direct order).',
  })
  @IsOptional()
  channel?: SupplyChannel | null;

  @Field(() => [String], { nullable: true, description: 'Provenance links; replaces the current ones (null or [] for none).' })
  @OptionalIdList(100)
  sourcedFromIds?: string[] | null;
}

/** The Cypher parameters of SUPPLY_LINK_FILTERS for a filter (null = filter off). */
export function toSupplyLinkFilterParams(filter: SupplyLinkFilter) {
  return {
    productId: filter.productId ?? null,
    labelIds: filter.labelIds?.length ? filter.labelIds : null,
    organic: filter.organic ?? null,
    supplierId: filter.supplierId ?? null,
    buyerId: filter.buyerId ?? null,
  };
}
