import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** Department codes as INSEE writes them ("26", "2A", "974"). */
export const DEPARTMENT_CODE = /^(\d{2}|2[AB]|97\d)$/;
/** An EPCI's SIREN: 9 digits. */
export const EPCI_SIREN = /^\d{9}$/;

@InputType({ description: 'Whose needs are looked at: one buyer, or the buyers located in an EPCI or a department. Give exactly one.' })
export class MatchmakingScopeInput {
  @Field(() => String, { nullable: true, description: 'The needs of this buyer (actor id).' })
  @IsOptional()
  @MaxLength(64)
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'The needs of the actors located in this EPCI (SIREN, "200068781").' })
  @IsOptional()
  @Matches(EPCI_SIREN, { message: 'epciSiren must be a SIREN of 9 digits, e.g. "200068781"' })
  epciSiren?: string | null;

  @Field(() => String, { nullable: true, description: 'The needs of the actors located in this department (INSEE code, "26").' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a department code, e.g. "26"' })
  departmentCode?: string | null;
}

/** Candidates listed per unmet need when the client does not say. */
export const DEFAULT_CANDIDATES = 5;
/** The most candidates per need. */
export const MAX_CANDIDATES = 50;
/** The radius potentialBuyers searches when the client does not say, in km. */
export const DEFAULT_BUYER_RADIUS_KM = 50;
/** The largest radius potentialBuyers accepts, in km. */
export const MAX_BUYER_RADIUS_KM = 1000;
/** Potential buyers listed when the client does not say. */
export const DEFAULT_POTENTIAL_BUYERS = 20;
/** The most potential buyers listed. */
export const MAX_POTENTIAL_BUYERS = 200;
