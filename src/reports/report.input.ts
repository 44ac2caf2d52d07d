import { IsOptional, Matches, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ExactlyOneOf, InRange, toAlternatives, type ClassRuleMessage } from '../common';
import { COMMUNE_INSEE, COMMUNE_INSEE_MESSAGE } from '../records';
import { DepartmentCodeScopeField, EpciSirenScopeField } from '../reasoning';
import { ReportTerritoryKind } from './report.type';
import type { TerritoryRef } from './report.service';

/** The first year a report may cover, and how far ahead of this year it may look. */
export const MIN_REPORT_YEAR = 2000;
export const MAX_REPORT_YEARS_AHEAD = 1;

/** "Give exactly one territory: communeInsee, epciSiren or departmentCode; got none". */
const exactlyOneTerritory: ClassRuleMessage = (given, fields) =>
  `Give exactly one territory: ${toAlternatives(fields)}; got ${given.length === 0 ? 'none' : given.join(' and ')}`;

@InputType({ description: 'The territory a report covers: a commune, an EPCI or a department. Give exactly one.' })
@ExactlyOneOf(['communeInsee', 'epciSiren', 'departmentCode'], exactlyOneTerritory)
export class TerritoryInput {
  @Field(() => String, { nullable: true, description: 'A commune by INSEE code ("26362" is Valence).' })
  @IsOptional()
  @Matches(COMMUNE_INSEE, { message: COMMUNE_INSEE_MESSAGE })
  communeInsee?: string | null;

  @EpciSirenScopeField('An EPCI by SIREN ("200068781" is CA Valence Romans Agglo).')
  epciSiren?: string | null;

  @DepartmentCodeScopeField('A department by INSEE code ("26" is the Drôme).')
  departmentCode?: string | null;
}

/** The arguments of territoryReport, checked at the edge. */
@ArgsType()
export class TerritoryReportArgs {
  @Field(() => TerritoryInput, { description: 'The territory: exactly one of communeInsee, epciSiren, departmentCode.' })
  @ValidateNested()
  territory!: TerritoryInput;

  @Field(() => Int, {
    nullable: true,
    description: `The year reported, from ${MIN_REPORT_YEAR} to next year; left out, the current year (UTC).`,
  })
  @IsOptional()
  @InRange(
    { min: MIN_REPORT_YEAR, max: new Date().getUTCFullYear() + MAX_REPORT_YEARS_AHEAD, whole: true },
    (value) => `year must be a whole year from ${MIN_REPORT_YEAR} to next year; got ${value}`,
    { field: 'year' },
  )
  year?: number | null;
}

/** The territory a valid input names. */
export function toTerritoryRef(input: TerritoryInput): TerritoryRef {
  if (input.communeInsee != null) return { kind: ReportTerritoryKind.COMMUNE, code: input.communeInsee };
  if (input.epciSiren != null) return { kind: ReportTerritoryKind.EPCI, code: input.epciSiren };
  if (input.departmentCode != null) return { kind: ReportTerritoryKind.DEPARTMENT, code: input.departmentCode };
  throw new Error('toTerritoryRef: a TerritoryInput without a territory skipped validation');
}
