import { IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DEPARTMENT_CODE, EPCI_SIREN } from '../../matchmaking';

/** Critical actors listed when the client does not say. */
export const DEFAULT_CRITICAL_ACTORS = 10;
/** The most critical actors listed. */
export const MAX_CRITICAL_ACTORS = 100;

@InputType({ description: 'The territory a supply-risk report covers: the actors located in an EPCI or a department. Give exactly one.' })
export class RiskScopeInput {
  @Field(() => String, { nullable: true, description: 'An EPCI by SIREN ("200068781" is CA Valence Romans Agglo).' })
  @IsOptional()
  @Matches(EPCI_SIREN, { message: 'epciSiren must be a SIREN of 9 digits, e.g. "200068781"' })
  epciSiren?: string | null;

  @Field(() => String, { nullable: true, description: 'A department by INSEE code ("26" is the Drôme).' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a department code, e.g. "26"' })
  departmentCode?: string | null;
}
