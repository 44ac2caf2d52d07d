import { manyByKey, oneByKey } from '../common/loader';
import { MAX_RELATED_ITEMS } from '../common/pagination';
import { int } from '../db';
import type { Database } from '../db';
import type { Need } from '../need/need.type';
import type { Offer } from '../offer/offer.type';
import type { SupplyLinkRow } from '../supply/supply.loaders';
import { ACTORS_BY_ID, ACTOR_OF_NEEDS, ACTOR_OF_OFFERS, NEEDS_OF_ACTORS, OFFERS_OF_ACTORS, PURCHASES_OF_ACTORS, SALES_OF_ACTORS } from './actor.cypher';
import type { Actor } from './actor.type';

export function createActorLoaders(db: Database) {
  const bound = { max: int(MAX_RELATED_ITEMS) };
  return {
    actorById: oneByKey<Actor>(db, 'actorById', ACTORS_BY_ID),
    offersOfActor: manyByKey<Offer>(db, 'offersOfActor', OFFERS_OF_ACTORS, bound),
    needsOfActor: manyByKey<Need>(db, 'needsOfActor', NEEDS_OF_ACTORS, bound),
    /** Links the actor buys on (it is the buyer). */
    purchasesOfActor: manyByKey<SupplyLinkRow>(db, 'purchasesOfActor', PURCHASES_OF_ACTORS, bound),
    /** Links the actor sells on (it is the supplier). */
    salesOfActor: manyByKey<SupplyLinkRow>(db, 'salesOfActor', SALES_OF_ACTORS, bound),
    actorOfOffer: oneByKey<Actor>(db, 'actorOfOffer', ACTOR_OF_OFFERS),
    actorOfNeed: oneByKey<Actor>(db, 'actorOfNeed', ACTOR_OF_NEEDS),
  };
}
