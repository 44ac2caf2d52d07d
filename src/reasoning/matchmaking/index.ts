export { MatchmakingResolver } from './matchmaking.resolver';
export { SupplyRiskResolver } from './risk.resolver';
export { NeedCoverage } from './matchmaking.enums';
export { findUnmetNeeds } from './matchmaking.service';
// The territory reports' questions on needs.
export {
  findCandidateLeads,
  findTerritoryNeeds,
  LEAD_SEARCH_SLICE,
  type CandidateLead,
  type SingleSupplierRow,
  type TerritoryNeed,
  type TerritoryNeeds,
} from './leads.service';
export { NEED_CANDIDATE_LEADS, TERRITORY_NEEDS } from './leads.cypher';
export { findSupplyRisk, toCriticalActors } from './risk.service';
export type { UnmetNeedsArgs } from './matchmaking.input';
export type { SupplyRiskArgs } from './risk.input';
export { CARRIES_REQUIRED, NEED_REQUIRED_LABELS } from './matchmaking.cypher';
