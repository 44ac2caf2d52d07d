import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { TerritoryReportArgs, toTerritoryRef } from './report.input';
import { buildTerritoryReport } from './report.service';
import { TerritoryReport } from './report.type';

@Resolver()
export class TerritoryReportResolver {
  @Query(() => TerritoryReport, {
    description:
      "A territory's food-system report for a year (issue 12): actors and production, EGalim shares of its kitchens, local supply, " +
      'coverage of needs, risks and actions, with every definition applied. Public: aggregates, and per-actor figures for public ' +
      'buyers only. A territory without data answers hasData false. BAD_USER_INPUT for not exactly one territory or a bad code or year; ' +
      'NOT_FOUND for an unknown commune, EPCI or department. See docs/reports.md.',
  })
  territoryReport(@Args(() => TerritoryReportArgs) args: TerritoryReportArgs, @Ctx() { db }: Context): Promise<TerritoryReport> {
    return buildTerritoryReport(db, toTerritoryRef(args.territory), args.year ?? new Date().getUTCFullYear());
  }
}
