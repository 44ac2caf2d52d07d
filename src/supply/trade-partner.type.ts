import { Field, ObjectType } from 'type-graphql';
import { Product } from '../product';
import { Actor } from '../actor';
import { SupplyLink } from './supply.type';

@ObjectType({ description: 'An actor one trades with, and what is exchanged.' })
export class TradePartner {
  @Field(() => Actor, { description: 'The supplier or customer.' })
  actor!: Actor;

  @Field(() => [Product], { description: 'Products exchanged with it, by name.' })
  products!: Product[];

  @Field(() => [SupplyLink], { description: 'The supply links with it, largest volume first.' })
  links!: SupplyLink[];
}
