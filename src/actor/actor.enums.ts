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
