import fs from 'node:fs';
import path from 'node:path';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  validate,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { ConfigError, DEFAULT_LIMITS, loadConfig } from '../src/config';
import type { Database } from '../src/db';
import { costOf, queryLimitRules } from '../src/http';
import { writeBundle } from '../src/records';
import { buildMaillonSchema } from '../src/schema';
import type { RunningServer } from '../src/server';
import { loadReferenceData } from '../tools/seed';
import { ActorRole } from '../src/actor/actor.enums';
import { clearGraph, connectTestDb } from './helpers/db';
import { actor, bundle, link, offer } from './helpers/fixtures';
import { post, startTestServer, type CypherSpy } from './helpers/server';

const OPERATIONS_DIR = path.join(__dirname, '..', 'schema', 'operations');
const documented = fs
  .readdirSync(OPERATIONS_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .map((file) => ({ file, source: fs.readFileSync(path.join(OPERATIONS_DIR, file), 'utf8') }));

/** A valid value of an input type, the largest pages where a size is asked: the worst case a documented operation can cost. */
function sampleValue(type: GraphQLInputType, name: string, pageSize: number): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name, pageSize);
  if (isListType(type)) return [sampleValue(type.ofType, name, pageSize)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sampleValue(f.type, f.name, pageSize)]),
    );
  }
  const scalar = getNamedType(type).name;
  if (scalar === 'Int') return ['first', 'last', 'limit'].includes(name) ? pageSize : 1;
  if (scalar === 'Float') return 1;
  if (scalar === 'Boolean') return true;
  if (scalar === 'JSON' || scalar === 'JSONObject') return {};
  return 'x';
}

/** Variables for an operation: sizes of `pageSize`, or the operation's own defaults when `documented`. */
function variablesFor(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  pageSize: number,
  documented: boolean,
): Record<string, unknown> {
  return Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((def) => !(documented && def.defaultValue))
      .map((def) => [
        def.variable.name.value,
        sampleValue(typeFromAST(schema, def.type) as GraphQLInputType, def.variable.name.value, pageSize),
      ]),
  );
}

/** Depth, aliases and directives of a document, as GraphQL Armor counts them. */
function measure(schema: GraphQLSchema, source: string) {
  const found = { depth: 0, aliases: 0, directives: 0 };
  const record = (key: keyof typeof found) => [(_ctx: unknown, details: { n: number }) => (found[key] = Math.max(found[key], details.n))];
  const rules = [
    maxDepthRule({ n: 1000, flattenFragments: true, onAccept: record('depth') }),
    maxAliasesRule({ n: 1000, onAccept: record('aliases') }),
    maxDirectivesRule({ n: 1000, onAccept: record('directives') }),
  ] as ValidationRule[];
  expect(validate(schema, parse(source), rules)).toEqual([]);
  return found;
}

describe('the limits configuration', () => {
  it('reads every limit from its environment variable', () => {
    const { limits } = loadConfig({
      HTTP_BODY_LIMIT_BYTES: '2048',
      HTTP_IMPORT_BODY_LIMIT_BYTES: '4096',
      GRAPHQL_MAX_TOKENS: '100',
      GRAPHQL_MAX_DEPTH: '5',
      GRAPHQL_MAX_ALIASES: '3',
      GRAPHQL_MAX_DIRECTIVES: '4',
      GRAPHQL_MAX_COST: '1000',
      GRAPHQL_MAX_LIST_ARGUMENT: '10',
      GRAPHQL_INTROSPECTION: 'false',
      RATE_LIMIT_WINDOW_MS: '1000',
      RATE_LIMIT_ANONYMOUS_MAX: '0',
      RATE_LIMIT_AUTHENTICATED_MAX: '7',
      RATE_LIMIT_FAILED_AUTH_MAX: '4',
      HTTP_TRUST_PROXY_HOPS: '1',
      CORS_ORIGINS: 'https://a.example.org, https://b.example.org:8443',
    });
    expect(limits).toEqual({
      bodyLimitBytes: 2048,
      importBodyLimitBytes: 4096,
      maxTokens: 100,
      maxDepth: 5,
      maxAliases: 3,
      maxDirectives: 4,
      maxCost: 1000,
      maxListArgument: 10,
      introspection: false,
      rateLimit: { windowMs: 1000, anonymousMax: 0, authenticatedMax: 7, failedAuthMax: 4 },
      trustProxyHops: 1,
      corsOrigins: ['https://a.example.org', 'https://b.example.org:8443'],
    });
  });

  it('has open defaults: introspection on, no CORS origin', () => {
    expect(DEFAULT_LIMITS).toMatchObject({
      introspection: true,
      corsOrigins: [],
      bodyLimitBytes: 100 * 1024,
      importBodyLimitBytes: 20 * 1024 * 1024,
    });
  });

  it('names a malformed limit', () => {
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: 'app.example.org' })).toThrow(/CORS_ORIGINS/);
  });
});

describe('the limits before execution', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildMaillonSchema();
  });

  it('lets every documented operation through every limit, with room to spare', () => {
    for (const { file, source } of documented) {
      const document = parse(source, { maxTokens: DEFAULT_LIMITS.maxTokens / 2 });
      expect({ file, errors: validate(schema, document, queryLimitRules(DEFAULT_LIMITS)) }).toEqual({ file, errors: [] });
      const found = measure(schema, source);
      expect({ file, ok: found.depth <= DEFAULT_LIMITS.maxDepth - 3 && found.aliases <= DEFAULT_LIMITS.maxAliases / 2 }).toEqual({
        file,
        ok: true,
      });
      for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')) {
        // As documented (their default variables, pages of 20): a quarter of the limit at most.
        const asDocumented = costOf(schema, document, variablesFor(schema, operation, 20, true), operation.name?.value);
        expect({ file, cost: asDocumented?.cost, ok: (asDocumented?.cost ?? Infinity) <= DEFAULT_LIMITS.maxCost / 4 }).toMatchObject({
          file,
          ok: true,
        });
        // With the largest pages (200) everywhere a size is a variable: still under the limit.
        const largest = costOf(schema, document, variablesFor(schema, operation, 200, false), operation.name?.value);
        expect({ file, cost: largest?.cost, ok: (largest?.cost ?? Infinity) <= DEFAULT_LIMITS.maxCost }).toMatchObject({ file, ok: true });
      }
    }
  });
});

/** A kitchen buying from 210 farms, and a farm with 3 offers: more partners than any page holds. */
const SUPPLIERS = 210;
const FIXTURE = bundle({
  actors: [
    actor('lim-kitchen', 'Cuisine Limite', [ActorRole.CENTRAL_KITCHEN], '26362'),
    ...Array.from({ length: SUPPLIERS }, (_, i) =>
      actor(`lim-farm-${String(i).padStart(3, '0')}`, `Ferme ${String(i).padStart(3, '0')}`, [ActorRole.FARM], '26362'),
    ),
  ],
  offers: ['pomme', 'ble-tendre', 'pain-de-campagne'].map((productId, i) => offer(`lim-o-${i}`, 'lim-farm-000', productId)),
  supplyLinks: Array.from({ length: SUPPLIERS }, (_, i) =>
    link(`lim-l-${String(i).padStart(3, '0')}`, `lim-farm-${String(i).padStart(3, '0')}`, 'lim-kitchen', 'pomme', [], {
      volume: 10_000 - i,
    }),
  ),
});

/** The query (181 bytes there; the same shape and hops here). */
const NESTED_SIX_HOPS = `{ actor(id: "act-0008") { ${'suppliers { actor { customers { actor { '.repeat(3)}id name ${'} } } } '.repeat(3)}} }`;

describe('hostile queries over HTTP, refused before Neo4j', () => {
  let db: Database;
  let server: RunningServer;
  let url: string;
  let cypher: CypherSpy;

  beforeAll(async () => {
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await clearGraph(db);
    await loadReferenceData(db);
    await db.transaction('WRITE', (tx) => writeBundle(tx, FIXTURE));
    const started = await startTestServer(db);
    server = started.server;
    cypher = started.cypher;
    url = `${started.base}/graphql`;
  }, 300_000);

  afterAll(async () => {
    await server.stop();
    await db.close();
  });

  /** Sends a request and checks that it ran no Cypher at all. */
  async function refused(body: unknown, headers: Record<string, string> = {}) {
    const before = cypher.count();
    const answer = await post(url, body, headers);
    expect(cypher.count()).toBe(before);
    return answer;
  }

  it('refuses the 181-byte nested suppliers/customers query by its depth', async () => {
    expect(Buffer.byteLength(NESTED_SIX_HOPS)).toBeLessThan(200);
    const answer = await refused({ query: NESTED_SIX_HOPS });
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: DEFAULT_LIMITS.maxDepth, found: 14 } }),
    ]);
  });

  it('refuses four hops of partners, within the depth limit, by their cost', async () => {
    const answer = await refused({
      query:
        '{ actor(id: "lim-kitchen") { suppliers { actor { customers { actor { suppliers { actor { customers { actor { id name } } } } } } } } } }',
    });
    expect(answer.status).toBe(400);
    expect(answer.json.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: DEFAULT_LIMITS.maxCost });
  });

  it('counts page sizes passed through variables in the cost', async () => {
    const query =
      'query($n: Int!) { actors(first: $n) { nodes { suppliers(first: $n) { actor { customers(first: $n) { actor { id } } } } } } }';
    const large = await refused({ query, variables: { n: 200 } });
    expect(large.json.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    const small = await post(url, { query, variables: { n: 2 } });
    expect(small.json.errors).toBeUndefined();
    // Costs are remembered per document and variables (src/http/cost.ts): the same document is
    // refused again with the large page and let through again with the small one.
    const again = await refused({ query, variables: { n: 200 } });
    expect(again.json.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect((await post(url, { query, variables: { n: 2 } })).json.errors).toBeUndefined();
  });

  it('refuses 100 aliases of suppliers', async () => {
    const fields = Array.from({ length: 100 }, (_, i) => `s${i}: suppliers { actor { id } }`).join(' ');
    const answer = await refused({ query: `{ actor(id: "lim-kitchen") { ${fields} } }` });
    expect(answer.status).toBe(400);
    expect(answer.json.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'aliases',
      max: DEFAULT_LIMITS.maxAliases,
      found: 100,
    });
  });

  it('refuses a document of a million aliases: by its size when anonymous, by its tokens from an editor', async () => {
    const query = `{${Array.from({ length: 1_000_000 }, (_, i) => `a${i}:__typename`).join(' ')}}`;
    expect(query.length).toBeGreaterThan(15_000_000);
    const anonymous = await refused({ query });
    expect(anonymous.status).toBe(413);
    expect(anonymous.json.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    const editor = await refused({ query }, { 'x-test-role': 'editor' });
    expect(editor.status).toBe(400);
    expect(editor.json.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: DEFAULT_LIMITS.maxTokens } }),
    ]);
  });

  it('refuses too many directives', async () => {
    const directives = Array.from({ length: 60 }, () => '@include(if: true)').join(' ');
    const answer = await refused({ query: `{ service ${directives} { name } }` });
    expect(answer.status).toBe(400);
    expect(answer.json.errors?.some((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX' && e.extensions.limit === 'directives')).toBe(true);
  });

  it('refuses a list argument longer than the maximum with BAD_USER_INPUT', async () => {
    const ids = Array.from({ length: DEFAULT_LIMITS.maxListArgument + 1 }, (_, i) => `l${i}`);
    const answer = await refused({
      query: 'query($ids: [String!]) { actors(filter: { labelIds: $ids }) { totalCount } }',
      variables: { ids },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'Query.actors(filter).labelIds',
      maxItems: DEFAULT_LIMITS.maxListArgument,
    });
  });

  it('answers 1,000 invalid variables with a bounded list of BAD_USER_INPUT errors', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => i);
    const answer = await refused({
      query: 'query($ids: [String!]) { actors(filter: { labelIds: $ids }) { totalCount } }',
      variables: { ids },
    });
    expect(answer.json.errors!.length).toBeLessThanOrEqual(51);
    expect(new Set(answer.json.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(answer.text.length).toBeLessThan(20_000);
  });

  it('does not echo a long invalid value back', async () => {
    const long = 'x'.repeat(90_000);
    const answer = await refused({ query: 'query($n: Int) { actors(first: $n) { totalCount } }', variables: { n: long } });
    expect(answer.json.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.text.length).toBeLessThan(1000);
  });

  it('gives validation errors without the rejected value or target', async () => {
    const answer = await post(url, { query: '{ actors(first: 5000) { totalCount } }' });
    expect(answer.json.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.text).not.toMatch(/"value"|"target"/);
  });

  it('answers a forged cursor with BAD_USER_INPUT', async () => {
    const forged = Buffer.from(JSON.stringify(['name', [{ $gt: '' }, 42]])).toString('base64url');
    const answer = await refused({ query: 'query($after: String) { actors(after: $after) { totalCount } }', variables: { after: forged } });
    expect(answer.json.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooShort = Buffer.from(JSON.stringify(['volume', []])).toString('base64url');
    const links = await refused({
      query: 'query($after: String) { supplyLinks(after: $after) { totalCount } }',
      variables: { after: tooShort },
    });
    expect(links.json.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('relationship lists', () => {
    type Partners = { actor: { suppliers: { actor: { id: string } }[]; purchases: { id: string }[] } };

    it('give 50 partners by default, largest first, and up to 200 with first', async () => {
      const answer = await post(url, {
        query: '{ actor(id: "lim-kitchen") { suppliers { actor { id } } purchases(first: 3) { id } } }',
      });
      const data = answer.json.data as Partners;
      expect(data.actor.suppliers).toHaveLength(50);
      expect(data.actor.suppliers[0].actor.id).toBe('lim-farm-000');
      expect(data.actor.purchases.map((l) => l.id)).toEqual(['lim-l-000', 'lim-l-001', 'lim-l-002']);
      const most = await post(url, {
        query: '{ actor(id: "lim-kitchen") { suppliers(first: 200) { actor { id } } purchases(first: 200) { id } } }',
      });
      const all = most.json.data as Partners;
      expect(all.actor.suppliers).toHaveLength(200);
      expect(all.actor.purchases).toHaveLength(200);
    });

    it('refuse first over 200 or under 1 with BAD_USER_INPUT', async () => {
      for (const first of [201, 0]) {
        const answer = await post(url, { query: `{ actor(id: "lim-kitchen") { offers(first: ${first}) { id } } }` });
        expect(answer.json.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it('bound offers, needs, sales and customers alike', async () => {
      const answer = await post(url, {
        query:
          '{ actor(id: "lim-farm-000") { offers(first: 2) { id } needs(first: 1) { id } sales(first: 1) { id } customers(first: 1) { actor { id } } } }',
      });
      expect(answer.json.errors).toBeUndefined();
      expect(answer.json.data).toEqual({
        actor: {
          offers: [expect.anything(), expect.anything()],
          needs: [],
          sales: [{ id: 'lim-l-000' }],
          customers: [{ actor: { id: 'lim-kitchen' } }],
        },
      });
    });
  });
});
