import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { createApiKey, createApiKeyVerifier, createAuthenticator, listApiKeys, revokeApiKey, type AuditAuthor } from '../src/auth';
import type { Database } from '../src/db';
import { buildMaillonSchema } from '../src/schema';
import { loadReferenceData } from '../tools/seed';
import { startServer, type RunningServer } from '../src/server';
import { buildOnce } from './helpers/build';
import { clearGraph, connectTestDb, silentLogger, testConfig } from './helpers/db';
import { nextSiret } from './helpers/fixtures';

const ISSUER = 'https://id.club-drome.test/';
const AUDIENCE = 'maillon';
const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const OPERATOR: AuditAuthor = { accountId: 'cli:test', name: 'test', role: 'admin', via: 'cli' };

/** Needs staff: answers data for editors and admins, UNAUTHENTICATED / FORBIDDEN otherwise. */
const STAFF_PROBE = '{ auditTrail(first: 1) { edges { node { id } } } }';
const CREATE_ACTOR = 'mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

interface HttpAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  headers: Headers;
}

describe('identities over HTTP: API keys and JWTs', () => {
  let db: Database;
  let server: RunningServer;
  let jwks: http.Server;
  let signingKey: SigningKey;
  let strangerKey: SigningKey;

  async function post(query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}): Promise<HttpAnswer> {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as HttpAnswer['body'], headers: res.headers };
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** A bad credential: 401, a JSON GraphQL error UNAUTHENTICATED that says no more than "invalid or expired". */
  function expectRefused(answer: HttpAnswer): void {
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(answer.body.errors).toEqual([{ message: expect.stringMatching(/invalid or expired/), extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(answer.body.data).toBeUndefined();
  }

  function hs256(claims: Record<string, unknown>, options: { expiresIn?: string; issuer?: string; audience?: string } = {}) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.sub ?? 'user-1'))
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(new TextEncoder().encode(SECRET));
  }

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    signingKey = pair.privateKey;
    strangerKey = (await generateKeyPair('ES256')).privateKey;
    const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'club-1', alg: 'ES256', use: 'sig' };
    jwks = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;

    // Clearing a graph seeded by an earlier suite can take longer than a request's 15 s on a busy machine.
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await clearGraph(db);
    await loadReferenceData(db);
    const config = testConfig({
      AUTH_JWT_SECRET: SECRET,
      AUTH_JWKS_URL: jwksUrl,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      // No cache: a revocation is seen at once (the cache has its own test below).
      AUTH_API_KEY_CACHE_TTL_S: '0',
    });
    const authenticator = createAuthenticator(config, db, silentLogger);
    server = await startServer({
      schema: await buildMaillonSchema(),
      db,
      logger: silentLogger,
      port: 0,
      host: '127.0.0.1',
      authenticate: (req) => authenticator.authenticate(req.headers),
    });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => jwks?.close(resolve));
    await clearGraph(db);
    await db.close();
  });

  describe('API keys', () => {
    it('creates a key shown once with a recognisable prefix, and stores only a salted scrypt hash of it', async () => {
      const created = await createApiKey(db, { role: 'editor', name: 'Import robot' }, OPERATOR);
      expect(created.key).toMatch(/^mlk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      expect(created.key.startsWith(`mlk_${created.keyId}_`)).toBe(true);
      const [stored] = await db.read<{ k: Record<string, unknown>; a: Record<string, unknown> }>(
        'MATCH (a:Account)-[:HAS_KEY]->(k:ApiKey {id: $id}) RETURN k {.*} AS k, a {.*} AS a',
        { id: created.keyId },
      );
      const secret = created.key.split('_').slice(2).join('_');
      const everything = JSON.stringify(stored);
      expect(everything).not.toContain(created.key);
      expect(everything).not.toContain(secret);
      expect(Buffer.from(stored.k.hash as string, 'base64')).toHaveLength(32);
      expect(stored.k.kdf).toBe('scrypt:N=32768,r=8,p=1,keylen=32');
      expect(stored.a).toMatchObject({ id: created.accountId, name: 'Import robot', role: 'editor' });
      expect(stored.a.actorId ?? null).toBeNull();
      expect(JSON.stringify(await listApiKeys(db))).not.toContain(stored.k.hash as string);
    });

    it('lets a key in through Authorization: Bearer and X-Api-Key, writes as its account', async () => {
      const { key, accountId } = await createApiKey(db, { role: 'editor', name: 'Club staff' }, OPERATOR);
      const probe = await post(STAFF_PROBE, bearer(key));
      expect(probe.status).toBe(200);
      expect(probe.body.errors).toBeUndefined();
      const write = await post(
        CREATE_ACTOR,
        { 'x-api-key': key },
        { input: { id: 'http-actor', name: 'Ferme HTTP', roles: ['FARM'], siret: nextSiret(), communeInsee: '26362' } },
      );
      expect(write.body).toEqual({ data: { createActor: { id: 'http-actor' } } });
      const [entry] = await db.read<{ accountId: string; via: string }>(
        "MATCH (e:AuditEntry {recordId: 'http-actor'}) RETURN e.accountId AS accountId, e.via AS via",
      );
      expect(entry).toEqual({ accountId, via: 'api-key' });
    });

    it('refuses a wrong secret, a malformed key, an unknown key id, a revoked key and an expired key with 401 UNAUTHENTICATED', async () => {
      const { key, keyId } = await createApiKey(db, { role: 'editor', name: 'Soon revoked' }, OPERATOR);
      const wrongSecret = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
      expectRefused(await post(STAFF_PROBE, bearer(wrongSecret)));
      expectRefused(await post(STAFF_PROBE, bearer('mlk_not-a-key')));
      expectRefused(await post(STAFF_PROBE, bearer(`mlk_0000000000000000_${key.split('_').slice(2).join('_')}`)));
      expectRefused(await post(STAFF_PROBE, { 'x-api-key': wrongSecret }));

      expect((await post(STAFF_PROBE, bearer(key))).status).toBe(200);
      await revokeApiKey(db, keyId, OPERATOR);
      expectRefused(await post(STAFF_PROBE, bearer(key)));

      const expiring = await createApiKey(db, { role: 'editor', name: 'Temporary', expiresAt: new Date(Date.now() + 60_000) }, OPERATOR);
      expect((await post(STAFF_PROBE, bearer(expiring.key))).status).toBe(200);
      await db.write("MATCH (k:ApiKey {id: $id}) SET k.expiresAt = datetime() - duration('PT1S')", { id: expiring.keyId });
      expectRefused(await post(STAFF_PROBE, bearer(expiring.key)));
    });

    it('serves anonymous readers without a credential, and refuses their writes with UNAUTHENTICATED', async () => {
      const read = await post('{ actor(id: "http-actor") { id } }');
      expect(read).toMatchObject({ status: 200, body: { data: { actor: { id: 'http-actor' } } } });
      const write = await post(
        CREATE_ACTOR,
        {},
        { input: { id: 'http-anon', name: 'X', roles: ['FARM'], siret: nextSiret(), communeInsee: '26362' } },
      );
      expect(write.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(await db.read("MATCH (a:Actor {id: 'http-anon'}) RETURN a")).toEqual([]);
    });

    it('ties a member key to an existing actor, and refuses member keys without one or for an unknown actor', async () => {
      await expect(createApiKey(db, { role: 'member', name: 'No actor' }, OPERATOR)).rejects.toThrow(/speaks for one actor/);
      await expect(createApiKey(db, { role: 'member', name: 'Ghost', actorId: 'no-such-actor' }, OPERATOR)).rejects.toThrow(/not found/);
      await expect(createApiKey(db, { role: 'editor', name: 'Past', expiresAt: new Date('2020-01-01') }, OPERATOR)).rejects.toThrow(
        /in the future/,
      );
      const member = await createApiKey(db, { role: 'member', name: 'Ferme HTTP', actorId: 'http-actor' }, OPERATOR);
      const probe = await post(STAFF_PROBE, bearer(member.key));
      expect(probe.status).toBe(200);
      expect(probe.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const own = await post(
        'mutation { updateActor(id: "http-actor", input: { description: "Blé et seigle" }) { id description } }',
        bearer(member.key),
      );
      expect(own.body).toEqual({ data: { updateActor: { id: 'http-actor', description: 'Blé et seigle' } } });
    });

    it('runs from the command line: create prints the key once, list shows it without a hash, revoke refuses it from then on', async () => {
      const env = {
        ...process.env,
        NEO4J_URI: process.env.MAILLON_TEST_NEO4J_URI,
        NEO4J_PASSWORD: process.env.MAILLON_TEST_NEO4J_PASSWORD,
        LOG_LEVEL: 'silent',
        MAILLON_OPERATOR: 'jest',
      };
      const root = path.join(__dirname, '..');
      // Asynchronous, so that this process's server keeps serving (and closing idle connections) meanwhile.
      const run = promisify(execFile);
      await buildOnce();
      const keys = async (...args: string[]) =>
        (await run('node', ['dist/scripts/keys.js', ...args], { cwd: root, env, encoding: 'utf8' })).stdout;
      const created = await keys('create', '--role', 'editor', '--name', 'CLI robot', '--expires', '2999-01-01');
      const key = /^(mlk_[0-9a-f]{16}_\S{43})$/m.exec(created)![1];
      const keyId = key.slice(4, 20);
      expect(created).toMatch(/shown once/);
      expect((await post(STAFF_PROBE, bearer(key))).status).toBe(200);
      const listed = await keys('list');
      expect(listed).toMatch(new RegExp(`${keyId}\\s+mlk_${keyId}_…\\s+editor\\s+"CLI robot".*expires=2999-01-01T00:00:00.000Z\\s+active`));
      expect(listed).not.toContain(key.slice(21));
      expect(await keys('revoke', keyId)).toMatch(/revoked/);
      expect(await keys('list')).toMatch(new RegExp(`${keyId}.*revoked`));
      expectRefused(await post(STAFF_PROBE, bearer(key)));
      const [entry] = await db.read<{ accountId: string }>(
        "MATCH (e:AuditEntry {recordId: $keyId, operation: 'REVOKE_API_KEY'}) RETURN e.accountId AS accountId",
        { keyId },
      );
      expect(entry).toEqual({ accountId: 'cli:jest' });
    }, 120_000);

    it('caches a verified key for its TTL only, so a revocation elsewhere is honoured within the TTL', async () => {
      let now = Date.now();
      const verifier = createApiKeyVerifier(db, { cacheTtlS: 30, now: () => now });
      const { key, keyId } = await createApiKey(db, { role: 'admin', name: 'Cached' }, OPERATOR);
      expect((await verifier.verify(key)).role).toBe('admin');
      await revokeApiKey(db, keyId, OPERATOR);
      expect((await verifier.verify(key)).role).toBe('admin');
      now += 31_000;
      await expect(verifier.verify(key)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    });
  });

  describe('JWT bearer tokens', () => {
    it('accepts an HS256 token with the configured issuer and audience, taking role and actor from its claims', async () => {
      const token = await hs256({ sub: 'staff-7', name: 'Camille', maillon_role: 'editor' });
      const probe = await post(STAFF_PROBE, bearer(token));
      expect(probe.status).toBe(200);
      expect(probe.body.errors).toBeUndefined();
      const memberToken = await hs256({ sub: 'farmer-1', maillon_role: 'member', maillon_actor: 'http-actor' });
      const own = await post(
        'mutation { updateActor(id: "http-actor", input: { website: "ferme-http.example.org" }) { id } }',
        bearer(memberToken),
      );
      expect(own.body).toEqual({ data: { updateActor: { id: 'http-actor' } } });
      const [entry] = await db.read<{ accountId: string; via: string; role: string }>(
        "MATCH (e:AuditEntry {recordId: 'http-actor', operation: 'UPDATE'}) WHERE e.accountId = 'farmer-1' RETURN e.accountId AS accountId, e.via AS via, e.role AS role",
      );
      expect(entry).toEqual({ accountId: 'farmer-1', via: 'jwt', role: 'member' });
    });

    it('refuses expired tokens, other audiences and issuers, unknown roles, member tokens without an actor, and unsigned tokens', async () => {
      const expired = await hs256({ sub: 'u', maillon_role: 'editor' }, { expiresIn: '-1m' });
      expectRefused(await post(STAFF_PROBE, bearer(expired)));
      expectRefused(await post(STAFF_PROBE, bearer(await hs256({ sub: 'u', maillon_role: 'editor' }, { audience: 'another-api' }))));
      expectRefused(await post(STAFF_PROBE, bearer(await hs256({ sub: 'u', maillon_role: 'editor' }, { issuer: 'https://evil.test/' }))));
      expectRefused(await post(STAFF_PROBE, bearer(await hs256({ sub: 'u', maillon_role: 'superuser' }))));
      expectRefused(await post(STAFF_PROBE, bearer(await hs256({ sub: 'u', maillon_role: 'member' }))));
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'u', maillon_role: 'admin', iss: ISSUER, aud: AUDIENCE, exp: 9_999_999_999 })).toString('base64url')}.`;
      expectRefused(await post(STAFF_PROBE, bearer(unsigned)));
      expectRefused(await post(STAFF_PROBE, bearer('not.a.jwt')));
    });

    it('tolerates a token expired within the clock skew (30 s by default)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ maillon_role: 'editor' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('skewed')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime(now - 10)
        .sign(new TextEncoder().encode(SECRET));
      expect((await post(STAFF_PROBE, bearer(token))).status).toBe(200);
    });

    it("accepts an ES256 token signed by a key of the identity provider's JWKS, and refuses one signed by another key", async () => {
      const sign = (key: SigningKey) =>
        new SignJWT({ maillon_role: 'admin', name: 'IdP admin' })
          .setProtectedHeader({ alg: 'ES256', kid: 'club-1' })
          .setSubject('idp-admin')
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('5m')
          .sign(key);
      const probe = await post(STAFF_PROBE, bearer(await sign(signingKey)));
      expect(probe.status).toBe(200);
      expect(probe.body.errors).toBeUndefined();
      expectRefused(await post(STAFF_PROBE, bearer(await sign(strangerKey))));
    });

    it('refuses two credentials at once', async () => {
      const token = await hs256({ sub: 'u', maillon_role: 'editor' });
      const answer = await post(STAFF_PROBE, { ...bearer(token), 'x-api-key': 'mlk_x' });
      expect(answer.status).toBe(401);
      expect(answer.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
