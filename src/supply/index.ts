export { SupplyLinkResolver } from './supply.resolver';
export { SupplyLink } from './supply.type';
export { ActorTradeResolver } from './actor-trade.resolver';
