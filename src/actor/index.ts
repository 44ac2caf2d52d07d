export { ActorResolver } from './actor.resolver';
export { createActorLoaders } from './actor.loaders';
export { Actor, ActorConnection } from './actor.type';
export { ACTORS_FOR_MAP, ACTOR_SCHEMA, actorPageStatements, type ActorPageStatements } from './actor.cypher';
export { ActorRole, MemberGroup, RESELLER_ONLY_ROLES } from './actor.enums';
export { ActorFilter, ActorSort } from './actor.input';
export { ActorMutationResolver } from './actor.mutations';
export { findActors, toFilterParams, type ActorPageExtension } from './actor.service';
