import { Authorized, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule, CONFIDENTIAL_VOLUME_NOTE, PRIVATE_FIELD_NOTE } from '../auth';
import { Connection } from '../common';
import { VolumeUnit } from '../product';
import { DeliveryFrequency, SupplyChannel } from './supply.enums';

registerEnumType(DeliveryFrequency, { name: 'DeliveryFrequency', description: 'How often goods move along a supply link.' });
registerEnumType(SupplyChannel, {
  name: 'SupplyChannel',
  description: 'How the buyer procured the goods of a supply link.',
  valuesConfig: {
    AGRILOCAL: { description: "Through Agrilocal26, the Drôme Département's public procurement platform for local products." },
    PUBLIC_TENDER: {
      description: 'Through a formal public tender or a group purchasing agreement (marché public, groupement de commandes).',
    },
    DIRECT_ORDER: { description: 'A direct order between the two parties, outside any platform or tender (gré à gré).' },
  },
});

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

  @Field(() => SupplyChannel, { nullable: true, description: 'How the buyer procured the goods; null when not stated.' })
  channel!: SupplyChannel | null;
}

export const SupplyLinkConnection = Connection(SupplyLink, 'SupplyLink', 'A page of supply links.');
export type SupplyLinkConnection = InstanceType<typeof SupplyLinkConnection>;
