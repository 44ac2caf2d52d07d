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
  /** Abattoir or cutting plant: livestock in, carcasses and cuts out (farm → abattoir → butcher or kitchen). */
  SLAUGHTERHOUSE = 'SLAUGHTERHOUSE',
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

/**
 * ma-cantine's eight purchase families, under which public kitchens declare their EGalim purchases
 * (https://ma-cantine.agriculture.gouv.fr). Flour, grain and pasta are not a family of their own:
 * they are "autres produits frais, surgelés et d'épicerie" (OTHER). Charcuterie is its own family,
 * apart from meat: the 60 % rule for meat and fish counts MEAT_POULTRY and SEAFOOD only.
 */
export enum PurchaseFamily {
  MEAT_POULTRY = 'MEAT_POULTRY',
  CHARCUTERIE = 'CHARCUTERIE',
  SEAFOOD = 'SEAFOOD',
  FRUIT_VEGETABLES = 'FRUIT_VEGETABLES',
  /** BOF: produits laitiers, beurre et œufs. */
  DAIRY = 'DAIRY',
  BAKERY = 'BAKERY',
  DRINKS = 'DRINKS',
  /** Autres produits frais, surgelés et d'épicerie (flour, grain, pasta, oils, honey, jams...). */
  OTHER = 'OTHER',
}

/** ma-cantine's own French names of the purchase families, as the reports print them. */
export const PURCHASE_FAMILY_NAMES_FR: Readonly<Record<PurchaseFamily, string>> = {
  [PurchaseFamily.MEAT_POULTRY]: 'Viandes et volailles fraîches et surgelées',
  [PurchaseFamily.CHARCUTERIE]: 'Charcuterie',
  [PurchaseFamily.SEAFOOD]: 'Produits aquatiques frais et surgelés',
  [PurchaseFamily.FRUIT_VEGETABLES]: 'Fruits et légumes frais et surgelés',
  [PurchaseFamily.DAIRY]: 'Produits laitiers (BOF : produits laitiers, beurre et œufs)',
  [PurchaseFamily.BAKERY]: 'Boulangerie et pâtisserie fraîches',
  [PurchaseFamily.DRINKS]: 'Boissons',
  [PurchaseFamily.OTHER]: "Autres produits frais, surgelés et d'épicerie",
};

/**
 * Whether a product comes from plants, animals or both (a brioche: flour, eggs and butter). Declared on
 * the broadest product it holds for (seeds/products.json) and inherited by the narrower ones. It
 * decides whether "in conversion" counts as organic: EU 2018/848 (art. 30) lets only food and feed
 * of plant origin be sold as in conversion, and EGalim counts conversion for plant products only.
 * Honey is ANIMAL (beekeeping is livestock production in 2018/848).
 */
export enum ProductKingdom {
  PLANT = 'PLANT',
  ANIMAL = 'ANIMAL',
  MIXED = 'MIXED',
}

export const PRODUCT_KINGDOMS = Object.values(ProductKingdom);

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

/** How a buyer procured the goods of a supply link (null when not stated). */
export enum SupplyChannel {
  /** Agrilocal26, the Département's public procurement platform for local products. */
  AGRILOCAL = 'AGRILOCAL',
  /** A formal public tender or a group purchasing agreement (marché public, groupement de commandes). */
  PUBLIC_TENDER = 'PUBLIC_TENDER',
  /** A direct order between the two parties, outside any platform or tender (gré à gré). */
  DIRECT_ORDER = 'DIRECT_ORDER',
}

export const SUPPLY_CHANNELS = Object.values(SupplyChannel);

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
