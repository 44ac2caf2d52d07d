export { SupplierSearchResolver } from './suppliers.resolver';
export {
  findBuyerPlaces,
  findSupplierMatches,
  MAX_MATCHES_PER_REQUEST,
  type BuyerPlace,
  type LocalDefinitionSpec,
  type PathStepRow,
  type SupplierMatchKey,
  type SupplierMatchRow,
  type SupplierRequest,
} from './suppliers.service';
export { DEFAULT_LOCAL_RADIUS_KM, DEFAULT_MAX_INTERMEDIARIES } from './suppliers.input';
export { RESELLER_ONLY_ROLES } from '../../actor/actor.enums';
export { INTERMEDIARY_ROLES, MAX_INTERMEDIARIES } from './suppliers.cypher';
export { LocalScope, PathStepKind } from './suppliers.enums';
