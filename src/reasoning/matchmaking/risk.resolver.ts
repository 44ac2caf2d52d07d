import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { SupplyRiskArgs } from './risk.input';
import { findSupplyRisk } from './risk.service';
import { SupplyRisk } from './risk.type';

@Resolver()
export class SupplyRiskResolver {
  @Query(() => SupplyRisk, {
    description:
      'Supply risks of an EPCI or a department: needs of its buyers covered by a single supplier, the suppliers whose disappearance would leave ' +
      'the most needs uncovered, and the share of its purchases (in euros and in links) from suppliers located outside it. One round trip. ' +
      'BAD_USER_INPUT for not exactly one scope field; NOT_FOUND for an unknown EPCI or department. See docs/reasoning.md.',
  })
  supplyRisk(@Args(() => SupplyRiskArgs) args: SupplyRiskArgs, @Ctx() { db }: Context): Promise<SupplyRisk> {
    return findSupplyRisk(db, args);
  }
}
