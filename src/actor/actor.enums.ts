// The vocabularies live with the write model (records/vocabulary.ts); kept here for the readers' imports.
export { ACTOR_ROLES, ActorRole, MEMBER_GROUPS, MemberGroup, RESELLER_ONLY_ROLES } from '../records';
