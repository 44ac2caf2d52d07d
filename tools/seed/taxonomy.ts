import type { ProductRecord } from '../../src/records';
import { RAW_MATERIALS } from './profiles';

/**
 * The product taxonomy (broader/narrower) and the transformations (madeFrom) of the catalog,
 * precomputed for the generators and the provenance rule.
 */
export class ProductTaxonomy {
  private readonly byId = new Map<string, ProductRecord>();
  private readonly children = new Map<string, string[]>();
  private readonly ancestorsCache = new Map<string, string[]>();
  private readonly descendantsCache = new Map<string, ReadonlySet<string>>();
  private readonly closureCache = new Map<string, ReadonlySet<string>>();

  constructor(readonly products: readonly ProductRecord[]) {
    for (const p of products) this.byId.set(p.id, p);
    for (const p of products) {
      if (p.broaderId === null) continue;
      const list = this.children.get(p.broaderId);
      if (list) list.push(p.id);
      else this.children.set(p.broaderId, [p.id]);
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): ProductRecord {
    const p = this.byId.get(id);
    if (!p) throw new Error(`unknown product ${id}: add it to seeds/products.json or fix the reference`);
    return p;
  }

  /** [id, its broader, ..., the top category]. */
  ancestorsOrSelf(id: string): readonly string[] {
    const cached = this.ancestorsCache.get(id);
    if (cached) return cached;
    const chain: string[] = [];
    let current: string | null = id;
    while (current !== null && chain.length < 32) {
      chain.push(current);
      current = this.get(current).broaderId;
    }
    this.ancestorsCache.set(id, chain);
    return chain;
  }

  descendantsOrSelf(id: string): ReadonlySet<string> {
    const cached = this.descendantsCache.get(id);
    if (cached) return cached;
    const out = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const child of this.children.get(stack.pop() as string) ?? []) {
        if (!out.has(child)) {
          out.add(child);
          stack.push(child);
        }
      }
    }
    this.descendantsCache.set(id, out);
    return out;
  }

  /** Whether `id` is `broaderId` or one of its narrower products. */
  isSameOrNarrower(id: string, broaderId: string): boolean {
    return this.ancestorsOrSelf(id).includes(broaderId);
  }

  /** Whether goods of this product are a raw material for processors (wine grapes, raw milk, grain). */
  isRawMaterial(id: string): boolean {
    return this.ancestorsOrSelf(id).some((a) => RAW_MATERIALS.includes(a));
  }

  /** What a product is made from: its own madeFromIds, or else those of its nearest broader product. */
  recipeOf(id: string): readonly string[] {
    for (const a of this.ancestorsOrSelf(id)) {
      const made = this.get(a).madeFromIds;
      if (made.length > 0) return made;
    }
    return [];
  }

  /**
   * Every product `id` may come from, transitively: itself, its recipe, their recipes..., including
   * the recipes of narrower products (a meal is made from bread, so also from flour and wheat).
   */
  madeFromClosure(id: string): ReadonlySet<string> {
    const cached = this.closureCache.get(id);
    if (cached) return cached;
    const out = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      const current = stack.pop() as string;
      for (const narrower of this.descendantsOrSelf(current)) {
        for (const input of this.recipeOf(narrower)) {
          if (!out.has(input)) {
            out.add(input);
            stack.push(input);
          }
        }
      }
    }
    this.closureCache.set(id, out);
    return out;
  }

  /**
   * The provenance rule: goods of `outputId` may be sourced from goods of `inputId` when the input
   * is the same product (resale) or something it is made from, transitively, where a broader or a
   * narrower product also matches (T80 flour matches "wheat flour"; "cereals" matches wheat).
   */
  canBeSourcedFrom(outputId: string, inputId: string): boolean {
    const inputLineage = this.ancestorsOrSelf(inputId);
    for (const target of this.madeFromClosure(outputId)) {
      if (inputLineage.includes(target) || this.isSameOrNarrower(target, inputId)) return true;
    }
    return false;
  }
}
