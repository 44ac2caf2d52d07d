import { oneByKey } from '../common';
import type { Database } from '../db';
import { ACTORS_BY_ID, ACTOR_OF_NEEDS, ACTOR_OF_OFFERS } from './actor.cypher';
import type { Actor } from './actor.type';

export function createActorLoaders(db: Database) {
  return {
    actorById: oneByKey<Actor>(db, 'actorById', ACTORS_BY_ID),
    actorOfOffer: oneByKey<Actor>(db, 'actorOfOffer', ACTOR_OF_OFFERS),
    actorOfNeed: oneByKey<Actor>(db, 'actorOfNeed', ACTOR_OF_NEEDS),
  };
}
