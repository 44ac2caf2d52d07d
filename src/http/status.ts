import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../errors';

/** Seconds a client is asked to wait when an error gives no `retryAfterSeconds`. */
export const DEFAULT_RETRY_AFTER_SECONDS = 2;

/**
 * A GraphQL response that failed because Neo4j is unavailable (or a stated queue is full) is an
 * HTTP 503 with `Retry-After`, so load balancers, proxies and clients back off and retry as HTTP
 * says, instead of reading a 200. Other execution errors stay 200 with `errors` (GraphQL over
 * HTTP: a response with data, even partial, is a success for application/json).
 */
export function serviceUnavailableStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const unavailable = response.body.singleResult.errors?.find((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE);
          if (!unavailable) return;
          const given = unavailable.extensions?.retryAfterSeconds;
          const seconds = typeof given === 'number' && Number.isFinite(given) && given > 0 ? Math.ceil(given) : DEFAULT_RETRY_AFTER_SECONDS;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
