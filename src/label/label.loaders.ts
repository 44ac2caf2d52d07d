import { manyByKey, oneByKey, MAX_RELATED_ITEMS } from '../common';
import { int, type Database } from '../db';
import type { Product } from '../product';
import type { Label } from './label.type';
import { LABELS_BY_ID, LABELS_OF_OFFERS, LABELS_OF_SUPPLY_LINKS, LABELS_REQUIRED_BY_NEEDS, PRODUCTS_OF_LABELS } from './label.cypher';

export function createLabelLoaders(db: Database) {
  return {
    labelById: oneByKey<Label>(db, 'labelById', LABELS_BY_ID),
    labelsOfOffer: manyByKey<Label>(db, 'labelsOfOffer', LABELS_OF_OFFERS),
    labelsOfSupplyLink: manyByKey<Label>(db, 'labelsOfSupplyLink', LABELS_OF_SUPPLY_LINKS),
    labelsRequiredByNeed: manyByKey<Label>(db, 'labelsRequiredByNeed', LABELS_REQUIRED_BY_NEEDS),
    productsOfLabel: manyByKey<Product>(db, 'productsOfLabel', PRODUCTS_OF_LABELS, { max: int(MAX_RELATED_ITEMS) }),
  };
}
