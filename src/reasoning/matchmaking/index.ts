export { MatchmakingResolver } from './matchmaking.resolver';
export { ActorScopeKind, NEED_COVERAGE, NEED_REQUIRED_LABELS, SCOPE_FRAGMENTS } from './matchmaking.cypher';
export { NeedCoverage } from './matchmaking.enums';
export { DEPARTMENT_CODE, EPCI_SIREN } from './matchmaking.input';
export { toActorScope } from './matchmaking.service';
