import type { Selection } from '../common';
import { ACTOR_PROPERTIES, type ActorProperty } from './actor.cypher';

/**
 * The properties each Actor field reads on its root besides `id` (which every relationship field
 * reads, and which is always loaded): a scalar field reads its own property, and these field
 * resolvers read others. A field not listed and not a property (commune, offers, suppliers...)
 * reads only `id`. tests/actor-partners-projection.test.ts selects every field of Actor on partners
 * and compares them with `actor(id)`: a field resolver reading another property fails it.
 */
const READS: Readonly<Record<string, readonly ActorProperty[]>> = {
  distanceKm: ['location'],
};

const IS_PROPERTY = new Set<string>(ACTOR_PROPERTIES);

/**
 * The properties of an actor that selections of Actor fields read, together (`id` first, then in
 * ACTOR_PROPERTIES' order, so that equal selections give equal lists). `undefined` (not selected):
 * `id` alone.
 */
export function actorPropertiesOf(...selections: (Selection | undefined)[]): ActorProperty[] {
  const wanted = new Set<string>(['id']);
  for (const field of selections.flatMap((s) => [...(s?.fields() ?? [])])) {
    if (IS_PROPERTY.has(field)) wanted.add(field);
    for (const property of READS[field] ?? []) wanted.add(property);
  }
  return ACTOR_PROPERTIES.filter((p) => wanted.has(p));
}
