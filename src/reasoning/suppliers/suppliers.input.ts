import { ArrayMaxSize, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import {
  EachInRange,
  ExactlyOneOf,
  exactlyOneMessage,
  InRange,
  GeoPointInput,
  NotBlank,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from '../../common';
import { COMMUNE_INSEE, COMMUNE_INSEE_MESSAGE, FIRST_MONTH, LAST_MONTH } from '../../records';
import { DEFAULT_LOCAL_RADIUS_KM, LocalInput } from '../local';
import { MAX_INTERMEDIARIES } from './suppliers.cypher';

/** Intermediaries allowed when a search does not say: 1, the circuit court. */
export const DEFAULT_MAX_INTERMEDIARIES = 1;

/** The message of a maxIntermediaries out of range, at the edge and in the batch service. */
export const maxIntermediariesMessage = (value: unknown) =>
  `maxIntermediaries must be a whole number from 0 (direct sales only) to ${MAX_INTERMEDIARIES} (the maximum); got ${value}`;
/** The message of a month out of range, at the edge and in the batch service. */
export const monthMessage = (value: unknown) =>
  `months must be whole numbers from ${FIRST_MONTH} (January) to ${LAST_MONTH} (December); got ${value}`;
/** The message of a negative minVolume, at the edge and in the batch service. */
export const minVolumeMessage = (value: unknown) => `minVolume must be 0 or more; got ${value}`;

@InputType({
  description: 'Where the goods must arrive when no buyer actor is named: a commune (its centroid) or a point. Give exactly one.',
})
@ExactlyOneOf(['communeInsee', 'communeName', 'point'], exactlyOneMessage('the place'))
export class SupplierPlaceInput {
  @Field(() => String, { nullable: true, description: 'INSEE code of a commune ("26362" is Valence).' })
  @IsOptional()
  @Matches(COMMUNE_INSEE, { message: COMMUNE_INSEE_MESSAGE })
  @NotBlank()
  communeInsee?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Official name of a commune, case- and accent-insensitive ("valence", "Montelimar"). BAD_USER_INPUT listing the INSEE codes when several communes bear it.',
  })
  @IsOptional()
  @MaxLength(100)
  @NotBlank()
  communeName?: string | null;

  @Field(() => GeoPointInput, {
    nullable: true,
    description: 'A WGS-84 point; its commune is the one whose centroid is nearest (within 20 km).',
  })
  @IsOptional()
  @ValidateNested()
  point?: GeoPointInput | null;
}

// Decorators apply from the class upwards: the product is checked before the buyer, as before.
@InputType({ description: 'Who can supply a product to a buyer or a place: the product, the labels, the buyer, and what counts as local.' })
@ExactlyOneOf(['buyerId', 'place'], exactlyOneMessage('the buyer'))
@ExactlyOneOf(['productId', 'productName'], exactlyOneMessage('the product'))
export class SupplierSearchInput {
  @Field(() => String, {
    nullable: true,
    description: 'The product by id ("farine"); its narrower products match too. Give productId or productName.',
  })
  @IsOptional()
  @MaxLength(100)
  @NotBlank()
  productId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The product by name, full-text and accent-insensitive ("farine"; plurals such as "abricots" and "pommes de terre" too; AOP, AOC, IGP, STG are ignored: "Picodon AOP" is Picodon): the best-matching product, the shortest name on a tie.',
  })
  @IsOptional()
  @MaxLength(200)
  @NotBlank()
  productName?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Labels the goods must all carry (label ids: "ab", "hve"). NOT_FOUND for an unknown label.',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @NotBlank()
  labelIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: the goods are legally organic, certified under EU 2018/848 (a label with `organic`: AB, EU organic leaf, in conversion), ' +
      'what EGalim counts; false: they carry none. Nature & Progrès or Demeter alone is not organic here: see organicClaim.',
  })
  @IsOptional()
  organic?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The broad search: true: the goods carry any label claiming organic farming, certified or private (`Label.organicClaim`: AB, ' +
      'EU organic, in conversion, Nature & Progrès, Demeter); false: they carry none. Never what EGalim counts.',
  })
  @IsOptional()
  organicClaim?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The buyer, an actor: distances are measured from its location (its commune's centroid when it has none). Give buyerId or place.",
  })
  @IsOptional()
  @MaxLength(100)
  @NotBlank()
  buyerId?: string | null;

  @Field(() => SupplierPlaceInput, { nullable: true, description: 'Where the goods must arrive, when no buyer actor is named.' })
  @IsOptional()
  @ValidateNested()
  place?: SupplierPlaceInput | null;

  @Field(() => LocalInput, {
    nullable: true,
    description: `What "local" means; left out, within ${DEFAULT_LOCAL_RADIUS_KM} km of the buyer.`,
  })
  @IsOptional()
  @ValidateNested()
  local?: LocalInput | null;

  @Field(() => Int, {
    nullable: true,
    description: `Most intermediaries allowed between supplier and buyer, 0 to ${MAX_INTERMEDIARIES}: 0 = direct sales only, 1 = circuit court (the default).`,
  })
  @IsOptional()
  @InRange({ min: 0, max: MAX_INTERMEDIARIES, whole: true }, maxIntermediariesMessage, {
    field: 'maxIntermediaries',
    max: MAX_INTERMEDIARIES,
  })
  maxIntermediaries?: number | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'Months the goods are wanted (1 = January): the offer must be available in every one.',
  })
  @IsOptional()
  @ArrayMaxSize(12)
  @EachInRange({ min: FIRST_MONTH, max: LAST_MONTH, whole: true }, monthMessage)
  months?: number[] | null;

  @Field(() => Float, {
    nullable: true,
    description: "Smallest yearly capacity the offer must have, in the offer's own unit (units are not converted).",
  })
  @IsOptional()
  @InRange({ min: 0, max: Number.MAX_VALUE }, minVolumeMessage, { field: 'minVolume' })
  minVolume?: number | null;
}

@ArgsType()
export class SupplierPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `The first n matches after \`after\` (1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  })
  @IsOptional()
  @InRange({ min: 1, max: MAX_PAGE_SIZE, whole: true }, (value) => `first must be from 1 to ${MAX_PAGE_SIZE}; got ${value}`, {
    field: 'first',
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the match to page forward from.' })
  after?: string | null;
}
