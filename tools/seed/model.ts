import { ActorRole } from '../../src/actor';
import type { ActorRecord, SupplyLinkRecord } from '../../src/records';
import type { CommuneRef } from './communes';
import type { ActorProfile, LineSpec } from './profiles';

/** The generators' working model: actors with their lines of goods and the links between them. */

/** How a line's goods come to be: own produce, made from inputs, bought to resell, or from outside the graph. */
export type LineOrigin = 'farm' | 'make' | 'resell' | 'import';

/** A trading link with what the generator needs to know about it. */
export interface LinkInfo {
  record: SupplyLinkRecord;
  /** Longest provenance chain ending with this link, in links (a farm's sale: 1). */
  depth: number;
  organic: boolean;
  supplier: SeedActor;
}

/** The purchases a line is sourced from for one input of its recipe (a resold line has one slot). */
export interface Slot {
  inputId: string;
  links: LinkInfo[];
}

/** What an actor can sell: one product with one set of labels (an offer, once generated). */
export interface Line {
  /** Position in creation order, for dedupe keys. */
  uid: number;
  actor: SeedActor;
  /** The actor's roles as bits, copied here: the supplier search reads it for every line it looks at. */
  roleMask: number;
  productId: string;
  labelIds: string[];
  organic: boolean;
  /** A raw material (profiles.ts RAW_MATERIALS): only purchases naming it find it. */
  raw: boolean;
  origin: LineOrigin;
  spec: LineSpec | null;
  slots: Slot[];
  /** Buyers of a lower tier never see it; farm and imported goods are ready from the start. */
  readyTier: number;
  /** Inputs fixed by hand (the broken organic chain): the generator adds none. */
  frozen: boolean;
  outLinks: number;
  /** The shortest provenance among its purchases (Infinity while it has none). */
  minSourceDepth: number;
  /** Volume sold on its links, to size the offer's capacity. */
  soldVolume: number;
  /** Its first few buyers (where the offer delivers). */
  buyers: SeedActor[];
  latitude: number;
  longitude: number;
}

export interface SeedActor {
  index: number;
  record: ActorRecord;
  profile: ActorProfile;
  commune: CommuneRef;
  tier: number;
  /** Its roles as bits (supply-graph.ts roleMask), for fast supplier filtering. */
  roleMask: number;
  /** Holds an AB certificate (some of its lines may still be conventional). */
  organic: boolean;
  scale: number;
  /** Meals served a year, for kitchens and restaurants (quantities.ts sizes their purchases on it). */
  meals?: number;
  /** Delivery radius fixed by hand (km): its offers deliver within it only, listing no EPCI. */
  deliveryKm?: number;
  /** Its lines are never published: only sales made by hand reach its goods. */
  exclusive?: boolean;
  /** Replaces the profile's organic shares on purchases (the organic-only hub). */
  wantOrganicShare: number | null;
  lines: Line[];
  /**
   * Links bought per "input|organic", shared by the lines made from that input (a mill's wheat
   * feeds all its flours). Null until the first purchase, like `bought`: most actors are farms.
   */
  purchases: Map<string, LinkInfo[]> | null;
  /** Line uid -> the link buying from it, so an actor buys a line once. */
  bought: Map<number, LinkInfo> | null;
  latitude: number;
  longitude: number;
}

/** Id formats; the seed and the synthetic graph use disjoint ones. */
export interface IdScheme {
  actor(n: number): string;
  link(n: number): string;
  offer(n: number): string;
  need(n: number): string;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const SEED_IDS: IdScheme = {
  actor: (n) => `act-${pad(n, 4)}`,
  link: (n) => `sl-${pad(n, 5)}`,
  offer: (n) => `off-${pad(n, 5)}`,
  need: (n) => `need-${pad(n, 4)}`,
};

export const SYNTHETIC_IDS: IdScheme = {
  actor: (n) => `syn-${pad(n, 6)}`,
  link: (n) => `syn-sl-${pad(n, 7)}`,
  offer: (n) => `syn-off-${pad(n, 7)}`,
  need: (n) => `syn-need-${pad(n, 6)}`,
};

/** Labels that make goods organic for EGalim's 20 %. */
export const ORGANIC_LABEL = 'ab';
/** Labels tied to organic certification, dropped when a line turns out conventional. */
export const ORGANIC_FAMILY = new Set(['ab', 'eu-organic', 'demeter']);

const ROLE_BITS = new Map(Object.values(ActorRole).map((role, i) => [role, 1 << i]));

/** Roles as bits, so "may this supplier sell to me" is one AND per candidate line. */
export function roleMask(roles: readonly ActorRole[] | undefined): number {
  let mask = 0;
  for (const role of roles ?? []) mask |= ROLE_BITS.get(role) ?? 0;
  return mask;
}
