import { Authorized, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule, CONFIDENTIAL_VOLUME_NOTE, PRIVATE_FIELD_NOTE } from '../auth';
import { Connection } from '../common';
import { VolumeUnit } from '../product';
import { DeliveryFrequency } from './supply.enums';

registerEnumType(DeliveryFrequency, { name: 'DeliveryFrequency', description: 'How often goods move along a supply link.' });

@ObjectType({ description: 'Trading that exists: a supplier sells a product to a buyer, with volume and value per year.' })
export class SupplyLink {
  @Field(() => String) id!: string;

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, { nullable: true, description: `Volume traded per year, in unit. ${CONFIDENTIAL_VOLUME_NOTE}` })
  volume!: number;

  @Field(() => VolumeUnit) unit!: VolumeUnit;

  @Authorized(AccessRule.OWNER)
  @Field(() => Float, {
    nullable: true,
    description: `Purchase value excl. VAT per year, in euros (a declared purchase value). ${PRIVATE_FIELD_NOTE}`,
  })
  valueEur!: number | null;

  @Field(() => String, { nullable: true, description: 'When the trading started (ISO date, YYYY-MM-DD).' })
  since!: string | null;

  @Field(() => DeliveryFrequency, { nullable: true }) frequency!: DeliveryFrequency | null;
}

export const SupplyLinkConnection = Connection(SupplyLink, 'SupplyLink', 'A page of supply links.');
export type SupplyLinkConnection = InstanceType<typeof SupplyLinkConnection>;
