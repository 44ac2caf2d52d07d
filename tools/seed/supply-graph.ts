import { ActorRole } from '../../src/actor';
import type { SupplyLinkRecord } from '../../src/records';
import { Economics, roundVolume } from './economics';
import { distanceKm } from '../../src/territory';
import { GridIndex, type BucketSample } from './geo';
import { ORGANIC_FAMILY, roleMask, type IdScheme, type Line, type LinkInfo, type SeedActor, type Slot } from './model';
import type { Population } from './population';
import { NOT_FOR_CATERING, type WantSpec } from './profiles';
import type { Random } from './random';
import { appellationArea, isInArea, type AppellationArea } from './zones';
import type { ProductTaxonomy } from './taxonomy';

/**
 * Chains are at most this many links long, field to plate (farm -> cooperative -> mill -> bakery ->
 * central kitchen -> canteen): a link is never sourced from a link that would make it longer.
 */
export const MAX_CHAIN_LINKS = 5;

/** Above this many inputs (a meal), a sale names one purchase per input instead of up to three. */
const WIDE_RECIPE = 4;

/** Lines looked at per grid cell and query: enough to choose well, flat cost in dense graphs. */
const LINES_PER_CELL = 16;
/** Lines looked at per ring of cells: the first ring has eight cells, the next sixteen... */
const LINES_PER_RING = 48;

/** A purchase being made: how many suppliers of what, under which constraints. */
interface Purchase {
  productId: string;
  count: number;
  organic: boolean;
  maxKm: number;
  anywhere: boolean;
  /** Late purchases (feed for a farm) may come from any tier. */
  anyTier: boolean;
  /** Suppliers of this EPCI come first (a satellite canteen and its intercommunal central kitchen); '' for none. */
  preferEpci: string;
  /** Bits of `from` (see roleMask): 0 accepts every role. */
  fromMask: number;
  /** False when the purchase names a raw material: then raw lines are what it wants. */
  skipRaw: boolean;
  /** A kitchen's purchase: never the products of NOT_FOR_CATERING. */
  catering: boolean;
  /** An appellation's input: only from suppliers of its area (zones.ts). */
  area: AppellationArea | null;
}

/** How much farther (km) a supplier outside the preferred EPCI is considered. */
const OTHER_EPCI_PENALTY_KM = 60;

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
  private readonly cellSample: BucketSample;
  /** Scratch space of findSuppliers, reused across calls. */
  private readonly candidateLines: Line[] = [];
  private readonly candidateScores: number[] = [];
  private readonly ringBuckets: Line[][] = [];
  private readonly dates = new Map<number, string>();

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
    if (line.actor.exclusive) return;
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
    const existing = buyer.bought?.get(line.uid);
    if (existing) {
      if (options.into) this.attach(options.into, existing);
      return existing;
    }
    const rng = this.rng;
    const sources = options.sourcedFromIds ? this.linksById(options.sourcedFromIds) : this.sourcingFor(line);
    const depth = 1 + sources.reduce((max, s) => Math.max(max, s.depth), 0);
    const terms = this.economics.terms(line.productId);
    const volume = roundVolume(terms.volume * buyer.scale * rng.between(0.5, 1.5), terms.unit);
    const markup = line.origin === 'resell' ? resellerMarkup(line.actor) : 1;
    const premium = line.organic ? ORGANIC_PREMIUM : 1;
    const record: SupplyLinkRecord = {
      id: this.ids.link(this.links.length + 1),
      supplierId: line.actor.record.id,
      buyerId: buyer.record.id,
      productId: line.productId,
      // Shared with the line (and the other sales of it): labels are never modified once sold.
      labelIds: line.labelIds,
      volume,
      unit: terms.unit,
      valueEur: Math.round(volume * terms.price * markup * premium * rng.between(0.9, 1.1)),
      since: this.sinceDate(),
      frequency: this.economics.frequency(line.productId, line.origin === 'farm'),
      sourcedFromIds: sources.map((s) => s.record.id),
    };
    const info: LinkInfo = { record, depth, organic: line.organic, supplier: line.actor };
    this.links.push(info);
    (buyer.bought ??= new Map()).set(line.uid, info);
    line.outLinks += 1;
    line.soldVolume += volume;
    // A few buyers are enough to say where an offer delivers; all of them would weigh on 100,000 actors.
    if (line.buyers.length < 4 && !line.buyers.includes(buyer)) line.buyers.push(buyer);
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

  /** Links named by hand (the seed's known chains: a handful, so a scan is fine). */
  private linksById(ids: readonly string[]): LinkInfo[] {
    return ids.map((id) => {
      const info = this.links.find((l) => l.record.id === id);
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
      const area = this.areaOf(line);
      const purchase: Purchase = {
        productId: inputId,
        count: missing,
        organic: line.organic || (spec?.inputOrganicShare !== undefined && this.rng.chance(spec.inputOrganicShare)),
        fromMask: roleMask(spec?.inputFrom),
        // An appellation's area may be wider than the usual radius: search all of it.
        maxKm: area ? Math.max(spec?.inputMaxKm ?? 60, 150) : (spec?.inputMaxKm ?? 60),
        area,
        anywhere: true,
        anyTier: false,
        preferEpci: '',
        skipRaw: !this.taxonomy.isRawMaterial(inputId),
        catering: isKitchen(actor),
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
    const purchases = (actor.purchases ??= new Map());
    const bought = purchases.get(cacheKey) ?? [];
    let missing = purchase.count;
    for (const info of bought) {
      if (missing === 0) break;
      if (!slot.links.includes(info) && (purchase.area === null || isInArea(purchase.area, info.supplier.commune))) {
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
    purchases.set(cacheKey, bought);
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
      fromMask: roleMask(want.from),
      maxKm: want.maxKm ?? 60,
      anywhere: want.anywhere ?? false,
      anyTier: false,
      preferEpci: want.sameEpci ? actor.commune.epciSiren : '',
      skipRaw: !this.taxonomy.isRawMaterial(want.productId),
      catering: isKitchen(actor),
      area: null,
    };
  }

  /**
   * Up to `count` lines of distinct suppliers, nearest first, with a penalty for suppliers that
   * already sell a lot and some noise, so purchases spread as they do in a real territory.
   * Written without closures or per-candidate objects: it runs a million times for 100,000 actors.
   */
  private findSuppliers(buyer: SeedActor, purchase: Purchase): Line[] {
    const key = purchase.organic ? organicKey(purchase.productId) : purchase.productId;
    const grid = this.grids.get(key);
    if (!grid) return [];
    const lines = this.candidateLines;
    const scores = this.candidateScores;
    lines.length = 0;
    scores.length = 0;
    const enough = purchase.count * 2 + 4;
    const rings = grid.ringsFor(buyer.latitude, purchase.maxKm);
    const buckets = this.ringBuckets;
    for (let ring = 0; ring <= rings && lines.length < enough; ring += 1) {
      buckets.length = 0;
      grid.bucketsInRing(buyer.latitude, buyer.longitude, ring, buckets);
      const perCell = Math.max(4, Math.min(LINES_PER_CELL, Math.floor(LINES_PER_RING / buckets.length)));
      for (const bucket of buckets) {
        const size = bucket.length;
        // Crowded cells are sampled across their length (they fill one actor's lines at a time).
        const crowded = size > perCell;
        const start = crowded ? Math.floor(this.rng.float() * size) : 0;
        const stride = crowded ? Math.floor(size / perCell) : 1;
        const visits = crowded ? perCell : size;
        for (let i = 0; i < visits; i += 1) this.consider(bucket[(start + i * stride) % size], buyer, purchase, purchase.maxKm);
      }
    }
    if (lines.length === 0 && purchase.anywhere) {
      const all = this.everywhere.get(key) ?? [];
      if (all.length <= 400) for (const line of all) this.consider(line, buyer, purchase, Infinity);
      else for (let i = 0; i < 400; i += 1) this.consider(all[Math.floor(this.rng.float() * all.length)], buyer, purchase, Infinity);
    }
    return this.bestOfDistinctSuppliers(purchase.count);
  }

  /** Adds the line to the candidates when it may be bought, scored by distance, labels, load and noise. */
  private consider(line: Line, buyer: SeedActor, purchase: Purchase, limitKm: number): void {
    if (!this.eligible(line, buyer, purchase)) return;
    // Equirectangular distance: within 1 % of the great circle at these scales, and much cheaper.
    const dy = (line.latitude - buyer.latitude) * KM_PER_DEGREE;
    const dx = (line.longitude - buyer.longitude) * KM_PER_DEGREE * Math.cos((buyer.latitude * Math.PI) / 180);
    const km = Math.sqrt(dx * dx + dy * dy);
    if (km > limitKm) return;
    const mismatch = !purchase.organic && line.organic ? 25 : 0;
    const elsewhere = purchase.preferEpci !== '' && line.actor.commune.epciSiren !== purchase.preferEpci ? OTHER_EPCI_PENALTY_KM : 0;
    this.candidateLines.push(line);
    this.candidateScores.push(km + mismatch + elsewhere + 6 * line.outLinks + 20 * this.rng.float());
  }

  /** The `count` best-scored candidates of distinct actors (ties: the older line), by repeated minimum. */
  private bestOfDistinctSuppliers(count: number): Line[] {
    const lines = this.candidateLines;
    const scores = this.candidateScores;
    const chosen: Line[] = [];
    while (chosen.length < count) {
      let best = -1;
      for (let i = 0; i < lines.length; i += 1) {
        if (scores[i] === Infinity) continue;
        if (best < 0 || scores[i] < scores[best] || (scores[i] === scores[best] && lines[i].uid < lines[best].uid)) best = i;
      }
      if (best < 0) break;
      scores[best] = Infinity;
      const line = lines[best];
      if (!chosen.some((c) => c.actor === line.actor)) chosen.push(line);
    }
    return chosen;
  }

  /** Cheap tests first: this runs for every line looked at. */
  private eligible(line: Line, buyer: SeedActor, purchase: Purchase): boolean {
    if (purchase.organic && !line.organic) return false;
    if (purchase.skipRaw && line.raw) return false;
    if (purchase.catering && NOT_FOR_CATERING.has(line.productId)) return false;
    if (purchase.area !== null && !isInArea(purchase.area, line.actor.commune)) return false;
    if (!purchase.anyTier && line.readyTier >= buyer.tier) return false;
    if (line.actor === buyer) return false;
    if (purchase.fromMask !== 0 && (line.roleMask & purchase.fromMask) === 0) return false;
    if (buyer.bought !== null && buyer.bought.has(line.uid)) return false;
    return (line.minSourceDepth === Infinity ? 0 : line.minSourceDepth) < MAX_CHAIN_LINKS;
  }

  /** The purchases a sale names: up to three per input (one for wide recipes), never one that would make a chain too long. */
  private sourcingFor(line: Line): LinkInfo[] {
    const perSlot = line.slots.length > WIDE_RECIPE ? 1 : 3;
    const out: LinkInfo[] = [];
    for (const slot of line.slots) {
      const usable = slot.links.every((l) => l.depth < MAX_CHAIN_LINKS) ? slot.links : slot.links.filter((l) => l.depth < MAX_CHAIN_LINKS);
      if (usable.length > perSlot) out.push(...this.rng.sample(usable, perSlot));
      else out.push(...usable);
    }
    return out;
  }

  /** Makes a purchase an input of the buyer's line, and available to its other lines made from the same input. */
  private attach(line: Line, info: LinkInfo): void {
    const slot = line.origin === 'resell' ? line.slots[0] : slotFor(line, this.inputMatching(line, info.record.productId));
    if (!slot.links.includes(info)) addSource(line, slot, info);
    if (line.origin !== 'make') return;
    const key = `${slot.inputId}|${info.organic ? 1 : 0}`;
    const purchases = (line.actor.purchases ??= new Map());
    const bought = purchases.get(key) ?? [];
    if (!bought.includes(info)) bought.push(info);
    purchases.set(key, bought);
  }

  /** The recipe input a purchased product stands for (T80 flour is the "wheat flour" of bread). */
  private inputMatching(line: Line, productId: string): string {
    const recipe = this.taxonomy.recipeOf(line.productId);
    return (
      recipe.find((input) => this.taxonomy.isSameOrNarrower(productId, input) || this.taxonomy.isSameOrNarrower(input, productId)) ??
      productId
    );
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
        const into = buyer.lines.find(
          (l) =>
            (l.origin === 'resell' && l.productId === line.productId && l.labelIds.join() === line.labelIds.join()) ||
            (l.origin === 'make' &&
              !l.frozen &&
              (!l.organic || line.organic) &&
              this.consumes(l, line.productId) &&
              this.mayComeFrom(l, actor)),
        );
        this.trade(line, buyer, into ? { into } : {});
      }
    }
  }

  /** The appellation area a made line's inputs must come from (the first of its labels that fixes one). */
  private areaOf(line: Line): AppellationArea | null {
    for (const id of line.labelIds) {
      const area = appellationArea(id);
      if (area) return area;
    }
    return null;
  }

  /** Whether goods of this supplier may go into the line (an appellation takes only its area's). */
  private mayComeFrom(line: Line, supplier: SeedActor): boolean {
    const area = this.areaOf(line);
    return area === null || isInArea(area, supplier.commune);
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
      for (const line of actor.lines)
        if (line.origin === 'make') for (const input of this.taxonomy.recipeOf(line.productId)) wanted.add(input);
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
      // Wine grapes go to those who buy grapes for wine, not to those who buy "fruit".
      if (line.raw && !this.taxonomy.isRawMaterial(productId)) continue;
      buyersOf.get(productId)?.scan(
        line.latitude,
        line.longitude,
        80,
        (buyer) => {
          if (buyer === line.actor || buyer.bought?.has(line.uid)) return;
          const km = distanceKm(line, buyer);
          if (km < bestKm || (km === bestKm && best !== null && buyer.index < best.index)) {
            best = buyer;
            bestKm = km;
          }
        },
        () => best !== null,
        this.cellSample,
      );
    }
    return best;
  }

  /** A start date between January 2015 and June 2025 (strings cached: there are only a few thousand). */
  private sinceDate(): string {
    const year = this.rng.int(2015, 2025);
    const month = year === 2025 ? this.rng.int(1, 6) : this.rng.int(1, 12);
    const day = this.rng.int(1, 28);
    const key = (year * 100 + month) * 100 + day;
    let date = this.dates.get(key);
    if (date === undefined) {
      date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      this.dates.set(key, date);
    }
    return date;
  }
}

function isKitchen(actor: SeedActor): boolean {
  return actor.record.roles.includes(ActorRole.CANTEEN) || actor.record.roles.includes(ActorRole.CENTRAL_KITCHEN);
}

function slotFor(line: Line, inputId: string): Slot {
  let slot = line.slots.find((s) => s.inputId === inputId);
  if (!slot) {
    slot = { inputId, links: [] };
    line.slots.push(slot);
  }
  return slot;
}

const KM_PER_DEGREE = 111.32;

function resellerMarkup(actor: SeedActor): number {
  let markup = 1;
  for (const role of actor.record.roles) markup = Math.max(markup, RESELLER_MARKUP[role] ?? 1);
  return markup;
}

function organicKey(productId: string): string {
  return `${productId}|ab`;
}

/** Records a purchase as an input of the line, keeping its shortest provenance up to date. */
function addSource(line: Line, slot: Slot, info: LinkInfo): void {
  slot.links.push(info);
  if (info.depth < line.minSourceDepth) line.minSourceDepth = info.depth;
}
