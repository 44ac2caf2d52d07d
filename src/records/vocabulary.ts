/**
 * The closed vocabularies of records: what an actor does, the club's member groups, units,
 * purchase families, delivery frequencies and label kinds. The write model checks values against
 * them; the concept folders register them as GraphQL enums (actor.type.ts, product.type.ts...).
 */

/** What an actor does in the food system; one actor may have several roles (a farm that makes cheese is FARM and DAIRY). */
export enum ActorRole {
  FARM = 'FARM',
  COOPERATIVE = 'COOPERATIVE',
  MILL = 'MILL',
  BAKERY = 'BAKERY',
  DAIRY = 'DAIRY',
  PROCESSOR = 'PROCESSOR',
  WHOLESALER = 'WHOLESALER',
  FOOD_HUB = 'FOOD_HUB',
  RETAILER = 'RETAILER',
  MARKET = 'MARKET',
  RESTAURANT = 'RESTAURANT',
  CENTRAL_KITCHEN = 'CENTRAL_KITCHEN',
  CANTEEN = 'CANTEEN',
  INSTITUTION = 'INSTITUTION',
}

/** The six member groups of the Club Drômois de l'Alimentation. */
export enum MemberGroup {
  PRODUCERS = 'PRODUCERS',
  PROCESSORS = 'PROCESSORS',
  DISTRIBUTORS = 'DISTRIBUTORS',
  LOCAL_AUTHORITIES = 'LOCAL_AUTHORITIES',
  PARTNERS = 'PARTNERS',
  FOUNDERS = 'FOUNDERS',
}

export const ACTOR_ROLES = Object.values(ActorRole);
export const MEMBER_GROUPS = Object.values(MemberGroup);

/** Roles of actors that only trade: never the origin of goods (they appear as intermediaries). */
export const RESELLER_ONLY_ROLES = [ActorRole.WHOLESALER, ActorRole.FOOD_HUB, ActorRole.RETAILER, ActorRole.MARKET] as const;

/** ma-cantine's purchase families, under which canteens declare their EGalim purchases. */
export enum PurchaseFamily {
  MEAT_POULTRY = 'MEAT_POULTRY',
  SEAFOOD = 'SEAFOOD',
  FRUIT_VEGETABLES = 'FRUIT_VEGETABLES',
  CEREAL_PRODUCTS = 'CEREAL_PRODUCTS',
  DAIRY = 'DAIRY',
  BAKERY = 'BAKERY',
  DRINKS = 'DRINKS',
  OTHER = 'OTHER',
}

/** Units in which volumes and capacities are counted. */
export enum VolumeUnit {
  KG = 'KG',
  TONNE = 'TONNE',
  LITRE = 'LITRE',
  HECTOLITRE = 'HECTOLITRE',
  UNIT = 'UNIT',
  DOZEN = 'DOZEN',
  MEAL = 'MEAL',
}

export const PURCHASE_FAMILIES = Object.values(PurchaseFamily);
export const VOLUME_UNITS = Object.values(VolumeUnit);

/** How often goods move along a supply link. */
export enum DeliveryFrequency {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  FORTNIGHTLY = 'FORTNIGHTLY',
  MONTHLY = 'MONTHLY',
  SEASONAL = 'SEASONAL',
  OCCASIONAL = 'OCCASIONAL',
}

export const DELIVERY_FREQUENCIES = Object.values(DeliveryFrequency);

/** Kinds of quality label; each Label node also says whether it counts for EGalim and as organic. */
export enum LabelKind {
  ORGANIC = 'ORGANIC',
  ORGANIC_CONVERSION = 'ORGANIC_CONVERSION',
  PRIVATE_ORGANIC = 'PRIVATE_ORGANIC',
  LABEL_ROUGE = 'LABEL_ROUGE',
  AOP = 'AOP',
  AOC = 'AOC',
  IGP = 'IGP',
  STG = 'STG',
  HVE = 'HVE',
  FERMIER = 'FERMIER',
  FAIR_TRADE = 'FAIR_TRADE',
  ECOLABEL_FISHING = 'ECOLABEL_FISHING',
}

export const LABEL_KINDS = Object.values(LabelKind);
