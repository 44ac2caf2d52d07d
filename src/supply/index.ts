export { SupplyLinkResolver } from './supply.resolver';
export { SupplyLink } from './supply.type';
