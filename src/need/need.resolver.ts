import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor';
import type { Context } from '../context';
import { Label } from '../label';
import { Product } from '../product';
import { Need } from './need.type';

@Resolver(() => Need)
export class NeedResolver {
  @FieldResolver(() => Actor, { description: 'The buyer.' })
  async actor(@Root() need: Need, @Ctx() { loaders }: Context): Promise<Actor> {
    return (await loaders.actor.actorOfNeed.load(need.id))!;
  }

  @FieldResolver(() => Product, { description: 'The product wanted (or any narrower one).' })
  async product(@Root() need: Need, @Ctx() { loaders }: Context): Promise<Product> {
    return (await loaders.product.productOfNeed.load(need.id))!;
  }

  @FieldResolver(() => [Label], { description: 'Labels the buyer requires.' })
  requiredLabels(@Root() need: Need, @Ctx() { loaders }: Context): Promise<Label[]> {
    return loaders.label.labelsRequiredByNeed.load(need.id);
  }
}
