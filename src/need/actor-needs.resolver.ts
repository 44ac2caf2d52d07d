import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor';
import { RelatedItemsArgs } from '../common';
import type { Context } from '../context';
import { Need } from './need.type';

/** `Actor.needs`, beside the needs so that the folders depend one way (need → actor). */
@Resolver(() => Actor)
export class ActorNeedsResolver {
  @FieldResolver(() => [Need], { description: 'What it wants to buy, by product name (`first`: 50 by default, 200 at most).' })
  async needs(
    @Root() actor: Actor,
    @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs,
    @Ctx() { loaders }: Context,
  ): Promise<Need[]> {
    return (await loaders.need.needsOfActor.load(actor.id)).slice(0, first);
  }
}
