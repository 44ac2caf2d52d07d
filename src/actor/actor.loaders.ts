import DataLoader from 'dataloader';
import { oneByKey, withValues } from '../common';
import type { Database } from '../db';
import {
  ACTORS_BY_ID,
  ACTOR_OF_NEEDS,
  ACTOR_OF_OFFERS,
  ACTOR_PROPERTIES,
  ACTOR_PROPERTIES_BY_ID,
  type ActorProperty,
} from './actor.cypher';
import { Actor } from './actor.type';

/** The key of `actorPropertiesById`: which properties (actorPropertiesOf), then whose. */
export function actorPropertiesKey(properties: readonly ActorProperty[], id: string): string {
  return `${properties.join(',')}|${id}`;
}

/** An Actor with the given properties (the others unread, hence unset): an instance, so type-graphql need not copy it per field. */
export function toPartialActor(properties: readonly string[], values: unknown[]): Actor {
  return withValues(new Actor(), properties, values);
}

/**
 * Actors by id with only the properties a query selects of them: one statement per batch, with
 * the union of the properties its keys ask for (the suppliers and the customers of a page may
 * select different fields of their actors; an actor with a property more than asked is still
 * right). The partial actors live in this loader alone, keyed by their properties, so no resolver
 * that needs a whole actor (actorById) ever reads one.
 */
function actorPropertiesById(db: Database): DataLoader<string, Actor | null> {
  return new DataLoader<string, Actor | null>(
    async (keys) => {
      const ids = new Set<string>();
      const asked = new Set<string>();
      for (const key of keys) {
        const cut = key.indexOf('|');
        for (const property of key.slice(0, cut).split(',')) asked.add(property);
        ids.add(key.slice(cut + 1));
      }
      const properties = ACTOR_PROPERTIES.filter((p) => asked.has(p));
      const rows = await db.read<{ key: string; values: unknown[] }>(ACTOR_PROPERTIES_BY_ID, { keys: [...ids], properties });
      const byId = new Map(rows.map((row) => [row.key, toPartialActor(properties, row.values)]));
      return keys.map((key) => byId.get(key.slice(key.indexOf('|') + 1)) ?? null);
    },
    { name: 'actorPropertiesById' },
  );
}

export function createActorLoaders(db: Database) {
  return {
    actorById: oneByKey<Actor>(db, 'actorById', ACTORS_BY_ID),
    /** Keys from actorPropertiesKey. */
    actorPropertiesById: actorPropertiesById(db),
    actorOfOffer: oneByKey<Actor>(db, 'actorOfOffer', ACTOR_OF_OFFERS),
    actorOfNeed: oneByKey<Actor>(db, 'actorOfNeed', ACTOR_OF_NEEDS),
  };
}
