/**
 * The reasoning module: the supply-chain questions Maillon answers by following the graph.
 *
 * - suppliers/: who can supply a product to a buyer or a place (and the batch matching others use);
 * - chains/: upstream, downstream and label integrity along declared provenance;
 * - matchmaking/: unmet needs, potential buyers, supply risk;
 * - neighbourhood/: the supply network around an actor, for a graph view;
 * - scope.ts: whose needs, links or purchases a question looks at (actor, EPCI, department);
 * - local.ts: what "local" means, its default, bound and wording;
 * - egalim.ts: EGalim's thresholds and the families of its meat-and-fish rule.
 *
 * Other folders use the questions through this file only.
 */
export { SupplierSearchResolver } from './suppliers';
export { ChainResolver } from './chains';
export { MatchmakingResolver, SupplyRiskResolver } from './matchmaking';
export { GraphResolver } from './neighbourhood';

export {
  findBuyerPlaces,
  findSupplierMatches,
  INTERMEDIARY_ROLES,
  MAX_INTERMEDIARIES,
  MAX_MATCHES_PER_REQUEST,
  PathStepKind,
  SUPPLIER_CANDIDATES,
  SUPPLIER_STATEMENTS,
  toRequestParams,
  type BuyerPlace,
  type SupplierMatchRow,
  type SupplierRequest,
} from './suppliers';
export { CHAIN, ChainDirection, LABEL_INTEGRITY } from './chains';
export { NEIGHBOURHOOD, UNFILTERED_NEIGHBOURHOOD } from './neighbourhood';
export { DEFAULT_LOCAL_RADIUS_KM, describeLocal, LocalScope, MAX_LOCAL_RADIUS_KM, type LocalDefinitionSpec } from './local';
export { ActorScopeKind } from './scope';
// The questions as functions, for the territory reports (src/reports), which ask them without GraphQL.
export { findSupplyRisk, findUnmetNeeds, toCriticalActors, type SupplyRiskArgs, type UnmetNeedsArgs } from './matchmaking';
// The reports' own questions on needs (same answers as unmetNeeds and supplyRisk, fewer statements).
export {
  findCandidateLeads,
  findTerritoryNeeds,
  LEAD_SEARCH_SLICE,
  NEED_CANDIDATE_LEADS,
  TERRITORY_NEEDS,
  type CandidateLead,
  type TerritoryNeed,
} from './matchmaking';
// The coverage rule of labels, so the reports' coverage figures apply the questions' rule verbatim.
export { CARRIES_REQUIRED, NEED_REQUIRED_LABELS } from './matchmaking';
export { IntegrityBreakKind, IntegrityScopeKind } from './chains';
export { DepartmentCodeScopeField, EpciSirenScopeField } from './scope';
export {
  EGALIM_MEAT_FISH_FAMILIES,
  EGALIM_MEAT_FISH_SHARE,
  EGALIM_ORGANIC_SHARE,
  EGALIM_QUALITY_SHARE,
  isEgalimMeatFishFamily,
} from './egalim';
