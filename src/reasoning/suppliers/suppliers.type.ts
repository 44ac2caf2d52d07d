import { Authorized, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule, CONFIDENTIAL_VOLUME_NOTE } from '../../auth';
import { ActorRole, Actor } from '../../actor';
import { PageInfo, GeoPoint } from '../../common';
import { Label } from '../../label';
import { Offer } from '../../offer';
import { VolumeUnit, Product } from '../../product';
import { Commune, Department, Epci } from '../../territory';
import { LocalScope } from '../local';
import { PathStepKind } from './suppliers.enums';

registerEnumType(PathStepKind, {
  name: 'PathStepKind',
  description: 'The part an actor plays on the path of a supplier match.',
  valuesConfig: {
    SUPPLIER: { description: 'Where the goods come from: the producer, or the processor of what it makes.' },
    INTERMEDIARY: { description: 'An actor that resells the goods without transforming them.' },
    BUYER: { description: 'Where the goods arrive: the buyer, or the place asked about.' },
  },
});

@ObjectType({ description: 'The local definition a supplier search applied: always stated, since "local" has no legal definition.' })
export class LocalDefinition {
  @Field(() => LocalScope, { description: 'The kind of definition.' })
  scope!: LocalScope;

  @Field(() => Float, { nullable: true, description: 'For RADIUS: the radius in km (great circle, from the buyer).' })
  radiusKm!: number | null;

  @Field(() => [String], {
    description: 'For DEPARTMENT, DEPARTMENT_AND_NEIGHBOURS and REGION: the departments counted as local (INSEE codes); empty otherwise.',
  })
  departmentCodes!: string[];

  @Field(() => Epci, { nullable: true, description: "For EPCI: the buyer's EPCI." })
  epci!: Epci | null;

  @Field(() => Boolean, { description: 'True when the client gave no definition and the default (a radius of 100 km) applied.' })
  isDefault!: boolean;

  @Field(() => String, {
    description: 'The definition in words, to quote in answers and reports ("within 100 km of the buyer (great circle), the default").',
  })
  description!: string;
}

@ObjectType({ description: 'Where the goods must arrive, as the search resolved it.' })
export class SupplierSearchPlace {
  @Field(() => GeoPoint, {
    description:
      "The point distances are measured to: the buyer's location (its commune's centroid when it has none), the commune's centroid, or the point given.",
  })
  point!: GeoPoint;

  @Field(() => Commune, {
    nullable: true,
    description:
      "The commune: the buyer's, the one given, or for a point the commune whose centroid is nearest (within 20 km). Delivery areas listing communes or EPCIs are checked against it.",
  })
  commune!: Commune | null;

  @Field(() => Epci, { nullable: true, description: "The commune's EPCI." })
  epci!: Epci | null;

  @Field(() => Department, { nullable: true, description: "The commune's department." })
  department!: Department | null;
}

@ObjectType({ description: 'One step of the way goods take from a supplier to the buyer.' })
export class PathStep {
  @Field(() => PathStepKind, { description: 'Supplier, intermediary or buyer.' })
  kind!: PathStepKind;

  @Field(() => Actor, {
    nullable: true,
    description: 'The actor; null only on the BUYER step of a search that named a place, not a buyer.',
  })
  actor!: Actor | null;

  @Field(() => ActorRole, {
    nullable: true,
    description:
      "The role it plays here: a producing or processing role for the supplier, a reselling role for an intermediary, the buyer's first role; null with the actor.",
  })
  role!: ActorRole | null;

  @Field(() => Product, {
    description: 'The product at this step: offered by the supplier, bought (and resold) by an intermediary, received by the buyer.',
  })
  product!: Product;

  @Field(() => Float, {
    nullable: true,
    description: 'Great-circle distance in km from the previous step, to 0.1 km; null for the first step.',
  })
  distanceKm!: number | null;
}

@ObjectType({ description: 'A supplier that can supply the asked product to the buyer, with the way the goods take.' })
export class SupplierMatch {
  @Field(() => Actor, {
    description: 'Where the goods come from: the producer, or the processor of what it makes (never an actor that only resells).',
  })
  supplier!: Actor;

  @Field(() => Offer, { description: "The supplier's offer that matches (product, labels, season, capacity)." })
  offer!: Offer;

  @Field(() => Product, { description: 'The product offered: the asked one or a narrower one ("farine" matches "Farine de blé T80").' })
  product!: Product;

  @Field(() => [Label], { description: 'Labels of the offer, by id.' })
  labels!: Label[];

  @Field(() => Float, { description: 'Great-circle distance in km from the supplier to the buyer, to 0.1 km.' })
  distanceKm!: number;

  @Field(() => Int, { description: 'Intermediaries between the supplier and the buyer: 0 for a direct sale.' })
  intermediaries!: number;

  @Field(() => Boolean, { description: 'Circuit court (Ministry of Agriculture, 2009): at most one intermediary, whatever the distance.' })
  circuitCourt!: boolean;

  @Field(() => [PathStep], { description: 'From the supplier to the buyer inclusive, with the distance of each leg.' })
  path!: PathStep[];

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, {
    nullable: true,
    description: `What the supplier can supply per year, in capacityUnit (the offer's capacity). ${CONFIDENTIAL_VOLUME_NOTE}`,
  })
  capacity!: number | null;

  @Field(() => VolumeUnit, { nullable: true, description: 'Unit of capacity.' })
  capacityUnit!: VolumeUnit | null;

  @Field(() => [Int], { description: 'Season: the months the offer is available, 1 = January ... 12 = December.' })
  months!: number[];

  @Field(() => Boolean, { description: "The supplier is a member of the Club Drômois de l'Alimentation." })
  clubMember!: boolean;
}

@ObjectType({ description: 'One supplier match in a page, with its cursor.' })
export class SupplierMatchEdge {
  @Field(() => String, { description: 'Opaque keyset cursor: pass it as `after` to get the matches that follow.' })
  cursor!: string;

  @Field(() => SupplierMatch, { description: 'The match.' })
  node!: SupplierMatch;
}

/**
 * Not the shared Connection(): the count is a plain number here, since the one query that finds
 * the page counts every match anyway.
 */
@ObjectType({ description: 'A page of supplier matches, by intermediaries, then distance, then supplier id and offer id.' })
export class SupplierMatchConnection {
  @Field(() => [SupplierMatchEdge], { description: 'The matches of this page, in order, with their cursors.' })
  edges!: SupplierMatchEdge[];

  @Field(() => [SupplierMatch], { description: 'The nodes of `edges`, for clients that need no cursors.' })
  nodes!: SupplierMatch[];

  @Field(() => PageInfo, { description: 'Whether more matches follow, and the cursors of this page.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matches of the search, all pages together.' })
  totalCount!: number;
}

@ObjectType({ description: 'The answer to "who can supply this product to this buyer or place", with the definitions it applied.' })
export class SupplierSearch {
  @Field(() => Product, { description: 'The product asked for, as resolved from its id or name; its narrower products match too.' })
  product!: Product;

  @Field(() => Actor, { nullable: true, description: 'The buyer, when the search named one.' })
  buyer!: Actor | null;

  @Field(() => SupplierSearchPlace, { description: 'Where the goods must arrive.' })
  place!: SupplierSearchPlace;

  @Field(() => LocalDefinition, { description: 'What "local" meant in this search.' })
  local!: LocalDefinition;

  @Field(() => Int, { description: 'The most intermediaries a match may have (0 = direct sales only, 1 = circuit court).' })
  maxIntermediaries!: number;

  @Field(() => SupplierMatchConnection, { description: 'The matches, fewest intermediaries first, then nearest.' })
  matches!: SupplierMatchConnection;
}
