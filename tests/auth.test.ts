import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { ActorRole } from '../src/actor/actor.enums';
import { AccessRule, CONFIDENTIAL_VOLUME_NOTE, PRIVATE_FIELD_NOTE } from '../src/auth';
import type { Viewer } from '../src/context';
import type { Database } from '../src/db';
import { writeBundle } from '../src/records';
import { VolumeUnit } from '../src/product/product.enums';
import { buildMaillonSchema } from '../src/schema';
import { loadReferenceData } from '../tools/seed';
import { clearGraph, connectTestDb } from './helpers/db';
import { graphDigest } from './helpers/digest';
import { actor, bundle, link, nextSiret, offer } from './helpers/fixtures';
import {
  TEST_ADMIN,
  TEST_EDITOR,
  createRunner,
  graphql,
  testMember,
  type OperationResult,
  type TypedDocumentNode,
} from './helpers/graphql';

/**
 * Every private field of the API and the rule it must carry. A field added to a type that should be
 * private belongs here; the test below fails while it has no rule.
 */
const PRIVATE_FIELDS: ReadonlyArray<[type: string, field: string, rule: AccessRule]> = [
  ['Actor', 'email', AccessRule.OWNER],
  ['Actor', 'phone', AccessRule.OWNER],
  ['Offer', 'priceEur', AccessRule.OWNER],
  ['Offer', 'capacity', AccessRule.VOLUME],
  ['Need', 'volume', AccessRule.VOLUME],
  ['SupplyLink', 'valueEur', AccessRule.OWNER],
  ['SupplyLink', 'volume', AccessRule.VOLUME],
  ['ChainEdge', 'volume', AccessRule.VOLUME],
  ['GraphEdge', 'volume', AccessRule.VOLUME],
  ['SupplierMatch', 'capacity', AccessRule.VOLUME],
  ['UnmetNeed', 'volume', AccessRule.VOLUME],
  ['UnmetNeed', 'coveredVolume', AccessRule.VOLUME],
  ['UnmetNeed', 'gap', AccessRule.VOLUME],
  ['PotentialBuyer', 'coveredVolume', AccessRule.VOLUME],
  ['SingleSupplierNeed', 'volume', AccessRule.VOLUME],
  ['SingleSupplierNeed', 'coveredVolume', AccessRule.VOLUME],
];

/** The rules type-graphql recorded for a field of an object type, after the schema was built. */
function fieldRules(typeName: string, fieldName: string): unknown[] | undefined {
  const storage = getMetadataStorage();
  const type = storage.objectTypes.find((t) => t.name === typeName);
  const field = type?.fields?.find((f) => f.schemaName === fieldName);
  if (field?.roles) return field.roles;
  const resolver = storage.fieldResolvers.find((r) => r.schemaName === fieldName && r.getObjectType?.() === type?.target);
  return resolver?.roles;
}

describe('authorization is declared on the schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildMaillonSchema();
  });

  it('gives every Mutation field an authorization rule', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThanOrEqual(13);
    const unruled = mutations.filter((name) => {
      const meta = getMetadataStorage().mutations.find((m) => m.schemaName === name);
      return !meta?.roles || meta.roles.length === 0;
    });
    expect(unruled).toEqual([]);
  });

  it('keeps importRecords and the audit trail to staff, and every record mutation to signed-in accounts', () => {
    const rulesOf = (name: string) =>
      [...getMetadataStorage().mutations, ...getMetadataStorage().queries].find((m) => m.schemaName === name)?.roles;
    expect(rulesOf('importRecords')).toEqual([AccessRule.STAFF]);
    expect(rulesOf('auditTrail')).toEqual([AccessRule.STAFF]);
    for (const name of Object.keys(schema.getMutationType()!.getFields()).filter((n) => n !== 'importRecords')) {
      expect([name, rulesOf(name)]).toEqual([name, [AccessRule.SIGNED_IN]]);
    }
  });

  it.each(PRIVATE_FIELDS)('protects %s.%s with its rule, as a nullable field whose description says so', (typeName, fieldName, rule) => {
    expect(fieldRules(typeName, fieldName)).toEqual([rule]);
    const field = (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName];
    expect(field.type.toString().endsWith('!')).toBe(false);
    expect(field.description).toContain(rule === AccessRule.OWNER ? PRIVATE_FIELD_NOTE : CONFIDENTIAL_VOLUME_NOTE);
  });
});

const A = 'auth-a';
const B = 'auth-b';
const C = 'auth-c';

/**
 * A and C in Valence, B in Bourg-lès-Valence. A sells wheat to C (auth-sl-ac), B sells flour to C
 * (auth-sl-bc); each has an offer and a need. B keeps its volumes confidential.
 */
function fixture() {
  return bundle({
    actors: [
      actor(A, 'Ferme A', [ActorRole.FARM], '26362', { email: 'a@example.org', phone: '04 75 00 00 01' }),
      actor(B, 'Moulin B', [ActorRole.MILL], '26058', { email: 'b@example.org', phone: '04 75 00 00 02', confidentialVolumes: true }),
      actor(C, 'Cantine C', [ActorRole.CANTEEN], '26362'),
    ],
    offers: [
      offer('auth-off-a', A, 'ble-tendre', [], { priceEur: 250, capacity: 40, capacityUnit: VolumeUnit.TONNE }),
      offer('auth-off-b', B, 'farine-ble-t80', [], { priceEur: 900, capacity: 12, capacityUnit: VolumeUnit.TONNE }),
    ],
    needs: [
      {
        id: 'auth-need-a',
        actorId: A,
        productId: 'farine-ble-t80',
        volume: 3,
        unit: VolumeUnit.TONNE,
        requiredLabelIds: [],
        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      },
      {
        id: 'auth-need-b',
        actorId: B,
        productId: 'ble-tendre',
        volume: 30,
        unit: VolumeUnit.TONNE,
        requiredLabelIds: [],
        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      },
    ],
    supplyLinks: [
      link('auth-sl-ac', A, C, 'ble-tendre', [], { volume: 20, unit: VolumeUnit.TONNE, valueEur: 5000 }),
      link('auth-sl-bc', B, C, 'farine-ble-t80', [], { volume: 8, unit: VolumeUnit.TONNE, valueEur: 7200 }),
    ],
  });
}

async function resetFixture(db: Database): Promise<void> {
  await db.write('MATCH (n) WHERE n:Actor OR n:Offer OR n:Need OR n:SupplyLink OR n:AuditEntry DETACH DELETE n');
  await db.transaction('WRITE', (tx) => writeBundle(tx, fixture()));
}

interface MutationCase<V extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  query: TypedDocumentNode<Record<string, unknown>, V>;
  /** Variables that write a record of actor A (the member's own actor). */
  variables: () => V;
  /** A member of A may run it on A's record (members neither create nor delete actors). */
  memberMay: boolean;
}

/**
 * A case whose variables tsc checks against its document (given first, so that it fixes their
 * type), kept in a list of mutations of any shape.
 */
const mutationCase =
  <V extends Record<string, unknown>>(query: MutationCase<V>['query']) =>
  (rest: Omit<MutationCase<V>, 'query'>) =>
    ({ query, ...rest }) as unknown as MutationCase;

const MUTATIONS: MutationCase[] = [
  mutationCase(
    graphql(`
      mutation AuthCreateActor($input: CreateActorInput!) {
        createActor(input: $input) {
          id
        }
      }
    `),
  )({
    name: 'createActor',
    variables: () => ({ input: { id: 'auth-new', name: 'Nouvelle ferme', roles: ['FARM'], siret: nextSiret(), communeInsee: '26362' } }),
    memberMay: false,
  }),
  mutationCase(
    graphql(`
      mutation AuthUpdateActor($id: String!, $input: UpdateActorInput!) {
        updateActor(id: $id, input: $input) {
          id
        }
      }
    `),
  )({ name: 'updateActor', variables: () => ({ id: A, input: { name: 'Ferme A renommée' } }), memberMay: true }),
  mutationCase(
    graphql(`
      mutation AuthDeleteActor($id: String!) {
        deleteActor(id: $id) {
          id
        }
      }
    `),
  )({ name: 'deleteActor', variables: () => ({ id: A }), memberMay: false }),
  mutationCase(
    graphql(`
      mutation AuthCreateOffer($input: CreateOfferInput!) {
        createOffer(input: $input) {
          id
        }
      }
    `),
  )({
    name: 'createOffer',
    variables: () => ({ input: { id: 'auth-off-new', actorId: A, productId: 'ble-tendre' } }),
    memberMay: true,
  }),
  mutationCase(
    graphql(`
      mutation AuthUpdateOffer($id: String!, $input: UpdateOfferInput!) {
        updateOffer(id: $id, input: $input) {
          id
        }
      }
    `),
  )({ name: 'updateOffer', variables: () => ({ id: 'auth-off-a', input: { priceEur: 260 } }), memberMay: true }),
  mutationCase(
    graphql(`
      mutation AuthDeleteOffer($id: String!) {
        deleteOffer(id: $id) {
          id
        }
      }
    `),
  )({ name: 'deleteOffer', variables: () => ({ id: 'auth-off-a' }), memberMay: true }),
  mutationCase(
    graphql(`
      mutation AuthCreateNeed($input: CreateNeedInput!) {
        createNeed(input: $input) {
          id
        }
      }
    `),
  )({
    name: 'createNeed',
    variables: () => ({ input: { id: 'auth-need-new', actorId: A, productId: 'ble-tendre', volume: 5, unit: 'TONNE' } }),
    memberMay: true,
  }),
  mutationCase(
    graphql(`
      mutation AuthUpdateNeed($id: String!, $input: UpdateNeedInput!) {
        updateNeed(id: $id, input: $input) {
          id
        }
      }
    `),
  )({ name: 'updateNeed', variables: () => ({ id: 'auth-need-a', input: { volume: 4 } }), memberMay: true }),
  mutationCase(
    graphql(`
      mutation AuthDeleteNeed($id: String!) {
        deleteNeed(id: $id) {
          id
        }
      }
    `),
  )({ name: 'deleteNeed', variables: () => ({ id: 'auth-need-a' }), memberMay: true }),
  mutationCase(
    graphql(`
      mutation AuthCreateSupplyLink($input: CreateSupplyLinkInput!) {
        createSupplyLink(input: $input) {
          id
        }
      }
    `),
  )({
    name: 'createSupplyLink',
    variables: () => ({ input: { id: 'auth-sl-new', supplierId: A, buyerId: C, productId: 'ble-tendre', volume: 2, unit: 'TONNE' } }),
    memberMay: true,
  }),
  mutationCase(
    graphql(`
      mutation AuthUpdateSupplyLink($id: String!, $input: UpdateSupplyLinkInput!) {
        updateSupplyLink(id: $id, input: $input) {
          id
        }
      }
    `),
  )({
    name: 'updateSupplyLink',
    variables: () => ({ id: 'auth-sl-ac', input: { volume: 21 } }),
    memberMay: true,
  }),
  mutationCase(
    graphql(`
      mutation AuthDeleteSupplyLink($id: String!) {
        deleteSupplyLink(id: $id) {
          id
        }
      }
    `),
  )({ name: 'deleteSupplyLink', variables: () => ({ id: 'auth-sl-ac' }), memberMay: true }),
  mutationCase(
    graphql(`
      mutation AuthImportRecords($input: ImportInput!) {
        importRecords(input: $input) {
          written
          counts {
            offers
          }
        }
      }
    `),
  )({
    name: 'importRecords',
    variables: () => ({
      input: { format: 'JSON', content: JSON.stringify({ offers: [{ id: 'auth-off-imported', actorId: A, productId: 'ble-tendre' }] }) },
    }),
    memberMay: false,
  }),
];

function codeOf(result: OperationResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

describe('who may run each mutation', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  beforeAll(async () => {
    // Clearing a graph seeded by an earlier suite can take longer than a request's 15 s on a busy machine.
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await clearGraph(db);
    await loadReferenceData(db);
    runner = await createRunner(db);
  }, 120_000);

  beforeEach(() => resetFixture(db));

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  /** Runs a mutation that must be refused with `code`, and checks that nothing changed (the audit trail included). */
  async function refused(mutation: MutationCase, viewer: Viewer | null, code: string) {
    const before = await graphDigest(db);
    const result = await runner.run(mutation.query, mutation.variables(), { viewer });
    expect([mutation.name, codeOf(result)]).toEqual([mutation.name, code]);
    expect(result.data).toBeNull();
    expect(await graphDigest(db)).toEqual(before);
    expect((await db.read('MATCH (e:AuditEntry) RETURN e')).length).toBe(0);
    return result;
  }

  it.each(MUTATIONS.map((m) => [m.name, m]))('%s as anonymous: UNAUTHENTICATED, nothing changes', async (_name, mutation) => {
    const result = await refused(mutation, null, 'UNAUTHENTICATED');
    expect(result.errors![0].message).toMatch(/needs an account.*Authorization: Bearer/);
  });

  it.each(MUTATIONS.map((m) => [m.name, m]))('%s as a member of another actor: FORBIDDEN, nothing changes', async (_name, mutation) => {
    await refused(mutation, testMember(B), 'FORBIDDEN');
  });

  it.each(MUTATIONS.filter((m) => m.memberMay).map((m) => [m.name, m]))(
    '%s as the owning member: done, and audited',
    async (_name, mutation) => {
      const result = await runner.run(mutation.query, mutation.variables(), { viewer: testMember(A) });
      expect(result.errors).toBeUndefined();
      expect(result.data![mutation.name]).not.toBeNull();
      const [entry] = await db.read<{ accountId: string; role: string }>(
        'MATCH (e:AuditEntry) RETURN e.accountId AS accountId, e.role AS role',
      );
      expect(entry).toEqual({ accountId: `acc-member-${A}`, role: 'member' });
    },
  );

  it.each(MUTATIONS.filter((m) => !m.memberMay).map((m) => [m.name, m]))(
    '%s as a member, even of the actor concerned: FORBIDDEN',
    async (_name, mutation) => {
      await refused(mutation, testMember(A), 'FORBIDDEN');
    },
  );

  it.each(MUTATIONS.map((m) => [m.name, m]))('%s as an editor: done', async (_name, mutation) => {
    const result = await runner.run(mutation.query, mutation.variables(), { viewer: TEST_EDITOR });
    expect(result.errors).toBeUndefined();
    expect(result.data![mutation.name]).not.toBeNull();
  });

  it('lets an admin do what an editor does', async () => {
    const importRecords = MUTATIONS.find((m) => m.name === 'importRecords')!;
    const result = await runner.run(importRecords.query, importRecords.variables(), { viewer: TEST_ADMIN });
    expect(result.errors).toBeUndefined();
    expect(result.data!.importRecords).toEqual({ written: true, counts: { offers: 1 } });
  });

  it('refuses a member moving its offer or need to another actor, or swapping the other party of its supply link', async () => {
    const member = { viewer: testMember(A) };
    const before = await graphDigest(db);
    const attempts = [
      runner.run(MUTATIONS[4].query, { id: 'auth-off-a', input: { actorId: B } }, member),
      runner.run(MUTATIONS[7].query, { id: 'auth-need-a', input: { actorId: C } }, member),
      runner.run(MUTATIONS[10].query, { id: 'auth-sl-ac', input: { buyerId: B } }, member),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.errors![0].message).toMatch(/may not move/);
    }
    expect(await graphDigest(db)).toEqual(before);
  });

  it('lets either party of a supply link change it, and no one else', async () => {
    const update = MUTATIONS[10].query;
    expect(codeOf(await runner.run(update, { id: 'auth-sl-ac', input: { volume: 22 } }, { viewer: testMember(B) }))).toBe('FORBIDDEN');
    const byBuyer = await runner.run(update, { id: 'auth-sl-ac', input: { volume: 22 } }, { viewer: testMember(C) });
    expect(byBuyer.errors).toBeUndefined();
    expect((await db.read<{ v: number }>("MATCH (l:SupplyLink {id: 'auth-sl-ac'}) RETURN l.volume AS v"))[0].v).toBe(22);
  });

  it('refuses a member creating an offer for another actor before looking at its input', async () => {
    const result = await runner.run(
      MUTATIONS[3].query,
      { input: { id: 'auth-x', actorId: B, productId: 'no-such-product' } },
      { viewer: testMember(A) },
    );
    expect(codeOf(result)).toBe('FORBIDDEN');
  });
});

describe('private fields', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  const ACTOR_QUERY = graphql(`
    query PrivateFieldsOfActor($id: String!) {
      actor(id: $id) {
        id
        email
        phone
        confidentialVolumes
        offers {
          id
          priceEur
          capacity
        }
        needs {
          id
          volume
        }
        sales {
          id
          volume
          valueEur
        }
        purchases {
          id
          volume
          valueEur
        }
      }
    }
  `);

  beforeAll(async () => {
    // Clearing a graph seeded by an earlier suite can take longer than a request's 15 s on a busy machine.
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await clearGraph(db);
    await loadReferenceData(db);
    await resetFixture(db);
    runner = await createRunner(db);
  }, 120_000);

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  const actorAs = async (id: string, viewer: Viewer | null) => {
    const result = await runner.run(ACTOR_QUERY, { id }, { viewer });
    expect(result.errors).toBeUndefined();
    return result.data!.actor;
  };

  const visibleA = {
    id: A,
    email: 'a@example.org',
    phone: '04 75 00 00 01',
    confidentialVolumes: false,
    offers: [{ id: 'auth-off-a', priceEur: 250, capacity: 40 }],
    needs: [{ id: 'auth-need-a', volume: 3 }],
    sales: [{ id: 'auth-sl-ac', volume: 20, valueEur: 5000 }],
    purchases: [],
  };

  it('shows contact details, prices and purchase values to the owning member and to editors', async () => {
    expect(await actorAs(A, testMember(A))).toEqual(visibleA);
    expect(await actorAs(A, TEST_EDITOR)).toEqual(visibleA);
    expect(await actorAs(A, TEST_ADMIN)).toEqual(visibleA);
  });

  it('hides them (null) from anonymous readers and from members of other actors; public volumes stay visible', async () => {
    const hidden = {
      ...visibleA,
      email: null,
      phone: null,
      offers: [{ id: 'auth-off-a', priceEur: null, capacity: 40 }],
      sales: [{ id: 'auth-sl-ac', volume: 20, valueEur: null }],
    };
    expect(await actorAs(A, null)).toEqual(hidden);
    expect(await actorAs(A, testMember(B))).toEqual(hidden);
  });

  it('lets the buyer of a supply link see its value, as a party to it', async () => {
    const c = await actorAs(C, testMember(C));
    expect(c.purchases).toEqual([
      { id: 'auth-sl-ac', volume: 20, valueEur: 5000 },
      { id: 'auth-sl-bc', volume: 8, valueEur: 7200 },
    ]);
  });

  it("hides the volumes of an actor that keeps them confidential from everyone but its members, the other party's members and editors", async () => {
    const full = {
      id: B,
      email: 'b@example.org',
      phone: '04 75 00 00 02',
      confidentialVolumes: true,
      offers: [{ id: 'auth-off-b', priceEur: 900, capacity: 12 }],
      needs: [{ id: 'auth-need-b', volume: 30 }],
      sales: [{ id: 'auth-sl-bc', volume: 8, valueEur: 7200 }],
      purchases: [],
    };
    expect(await actorAs(B, testMember(B))).toEqual(full);
    expect(await actorAs(B, TEST_EDITOR)).toEqual(full);
    const hidden = {
      ...full,
      email: null,
      phone: null,
      offers: [{ id: 'auth-off-b', priceEur: null, capacity: null }],
      needs: [{ id: 'auth-need-b', volume: null }],
      sales: [{ id: 'auth-sl-bc', volume: null, valueEur: null }],
    };
    expect(await actorAs(B, null)).toEqual(hidden);
    expect(await actorAs(B, testMember(A))).toEqual(hidden);
    // C buys from B: it sees the link's volume and value, not B's own offer capacity or need volume.
    expect(await actorAs(B, testMember(C))).toEqual({ ...hidden, sales: [{ id: 'auth-sl-bc', volume: 8, valueEur: 7200 }] });
  });

  it('applies the same rules to supply links listed on their own and on the supply-link map', async () => {
    const links = await runner.run(
      graphql(`
        query PrivateFieldsOfLinks {
          supplyLinks(filter: { buyerId: "auth-c" }) {
            nodes {
              id
              volume
              valueEur
            }
          }
        }
      `),
      {},
      { viewer: null },
    );
    expect(links.errors).toBeUndefined();
    expect(links.data!.supplyLinks.nodes).toEqual([
      { id: 'auth-sl-ac', volume: 20, valueEur: null },
      { id: 'auth-sl-bc', volume: null, valueEur: null },
    ]);
    const LINKS_MAP = graphql(`
      query PrivateFieldsOnTheMap {
        supplyLinksGeoJson(filter: { buyerId: "auth-c" })
      }
    `);
    const geo = await runner.run(LINKS_MAP, {}, { viewer: null });
    expect(geo.errors).toBeUndefined();
    expect(Object.fromEntries(geo.data!.supplyLinksGeoJson.features.map((f) => [f.id, f.properties.volume]))).toEqual({
      'auth-sl-ac': 20,
      'auth-sl-bc': null,
    });
    const geoAsB = await runner.run(LINKS_MAP, {}, { viewer: testMember(B) });
    expect(Object.fromEntries(geoAsB.data!.supplyLinksGeoJson.features.map((f) => [f.id, f.properties.volume]))).toEqual({
      'auth-sl-ac': 20,
      'auth-sl-bc': 8,
    });
  });

  it('lets an actor turn confidentiality on through updateActor, and hides its volumes from then on', async () => {
    const set = await runner.run(
      graphql(`
        mutation ConfidentialVolumesOn {
          updateActor(id: "auth-a", input: { confidentialVolumes: true }) {
            confidentialVolumes
          }
        }
      `),
      {},
      { viewer: testMember(A) },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.updateActor).toEqual({ confidentialVolumes: true });
    const a = await actorAs(A, null);
    expect(a.offers).toEqual([{ id: 'auth-off-a', priceEur: null, capacity: null }]);
    expect(a.sales).toEqual([{ id: 'auth-sl-ac', volume: null, valueEur: null }]);
    await runner.run('mutation { updateActor(id: "auth-a", input: { confidentialVolumes: false }) { id } }', {}, { viewer: TEST_EDITOR });
  });
});
