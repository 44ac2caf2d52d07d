import { createHash } from 'node:crypto';
import type { Database } from '../src/db';
import { importContent } from '../src/import';
import { CREATE_BATCH_SIZE, writeBundle } from '../src/records';
import { loadReferenceData } from '../tools/seed';
import { clearGraph, connectTestDb } from './helpers/db';
import { ActorRole } from '../src/actor/actor.enums';
import { actor, bundle } from './helpers/fixtures';

// A large import (11,000 supply links) through the import's own path, checked against the graph
// link by link with an independent read: every link once, with exactly its ends, product, labels,
// provenance and values; re-imported, nothing changes; mixed with updates, both kinds are right.

// Enough for three create statements (5,000, 5,000 and the rest): the batching is what is tested;
// the 100,000-link speed is measured by `npm run bench -- --workloads W7`, not here.
const LINKS = 11_000;
const ACTORS = 40;
const AUTHOR = { accountId: 'test:bulk', name: 'bulk import test', role: 'editor', via: 'cli' } as const;
const HEADER = 'id,supplierId,buyerId,productId,labelIds,volume,unit,valueEur,since,frequency,channel,sourcedFromIds';

interface LinkSpec {
  id: string;
  supplierId: string;
  buyerId: string;
  productId: string;
  labelIds: string[];
  volume: number;
  unit: string;
  valueEur: number | null;
  since: string | null;
  frequency: string | null;
  channel: string | null;
  sourcedFromIds: string[];
}

const actorIds = Array.from({ length: ACTORS }, (_, i) => `bulk-actor-${String(i).padStart(2, '0')}`);

/**
 * Links with every optional field given on some rows; one in ten (after the first thousand) is
 * sourced from an earlier link bought by its supplier, as provenance requires.
 */
function linkSpecs(count: number, products: string[], prefix = 'bulk-link-'): LinkSpec[] {
  const lastBoughtBy = new Map<string, string>();
  const specs: LinkSpec[] = [];
  for (let i = 0; i < count; i += 1) {
    const supplierId = actorIds[i % ACTORS];
    const buyer = actorIds[(i * 7 + 3) % ACTORS];
    const buyerId = buyer === supplierId ? actorIds[(i + 1) % ACTORS] : buyer;
    const id = `${prefix}${i}`;
    const source = i >= 1000 && i % 10 === 0 ? lastBoughtBy.get(supplierId) : undefined;
    specs.push({
      id,
      supplierId,
      buyerId,
      productId: products[i % products.length],
      labelIds: i % 3 === 0 ? ['ab'] : [],
      volume: 10 + (i % 900) + (i % 2 === 0 ? 0.5 : 0),
      unit: i % 2 === 0 ? 'KG' : 'TONNE',
      valueEur: i % 4 === 0 ? 100 + i : null,
      since: i % 5 === 0 ? '2021-03-15' : null,
      frequency: i % 6 === 0 ? 'WEEKLY' : null,
      channel: i % 7 === 0 ? 'AGRILOCAL' : null,
      sourcedFromIds: source ? [source] : [],
    });
    lastBoughtBy.set(buyerId, id);
  }
  return specs;
}

function toCsv(specs: LinkSpec[]): string {
  const cell = (v: string | number | null) => (v === null ? '' : String(v));
  const rows = specs.map((s) =>
    [
      s.id,
      s.supplierId,
      s.buyerId,
      s.productId,
      s.labelIds.join('|'),
      s.volume,
      s.unit,
      cell(s.valueEur),
      cell(s.since),
      cell(s.frequency),
      cell(s.channel),
      s.sourcedFromIds.join('|'),
    ].join(','),
  );
  return [HEADER, ...rows].join('\n');
}

/** Every link of the test as the graph holds it; a relationship written twice would show twice in its list. */
const READ_BACK = /* cypher */ `
  MATCH (l:SupplyLink) WHERE l.id STARTS WITH 'bulk-'
  RETURN l.id AS id,
         [(s)-[:SUPPLIES]->(l) | s.id] AS suppliers,
         [(l)-[:TO]->(b) | b.id] AS buyers,
         [(l)-[:OF_PRODUCT]->(p) | p.id] AS products,
         [(l)-[:CERTIFIED]->(x) | x.id] AS labels,
         [(l)-[:SOURCED_FROM]->(i) | i.id] AS sources,
         l.volume AS volume, l.unit AS unit, l.valueEur AS valueEur, toString(l.since) AS since,
         l.frequency AS frequency, l.channel AS channel
  ORDER BY id`;

type StoredLink = {
  id: string;
  suppliers: string[];
  buyers: string[];
  products: string[];
  labels: string[];
  sources: string[];
  volume: number;
  unit: string;
  valueEur: number | null;
  since: string | null;
  frequency: string | null;
  channel: string | null;
};

const asStored = (s: LinkSpec): StoredLink => ({
  id: s.id,
  suppliers: [s.supplierId],
  buyers: [s.buyerId],
  products: [s.productId],
  labels: [...s.labelIds].sort(),
  sources: [...s.sourcedFromIds].sort(),
  volume: s.volume,
  unit: s.unit,
  valueEur: s.valueEur,
  since: s.since,
  frequency: s.frequency,
  channel: s.channel,
});

async function storedLinks(db: Database): Promise<StoredLink[]> {
  const rows = await db.read<StoredLink>(READ_BACK);
  return rows.map((r) => ({ ...r, labels: [...r.labels].sort(), sources: [...r.sources].sort() }));
}

const expected = (specs: LinkSpec[]) => specs.map(asStored).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('importing a large file of supply links', () => {
  let db: Database;
  let products: string[];
  let specs: LinkSpec[];
  let content: string;

  beforeAll(async () => {
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await clearGraph(db);
    await loadReferenceData(db);
    const rows = await db.read<{ id: string }>('MATCH (p:Product) RETURN p.id AS id ORDER BY id LIMIT 30');
    products = rows.map((r) => r.id);
    await db.transaction('WRITE', (tx) =>
      writeBundle(tx, bundle({ actors: actorIds.map((id) => actor(id, `Bulk ${id}`, [ActorRole.FARM], '26362')) })),
    );
    specs = linkSpecs(LINKS, products);
    content = toCsv(specs);
  }, 240_000);

  afterAll(async () => {
    await db.close();
  });

  it('writes every link of an 11,000-row file once, with its ends, product, labels, provenance and values, in a few statements', async () => {
    const view = db.counting();
    const report = await importContent(view, content, { format: 'csv', author: AUTHOR });
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ accepted: true, written: true, counts: { actors: 0, offers: 0, needs: 0, supplyLinks: LINKS } });

    expect(await storedLinks(db)).toEqual(expected(specs));
    const sourced = specs.filter((s) => s.sourcedFromIds.length > 0).length;
    expect(sourced).toBeGreaterThan(500);
    // Three look-ups of the references, the links created in batches, their provenance, the audit entry.
    expect(view.queryCount).toBe(3 + Math.ceil(LINKS / CREATE_BATCH_SIZE) + Math.ceil(sourced / CREATE_BATCH_SIZE) + 1);

    const audit = await db.read<{ fileSha256: string; counts: string }>(
      `MATCH (e:AuditEntry {operation: 'IMPORT', accountId: $account}) RETURN e.fileSha256 AS fileSha256, e.counts AS counts`,
      { account: AUTHOR.accountId },
    );
    expect(audit).toEqual([
      {
        fileSha256: createHash('sha256').update(content, 'utf8').digest('hex'),
        counts: JSON.stringify({ actors: 0, offers: 0, needs: 0, supplyLinks: LINKS }),
      },
    ]);
  }, 300_000);

  it('changes nothing when the same file is imported again', async () => {
    const before = await storedLinks(db);
    const [counts] = await db.read<{ nodes: number; relationships: number }>(
      'CALL () { MATCH (n) WHERE NOT n:AuditEntry RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    );
    const report = await importContent(db, content, { format: 'csv' });
    expect(report).toMatchObject({ accepted: true, written: true, counts: { supplyLinks: LINKS } });
    expect(await storedLinks(db)).toEqual(before);
    const [after] = await db.read<{ nodes: number; relationships: number }>(
      'CALL () { MATCH (n) WHERE NOT n:AuditEntry RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    );
    expect(after).toEqual(counts);
  }, 300_000);

  it('updates the links it already holds and creates the new ones, in one file', async () => {
    // Links that no other link is sourced from, so that moving them to another buyer keeps provenance valid.
    const sources = new Set(specs.flatMap((s) => s.sourcedFromIds));
    const changed = specs
      .filter((s) => !sources.has(s.id) && s.sourcedFromIds.length === 0)
      .slice(0, 100)
      .map((s, k) => {
        const buyer = actorIds[(actorIds.indexOf(s.buyerId) + 1 + (k % 5)) % ACTORS];
        return {
          ...s,
          buyerId: buyer === s.supplierId ? actorIds[(actorIds.indexOf(buyer) + 1) % ACTORS] : buyer,
          labelIds: s.labelIds.length ? [] : ['ab'],
          valueEur: s.valueEur === null ? 999 : null,
          channel: 'PUBLIC_TENDER',
        };
      });
    const added = linkSpecs(100, products, 'bulk-added-');
    const report = await importContent(db, toCsv([...changed, ...added]), { format: 'csv' });
    expect(report).toMatchObject({ accepted: true, written: true, counts: { supplyLinks: 200 } });

    const byId = new Map(specs.map((s) => [s.id, s]));
    for (const c of changed) byId.set(c.id, c);
    for (const a of added) byId.set(a.id, a);
    specs = [...byId.values()];
    expect(await storedLinks(db)).toEqual(expected(specs));
  }, 300_000);

  it('upserts a link whose node the graph holds without its ends, instead of creating a second one', async () => {
    // The look-up of existing links reads them with their ends, so this one is taken for new: creating
    // it breaks the uniqueness constraint, and the import is written again upserting every link.
    await db.write(`CREATE (:SupplyLink {id: 'bulk-orphan'})`);
    const orphan = { ...linkSpecs(1, products)[0], id: 'bulk-orphan' };
    const fresh = { ...linkSpecs(2, products)[1], id: 'bulk-orphan-neighbour' };
    const report = await importContent(db, toCsv([orphan, fresh]), { format: 'csv' });
    expect(report).toMatchObject({ accepted: true, written: true, counts: { supplyLinks: 2 } });

    specs = [...specs, orphan, fresh];
    expect(await storedLinks(db)).toEqual(expected(specs));
  }, 300_000);
});
