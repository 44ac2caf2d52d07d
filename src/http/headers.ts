import type { ApolloServerPlugin } from '@apollo/server';
import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Helmet's security headers on every route. The service serves JSON only, so helmet's default
 * Content-Security-Policy (nothing from other origins) costs nothing; it is also why Apollo's
 * landing page, which loads Sandbox from Apollo's CDN, is turned off (see docs/api.md, Limits).
 */
export function securityHeaders(): RequestHandler {
  return helmet();
}

/**
 * CORS for the allowed origins only (the front-end teams' hosts); with none configured, no CORS
 * header is ever sent and browsers keep other sites from reading the API.
 */
export function corsFor(origins: string[]): RequestHandler | null {
  if (origins.length === 0) return null;
  return cors({
    origin: origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-request-id', 'apollo-require-preflight'],
    exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit', 'ratelimit-policy'],
    maxAge: 600,
  });
}

/**
 * `cache-control: no-store` on every GraphQL response (answers may hold private fields), set once
 * per response. Apollo's cache-control plugin set the same header, but to compute it, it wrapped
 * every field resolver of the schema to collect cache hints that Maillon never declares: about a
 * tenth of the CPU of a page of 50 actors (issue 13, W3 profile). It is disabled in src/server.ts.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
