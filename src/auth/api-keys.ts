import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Viewer, ViewerRole } from '../context';
import type { Database } from '../db';
import { BadUserInputError, NotFoundError, UnauthenticatedError } from '../errors';
import { recordAudit, type AuditAuthor } from './audit';
import { ACTOR_EXISTS, API_KEY_FOR_VERIFICATION, CREATE_ACCOUNT_WITH_KEY, LIST_API_KEYS, REVOKE_API_KEY } from './api-keys.cypher';

/**
 * API keys: `mlk_<keyId>_<secret>`. The key id (16 hex characters) is public and finds the key;
 * the secret (32 random bytes, base64url) is shown once and stored only as an scrypt hash with its
 * own salt. Verification reads the key by id and compares hashes in constant time.
 */

export const API_KEY_PREFIX = 'mlk_';
const API_KEY_PATTERN = /^mlk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/**
 * scrypt cost: N = 2^15, r = 8, p = 1 uses 32 MiB and ~50-100 ms per hash, the OWASP-recommended
 * floor for scrypt. Stored with each key (`kdf`) so the cost can be raised for new keys without
 * invalidating old ones.
 */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };
const KDF = `scrypt:N=${SCRYPT.N},r=${SCRYPT.r},p=${SCRYPT.p},keylen=${SCRYPT.keylen}`;
/** scrypt needs 128 * N * r bytes; Node's default ceiling (32 MiB) is exactly that, too tight. */
const SCRYPT_MAXMEM = 64 * 1024 * 1024;

export const ROLES: readonly ViewerRole[] = ['member', 'editor', 'admin'];

function scrypt(secret: string, salt: Buffer, kdf: string): Promise<Buffer> {
  const params = parseKdf(kdf);
  return new Promise((resolve, reject) => {
    const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: SCRYPT_MAXMEM };
    scryptCallback(secret, salt, params.keylen, options, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}

function parseKdf(kdf: string): typeof SCRYPT {
  const match = /^scrypt:N=(\d+),r=(\d+),p=(\d+),keylen=(\d+)$/.exec(kdf);
  if (!match) throw new Error(`unknown key derivation ${kdf}`);
  return { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]), keylen: Number(match[4]) };
}

/** True for a string shaped like one of our API keys (so a bearer token is not tried as a JWT). */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

export interface NewApiKey {
  role: ViewerRole;
  name: string;
  /** Required for members: the actor the account speaks for. */
  actorId?: string | null;
  expiresAt?: Date | null;
}

export interface CreatedApiKey {
  /** The full key: shown once, never stored. */
  key: string;
  keyId: string;
  accountId: string;
  expiresAt: string | null;
}

function checkNewKey(request: NewApiKey, now: Date): void {
  if (!ROLES.includes(request.role)) throw new BadUserInputError(`Unknown role "${request.role}": expected member, editor or admin`);
  if (request.name.trim() === '' || request.name.length > 200) throw new BadUserInputError('The account name must be 1 to 200 characters');
  if (request.role === 'member' && !request.actorId) {
    throw new BadUserInputError('A member account speaks for one actor: give its id (--actor act-0001)');
  }
  if (request.role !== 'member' && request.actorId) {
    throw new BadUserInputError(`An ${request.role} account is not tied to an actor: leave out --actor`);
  }
  if (request.expiresAt && (Number.isNaN(request.expiresAt.getTime()) || request.expiresAt <= now)) {
    throw new BadUserInputError('The expiry must be a date in the future (e.g. 2027-01-01)');
  }
}

/**
 * Creates an account and its API key, recorded in the audit trail in the same transaction.
 * Returns the key, which exists nowhere else afterwards.
 */
export async function createApiKey(db: Database, request: NewApiKey, author: AuditAuthor): Promise<CreatedApiKey> {
  const now = new Date();
  checkNewKey(request, now);
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, KDF);
  const accountId = `acc-${keyId}`;
  const expiresAt = request.expiresAt ? request.expiresAt.toISOString() : null;
  await db.transaction('WRITE', async (tx) => {
    if (request.actorId && (await tx.run(ACTOR_EXISTS, { actorId: request.actorId })).length === 0) {
      throw new NotFoundError('Actor', request.actorId);
    }
    await tx.run(CREATE_ACCOUNT_WITH_KEY, {
      account: { id: accountId, name: request.name.trim(), role: request.role, actorId: request.actorId ?? null },
      key: {
        id: keyId,
        prefix: `${API_KEY_PREFIX}${keyId}`,
        hash: hash.toString('base64'),
        salt: salt.toString('base64'),
        kdf: KDF,
        expiresAt,
      },
    });
    await recordAudit(tx, author, {
      operation: 'CREATE_API_KEY',
      recordKind: 'ApiKey',
      recordId: keyId,
      before: null,
      after: { accountId, name: request.name.trim(), role: request.role, actorId: request.actorId ?? null, expiresAt },
    });
  });
  return { key: `${API_KEY_PREFIX}${keyId}_${secret}`, keyId, accountId, expiresAt };
}

export interface ApiKeySummary {
  keyId: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  account: { id: string; name: string; role: ViewerRole; actorId: string | null };
}

/** Every key with its account, newest first (never a hash or a secret). */
export async function listApiKeys(db: Database): Promise<ApiKeySummary[]> {
  const rows = await db.read<{
    key: { id: string; prefix: string; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null };
    account: ApiKeySummary['account'];
  }>(LIST_API_KEYS);
  return rows.map(({ key, account }) => ({
    keyId: key.id,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    account,
  }));
}

/**
 * Revokes a key, recorded in the audit trail. NOT_FOUND when unknown; revoking twice keeps the
 * first time. Servers that cached the key honour the revocation within their cache TTL.
 */
export async function revokeApiKey(db: Database, keyId: string, author: AuditAuthor): Promise<{ keyId: string; revokedAt: string }> {
  return db.transaction('WRITE', async (tx) => {
    const [row] = await tx.run<{ revokedAt: Date; wasRevoked: boolean; accountId: string }>(REVOKE_API_KEY, { keyId });
    if (!row) throw new BadUserInputError(`No API key has the id "${keyId}": see npm run keys -- list`);
    if (!row.wasRevoked) {
      await recordAudit(tx, author, {
        operation: 'REVOKE_API_KEY',
        recordKind: 'ApiKey',
        recordId: keyId,
        before: { revokedAt: null },
        after: { revokedAt: row.revokedAt.toISOString(), accountId: row.accountId },
      });
    }
    return { keyId, revokedAt: row.revokedAt.toISOString() };
  });
}

interface CachedViewer {
  viewer: Viewer;
  until: number;
}

/** At most this many verified keys are cached; the oldest is dropped first. */
const CACHE_CAPACITY = 10_000;
/** Salt for the dummy hash run for unknown key ids, so they cost as much as known ones. */
const DUMMY_SALT = randomBytes(16);

/**
 * Verifies presented API keys. A success is cached for `cacheTtlS` seconds (never beyond the key's
 * expiry), keyed by the SHA-256 of the presented key, so requests do not each pay scrypt: a key
 * revoked elsewhere keeps working here for at most that long. Failures are never cached.
 */
export function createApiKeyVerifier(db: Database, options: { cacheTtlS: number; now?: () => number }) {
  const cache = new Map<string, CachedViewer>();
  const now = options.now ?? Date.now;

  async function verifyUncached(presented: string): Promise<{ viewer: Viewer; expiresAt: number | null }> {
    const match = API_KEY_PATTERN.exec(presented);
    if (!match) throw new UnauthenticatedError();
    const [, keyId, secret] = match;
    const [row] = await db.read<{
      hash: string;
      salt: string;
      kdf: string;
      expiresAt: Date | null;
      revokedAt: Date | null;
      account: { id: string; name: string; role: ViewerRole; actorId: string | null };
    }>(API_KEY_FOR_VERIFICATION, { keyId });
    if (!row) {
      await scrypt(secret, DUMMY_SALT, KDF);
      throw new UnauthenticatedError();
    }
    const derived = await scrypt(secret, Buffer.from(row.salt, 'base64'), row.kdf);
    const stored = Buffer.from(row.hash, 'base64');
    const matches = stored.length === derived.length && timingSafeEqual(stored, derived);
    if (!matches || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt.getTime() <= now())) {
      throw new UnauthenticatedError();
    }
    const viewer: Viewer = {
      id: row.account.id,
      name: row.account.name,
      role: row.account.role,
      actorId: row.account.actorId ?? null,
      via: 'api-key',
    };
    return { viewer, expiresAt: row.expiresAt?.getTime() ?? null };
  }

  return {
    /** The viewer a key proves; UNAUTHENTICATED when malformed, unknown, wrong, revoked or expired. */
    async verify(presented: string): Promise<Viewer> {
      const digest = createHash('sha256').update(presented).digest('hex');
      const cached = cache.get(digest);
      if (cached && cached.until > now()) return cached.viewer;
      if (cached) cache.delete(digest);
      const { viewer, expiresAt } = await verifyUncached(presented);
      if (options.cacheTtlS > 0) {
        if (cache.size >= CACHE_CAPACITY) cache.delete(cache.keys().next().value as string);
        cache.set(digest, { viewer, until: Math.min(now() + options.cacheTtlS * 1000, expiresAt ?? Infinity) });
      }
      return viewer;
    },
    /** Forgets every cached verification (tests, or after a revocation in this process). */
    clearCache(): void {
      cache.clear();
    },
  };
}

export type ApiKeyVerifier = ReturnType<typeof createApiKeyVerifier>;
