export { SupplyLinkResolver } from './supply.resolver';
export { SupplyLink } from './supply.type';
export { TradePartner, type TradePartnerRow } from './trade-partner.type';
export { ActorTradeResolver, TradePartnerResolver } from './actor-trade.resolver';
export {
  CUSTOMERS_WITH_ACTOR_VALUES,
  SUPPLIERS_WITH_ACTOR_VALUES,
  SUPPLY_BACKFILLS,
  SUPPLY_LINKS_FOR_MAP,
  SUPPLY_SCHEMA,
} from './supply.cypher';
export { DeliveryFrequency } from './supply.enums';
export { SupplyLinkFilter, toSupplyLinkFilterParams } from './supply.input';
export type { SupplyLinkRow } from './supply.loaders';
export { createSupplyLoaders } from './supply.loaders';
export { SupplyLinkMutationResolver } from './supply.mutations';
