export { MatchmakingResolver } from './matchmaking.resolver';
export { SupplyRiskResolver } from './risk.resolver';
export { NeedCoverage } from './matchmaking.enums';
