import { Arg, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { LocalInput } from '../../supply-search/supply-search.input';
import { DEFAULT_BUYER_RADIUS_KM, DEFAULT_CANDIDATES, DEFAULT_POTENTIAL_BUYERS, MatchmakingScopeInput } from './matchmaking.input';
import { DEFAULT_MAX_INTERMEDIARIES, findPotentialBuyers, findUnmetNeeds } from './matchmaking.service';
import { PotentialBuyers, UnmetNeeds } from './matchmaking.type';

@Resolver()
export class MatchmakingResolver {
  @Query(() => UnmetNeeds, {
    description:
      'The needs of a buyer, an EPCI or a department that existing supply links do not cover (a link to the buyer of the product or a narrower one, ' +
      'with every required label; any organic label meets a required organic one), each with its best candidate suppliers ranked as `suppliers` ranks them. ' +
      'Two round trips at most. BAD_USER_INPUT for not exactly one scope field; NOT_FOUND for an unknown actor, EPCI or department. See docs/reasoning.md.',
  })
  unmetNeeds(
    @Arg('scope', () => MatchmakingScopeInput, { description: 'Whose needs: exactly one of actorId, epciSiren, departmentCode.' }) scope: MatchmakingScopeInput,
    @Arg('includePartial', () => Boolean, { defaultValue: false, description: 'Also list needs covered in part (less volume than needed, in the need\'s unit).' })
    includePartial: boolean,
    @Arg('candidates', () => Int, { defaultValue: DEFAULT_CANDIDATES, description: 'Candidate suppliers listed per need, 0 to 50.' }) candidates: number,
    @Arg('local', () => LocalInput, { nullable: true, description: 'What "local" means for candidates, from each buyer; left out, within 100 km.' })
    local: LocalInput | null,
    @Arg('maxIntermediaries', () => Int, {
      defaultValue: DEFAULT_MAX_INTERMEDIARIES,
      description: 'Most intermediaries between a candidate and the buyer, 0 to 3 (1 = circuit court).',
    })
    maxIntermediaries: number,
    @Ctx() { db }: Context,
  ): Promise<UnmetNeeds> {
    return findUnmetNeeds(db, { scope, includePartial, candidates, local, maxIntermediaries });
  }

  @Query(() => PotentialBuyers, {
    description:
      'The reverse of unmetNeeds, for a producer: needs of buyers within radiusKm that one of its offers meets (the need\'s product or a narrower one, ' +
      'every required label, a month in common) and that the buyer does not already buy from it; nearest first, one round trip. ' +
      'NOT_FOUND for an unknown actor; BAD_USER_INPUT for a radius outside (0, 1000] km.',
  })
  potentialBuyers(
    @Arg('producerId', () => String, { description: 'The producer (or processor) whose offers are matched.' }) producerId: string,
    @Arg('radiusKm', () => Float, { defaultValue: DEFAULT_BUYER_RADIUS_KM, description: 'Great-circle radius around the producer, in km.' }) radiusKm: number,
    @Arg('first', () => Int, { defaultValue: DEFAULT_POTENTIAL_BUYERS, description: 'The first n potential buyers (1 to 200).' }) first: number,
    @Ctx() { db }: Context,
  ): Promise<PotentialBuyers> {
    return findPotentialBuyers(db, { producerId, radiusKm, first });
  }
}
