import { createHash } from 'node:crypto';
import { ActorRole } from '../src/actor/actor.enums';
import { createApiKey, revokeApiKey } from '../src/auth';
import type { Database } from '../src/db';
import { writeBundle } from '../src/records';
import { VolumeUnit } from '../src/product/product.enums';
import { buildMaillonSchema } from '../src/schema';
import { loadReferenceData } from '../tools/seed';
import { clearGraph, connectTestDb } from './helpers/db';
import { actor, bundle, offer } from './helpers/fixtures';
import { TEST_ADMIN, TEST_EDITOR, createRunner, graphql, testMember, type VariablesOf } from './helpers/graphql';

const TRAIL = graphql(`
  query AuditTrail($first: Int, $after: String, $filter: AuditTrailFilter) {
    auditTrail(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          at
          accountId
          accountName
          role
          via
          operation
          recordKind
          recordId
          before
          after
          fileSha256
          counts
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

describe('the audit trail', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  const trail = async (variables: VariablesOf<typeof TRAIL> = {}) => {
    const result = await runner.run(TRAIL, variables, { viewer: TEST_EDITOR });
    expect(result.errors).toBeUndefined();
    return result.data!.auditTrail;
  };

  beforeAll(async () => {
    // Clearing a graph seeded by an earlier suite can take longer than a request's 15 s on a busy machine.
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await clearGraph(db);
    await loadReferenceData(db);
    runner = await createRunner(db, { viewer: TEST_EDITOR });
  }, 120_000);

  beforeEach(async () => {
    await db.write('MATCH (n) WHERE n:Actor OR n:Offer OR n:Need OR n:SupplyLink OR n:AuditEntry OR n:Account OR n:ApiKey DETACH DELETE n');
    await db.transaction('WRITE', (tx) =>
      writeBundle(
        tx,
        bundle({
          actors: [actor('aud-a', 'Ferme A', [ActorRole.FARM], '26362')],
          offers: [offer('aud-off', 'aud-a', 'ble-tendre', [], { priceEur: 250, capacity: 40, capacityUnit: VolumeUnit.TONNE })],
        }),
      ),
    );
  });

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  it('records an update with who, when, and only the changed fields before and after', async () => {
    const started = Date.now();
    const result = await runner.run('mutation { updateOffer(id: "aud-off", input: { priceEur: 260, months: [6, 7] }) { id } }');
    expect(result.errors).toBeUndefined();
    const { edges, totalCount } = await trail();
    expect(totalCount).toBe(1);
    const entry = edges[0].node;
    expect(entry).toMatchObject({
      accountId: TEST_EDITOR.id,
      accountName: TEST_EDITOR.name,
      role: 'editor',
      via: 'api-key',
      operation: 'UPDATE',
      recordKind: 'Offer',
      recordId: 'aud-off',
      fileSha256: null,
      counts: null,
    });
    expect(JSON.parse(entry.before!)).toEqual({ priceEur: 250, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
    expect(JSON.parse(entry.after!)).toEqual({ priceEur: 260, months: [6, 7] });
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(started - 1000);
    expect(Date.parse(entry.at)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('records a creation with every field after, and a deletion with every field before', async () => {
    const created = await runner.run(
      'mutation { createOffer(input: { id: "aud-new", actorId: "aud-a", productId: "ble-tendre", deliveryRadiusKm: 5 }) { id } }',
    );
    expect(created.errors).toBeUndefined();
    expect((await runner.run('mutation { deleteOffer(id: "aud-new") { id } }')).errors).toBeUndefined();
    const { edges } = await trail({ filter: { recordId: 'aud-new' } });
    expect(edges.map((e) => e.node.operation)).toEqual(['DELETE', 'CREATE']);
    const [deletion, creation] = edges.map((e) => e.node);
    expect(creation.before).toBeNull();
    expect(JSON.parse(creation.after!)).toMatchObject({ id: 'aud-new', actorId: 'aud-a', productId: 'ble-tendre', deliveryRadiusKm: 5 });
    expect(JSON.parse(deletion.before!)).toMatchObject({ id: 'aud-new', actorId: 'aud-a', deliveryRadiusKm: 5 });
    expect(deletion.after).toBeNull();
  });

  it('records an import with the SHA-256 of its file and its counts, and nothing for a dry run or a rejected file', async () => {
    const content = JSON.stringify({ offers: [{ id: 'aud-imp', actorId: 'aud-a', productId: 'ble-tendre' }] });
    const IMPORT = 'mutation ($input: ImportInput!) { importRecords(input: $input) { written } }';
    await runner.run(IMPORT, { input: { format: 'JSON', content, dryRun: true } });
    const bad = await runner.run(IMPORT, { input: { format: 'JSON', content: '{"offers": [{"id": "x"}]}' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await trail()).totalCount).toBe(0);
    await runner.run(IMPORT, { input: { format: 'JSON', content } });
    const [entry] = (await trail()).edges.map((e) => e.node);
    expect(entry).toMatchObject({
      operation: 'IMPORT',
      recordKind: 'Import',
      recordId: null,
      fileSha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(JSON.parse(entry.counts!)).toEqual({ actors: 0, offers: 1, needs: 0, supplyLinks: 0 });
  });

  it('records API key creation and revocation, without the key', async () => {
    const operator = { accountId: 'cli:ops', name: 'ops', role: 'admin', via: 'cli' as const };
    const created = await createApiKey(db, { role: 'member', name: 'Ferme A', actorId: 'aud-a' }, operator);
    await revokeApiKey(db, created.keyId, operator);
    await revokeApiKey(db, created.keyId, operator);
    const { edges } = await trail({ filter: { recordId: created.keyId } });
    expect(edges.map((e) => [e.node.operation, e.node.accountId, e.node.via])).toEqual([
      ['REVOKE_API_KEY', 'cli:ops', 'cli'],
      ['CREATE_API_KEY', 'cli:ops', 'cli'],
    ]);
    expect(JSON.stringify(edges)).not.toContain(created.key.split('_')[2]);
    expect(JSON.parse(edges[1].node.after!)).toMatchObject({ role: 'member', actorId: 'aud-a', name: 'Ferme A' });
  });

  it('pages newest first with keyset cursors, and filters by account and time', async () => {
    for (const price of [1, 2, 3, 4, 5]) {
      const viewer = price % 2 === 0 ? TEST_ADMIN : TEST_EDITOR;
      await runner.run(`mutation { updateOffer(id: "aud-off", input: { priceEur: ${price} }) { id } }`, {}, { viewer });
    }
    const first = await trail({ first: 2 });
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await trail({ first: 2, after: first.pageInfo.endCursor });
    const third = await trail({ first: 2, after: second.pageInfo.endCursor });
    expect(third.pageInfo.hasNextPage).toBe(false);
    const prices = [...first.edges, ...second.edges, ...third.edges].map((e) => JSON.parse(e.node.after!).priceEur);
    expect(prices).toEqual([5, 4, 3, 2, 1]);
    const byAdmin = await trail({ filter: { accountId: TEST_ADMIN.id } });
    expect(byAdmin.edges.map((e) => JSON.parse(e.node.after!).priceEur)).toEqual([4, 2]);
    const since = first.edges[1].node.at;
    const recent = await trail({ filter: { since } });
    expect(recent.edges.length).toBeGreaterThanOrEqual(2);
    expect(recent.edges.every((e) => e.node.at >= since)).toBe(true);
    expect(await trail({ filter: { since: '2999-01-01T00:00:00Z' } })).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('refuses the trail to anonymous readers (UNAUTHENTICATED) and to members (FORBIDDEN)', async () => {
    await runner.run('mutation { updateOffer(id: "aud-off", input: { priceEur: 1 }) { id } }');
    const anonymous = await runner.run(TRAIL, {}, { viewer: null });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data).toBeNull();
    const member = await runner.run(TRAIL, {}, { viewer: testMember('aud-a') });
    expect(member.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(member.data).toBeNull();
  });

  it('refuses a forged cursor and a malformed date with BAD_USER_INPUT', async () => {
    expect((await runner.run(TRAIL, { after: 'forged' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await runner.run(TRAIL, { filter: { since: 'yesterday' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('offers no mutation that could change or delete the trail', async () => {
    const schema = await buildMaillonSchema();
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const touching = mutations.filter(
      (m) => /audit/i.test(m.name) || /AuditEntry/.test(String(m.type)) || m.args.some((a) => /Audit/.test(String(a.type))),
    );
    expect(touching).toEqual([]);
  });
});
