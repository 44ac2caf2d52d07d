import fs from 'node:fs';
import path from 'node:path';
import type { LabelRecord, ProductRecord } from '../../src/records';
import { LABEL_KINDS } from '../../src/label';
import { PRODUCT_KINGDOMS, PURCHASE_FAMILIES } from '../../src/product';

/** The seeds/ folder of the repository, from tools/seed/ (Jest) or dist/tools/seed/ (after tsc). */
const SEEDS_DIR = path.resolve(__dirname, '..', '..', ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..'] : []), 'seeds');

export const PRODUCTS_JSON = path.join(SEEDS_DIR, 'products.json');
export const LABELS_JSON = path.join(SEEDS_DIR, 'labels.json');

/** Label ids the code refers to by name; the catalog must define them. */
export const REQUIRED_LABEL_IDS = ['ab', 'eu-organic', 'organic-conversion', 'label-rouge', 'hve', 'fermier'] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The product catalog (seeds/products.json). Call validateCatalog before trusting it. */
export function readProducts(file = PRODUCTS_JSON): ProductRecord[] {
  return readJsonArray<ProductRecord>(file);
}

/** The quality labels (seeds/labels.json). */
export function readLabels(file = LABELS_JSON): LabelRecord[] {
  return readJsonArray<LabelRecord>(file);
}

function readJsonArray<T>(file: string): T[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array`);
  return parsed as T[];
}

/**
 * Problems in the catalog, one sentence each; [] when it is sound: duplicate or malformed ids,
 * unknown families and kinds, references to missing products, cycles in the taxonomy or in the
 * transformations, missing required labels.
 */
export function validateCatalog(products: readonly ProductRecord[], labels: readonly LabelRecord[]): string[] {
  const problems: string[] = [];
  const productIds = new Set<string>();
  for (const p of products) {
    if (!SLUG.test(p.id)) problems.push(`product id "${p.id}" is not a lowercase ASCII slug`);
    if (productIds.has(p.id)) problems.push(`product id "${p.id}" is used twice`);
    productIds.add(p.id);
    if (!p.name) problems.push(`product ${p.id} has no name`);
    if (!(PURCHASE_FAMILIES as string[]).includes(p.family)) problems.push(`product ${p.id} has unknown family ${p.family}`);
    if (p.kingdom != null && !(PRODUCT_KINGDOMS as string[]).includes(p.kingdom))
      problems.push(`product ${p.id} has unknown kingdom ${p.kingdom}`);
    // Narrower products inherit it: declared at the top, every product has one (in conversion counts for plants only).
    if (p.broaderId === null && p.kingdom == null) problems.push(`product ${p.id} is at the top of the taxonomy and declares no kingdom`);
  }
  for (const p of products) {
    if (p.broaderId !== null && !productIds.has(p.broaderId)) problems.push(`product ${p.id}: broaderId ${p.broaderId} does not exist`);
    for (const m of p.madeFromIds) {
      if (!productIds.has(m)) problems.push(`product ${p.id}: madeFromIds names ${m}, which does not exist`);
      if (m === p.id) problems.push(`product ${p.id} is made from itself`);
    }
  }
  const byId = new Map(products.map((p) => [p.id, p]));
  problems.push(
    ...findCycles('broader', [...productIds], (id) => {
      const b = byId.get(id)?.broaderId;
      return b && productIds.has(b) ? [b] : [];
    }),
  );
  problems.push(...findCycles('madeFrom', [...productIds], (id) => (byId.get(id)?.madeFromIds ?? []).filter((m) => productIds.has(m))));

  const labelIds = new Set<string>();
  for (const l of labels) {
    if (!SLUG.test(l.id)) problems.push(`label id "${l.id}" is not a lowercase ASCII slug`);
    if (labelIds.has(l.id)) problems.push(`label id "${l.id}" is used twice`);
    labelIds.add(l.id);
    if (!(LABEL_KINDS as string[]).includes(l.kind)) problems.push(`label ${l.id} has unknown kind ${l.kind}`);
    for (const pid of l.productIds) if (!productIds.has(pid)) problems.push(`label ${l.id}: productIds names ${pid}, which does not exist`);
  }
  for (const required of REQUIRED_LABEL_IDS) if (!labelIds.has(required)) problems.push(`label "${required}" is required and missing`);
  return problems;
}

/** One message per cycle found by a depth-first search over `next`. */
function findCycles(relation: string, ids: readonly string[], next: (id: string) => readonly string[]): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: string[] = [];
  const visit = (id: string, trail: string[]): void => {
    state.set(id, 'visiting');
    for (const n of next(id)) {
      const s = state.get(n);
      if (s === 'visiting') problems.push(`cycle in ${relation}: ${[...trail.slice(trail.indexOf(n)), n].join(' -> ')}`);
      else if (s === undefined) visit(n, [...trail, n]);
    }
    state.set(id, 'done');
  };
  for (const id of ids) if (!state.has(id)) visit(id, [id]);
  return problems;
}
