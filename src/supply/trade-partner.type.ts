import { Field, ObjectType } from 'type-graphql';
import { Actor } from '../actor';
import { SupplyLink } from './supply.type';

@ObjectType({ description: 'An actor one trades with, and what is exchanged.' })
export class TradePartner {
  @Field(() => Actor, { description: 'The supplier or customer.' })
  actor!: Actor;

  @Field(() => [SupplyLink], { description: 'The supply links with it, largest volume first.' })
  links!: SupplyLink[];
}
