export { ProductResolver } from './product.resolver';
export { createProductLoaders } from './product.loaders';
export { Product } from './product.type';
