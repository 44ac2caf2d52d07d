export { ProductResolver } from './product.resolver';
export { createProductLoaders } from './product.loaders';
export { Product } from './product.type';
export { LINK_PRODUCTS, PRODUCT_PROPERTIES, PRODUCT_SCHEMA, UPSERT_PRODUCTS } from './product.cypher';
export { PRODUCT_KINGDOMS, ProductKingdom, PURCHASE_FAMILIES, VolumeUnit } from './product.enums';
export { resolveProductKingdoms } from './product.kingdom';
