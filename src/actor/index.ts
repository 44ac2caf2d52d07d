export { ActorResolver } from './actor.resolver';
export { createActorLoaders } from './actor.loaders';
export { Actor } from './actor.type';
export { ACTORS_FOR_MAP, ACTOR_SCHEMA } from './actor.cypher';
export { ActorRole, MemberGroup, RESELLER_ONLY_ROLES } from './actor.enums';
export { ActorFilter } from './actor.input';
export { ActorMutationResolver } from './actor.mutations';
export { toFilterParams } from './actor.service';
