import { manyByKey, oneByKey, MAX_RELATED_ITEMS, MAX_SOURCES } from '../common';
import { int, type Database } from '../db';
import {
  CUSTOMERS_OF_ACTORS,
  INPUTS_OF_SUPPLY_LINKS,
  PURCHASES_OF_ACTORS,
  SALES_OF_ACTORS,
  SUPPLIERS_OF_ACTORS,
  SUPPLY_LINKS_BY_ID,
} from './supply.cypher';
import type { SupplyLink } from './supply.type';
import type { TradePartnerRow } from './trade-partner.type';

/** A supply link as queries return it: with the ids of its two ends, which its field resolvers load. */
export type SupplyLinkRow = SupplyLink & { supplierId: string; buyerId: string };

export function createSupplyLoaders(db: Database) {
  const max = int(MAX_RELATED_ITEMS);
  return {
    supplyLinkById: oneByKey<SupplyLinkRow>(db, 'supplyLinkById', SUPPLY_LINKS_BY_ID),
    /** Links the actor buys on (it is the buyer). */
    purchasesOfActor: manyByKey<SupplyLinkRow>(db, 'purchasesOfActor', PURCHASES_OF_ACTORS, { max }),
    /** Links the actor sells on (it is the supplier). */
    salesOfActor: manyByKey<SupplyLinkRow>(db, 'salesOfActor', SALES_OF_ACTORS, { max }),
    /** Who the actor buys from, among its MAX_RELATED_ITEMS largest purchases, grouped in Cypher. */
    suppliersOfActor: manyByKey<TradePartnerRow>(db, 'suppliersOfActor', SUPPLIERS_OF_ACTORS, { max }),
    /** Who the actor sells to, among its MAX_RELATED_ITEMS largest sales, grouped in Cypher. */
    customersOfActor: manyByKey<TradePartnerRow>(db, 'customersOfActor', CUSTOMERS_OF_ACTORS, { max }),
    inputsOfSupplyLink: manyByKey<SupplyLinkRow>(db, 'inputsOfSupplyLink', INPUTS_OF_SUPPLY_LINKS, { max: int(MAX_SOURCES) }),
  };
}
