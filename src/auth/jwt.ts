import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { AuthConfig } from '../config';
import type { Viewer, ViewerRole } from '../context';
import { UnauthenticatedError } from '../errors';
import { ROLES } from './api-keys';

/**
 * The claims a token must carry (docs/security.md): `sub` (the identity's id), `maillon_role`
 * (member, editor or admin), `maillon_actor` (a member's actor id), and optionally `name`.
 */
export const ROLE_CLAIM = 'maillon_role';
export const ACTOR_CLAIM = 'maillon_actor';

const SECRET_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'ES256'];

/** Why a token was refused: logged by the server, never sent to the client. */
export type JwtFailure = (reason: string) => void;

function toViewer(payload: JWTPayload): Viewer | string {
  const role = payload[ROLE_CLAIM];
  const actor = payload[ACTOR_CLAIM];
  if (typeof payload.sub !== 'string' || payload.sub === '') return 'no sub claim';
  if (typeof role !== 'string' || !ROLES.includes(role as ViewerRole)) return `${ROLE_CLAIM} is not member, editor or admin`;
  if (role === 'member' && (typeof actor !== 'string' || actor === '')) return `a member token needs ${ACTOR_CLAIM}`;
  const name = typeof payload.name === 'string' && payload.name !== '' ? payload.name : payload.sub;
  return { id: payload.sub, name, role: role as ViewerRole, actorId: role === 'member' ? (actor as string) : null, via: 'jwt' };
}

/**
 * Verifies bearer JWTs with jose: HS256 with AUTH_JWT_SECRET, RS256/ES256 with the keys of
 * AUTH_JWKS_URL (fetched and cached by jose, refreshed when an unknown `kid` arrives); issuer,
 * audience, expiry and not-before checked with AUTH_JWT_CLOCK_SKEW_S of tolerance. The token's own
 * `alg` only chooses between the configured verifiers: `none` and unconfigured algorithms fail.
 */
export function createJwtVerifier(config: AuthConfig['jwt'], onFailure: JwtFailure = () => undefined) {
  const secret = config.secret ? new TextEncoder().encode(config.secret) : null;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 2000, cooldownDuration: 30_000 }) : null;
  const options = { issuer: config.issuer, audience: config.audience, clockTolerance: config.clockSkewS, requiredClaims: ['exp', 'sub'] };

  async function verifyPayload(token: string): Promise<JWTPayload> {
    const { alg } = decodeProtectedHeader(token);
    if (alg !== undefined && SECRET_ALGORITHMS.includes(alg) && secret) {
      return (await jwtVerify(token, secret, { ...options, algorithms: SECRET_ALGORITHMS })).payload;
    }
    if (alg !== undefined && JWKS_ALGORITHMS.includes(alg) && jwks) {
      return (await jwtVerify(token, jwks, { ...options, algorithms: JWKS_ALGORITHMS })).payload;
    }
    throw new Error(`no verifier configured for alg ${String(alg)}`);
  }

  return {
    /** The viewer a token proves; UNAUTHENTICATED, with no detail, when it does not verify. */
    async verify(token: string): Promise<Viewer> {
      let payload: JWTPayload;
      try {
        payload = await verifyPayload(token);
      } catch (error) {
        onFailure(error instanceof Error ? error.message : String(error));
        throw new UnauthenticatedError();
      }
      const viewer = toViewer(payload);
      if (typeof viewer === 'string') {
        onFailure(viewer);
        throw new UnauthenticatedError();
      }
      return viewer;
    },
  };
}
