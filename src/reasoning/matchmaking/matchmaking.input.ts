import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { ExactlyOneOf, InRange, NotBlank } from '../../common';
import { LocalInput, MAX_LOCAL_RADIUS_KM } from '../local';
import { ActorIdScopeField, DepartmentCodeScopeField, EpciSirenScopeField, exactlyOneScope } from '../scope';
import { DEFAULT_MAX_INTERMEDIARIES, MAX_INTERMEDIARIES } from '../suppliers';

@InputType({ description: 'Whose needs are looked at: one buyer, or the buyers located in an EPCI or a department. Give exactly one.' })
@ExactlyOneOf(['actorId', 'epciSiren', 'departmentCode'], exactlyOneScope)
export class MatchmakingScopeInput {
  @ActorIdScopeField('The needs of this buyer (actor id).')
  actorId?: string | null;

  @EpciSirenScopeField('The needs of the actors located in this EPCI (SIREN, "200068781").')
  epciSiren?: string | null;

  @DepartmentCodeScopeField('The needs of the actors located in this department (INSEE code, "26").')
  departmentCode?: string | null;
}

/** Candidates listed per unmet need when the client does not say. */
export const DEFAULT_CANDIDATES = 5;
/** The most candidates per need. */
export const MAX_CANDIDATES = 50;
/** The radius potentialBuyers searches when the client does not say, in km. */
export const DEFAULT_BUYER_RADIUS_KM = 50;
/** The largest radius potentialBuyers accepts, in km: the shared search-radius bound. */
export const MAX_BUYER_RADIUS_KM = MAX_LOCAL_RADIUS_KM;
/** Potential buyers listed when the client does not say. */
export const DEFAULT_POTENTIAL_BUYERS = 20;
/** The most potential buyers listed. */
export const MAX_POTENTIAL_BUYERS = 200;

const wholeFromTo = (field: string, min: number, max: number) => (value: unknown) =>
  `${field} must be a whole number from ${min} to ${max}; got ${value}`;

/** The arguments of unmetNeeds, checked at the edge. */
@ArgsType()
export class UnmetNeedsArgs {
  @Field(() => MatchmakingScopeInput, { description: 'Whose needs: exactly one of actorId, epciSiren, departmentCode.' })
  @ValidateNested()
  scope!: MatchmakingScopeInput;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Also list needs covered in part (less volume than needed, in the need's unit).",
  })
  includePartial!: boolean;

  @Field(() => Int, { defaultValue: DEFAULT_CANDIDATES, description: 'Candidate suppliers listed per need, 0 to 50.' })
  @InRange({ min: 0, max: MAX_CANDIDATES, whole: true }, wholeFromTo('candidates', 0, MAX_CANDIDATES), { field: 'candidates' })
  candidates!: number;

  @Field(() => LocalInput, { nullable: true, description: 'What "local" means for candidates, from each buyer; left out, within 100 km.' })
  @IsOptional()
  @ValidateNested()
  local?: LocalInput | null;

  @Field(() => Int, {
    defaultValue: DEFAULT_MAX_INTERMEDIARIES,
    description: 'Most intermediaries between a candidate and the buyer, 0 to 3 (1 = circuit court).',
  })
  @InRange({ min: 0, max: MAX_INTERMEDIARIES, whole: true }, wholeFromTo('maxIntermediaries', 0, MAX_INTERMEDIARIES), {
    field: 'maxIntermediaries',
  })
  maxIntermediaries!: number;
}

/** The arguments of potentialBuyers, checked at the edge. */
@ArgsType()
export class PotentialBuyersArgs {
  @Field(() => String, { description: 'The producer (or processor) whose offers are matched.' })
  @NotBlank()
  producerId!: string;

  @Field(() => Float, { defaultValue: DEFAULT_BUYER_RADIUS_KM, description: 'Great-circle radius around the producer, in km.' })
  @InRange(
    { min: 0, minExclusive: true, max: MAX_BUYER_RADIUS_KM },
    (value) => `radiusKm must be more than 0 and at most ${MAX_BUYER_RADIUS_KM} km; got ${value}`,
    { field: 'radiusKm' },
  )
  radiusKm!: number;

  @Field(() => Int, { defaultValue: DEFAULT_POTENTIAL_BUYERS, description: 'The first n potential buyers (1 to 200).' })
  @InRange({ min: 1, max: MAX_POTENTIAL_BUYERS, whole: true }, wholeFromTo('first', 1, MAX_POTENTIAL_BUYERS), { field: 'first' })
  first!: number;
}
