import { manyByKey, MAX_RELATED_ITEMS } from '../common';
import { int, type Database } from '../db';
import { NEEDS_OF_ACTORS } from './need.cypher';
import type { Need } from './need.type';

export function createNeedLoaders(db: Database) {
  return {
    needsOfActor: manyByKey<Need>(db, 'needsOfActor', NEEDS_OF_ACTORS, { max: int(MAX_RELATED_ITEMS) }),
  };
}
