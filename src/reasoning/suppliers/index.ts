export { SupplierSearchResolver } from './suppliers.resolver';
export {
  findBuyerPlaces,
  findSupplierMatches,
  MAX_MATCHES_PER_REQUEST,
  toRequestParams,
  type BuyerPlace,
  type PathStepRow,
  type SupplierMatchKey,
  type SupplierMatchRow,
  type SupplierRequest,
} from './suppliers.service';
export { DEFAULT_MAX_INTERMEDIARIES } from './suppliers.input';
export { INTERMEDIARY_ROLES, MAX_INTERMEDIARIES, SUPPLIER_CANDIDATES, SUPPLIER_STATEMENTS } from './suppliers.cypher';
export { PathStepKind } from './suppliers.enums';
export { SupplierMatch } from './suppliers.type';
// The matching rules as Cypher fragments, for the report's candidate search (matchmaking/candidates.cypher.ts).
export { alreadySuppliesBuyer, carriesLabels, coversBuyer, inSeason, locationOf, sameOrNarrowerProductIds } from './suppliers.cypher';
