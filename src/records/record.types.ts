import type {
  ActorRole,
  DeliveryFrequency,
  LabelKind,
  MemberGroup,
  ProductKingdom,
  PurchaseFamily,
  SupplyChannel,
  VolumeUnit,
} from './vocabulary';

/**
 * The records the importer accepts (from CSV, JSON or the GraphQL mutation) and the seed produces.
 * Identifiers are stable strings chosen by the source (the club's directory ids); references name
 * other records by id (products, labels), by INSEE code (communes) or by SIREN (EPCIs).
 */
export interface ActorRecord {
  id: string;
  name: string;
  roles: ActorRole[];
  /** 14 digits, Luhn-checked (La Poste's 356 000 000 SIRETs are the known exception). */
  siret: string;
  agenceBioNumber?: string | null;
  clubMember: boolean;
  memberGroup?: MemberGroup | null;
  /** Its volumes are visible only to its own accounts and club editors (docs/security.md); false when absent. */
  confidentialVolumes?: boolean;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  description?: string | null;
  /** INSEE code of the commune where it operates. */
  communeInsee: string;
  /** WGS-84; defaults to the commune's centroid when absent. */
  latitude?: number | null;
  longitude?: number | null;
  /** True for an invented operator of the seed (its SIRET cannot belong to a real firm); false or absent for a real one. */
  fictitious?: boolean;
  /**
   * A buyer under public law (public procurement): a local authority, its kitchens and canteens, a
   * public collège, a public hospital. Their EGalim shares are public (ma-cantine), so reports list
   * their figures one by one. Left out of an update: kept as it is; of a new actor: false.
   */
  publicBuyer?: boolean;
}

export interface OfferRecord {
  id: string;
  actorId: string;
  productId: string;
  labelIds: string[];
  /** 1 = January ... 12 = December; all twelve when available all year. */
  months: number[];
  capacity?: number | null;
  capacityUnit?: VolumeUnit | null;
  /** Delivers to buyers within this many km of the actor's location. */
  deliveryRadiusKm?: number | null;
  /** And/or to these communes (INSEE codes) ... */
  deliveryCommunes?: string[];
  /** ... and/or to every commune of these EPCIs (SIREN). */
  deliveryEpcis?: string[];
  /** Indicative price excl. VAT per unit of capacityUnit, in euros; private to the club. */
  priceEur?: number | null;
}

export interface NeedRecord {
  id: string;
  actorId: string;
  productId: string;
  volume: number;
  unit: VolumeUnit;
  requiredLabelIds: string[];
  months: number[];
}

export interface SupplyLinkRecord {
  id: string;
  supplierId: string;
  buyerId: string;
  productId: string;
  /** Labels carried by the goods traded on this link (organic flour: ["ab"]). */
  labelIds: string[];
  volume: number;
  unit: VolumeUnit;
  /** Purchase value excl. VAT per year, in euros (EGalim shares are counted on it). */
  valueEur?: number | null;
  /** ISO date (YYYY-MM-DD) the trading started. */
  since?: string | null;
  frequency?: DeliveryFrequency | null;
  /** How the buyer procured the goods (Agrilocal, a public tender, a direct order); null when not stated. */
  channel?: SupplyChannel | null;
  /**
   * Provenance: the supply links (bought by this link's supplier) whose goods this link's goods are
   * made from or resold from. A mill's flour link is sourced from its wheat links.
   */
  sourcedFromIds: string[];
}

export interface ImportBundle {
  actors: ActorRecord[];
  offers: OfferRecord[];
  needs: NeedRecord[];
  supplyLinks: SupplyLinkRecord[];
}

/** Reference data of the catalog (seeds/products.json, seeds/labels.json). */
export interface ProductRecord {
  id: string;
  name: string;
  nameEn?: string | null;
  family: PurchaseFamily;
  /** The broader product (null at the top of the taxonomy). */
  broaderId: string | null;
  /** Transformations: the products this one is made from. */
  madeFromIds: string[];
  /**
   * Plant, animal or mixed (ProductKingdom). Declared on the broadest product it holds for; a product
   * that leaves it out takes its broader product's (resolveProductKingdoms).
   */
  kingdom?: ProductKingdom | null;
}

export interface LabelRecord {
  id: string;
  name: string;
  kind: LabelKind;
  /** Counts toward EGalim's 50 % of sustainable and quality products. */
  egalim: boolean;
  /** Counts toward EGalim's 20 % organic (see seeds/labels.json for which labels do). */
  organic: boolean;
  description: string;
  /** For appellations (Picodon AOP ...): the products the label may be carried by. */
  productIds: string[];
}
