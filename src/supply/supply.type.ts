import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.type';
import { VolumeUnit } from '../product/product.enums';
import { DeliveryFrequency } from './supply.enums';

registerEnumType(DeliveryFrequency, { name: 'DeliveryFrequency', description: 'How often goods move along a supply link.' });

@ObjectType({ description: 'Trading that exists: a supplier sells a product to a buyer, with volume and value per year.' })
export class SupplyLink {
  @Field(() => String) id!: string;

  @Field(() => Float, { description: 'Volume traded per year, in unit.' })
  volume!: number;

  @Field(() => VolumeUnit) unit!: VolumeUnit;

  @Field(() => Float, { nullable: true, description: 'Purchase value excl. VAT per year, in euros.' })
  valueEur!: number | null;

  @Field(() => String, { nullable: true, description: 'When the trading started (ISO date, YYYY-MM-DD).' })
  since!: string | null;

  @Field(() => DeliveryFrequency, { nullable: true }) frequency!: DeliveryFrequency | null;
}

export const SupplyLinkConnection = Connection(SupplyLink, 'SupplyLink', 'A page of supply links.');
export type SupplyLinkConnection = InstanceType<typeof SupplyLinkConnection>;
