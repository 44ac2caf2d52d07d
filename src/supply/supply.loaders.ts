import { manyByKey, oneByKey, MAX_RELATED_ITEMS, MAX_SOURCES } from '../common';
import { int, type Database } from '../db';
import { INPUTS_OF_SUPPLY_LINKS, PURCHASES_OF_ACTORS, SALES_OF_ACTORS, SUPPLY_LINKS_BY_ID } from './supply.cypher';
import type { SupplyLink } from './supply.type';

/** A supply link as queries return it: with the ids of its two ends, which its field resolvers load. */
export type SupplyLinkRow = SupplyLink & { supplierId: string; buyerId: string };

export function createSupplyLoaders(db: Database) {
  return {
    supplyLinkById: oneByKey<SupplyLinkRow>(db, 'supplyLinkById', SUPPLY_LINKS_BY_ID),
    /** Links the actor buys on (it is the buyer). */
    purchasesOfActor: manyByKey<SupplyLinkRow>(db, 'purchasesOfActor', PURCHASES_OF_ACTORS, { max: int(MAX_RELATED_ITEMS) }),
    /** Links the actor sells on (it is the supplier). */
    salesOfActor: manyByKey<SupplyLinkRow>(db, 'salesOfActor', SALES_OF_ACTORS, { max: int(MAX_RELATED_ITEMS) }),
    inputsOfSupplyLink: manyByKey<SupplyLinkRow>(db, 'inputsOfSupplyLink', INPUTS_OF_SUPPLY_LINKS, { max: int(MAX_SOURCES) }),
  };
}
