export { MatchmakingResolver } from './matchmaking.resolver';
export { SupplyRiskResolver } from './risk.resolver';
export { NeedCoverage } from './matchmaking.enums';
export { findUnmetNeeds } from './matchmaking.service';
export { findSupplyRisk, toCriticalActors } from './risk.service';
export type { UnmetNeedsArgs } from './matchmaking.input';
export type { SupplyRiskArgs } from './risk.input';
export { CARRIES_REQUIRED, NEED_REQUIRED_LABELS } from './matchmaking.cypher';
