import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { NotFoundError } from '../errors';
import { ROOT_PRODUCTS } from './product.cypher';
import { Product } from './product.type';

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { description: 'A product by id. NOT_FOUND when unknown.' })
  async product(@Arg('id', () => String) id: string, @Ctx() { loaders }: Context): Promise<Product> {
    const product = await loaders.product.productById.load(id);
    if (!product) throw new NotFoundError('Product', id);
    return product;
  }

  @Query(() => [Product], { description: 'The top of the product taxonomy; walk down with `narrower`.' })
  async productCategories(@Ctx() { db }: Context): Promise<Product[]> {
    return (await db.read<{ product: Product }>(ROOT_PRODUCTS)).map((r) => r.product);
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The broader product (null at the top of the taxonomy).' })
  broader(@Root() product: Product, @Ctx() { loaders }: Context): Promise<Product | null> {
    return loaders.product.broaderOfProduct.load(product.id);
  }

  @FieldResolver(() => [Product], { description: 'The directly narrower products.' })
  narrower(@Root() product: Product, @Ctx() { loaders }: Context): Promise<Product[]> {
    return loaders.product.narrowerOfProduct.load(product.id);
  }

  @FieldResolver(() => [Product], { description: 'Transformations: the products this one is made from (bread: flour).' })
  madeFrom(@Root() product: Product, @Ctx() { loaders }: Context): Promise<Product[]> {
    return loaders.product.inputsOfProduct.load(product.id);
  }

  @FieldResolver(() => [Product], { description: 'Transformations: the products made from this one (flour: bread, pasta...).' })
  usedIn(@Root() product: Product, @Ctx() { loaders }: Context): Promise<Product[]> {
    return loaders.product.outputsOfProduct.load(product.id);
  }
}
