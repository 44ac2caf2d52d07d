import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { AuthConfig } from '../config';
import type { Viewer } from '../context';
import type { Database } from '../db';
import { UnauthenticatedError } from '../errors';
import { createApiKeyVerifier, looksLikeApiKey } from './api-keys';
import { createJwtVerifier } from './jwt';

export interface Authenticator {
  /**
   * The viewer the request's credential proves: `Authorization: Bearer <API key or JWT>`, or
   * `X-Api-Key: <API key>`. null without a credential (an anonymous reader); UNAUTHENTICATED
   * when a credential is present but malformed, wrong, revoked or expired.
   */
  authenticate(headers: IncomingHttpHeaders): Promise<Viewer | null>;
  /** Forgets cached API key verifications. */
  clearCache(): void;
}

function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) {
    // Two credentials are ambiguous: refuse rather than pick one.
    if (value.length > 1) throw new UnauthenticatedError('Send one credential: a single Authorization or X-Api-Key header');
    return value[0];
  }
  return value;
}

function credentialOf(headers: IncomingHttpHeaders): string | null {
  const authorization = single(headers.authorization)?.trim();
  const apiKey = single(headers['x-api-key'])?.trim();
  if (authorization && apiKey) throw new UnauthenticatedError('Send one credential: Authorization or X-Api-Key, not both');
  if (apiKey) return apiKey;
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError('Expected Authorization: Bearer <API key or token>');
  return match[1];
}

/**
 * Builds the request authenticator from the auth configuration. API keys are recognised by their
 * `mlk_` prefix and checked against their hash in Neo4j; anything else is verified as a JWT.
 */
export function createAuthenticator(config: { auth: AuthConfig }, db: Database, logger?: Logger): Authenticator {
  const apiKeys = createApiKeyVerifier(db, { cacheTtlS: config.auth.apiKeyCacheTtlS });
  const jwt = createJwtVerifier(config.auth.jwt, (reason) => logger?.info({ reason }, 'bearer token refused'));
  return {
    async authenticate(headers) {
      const credential = credentialOf(headers);
      if (credential === null) return null;
      return looksLikeApiKey(credential) ? apiKeys.verify(credential) : jwt.verify(credential);
    },
    clearCache: () => apiKeys.clearCache(),
  };
}
