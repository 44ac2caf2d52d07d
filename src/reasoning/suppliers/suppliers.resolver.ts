import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { MAX_INTERMEDIARIES } from './suppliers.cypher';
import { DEFAULT_LOCAL_RADIUS_KM } from '../local';
import { SupplierPageArgs, SupplierSearchInput } from './suppliers.input';
import { answerSupplierQuestion } from './suppliers.question';
import { SupplierSearch } from './suppliers.type';

@Resolver(() => SupplierSearch)
export class SupplierSearchResolver {
  @Query(() => SupplierSearch, {
    description:
      'Who can supply a product (or a narrower one) with the required labels to a buyer or a place: suppliers whose offer is in season, ' +
      'local (a parameter; default within ' +
      `${DEFAULT_LOCAL_RADIUS_KM} km), and reaching the buyer directly (their delivery area covers it) or along existing supply links ` +
      `through at most maxIntermediaries resellers (0 to ${MAX_INTERMEDIARIES}; default 1, the circuit court) that deliver to it. ` +
      'Fewest intermediaries first, then nearest; one round trip. NOT_FOUND for an unknown product, label, actor or commune; ' +
      'BAD_USER_INPUT for both or neither of buyerId and place, a radius out of range, or maxIntermediaries over the maximum. See docs/reasoning.md.',
  })
  suppliers(
    @Arg('input', () => SupplierSearchInput, {
      description: 'The product, labels, buyer or place, local definition and limits of the search.',
    })
    input: SupplierSearchInput,
    @Args(() => SupplierPageArgs) page: SupplierPageArgs,
    @Ctx() { db }: Context,
  ): Promise<SupplierSearch> {
    return answerSupplierQuestion(db, input, page);
  }
}
