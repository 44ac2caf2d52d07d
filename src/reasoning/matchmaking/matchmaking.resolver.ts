import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { PotentialBuyersArgs, UnmetNeedsArgs } from './matchmaking.input';
import { findPotentialBuyers, findUnmetNeeds } from './matchmaking.service';
import { PotentialBuyers, UnmetNeeds } from './matchmaking.type';

@Resolver()
export class MatchmakingResolver {
  @Query(() => UnmetNeeds, {
    description:
      'The needs of a buyer, an EPCI or a department that existing supply links do not cover (a link to the buyer of the product or a narrower one, ' +
      'with every required label; any legal organic label (AB, EU organic, in conversion) meets a required one, a private mark never does), each with its best candidate suppliers ranked as `suppliers` ranks them. ' +
      'Two round trips at most. BAD_USER_INPUT for not exactly one scope field; NOT_FOUND for an unknown actor, EPCI or department. See docs/reasoning.md.',
  })
  unmetNeeds(@Args(() => UnmetNeedsArgs) args: UnmetNeedsArgs, @Ctx() { db }: Context): Promise<UnmetNeeds> {
    return findUnmetNeeds(db, args);
  }

  @Query(() => PotentialBuyers, {
    description:
      "The reverse of unmetNeeds, for a producer: needs of buyers within radiusKm that one of its offers meets (the need's product or a narrower one, " +
      'every required label, a month in common) and that the buyer does not already buy from it; nearest first, one round trip. ' +
      'NOT_FOUND for an unknown actor; BAD_USER_INPUT for a radius outside (0, 1000] km.',
  })
  potentialBuyers(@Args(() => PotentialBuyersArgs) args: PotentialBuyersArgs, @Ctx() { db }: Context): Promise<PotentialBuyers> {
    return findPotentialBuyers(db, args);
  }
}
