import { ArrayMaxSize, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { GeoPointInput } from '../../common/geo.type';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination';
import { MAX_INTERMEDIARIES } from './suppliers.cypher';
import { LocalScope } from './suppliers.enums';

/** The radius "local" means when a search gives no definition. */
export const DEFAULT_LOCAL_RADIUS_KM = 100;
/** Intermediaries allowed when a search does not say: 1, the circuit court. */
export const DEFAULT_MAX_INTERMEDIARIES = 1;
/** The largest local radius accepted, in km. */
export const MAX_LOCAL_RADIUS_KM = 1000;

@InputType({ description: 'Where the goods must arrive when no buyer actor is named: a commune (its centroid) or a point. Give exactly one.' })
export class SupplierPlaceInput {
  @Field(() => String, { nullable: true, description: 'INSEE code of a commune ("26362" is Valence).' })
  @IsOptional()
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { message: 'communeInsee must be an INSEE code of 5 characters, e.g. "26362"' })
  communeInsee?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Official name of a commune, case- and accent-insensitive ("valence", "Montelimar"). BAD_USER_INPUT listing the INSEE codes when several communes bear it.',
  })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  communeName?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'A WGS-84 point; its commune is the one whose centroid is nearest (within 20 km).' })
  @IsOptional()
  @ValidateNested()
  point?: GeoPointInput | null;
}

@InputType({
  description: `What "local" means, measured from the supplier to the buyer: a radius, or a scope. Give one of the two; left out, a radius of ${DEFAULT_LOCAL_RADIUS_KM} km.`,
})
export class LocalInput {
  @Field(() => Float, { nullable: true, description: `Radius in km, more than 0 and at most ${MAX_LOCAL_RADIUS_KM} (scope RADIUS).` })
  radiusKm?: number | null;

  @Field(() => LocalScope, { nullable: true, description: `The scope; RADIUS without radiusKm means ${DEFAULT_LOCAL_RADIUS_KM} km.` })
  scope?: LocalScope | null;
}

@InputType({ description: 'Who can supply a product to a buyer or a place: the product, the labels, the buyer, and what counts as local.' })
export class SupplierSearchInput {
  @Field(() => String, { nullable: true, description: 'The product by id ("farine"); its narrower products match too. Give productId or productName.' })
  @IsOptional()
  @MaxLength(100)
  productId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The product by name, full-text and accent-insensitive ("farine"): the best-matching product, the shortest name on a tie.',
  })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  productName?: string | null;

  @Field(() => [String], { nullable: true, description: 'Labels the goods must all carry (label ids: "ab", "hve"). NOT_FOUND for an unknown label.' })
  @IsOptional()
  @ArrayMaxSize(10)
  labelIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: the goods carry a label counting as organic (AB, EU organic, in conversion, Nature & Progrès, Demeter); false: they carry none.' })
  @IsOptional()
  organic?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The buyer, an actor: distances are measured from its location (its commune\'s centroid when it has none). Give buyerId or place.' })
  @IsOptional()
  @MaxLength(100)
  buyerId?: string | null;

  @Field(() => SupplierPlaceInput, { nullable: true, description: 'Where the goods must arrive, when no buyer actor is named.' })
  @IsOptional()
  @ValidateNested()
  place?: SupplierPlaceInput | null;

  @Field(() => LocalInput, { nullable: true, description: `What "local" means; left out, within ${DEFAULT_LOCAL_RADIUS_KM} km of the buyer.` })
  @IsOptional()
  @ValidateNested()
  local?: LocalInput | null;

  @Field(() => Int, {
    nullable: true,
    description: `Most intermediaries allowed between supplier and buyer, 0 to ${MAX_INTERMEDIARIES}: 0 = direct sales only, 1 = circuit court (the default).`,
  })
  maxIntermediaries?: number | null;

  @Field(() => [Int], { nullable: true, description: 'Months the goods are wanted (1 = January): the offer must be available in every one.' })
  @IsOptional()
  @ArrayMaxSize(12)
  months?: number[] | null;

  @Field(() => Float, { nullable: true, description: 'Smallest yearly capacity the offer must have, in the offer\'s own unit (units are not converted).' })
  minVolume?: number | null;
}

@ArgsType()
export class SupplierPageArgs {
  @Field(() => Int, { nullable: true, description: `The first n matches after \`after\` (1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the match to page forward from.' })
  after?: string | null;
}
