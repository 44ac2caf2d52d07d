import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor';
import { RelatedItemsArgs } from '../common';
import type { Context } from '../context';
import { Offer } from './offer.type';

/**
 * `Actor.offers`. It lives here, beside the offers, rather than in actor/: an actor is known to its
 * offers, not the other way round, so the folders depend one way (offer → actor).
 */
@Resolver(() => Actor)
export class ActorOffersResolver {
  @FieldResolver(() => [Offer], { description: 'What it can supply, by product name (`first`: 50 by default, 200 at most).' })
  async offers(
    @Root() actor: Actor,
    @Args(() => RelatedItemsArgs) { first }: RelatedItemsArgs,
    @Ctx() { loaders }: Context,
  ): Promise<Offer[]> {
    return (await loaders.offer.offersOfActor.load(actor.id)).slice(0, first);
  }
}
