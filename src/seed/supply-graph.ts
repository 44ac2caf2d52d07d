import { ActorRole } from '../actor/actor.enums';
import type { SupplyLinkRecord } from '../import/bundle';
import { Economics, roundVolume } from './economics';
import { GridIndex, haversineKm, type BucketSample } from './geo';
import { ORGANIC_FAMILY, type IdScheme, type Line, type LinkInfo, type SeedActor, type Slot } from './model';
import type { Population } from './population';
import type { WantSpec } from './profiles';
import type { Random } from './random';
import type { ProductTaxonomy } from './taxonomy';

/**
 * Chains are at most this many links long, field to plate (farm -> cooperative -> mill -> bakery ->
 * central kitchen -> canteen): a link is never sourced from a link that would make it longer.
 */
export const MAX_CHAIN_LINKS = 5;

/** Above this many inputs (a meal), a sale names one purchase per input instead of up to three. */
const WIDE_RECIPE = 4;

/** Lines looked at per grid cell and query: enough to choose well, flat cost in dense graphs. */
const LINES_PER_CELL = 40;

/** A purchase being made: how many suppliers of what, under which constraints. */
interface Purchase {
  productId: string;
  count: number;
  organic: boolean;
  from?: readonly ActorRole[];
  maxKm: number;
  anywhere: boolean;
  /** Late purchases (feed for a farm) may come from any tier. */
  anyTier?: boolean;
  /** Suppliers of this EPCI come first (a satellite canteen and its intercommunal central kitchen). */
  preferEpci?: string;
}

/** How much farther (km) a supplier outside the preferred EPCI is considered. */
const OTHER_EPCI_PENALTY_KM = 60;

interface Candidate {
  line: Line;
  score: number;
}

const RESELLER_MARKUP: Partial<Record<ActorRole, number>> = {
  [ActorRole.COOPERATIVE]: 1.08,
  [ActorRole.WHOLESALER]: 1.25,
  [ActorRole.FOOD_HUB]: 1.15,
  [ActorRole.RETAILER]: 1.35,
};
const ORGANIC_PREMIUM = 1.3;

/**
 * Builds the trading links of a population: each actor, tier by tier, buys the inputs of what it
 * makes, the goods it resells and what it consumes, from the nearest suitable suppliers (spreading
 * purchases over suppliers), and every sale records the purchases its goods come from.
 */
export class SupplyGraph {
  readonly links: LinkInfo[] = [];
  /** Lines by product and broader product; organic lines also under "<product>|ab". */
  private readonly grids = new Map<string, GridIndex<Line>>();
  private readonly everywhere = new Map<string, Line[]>();
  private readonly byId = new Map<string, LinkInfo>();
  private readonly cellSample: BucketSample;

  constructor(
    private readonly population: Population,
    private readonly taxonomy: ProductTaxonomy,
    private readonly economics: Economics,
    private readonly ids: IdScheme,
    private readonly rng: Random,
  ) {
    this.cellSample = { limit: LINES_PER_CELL, offset: (size) => Math.floor(this.rng.float() * size) };
  }

  /** Makes a line findable by buyers, under its product and every broader product. */
  publish(line: Line): void {
    for (const productId of this.taxonomy.ancestorsOrSelf(line.productId)) {
      this.index(productId, line);
      if (line.organic) this.index(organicKey(productId), line);
    }
  }

  private index(key: string, line: Line): void {
    let grid = this.grids.get(key);
    if (!grid) {
      grid = new GridIndex<Line>();
      this.grids.set(key, grid);
      this.everywhere.set(key, []);
    }
    grid.add(line);
    (this.everywhere.get(key) as Line[]).push(line);
  }

  /**
   * Records a sale of `line`'s goods to `buyer`. Its provenance is `sourcedFromIds` when given
   * (chains built by hand), else drawn from the line's purchases. With `into`, the link also
   * becomes an input of the buyer's line.
   */
  trade(line: Line, buyer: SeedActor, options: { sourcedFromIds?: string[]; into?: Line } = {}): LinkInfo {
    const existing = buyer.bought.get(line.uid);
    if (existing) {
      if (options.into) this.attach(options.into, existing);
      return existing;
    }
    const rng = this.rng;
    const sources = options.sourcedFromIds ? this.linksById(options.sourcedFromIds) : this.sourcingFor(line);
    const depth = 1 + sources.reduce((max, s) => Math.max(max, s.depth), 0);
    const terms = this.economics.terms(line.productId);
    const volume = roundVolume(terms.volume * buyer.scale * rng.between(0.5, 1.5), terms.unit);
    const markup = line.origin === 'resell' ? Math.max(1, ...line.actor.record.roles.map((r) => RESELLER_MARKUP[r] ?? 1)) : 1;
    const premium = line.organic ? ORGANIC_PREMIUM : 1;
    const record: SupplyLinkRecord = {
      id: this.ids.link(this.links.length + 1),
      supplierId: line.actor.record.id,
      buyerId: buyer.record.id,
      productId: line.productId,
      labelIds: [...line.labelIds],
      volume,
      unit: terms.unit,
      valueEur: Math.round(volume * terms.price * markup * premium * rng.between(0.9, 1.1)),
      since: this.sinceDate(),
      frequency: this.economics.frequency(line.productId, line.origin === 'farm'),
      sourcedFromIds: sources.map((s) => s.record.id),
    };
    const info: LinkInfo = { record, depth, organic: line.organic };
    this.links.push(info);
    buyer.bought.set(line.uid, info);
    this.byId.set(record.id, info);
    line.outLinks += 1;
    line.soldVolume += volume;
    line.buyers.push(buyer);
    if (options.into) this.attach(options.into, info);
    return info;
  }

  /** Runs every purchase of every actor, in tier order, then the late purchases and the farms' direct sales. */
  supplyAll(actors: readonly SeedActor[]): void {
    for (const actor of actors) for (const line of actor.lines) if (line.readyTier < 0) this.publish(line);
    const ordered = [...actors].sort((a, b) => a.tier - b.tier || a.index - b.index);
    for (const actor of ordered) this.supplyActor(actor);
    for (const actor of actors) this.makeLatePurchases(actor);
    this.sellUnsoldFarmLines(actors);
  }

  private linksById(ids: readonly string[]): LinkInfo[] {
    return ids.map((id) => {
      const info = this.byId.get(id);
      if (!info) throw new Error(`sourcedFrom names ${id}, which is not a link yet`);
      return info;
    });
  }

  private supplyActor(actor: SeedActor): void {
    for (const line of [...actor.lines]) if (line.origin === 'make' && !line.frozen) this.fillMadeLine(actor, line);
    for (const want of actor.profile.resells ?? []) this.resell(actor, want);
    for (const want of actor.profile.buys ?? []) this.consume(actor, want);
    for (const line of actor.lines) {
      if (line.readyTier >= 0) {
        line.readyTier = actor.tier;
        this.publish(line);
      }
    }
  }

  /** Buys each input of the line's recipe; an organic line that finds no organic input becomes conventional. */
  private fillMadeLine(actor: SeedActor, original: Line): void {
    let line = original;
    const spec = line.spec;
    const [lo, hi] = spec?.suppliers ?? [1, 2];
    for (const inputId of this.taxonomy.recipeOf(line.productId)) {
      const slot = slotFor(line, inputId);
      const missing = this.rng.int(lo, hi) - slot.links.length;
      if (missing <= 0) continue;
      const purchase: Purchase = {
        productId: inputId,
        count: missing,
        organic: line.organic || (spec?.inputOrganicShare !== undefined && this.rng.chance(spec.inputOrganicShare)),
        from: spec?.inputFrom,
        maxKm: spec?.inputMaxKm ?? 60,
        anywhere: true,
      };
      this.buyInto(actor, line, purchase, slot);
      if (line.organic && slot.links.length === 0) {
        line = this.makeConventional(actor, line);
        this.buyInto(actor, line, { ...purchase, organic: false }, slotFor(line, inputId));
      }
    }
  }

  /** Reuses the actor's earlier purchases of the input, then buys from new suppliers for the rest. */
  private buyInto(actor: SeedActor, line: Line, purchase: Purchase, slot: Slot): void {
    const cacheKey = `${purchase.productId}|${purchase.organic ? 1 : 0}`;
    const bought = actor.purchases.get(cacheKey) ?? [];
    let missing = purchase.count;
    for (const info of bought) {
      if (missing === 0) break;
      if (!slot.links.includes(info)) {
        addSource(line, slot, info);
        missing -= 1;
      }
    }
    if (missing === 0) return;
    for (const supplier of this.findSuppliers(actor, { ...purchase, count: missing })) {
      const info = this.trade(supplier, actor);
      addSource(line, slot, info);
      bought.push(info);
    }
    actor.purchases.set(cacheKey, bought);
  }

  /** Drops the organic labels; merges into the conventional line of the same product if there is one. */
  private makeConventional(actor: SeedActor, line: Line): Line {
    const labels = line.labelIds.filter((id) => !ORGANIC_FAMILY.has(id));
    const twin = actor.lines.find((l) => l !== line && l.productId === line.productId && l.labelIds.join() === labels.join());
    if (!twin) {
      line.labelIds = labels;
      line.organic = false;
      return line;
    }
    for (const slot of line.slots) {
      const into = slotFor(twin, slot.inputId);
      for (const info of slot.links) addSource(twin, into, info);
    }
    actor.lines.splice(actor.lines.indexOf(line), 1);
    return twin;
  }

  /** Buys goods to resell as they are: each supplier line becomes (or joins) a line of the reseller with the same labels. */
  private resell(actor: SeedActor, want: WantSpec): void {
    const purchase = this.purchaseFor(actor, want);
    if (!purchase) return;
    for (const supplier of this.findSuppliers(actor, purchase)) {
      const own = this.population.ensureLine(actor, supplier.productId, supplier.labelIds, 'resell');
      this.trade(supplier, actor, { into: own });
    }
  }

  private consume(actor: SeedActor, want: WantSpec): void {
    const purchase = this.purchaseFor(actor, want);
    if (!purchase) return;
    for (const supplier of this.findSuppliers(actor, purchase)) this.trade(supplier, actor);
  }

  private makeLatePurchases(actor: SeedActor): void {
    for (const want of actor.profile.lateBuys ?? []) {
      const purchase = this.purchaseFor(actor, want);
      if (!purchase) continue;
      for (const supplier of this.findSuppliers(actor, { ...purchase, anyTier: true })) this.trade(supplier, actor);
    }
  }

  private purchaseFor(actor: SeedActor, want: WantSpec): Purchase | null {
    const rng = this.rng;
    if (!rng.chance(want.chance ?? 1)) return null;
    const count = rng.int(want.suppliers[0], want.suppliers[1]);
    if (count === 0) return null;
    return {
      productId: want.productId,
      count,
      organic: rng.chance(actor.wantOrganicShare ?? want.organicShare ?? 0),
      from: want.from,
      maxKm: want.maxKm ?? 60,
      anywhere: want.anywhere ?? false,
      preferEpci: want.sameEpci ? actor.commune.epciSiren : undefined,
    };
  }

  /**
   * Up to `count` lines of distinct suppliers, nearest first, with a penalty for suppliers that
   * already sell a lot and some noise, so purchases spread as they do in a real territory.
   */
  private findSuppliers(buyer: SeedActor, purchase: Purchase): Line[] {
    const key = purchase.organic ? organicKey(purchase.productId) : purchase.productId;
    const grid = this.grids.get(key);
    if (!grid) return [];
    const candidates: Candidate[] = [];
    const consider = (line: Line, limitKm: number): void => {
      if (!this.eligible(line, buyer, purchase)) return;
      const km = haversineKm(buyer.latitude, buyer.longitude, line.latitude, line.longitude);
      if (km > limitKm) return;
      const mismatch = !purchase.organic && line.organic ? 25 : 0;
      const elsewhere = purchase.preferEpci !== undefined && line.actor.commune.epciSiren !== purchase.preferEpci ? OTHER_EPCI_PENALTY_KM : 0;
      candidates.push({ line, score: km + mismatch + elsewhere + 6 * line.outLinks + 20 * this.rng.float() });
    };
    const enough = purchase.count * 3 + 6;
    grid.scan(buyer.latitude, buyer.longitude, purchase.maxKm, (line) => consider(line, purchase.maxKm), () => candidates.length >= enough, this.cellSample);
    if (candidates.length === 0 && purchase.anywhere) {
      const all = this.everywhere.get(key) ?? [];
      for (const line of all.length > 400 ? this.rng.sample(all, 400) : all) consider(line, Infinity);
    }
    candidates.sort((a, b) => a.score - b.score || a.line.uid - b.line.uid);
    const chosen: Line[] = [];
    const suppliers = new Set<SeedActor>();
    for (const { line } of candidates) {
      if (chosen.length === purchase.count) break;
      if (suppliers.has(line.actor)) continue;
      suppliers.add(line.actor);
      chosen.push(line);
    }
    return chosen;
  }

  private eligible(line: Line, buyer: SeedActor, purchase: Purchase): boolean {
    if (line.actor === buyer) return false;
    if (!purchase.anyTier && line.readyTier >= buyer.tier) return false;
    if (purchase.organic && !line.organic) return false;
    if (purchase.from && !line.actor.record.roles.some((r) => (purchase.from as readonly ActorRole[]).includes(r))) return false;
    if (buyer.bought.has(line.uid)) return false;
    return (line.minSourceDepth === Infinity ? 0 : line.minSourceDepth) < MAX_CHAIN_LINKS;
  }

  /** The purchases a sale names: up to three per input (one for wide recipes), never one that would make a chain too long. */
  private sourcingFor(line: Line): LinkInfo[] {
    const perSlot = line.slots.length > WIDE_RECIPE ? 1 : 3;
    const out: LinkInfo[] = [];
    for (const slot of line.slots) {
      const usable = slot.links.filter((l) => l.depth < MAX_CHAIN_LINKS);
      out.push(...(usable.length > perSlot ? this.rng.sample(usable, perSlot) : usable));
    }
    return out;
  }

  /** Makes a purchase an input of the buyer's line, and available to its other lines made from the same input. */
  private attach(line: Line, info: LinkInfo): void {
    const slot = line.origin === 'resell' ? line.slots[0] : slotFor(line, this.inputMatching(line, info.record.productId));
    if (!slot.links.includes(info)) addSource(line, slot, info);
    if (line.origin !== 'make') return;
    const key = `${slot.inputId}|${info.organic ? 1 : 0}`;
    const bought = line.actor.purchases.get(key) ?? [];
    if (!bought.includes(info)) bought.push(info);
    line.actor.purchases.set(key, bought);
  }

  /** The recipe input a purchased product stands for (T80 flour is the "wheat flour" of bread). */
  private inputMatching(line: Line, productId: string): string {
    const recipe = this.taxonomy.recipeOf(line.productId);
    return recipe.find((input) => this.taxonomy.isSameOrNarrower(productId, input) || this.taxonomy.isSameOrNarrower(input, productId)) ?? productId;
  }

  /**
   * Farm lines nobody bought in the main pass are sold direct to the nearest actor that buys the
   * product (a dairy for milk, a market or a restaurant for vegetables), as farmers do.
   */
  private sellUnsoldFarmLines(actors: readonly SeedActor[]): void {
    const buyersOf = this.indexBuyers(actors);
    for (const actor of actors) {
      for (const line of actor.lines) {
        if (line.origin !== 'farm' || line.outLinks > 0) continue;
        const buyer = this.nearestBuyer(line, buyersOf);
        if (!buyer) continue;
        const into = buyer.lines.find((l) => (l.origin === 'resell' && l.productId === line.productId && l.labelIds.join() === line.labelIds.join()) || (l.origin === 'make' && !l.frozen && (!l.organic || line.organic) && this.consumes(l, line.productId)));
        this.trade(line, buyer, into ? { into } : {});
      }
    }
  }

  private consumes(line: Line, productId: string): boolean {
    return this.taxonomy.recipeOf(line.productId).some((input) => this.taxonomy.isSameOrNarrower(productId, input));
  }

  /** Actors (not farms) by each product they buy in any way, for the direct-sale pass. */
  private indexBuyers(actors: readonly SeedActor[]): Map<string, GridIndex<SeedActor>> {
    const index = new Map<string, GridIndex<SeedActor>>();
    const add = (productId: string, actor: SeedActor): void => {
      let grid = index.get(productId);
      if (!grid) index.set(productId, (grid = new GridIndex<SeedActor>()));
      grid.add(actor);
    };
    for (const actor of actors) {
      if (actor.tier === 0 || actor.scale === 0) continue;
      const wanted = new Set<string>();
      for (const line of actor.lines) if (line.origin === 'make') for (const input of this.taxonomy.recipeOf(line.productId)) wanted.add(input);
      for (const want of [...(actor.profile.resells ?? []), ...(actor.profile.buys ?? [])]) {
        if (!want.from || want.from.includes(ActorRole.FARM)) wanted.add(want.productId);
      }
      for (const productId of wanted) add(productId, actor);
    }
    return index;
  }

  private nearestBuyer(line: Line, buyersOf: Map<string, GridIndex<SeedActor>>): SeedActor | null {
    let best: SeedActor | null = null;
    let bestKm = Infinity;
    for (const productId of this.taxonomy.ancestorsOrSelf(line.productId)) {
      buyersOf.get(productId)?.scan(line.latitude, line.longitude, 80, (buyer) => {
        if (buyer === line.actor || buyer.bought.has(line.uid)) return;
        const km = haversineKm(line.latitude, line.longitude, buyer.latitude, buyer.longitude);
        if (km < bestKm || (km === bestKm && best !== null && buyer.index < best.index)) {
          best = buyer;
          bestKm = km;
        }
      }, () => best !== null, this.cellSample);
    }
    return best;
  }

  /** A start date between January 2015 and June 2025. */
  private sinceDate(): string {
    const year = this.rng.int(2015, 2025);
    const month = year === 2025 ? this.rng.int(1, 6) : this.rng.int(1, 12);
    const day = this.rng.int(1, 28);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
}

function slotFor(line: Line, inputId: string): Slot {
  let slot = line.slots.find((s) => s.inputId === inputId);
  if (!slot) {
    slot = { inputId, links: [] };
    line.slots.push(slot);
  }
  return slot;
}

function organicKey(productId: string): string {
  return `${productId}|ab`;
}

/** Records a purchase as an input of the line, keeping its shortest provenance up to date. */
function addSource(line: Line, slot: Slot, info: LinkInfo): void {
  slot.links.push(info);
  if (info.depth < line.minSourceDepth) line.minSourceDepth = info.depth;
}

