import { manyByKey, oneByKey } from '../common';
import type { Database } from '../db';
import type { Product } from './product.type';
import {
  BROADER_OF_PRODUCTS,
  INPUTS_OF_PRODUCTS,
  NARROWER_OF_PRODUCTS,
  OUTPUTS_OF_PRODUCTS,
  PRODUCTS_BY_ID,
  PRODUCT_OF_NEEDS,
  PRODUCT_OF_OFFERS,
  PRODUCT_OF_SUPPLY_LINKS,
} from './product.cypher';

export function createProductLoaders(db: Database) {
  return {
    productById: oneByKey<Product>(db, 'productById', PRODUCTS_BY_ID),
    broaderOfProduct: oneByKey<Product>(db, 'broaderOfProduct', BROADER_OF_PRODUCTS),
    narrowerOfProduct: manyByKey<Product>(db, 'narrowerOfProduct', NARROWER_OF_PRODUCTS),
    inputsOfProduct: manyByKey<Product>(db, 'inputsOfProduct', INPUTS_OF_PRODUCTS),
    outputsOfProduct: manyByKey<Product>(db, 'outputsOfProduct', OUTPUTS_OF_PRODUCTS),
    productOfOffer: oneByKey<Product>(db, 'productOfOffer', PRODUCT_OF_OFFERS),
    productOfNeed: oneByKey<Product>(db, 'productOfNeed', PRODUCT_OF_NEEDS),
    productOfSupplyLink: oneByKey<Product>(db, 'productOfSupplyLink', PRODUCT_OF_SUPPLY_LINKS),
  };
}
