import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { AtLeastOneOf } from '../common';
import { DEPARTMENT_CODE, DEPARTMENT_CODE_MESSAGE, EPCI_SIREN, EPCI_SIREN_MESSAGE } from '../records';

/** The arguments of communesGeoJson, checked at the edge: an area, since all communes at once is too many for a map. */
@ArgsType()
@AtLeastOneOf(
  ['departmentCode', 'epciSiren'],
  () => 'Give departmentCode ("26"), epciSiren ("200068781") or both: all communes at once is too many for a map',
)
export class CommunesGeoJsonArgs {
  @Field(() => String, { nullable: true, description: 'INSEE department code ("26" is the Drôme).' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: DEPARTMENT_CODE_MESSAGE })
  departmentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'SIREN of an EPCI ("200068781" is CA Valence Romans Agglo).' })
  @IsOptional()
  @Matches(EPCI_SIREN, { message: EPCI_SIREN_MESSAGE })
  epciSiren?: string | null;
}
