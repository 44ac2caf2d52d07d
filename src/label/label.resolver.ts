import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { RelatedItemsArgs } from '../common';
import { NotFoundError } from '../errors';
import { Product } from '../product';
import { ALL_LABELS } from './label.cypher';
import { isOrganicClaim, Label } from './label.type';

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

  @FieldResolver(() => Boolean, {
    description:
      'Claims organic farming, certified or not: any legal organic label (`organic`) or a private organic mark (Nature & Progrès, ' +
      'Demeter). What the broad `organicClaim` search accepts; never what EGalim counts.',
  })
  organicClaim(@Root() label: Label): boolean {
    return isOrganicClaim(label);
  }

  @FieldResolver(() => [Product], {
    description: 'For appellations: the products that may carry it, by name (`first`: 50 by default, 200 at most).',
  })
  async products(
    @Root() label: Label,
    @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs,
    @Ctx() { loaders }: Context,
  ): Promise<Product[]> {
    return (await loaders.label.productsOfLabel.load(label.id)).slice(0, first);
  }
}
