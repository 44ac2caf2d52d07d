import { ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ExactlyOneOf, InRange } from '../../common';
import { DepartmentCodeScopeField, EpciSirenScopeField, exactlyOneScope } from '../scope';

/** Critical actors listed when the client does not say. */
export const DEFAULT_CRITICAL_ACTORS = 10;
/** The most critical actors listed. */
export const MAX_CRITICAL_ACTORS = 100;

@InputType({ description: 'The territory a supply-risk report covers: the actors located in an EPCI or a department. Give exactly one.' })
@ExactlyOneOf(['epciSiren', 'departmentCode'], exactlyOneScope)
export class RiskScopeInput {
  @EpciSirenScopeField('An EPCI by SIREN ("200068781" is CA Valence Romans Agglo).')
  epciSiren?: string | null;

  @DepartmentCodeScopeField('A department by INSEE code ("26" is the Drôme).')
  departmentCode?: string | null;
}

/** The arguments of supplyRisk, checked at the edge. */
@ArgsType()
export class SupplyRiskArgs {
  @Field(() => RiskScopeInput, { description: 'The territory: exactly one of epciSiren, departmentCode.' })
  @ValidateNested()
  scope!: RiskScopeInput;

  @Field(() => Int, { defaultValue: DEFAULT_CRITICAL_ACTORS, description: 'Critical actors listed, 1 to 100.' })
  @InRange(
    { min: 1, max: MAX_CRITICAL_ACTORS, whole: true },
    (value) => `top must be a whole number from 1 to ${MAX_CRITICAL_ACTORS}; got ${value}`,
    { field: 'top' },
  )
  top!: number;
}
