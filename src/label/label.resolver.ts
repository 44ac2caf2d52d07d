import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { NotFoundError } from '../errors';
import { Product } from '../product/product.type';
import { ALL_LABELS } from './label.cypher';
import { Label } from './label.type';

@Resolver(() => Label)
export class LabelResolver {
  @Query(() => [Label], { description: 'Every quality label and appellation, by name.' })
  async labels(@Ctx() { db }: Context): Promise<Label[]> {
    return (await db.read<{ label: Label }>(ALL_LABELS)).map((r) => r.label);
  }

  @Query(() => Label, { description: 'A label by id ("ab", "picodon-aop"). NOT_FOUND when unknown.' })
  async label(@Arg('id', () => String) id: string, @Ctx() { loaders }: Context): Promise<Label> {
    const label = await loaders.label.labelById.load(id);
    if (!label) throw new NotFoundError('Label', id);
    return label;
  }

  @FieldResolver(() => [Product], { description: 'For appellations: the products that may carry it.' })
  products(@Root() label: Label, @Ctx() { loaders }: Context): Promise<Product[]> {
    return loaders.label.productsOfLabel.load(label.id);
  }
}
