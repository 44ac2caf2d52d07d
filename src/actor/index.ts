export { ActorResolver } from './actor.resolver';
export { actorPropertiesKey, createActorLoaders, toPartialActor } from './actor.loaders';
export { actorPropertiesOf } from './actor.properties';
export { Actor, ActorConnection } from './actor.type';
export {
  ACTORS_FOR_MAP,
  ACTOR_SCHEMA,
  actorFilterSetOf,
  actorMap,
  actorPageStatements,
  type ActorFilterSet,
  type ActorPageStatements,
  type ActorProperty,
} from './actor.cypher';
export { ActorRole, MemberGroup, RESELLER_ONLY_ROLES } from './actor.enums';
export { ActorFilter, ActorSort } from './actor.input';
export { ActorMutationResolver } from './actor.mutations';
export { findActors, toFilterParams, type ActorPageExtension } from './actor.service';
