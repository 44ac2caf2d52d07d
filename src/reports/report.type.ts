import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ActorRole } from '../actor';
import { VolumeUnit } from '../product';
import { IntegrityBreakKind } from '../reasoning';
import { PurchaseFamily } from '../records';

/**
 * The territory report's model: every indicator of issue 12's seven sections as plain data, with
 * the definitions it applied. These classes are both the GraphQL answer of `territoryReport` and the
 * TypeScript model the renderers (HTML, CSV, PDF) read, so a figure has one name everywhere.
 *
 * Reports are public documents: every field here is an aggregate, or a figure of a public buyer
 * (whose EGalim shares are public on ma-cantine), or a public directory fact (an actor's name,
 * roles, place). No price, no private actor's declared value or volume appears unaggregated; an
 * aggregate of fewer than MIN_CONTRIBUTORS private actors is withheld (`withheld: true`, figures
 * null), as official statistics do (secret statistique).
 */

/** The kind of territory a report covers. */
export enum ReportTerritoryKind {
  COMMUNE = 'COMMUNE',
  EPCI = 'EPCI',
  DEPARTMENT = 'DEPARTMENT',
}

registerEnumType(ReportTerritoryKind, {
  name: 'ReportTerritoryKind',
  description: 'The kind of territory a report covers.',
  valuesConfig: {
    COMMUNE: { description: 'A commune (INSEE code).' },
    EPCI: { description: 'An intercommunality (SIREN).' },
    DEPARTMENT: { description: 'A department (INSEE code).' },
  },
});

@ObjectType({ description: 'The territory a report covers, with its communes (for the map).' })
export class ReportTerritory {
  @Field(() => ReportTerritoryKind, { description: 'Commune, EPCI or department.' })
  kind!: ReportTerritoryKind;

  @Field(() => String, { description: 'Its code: INSEE code of a commune or department, SIREN of an EPCI.' })
  code!: string;

  @Field(() => String, { description: 'Its official name.' })
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Municipal population (INSEE), summed over its communes; null when unknown.' })
  population!: number | null;

  @Field(() => [String], { description: 'INSEE codes of its communes, sorted (one for a commune).' })
  communeInsees!: string[];

  @Field(() => [String], { description: 'Codes of the departments it lies in, sorted (an EPCI may straddle two).' })
  departmentCodes!: string[];
}

@ObjectType({ description: 'An actor as a report shows it: public directory facts only.' })
export class ReportActor {
  @Field(() => String, { description: 'Actor id.' })
  id!: string;

  @Field(() => String, { description: 'Trade name.' })
  name!: string;

  @Field(() => [ActorRole], { description: 'Its roles.' })
  roles!: ActorRole[];

  @Field(() => String, { nullable: true, description: 'INSEE code of its commune.' })
  communeInsee!: string | null;

  @Field(() => String, { nullable: true, description: 'Name of its commune.' })
  communeName!: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS-84) of its place: its own point, else its commune centroid.' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS-84) of its place.' })
  longitude!: number | null;

  @Field(() => Boolean, {
    description: 'A public buyer: a kitchen of a local authority or a public institution, whose EGalim figures are public (see methods).',
  })
  publicBuyer!: boolean;
}

@ObjectType({ description: 'A reference to a product.' })
export class ReportProduct {
  @Field(() => String, { description: 'Product id (slug).' })
  id!: string;

  @Field(() => String, { description: 'French name.' })
  name!: string;

  @Field(() => PurchaseFamily, { description: 'Its ma-cantine purchase family.' })
  family!: PurchaseFamily;
}

@ObjectType({ description: 'A volume in one unit (volumes in different units are never added).' })
export class ReportVolume {
  @Field(() => VolumeUnit, { description: 'The unit.' })
  unit!: VolumeUnit;

  @Field(() => Float, { description: 'The volume, in unit.' })
  volume!: number;
}

// ── Definitions and methods ────────────────────────────────────────────────────────────────────

@ObjectType({ description: 'The EGalim targets the report measures against (shares of purchase value excl. VAT).' })
export class EgalimTargets {
  @Field(() => Float, { description: 'Sustainable and quality products (organic included): 0.5.' })
  quality!: number;

  @Field(() => Float, { description: 'Organic products: 0.2.' })
  organic!: number;

  @Field(() => Float, { description: 'Sustainable and quality share of meat and fish (MEAT_POULTRY + SEAFOOD): 0.6.' })
  meatFish!: number;
}

@ObjectType({ description: 'The definitions a report applied, in French, so that every figure can be checked by hand.' })
export class ReportDefinitions {
  @Field(() => String, { description: 'What "local" means here (the default local definition of the reasoning module).' })
  local!: string;

  @Field(() => Float, { description: 'The local radius, in km (great circle, from the supplier to the buyer).' })
  localRadiusKm!: number;

  @Field(() => String, { description: 'What "circuit court" means here (at most one intermediary).' })
  circuitCourt!: string;

  @Field(() => Int, { description: 'The most intermediaries a circuit court allows: 1.' })
  circuitCourtMaxIntermediaries!: number;

  @Field(() => String, { description: 'How the year is applied to supply links (which have a start date, `since`, and yearly volumes).' })
  year!: string;

  @Field(() => String, { description: 'Which actors count as kitchens, and which as public buyers.' })
  kitchens!: string;

  @Field(() => String, { description: 'What counts as organic and as sustainable-and-quality (labels).' })
  labels!: string;

  @Field(() => EgalimTargets, { description: 'The EGalim targets.' })
  egalimTargets!: EgalimTargets;

  @Field(() => Int, { description: 'An aggregate of fewer private actors than this is withheld (secret statistique).' })
  minContributors!: number;
}

@ObjectType({ description: 'One figure of the report defined: what is counted and how, in French.' })
export class ReportMethod {
  @Field(() => String, { description: 'Stable key of the figure or section (e.g. "egalim.qualityShare").' })
  key!: string;

  @Field(() => String, { description: 'Its title, in French.' })
  title!: string;

  @Field(() => String, { description: 'Its definition, in French: what is counted, from which data.' })
  definition!: string;
}

// ── 1. Le système alimentaire du territoire ─────────────────────────────────────────────────────

@ObjectType({ description: 'Actors of the territory with one role.' })
export class RoleCount {
  @Field(() => ActorRole, { description: 'The role.' })
  role!: ActorRole;

  @Field(() => Int, { description: 'Actors located in the territory with that role (an actor with two roles counts in both).' })
  count!: number;
}

@ObjectType({ description: "Sales by the territory's producers in one purchase family (filière) and unit, from supply links." })
export class FamilyProduction {
  @Field(() => PurchaseFamily, { description: 'The family.' })
  family!: PurchaseFamily;

  @Field(() => String, { description: "The family's French name (ma-cantine's)." })
  familyName!: string;

  @Field(() => VolumeUnit, { description: 'The unit of volume.' })
  unit!: VolumeUnit;

  @Field(() => Int, { description: 'Distinct producers located in the territory selling in it.' })
  producers!: number;

  @Field(() => Int, { description: 'Supply links counted.' })
  links!: number;

  @Field(() => Boolean, { description: 'True when fewer than minContributors private producers make it: volume and value are null.' })
  withheld!: boolean;

  @Field(() => Float, { nullable: true, description: 'Volume sold in the year, in unit; null when withheld.' })
  volume!: number | null;

  @Field(() => Float, { nullable: true, description: 'Value sold excl. VAT in the year, in euros; null when withheld.' })
  valueEur!: number | null;
}

@ObjectType({ description: 'A product transformed in the territory: sold by a processor located there and made from other products.' })
export class TransformedProduct {
  @Field(() => ReportProduct, { description: 'The product made.' })
  product!: ReportProduct;

  @Field(() => VolumeUnit, { description: 'The unit of volume.' })
  unit!: VolumeUnit;

  @Field(() => Int, { description: 'Distinct processors located in the territory selling it.' })
  processors!: number;

  @Field(() => Boolean, { description: 'True when fewer than minContributors private processors make it: volume is null.' })
  withheld!: boolean;

  @Field(() => Float, { nullable: true, description: 'Volume sold in the year, in unit; null when withheld.' })
  volume!: number | null;
}

@ObjectType({ description: '1. Le système alimentaire du territoire: who is there, what is produced and what is transformed.' })
export class FoodSystemSection {
  @Field(() => Int, { description: 'Actors located in the territory.' })
  actorCount!: number;

  @Field(() => [RoleCount], { description: 'Actors by role (roles with at least one actor), in the order of ActorRole.' })
  actorsByRole!: RoleCount[];

  @Field(() => [ReportActor], { description: 'The actors, for the map, by id.' })
  actors!: ReportActor[];

  @Field(() => [FamilyProduction], {
    description: "Production by filière: the year's sales by producers located in the territory, per family and unit.",
  })
  productionByFamily!: FamilyProduction[];

  @Field(() => [TransformedProduct], { description: 'What is transformed here, by volume then product id.' })
  transformed!: TransformedProduct[];
}

// ── 2. Restauration collective ──────────────────────────────────────────────────────────────────

@ObjectType({ description: 'EGalim figures of one ma-cantine purchase family.' })
export class FamilyEgalim {
  @Field(() => PurchaseFamily, { description: 'The family.' })
  family!: PurchaseFamily;

  @Field(() => String, { description: "The family's French name (ma-cantine's)." })
  familyName!: string;

  @Field(() => Float, { description: 'Purchase value excl. VAT in the year, in euros.' })
  purchaseValueEur!: number;

  @Field(() => Float, { description: 'Of it, sustainable and quality (a label counting for EGalim, organic included).' })
  qualityValueEur!: number;

  @Field(() => Float, { nullable: true, description: 'qualityValueEur / purchaseValueEur; null without purchases.' })
  qualityShare!: number | null;

  @Field(() => Float, { description: 'Of it, organic (a legal EU organic label).' })
  organicValueEur!: number;

  @Field(() => Float, { nullable: true, description: 'organicValueEur / purchaseValueEur; null without purchases.' })
  organicShare!: number | null;
}

@ObjectType({
  description: 'EGalim shares of a set of purchases (one kitchen, or all the kitchens), against the targets, with the gaps in euros.',
})
export class EgalimFigures {
  @Field(() => Float, { description: 'Purchase value excl. VAT in the year, in euros (links with a value).' })
  purchaseValueEur!: number;

  @Field(() => Int, { description: 'Purchase links counted.' })
  links!: number;

  @Field(() => Int, { description: 'Purchase links without a value: counted in links, not in euros.' })
  linksWithoutValue!: number;

  @Field(() => Float, { description: 'Sustainable and quality value (organic included), in euros.' })
  qualityValueEur!: number;

  @Field(() => Float, { nullable: true, description: 'qualityValueEur / purchaseValueEur (target 0.5); null without purchases.' })
  qualityShare!: number | null;

  @Field(() => Float, {
    description: 'Euros of purchases that would have to become sustainable and quality to reach 50 % (0 when reached).',
  })
  qualityGapEur!: number;

  @Field(() => Float, { description: 'Organic value, in euros.' })
  organicValueEur!: number;

  @Field(() => Float, { nullable: true, description: 'organicValueEur / purchaseValueEur (target 0.2); null without purchases.' })
  organicShare!: number | null;

  @Field(() => Float, { description: 'Euros of purchases that would have to become organic to reach 20 % (0 when reached).' })
  organicGapEur!: number;

  @Field(() => Float, { description: 'Purchase value of meat and fish (MEAT_POULTRY + SEAFOOD), in euros.' })
  meatFishValueEur!: number;

  @Field(() => Float, { description: 'Of it, sustainable and quality, in euros.' })
  meatFishQualityValueEur!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'meatFishQualityValueEur / meatFishValueEur (target 0.6); null without meat or fish.',
  })
  meatFishQualityShare!: number | null;

  @Field(() => Float, {
    description: 'Euros of meat and fish that would have to become sustainable and quality to reach 60 % (0 when reached).',
  })
  meatFishGapEur!: number;

  @Field(() => Float, { description: 'Value bought through Agrilocal (SupplyLink.channel AGRILOCAL), in euros.' })
  agrilocalValueEur!: number;

  @Field(() => Float, { nullable: true, description: 'agrilocalValueEur / purchaseValueEur; null without purchases.' })
  agrilocalShare!: number | null;

  @Field(() => [FamilyEgalim], { description: "Per ma-cantine family, in the order of ma-cantine's list (families with purchases)." })
  byFamily!: FamilyEgalim[];
}

@ObjectType({ description: "A public buyer's kitchen and its EGalim figures (public on ma-cantine)." })
export class KitchenEgalim {
  @Field(() => ReportActor, { description: 'The kitchen.' })
  kitchen!: ReportActor;

  @Field(() => EgalimFigures, { description: 'Its EGalim figures for the year.' })
  figures!: EgalimFigures;
}

@ObjectType({ description: '2. Restauration collective: EGalim shares per public kitchen and in total, and the Agrilocal share.' })
export class CateringSection {
  @Field(() => Int, { description: 'Kitchens located in the territory (roles CANTEEN or CENTRAL_KITCHEN).' })
  kitchenCount!: number;

  @Field(() => Int, { description: 'Of them, public buyers (listed one by one in `kitchens`).' })
  publicKitchenCount!: number;

  @Field(() => EgalimFigures, {
    nullable: true,
    description: "All the territory's kitchens together; null when withheld or without kitchens.",
  })
  total!: EgalimFigures | null;

  @Field(() => Boolean, {
    description: 'True when the total is withheld: fewer than minContributors private kitchens besides the public ones.',
  })
  totalWithheld!: boolean;

  @Field(() => [KitchenEgalim], { description: 'Each public kitchen, by name then id.' })
  kitchens!: KitchenEgalim[];
}

// ── 3. Approvisionnement local ──────────────────────────────────────────────────────────────────

@ObjectType({ description: 'How local a set of purchases is: local, circuit-court, distance and outside shares.' })
export class LocalSupplyFigures {
  @Field(() => Int, { description: 'Purchase links counted.' })
  links!: number;

  @Field(() => Float, { description: 'Their value excl. VAT in the year, in euros.' })
  purchaseValueEur!: number;

  @Field(() => Float, { description: 'Value from local suppliers (the local definition), in euros.' })
  localValueEur!: number;

  @Field(() => Float, { nullable: true, description: 'localValueEur / purchaseValueEur; null without value.' })
  localShare!: number | null;

  @Field(() => Float, { description: 'Value bought in circuit court (at most one intermediary), in euros.' })
  circuitCourtValueEur!: number;

  @Field(() => Float, { nullable: true, description: 'circuitCourtValueEur / purchaseValueEur; null without value.' })
  circuitCourtShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean supplier-to-buyer distance in km, weighted by volume in kg (links in KG or TONNE); null without such links.',
  })
  weightedDistanceKm!: number | null;

  @Field(() => Float, { description: 'Value bought from suppliers located outside the territory, in euros.' })
  outsideValueEur!: number;

  @Field(() => Float, { nullable: true, description: 'outsideValueEur / purchaseValueEur; null without value.' })
  outsideShare!: number | null;

  @Field(() => Int, { description: 'Distinct buyers whose purchases are counted.' })
  buyers!: number;

  @Field(() => Boolean, {
    description:
      'True when the purchases are those of fewer than minContributors buyers, one of them private: the euro figures are then 0 and ' +
      'the shares and distance null (secret statistique).',
  })
  withheld!: boolean;
}

@ObjectType({ description: '3. Approvisionnement local: the purchases of all the actors of the territory, and of its kitchens.' })
export class LocalSupplySection {
  @Field(() => LocalSupplyFigures, { description: 'Purchases by every actor located in the territory.' })
  all!: LocalSupplyFigures;

  @Field(() => LocalSupplyFigures, { description: "Purchases by the territory's kitchens (CANTEEN, CENTRAL_KITCHEN)." })
  kitchens!: LocalSupplyFigures;
}

// ── 4. Couverture des besoins ───────────────────────────────────────────────────────────────────

@ObjectType({ description: 'Declared needs of one family and unit, and how far supply links (and local ones) cover them.' })
export class FamilyCoverage {
  @Field(() => PurchaseFamily, { description: 'The family of the needed products.' })
  family!: PurchaseFamily;

  @Field(() => String, { description: "The family's French name (ma-cantine's)." })
  familyName!: string;

  @Field(() => VolumeUnit, { description: 'The unit of the needs.' })
  unit!: VolumeUnit;

  @Field(() => Int, { description: 'Needs counted.' })
  needs!: number;

  @Field(() => Int, { description: 'Distinct buyers of them.' })
  buyers!: number;

  @Field(() => Boolean, { description: 'True when fewer than minContributors private buyers make it: volumes are null.' })
  withheld!: boolean;

  @Field(() => Float, { nullable: true, description: 'Volume needed per year, in unit.' })
  needVolume!: number | null;

  @Field(() => Float, { nullable: true, description: 'Of it, covered by supply links (each need counted up to its volume).' })
  coveredVolume!: number | null;

  @Field(() => Float, { nullable: true, description: 'Of it, covered by links from local suppliers (each need up to its volume).' })
  localCoveredVolume!: number | null;

  @Field(() => Float, { nullable: true, description: 'coveredVolume / needVolume.' })
  coverageShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'localCoveredVolume / needVolume.' })
  localCoverageShare!: number | null;
}

@ObjectType({ description: '4. Couverture des besoins: declared needs covered by (local) supply, per product family.' })
export class CoverageSection {
  @Field(() => Int, { description: 'Needs declared by actors located in the territory.' })
  needs!: number;

  @Field(() => Int, { description: 'Of them, fully covered.' })
  coveredNeeds!: number;

  @Field(() => Int, { description: 'Of them, partly covered.' })
  partialNeeds!: number;

  @Field(() => Int, { description: 'Of them, with no covering link.' })
  unmetNeeds!: number;

  @Field(() => [FamilyCoverage], { description: "Per family (ma-cantine's order) and unit." })
  byFamily!: FamilyCoverage[];
}

// ── 5. Risques ──────────────────────────────────────────────────────────────────────────────────

@ObjectType({ description: 'A need of the territory held by a single supplier.' })
export class ReportSingleSupplierNeed {
  @Field(() => String, { description: 'Need id.' })
  needId!: string;

  @Field(() => ReportActor, { description: 'The buyer.' })
  buyer!: ReportActor;

  @Field(() => ReportProduct, { description: 'The product needed.' })
  product!: ReportProduct;

  @Field(() => ReportActor, { description: 'The one supplier whose links cover it.' })
  supplier!: ReportActor;

  @Field(() => VolumeUnit, { description: "The need's unit." })
  unit!: VolumeUnit;

  @Field(() => Float, { nullable: true, description: 'Volume needed per year; shown for public buyers only (null otherwise).' })
  volume!: number | null;
}

@ObjectType({ description: 'A supplier whose loss would leave needs of the territory uncovered.' })
export class ReportCriticalActor {
  @Field(() => ReportActor, { description: 'The supplier.' })
  actor!: ReportActor;

  @Field(() => Int, { description: 'Needs of the territory only its links cover.' })
  needsAffected!: number;

  @Field(() => Int, { description: 'Distinct buyers of those needs.' })
  buyersAffected!: number;

  @Field(() => [ReportVolume], { description: 'Need volume that would become uncovered, per unit; empty when withheld.' })
  uncoveredVolumes!: ReportVolume[];

  @Field(() => Boolean, {
    description: 'True when those needs belong to fewer than minContributors buyers, one of them private: the volumes are withheld.',
  })
  volumesWithheld!: boolean;
}

@ObjectType({ description: 'A labelled link sold in the territory whose inputs do not carry the label.' })
export class ReportIntegrityBreak {
  @Field(() => IntegrityBreakKind, {
    description: 'Which rule the chain breaks: an input without the label, conventional feed, or an operator without certification.',
  })
  kind!: IntegrityBreakKind;

  @Field(() => ReportActor, { description: 'The seller of the labelled link.' })
  seller!: ReportActor;

  @Field(() => ReportProduct, { description: 'The labelled product sold.' })
  product!: ReportProduct;

  @Field(() => ReportActor, { nullable: true, description: 'The supplier of the input that lacks the label.' })
  breakSupplier!: ReportActor | null;

  @Field(() => ReportProduct, { nullable: true, description: 'The input product that lacks the label.' })
  breakProduct!: ReportProduct | null;

  @Field(() => Int, { description: 'Links from the checked link to the break (2: a direct input).' })
  depth!: number;
}

@ObjectType({ description: 'Label integrity of the organic links sold by actors of the territory.' })
export class IntegrityFigures {
  @Field(() => Int, { description: 'Organic-labelled links sold by actors of the territory, checked.' })
  checked!: number;

  @Field(() => Int, { description: 'Of them, with a break upstream.' })
  broken!: number;

  @Field(() => Int, { description: 'Of them, sold by a reseller declaring no provenance (unknown).' })
  unknownProvenance!: number;

  @Field(() => [ReportIntegrityBreak], { description: 'The breaks.' })
  breaks!: ReportIntegrityBreak[];
}

@ObjectType({ description: '5. Risques: needs held by one supplier, the suppliers whose loss hurts most, label-integrity breaks.' })
export class RiskSection {
  @Field(() => Int, { description: 'Needs of the territory checked.' })
  checkedNeeds!: number;

  @Field(() => Int, { description: 'Of them, covered at least in part.' })
  coveredNeeds!: number;

  @Field(() => [ReportSingleSupplierNeed], { description: 'Covered needs held by a single supplier, by buyer id then need id.' })
  singleSupplierNeeds!: ReportSingleSupplierNeed[];

  @Field(() => [ReportCriticalActor], { description: 'The suppliers whose loss would uncover the most needs (top 10).' })
  criticalActors!: ReportCriticalActor[];

  @Field(() => IntegrityFigures, { description: 'Organic label integrity of what the territory sells.' })
  labelIntegrity!: IntegrityFigures;
}

// ── 6. Pistes d'action ──────────────────────────────────────────────────────────────────────────

@ObjectType({ description: 'A candidate local supplier for a need (from matchmaking).' })
export class ReportCandidate {
  @Field(() => ReportActor, { description: 'The supplier (origin of the goods).' })
  supplier!: ReportActor;

  @Field(() => ReportProduct, { description: 'The product it offers.' })
  product!: ReportProduct;

  @Field(() => Float, { description: 'Great-circle distance to the buyer, km.' })
  distanceKm!: number;

  @Field(() => Int, { description: 'Intermediaries between it and the buyer (0: direct).' })
  intermediaries!: number;

  @Field(() => [String], { description: "Ids of the offer's labels." })
  labelIds!: string[];
}

@ObjectType({ description: 'An unmet or partly met need of the territory, with its candidate local suppliers: an introduction to make.' })
export class ReportAction {
  @Field(() => String, { description: 'Need id.' })
  needId!: string;

  @Field(() => ReportActor, { description: 'The buyer.' })
  buyer!: ReportActor;

  @Field(() => ReportProduct, { description: 'The product needed.' })
  product!: ReportProduct;

  @Field(() => [String], { description: 'Ids of the labels required.' })
  requiredLabelIds!: string[];

  @Field(() => String, { description: 'UNMET or PARTIAL.' })
  coverage!: string;

  @Field(() => VolumeUnit, { description: "The need's unit." })
  unit!: VolumeUnit;

  @Field(() => Float, { nullable: true, description: 'Volume still to find per year; shown for public buyers only (null otherwise).' })
  gap!: number | null;

  @Field(() => [ReportCandidate], { description: 'Candidate local suppliers, nearest first (at most 3).' })
  candidates!: ReportCandidate[];
}

@ObjectType({ description: "6. Pistes d'action: the unmet needs and their candidate local suppliers." })
export class ActionSection {
  @Field(() => Int, { description: 'Unmet needs of the territory.' })
  unmetNeeds!: number;

  @Field(() => Int, { description: 'Partly met needs of the territory.' })
  partialNeeds!: number;

  @Field(() => Int, { description: 'Of the unmet and partial needs, those with at least one candidate.' })
  needsWithCandidates!: number;

  @Field(() => [ReportAction], { description: 'Needs with at least one candidate first, then by buyer id and need id.' })
  actions!: ReportAction[];
}

// ── The report ──────────────────────────────────────────────────────────────────────────────────

@ObjectType({
  description:
    "A territory's food-system report for one year (issue 12): every indicator as data, with the definitions applied. " +
    'Public: aggregates, and per-actor figures for public buyers only.',
})
export class TerritoryReport {
  @Field(() => ReportTerritory, { description: 'The territory.' })
  territory!: ReportTerritory;

  @Field(() => Int, { description: 'The year reported.' })
  year!: number;

  @Field(() => Boolean, { description: 'False when no actor of the territory has any data: the sections are then empty, not an error.' })
  hasData!: boolean;

  @Field(() => String, { description: 'Date of the data (ISO date): when the latest actor record of the graph was created.' })
  dataDate!: string;

  @Field(() => String, { description: 'When the report was computed (ISO date-time, UTC).' })
  generatedAt!: string;

  @Field(() => ReportDefinitions, { description: 'The definitions applied.' })
  definitions!: ReportDefinitions;

  @Field(() => FoodSystemSection, { description: '1. Le système alimentaire du territoire.' })
  foodSystem!: FoodSystemSection;

  @Field(() => CateringSection, { description: '2. Restauration collective.' })
  catering!: CateringSection;

  @Field(() => LocalSupplySection, { description: '3. Approvisionnement local.' })
  localSupply!: LocalSupplySection;

  @Field(() => CoverageSection, { description: '4. Couverture des besoins.' })
  coverage!: CoverageSection;

  @Field(() => RiskSection, { description: '5. Risques.' })
  risks!: RiskSection;

  @Field(() => ActionSection, { description: "6. Pistes d'action." })
  actions!: ActionSection;

  @Field(() => [ReportMethod], { description: '7. Méthodes: every figure defined, in French.' })
  methods!: ReportMethod[];

  @Field(() => [String], { description: 'Sources of the data, in French.' })
  sources!: string[];
}
