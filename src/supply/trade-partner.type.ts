import { Field, ObjectType } from 'type-graphql';
import { Actor } from '../actor';

@ObjectType({ description: 'An actor one trades with, and what is exchanged.' })
export class TradePartner {
  @Field(() => Actor, { description: 'The supplier or customer.' })
  actor!: Actor;

  /**
   * The ids of the supply links with it, largest volume first: grouped in Cypher (partnersOf), read
   * by the `links` and `products` field resolvers, which load only what the query selects.
   */
  linkIds!: string[];
}

/** A partner as its statement returns it (partnersOf): the actor's id, loaded by `Actor.suppliers`/`customers`. */
export interface TradePartnerRow {
  actorId: string;
  linkIds: string[];
}
