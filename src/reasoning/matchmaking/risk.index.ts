export { SupplyRiskResolver } from './risk.resolver';
