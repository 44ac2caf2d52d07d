import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';

/** The codes clients may see in `errors[].extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  TIMEOUT = 'TIMEOUT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Base of every error of ours: its message and extensions are safe to show to clients. */
export abstract class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = new.target.name;
  }
}

export type EntityName =
  | 'Actor'
  | 'Product'
  | 'Label'
  | 'Commune'
  | 'Epci'
  | 'Department'
  | 'Region'
  | 'Offer'
  | 'Need'
  | 'SupplyLink';

export class NotFoundError extends AppError {
  constructor(entity: EntityName, id: string) {
    super(`${entity} ${JSON.stringify(id)} not found`, ErrorCode.NOT_FOUND, { entity, id });
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, ErrorCode.BAD_USER_INPUT, details);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super(message, ErrorCode.FORBIDDEN);
  }
}

/**
 * A credential was sent but cannot be accepted, or an operation needs one and none came. The
 * message never says why a token failed (bad signature, unknown key, revoked...): that would help
 * an attacker probe; the server logs the reason.
 */
export class UnauthenticatedError extends AppError {
  constructor(
    message = 'The credential is invalid or expired: send a valid API key (Authorization: Bearer mlk_…, or X-Api-Key) or a current token from the club\'s identity provider',
  ) {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = 'The graph database is unavailable; try again in a moment') {
    super(message, ErrorCode.SERVICE_UNAVAILABLE);
  }
}

export class QueryTimeoutError extends AppError {
  constructor(limitMs: number) {
    super(`The query took longer than ${limitMs} ms and was stopped; narrow it down`, ErrorCode.TIMEOUT, {
      limitMs,
    });
  }
}

/** Codes graphql-js and Apollo give to request errors whose messages are safe and useful. */
const PUBLIC_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

function isPublic(error: unknown, formatted: GraphQLFormattedError): boolean {
  if (error instanceof AppError) return true;
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_REQUEST_CODES.has(code)) return true;
  // graphql-js' own errors (a variable of the wrong type, a missing argument) carry no original error.
  return error instanceof GraphQLError && error.originalError === undefined && code !== 'INTERNAL_SERVER_ERROR';
}

/**
 * Apollo's formatError: our errors and request errors pass as they are; anything else (a Cypher
 * syntax error, a driver message, a bug) is logged and masked, since its text can hold queries,
 * hostnames or data.
 */
export function makeFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, thrown: unknown): GraphQLFormattedError => {
    const error = unwrapResolverError(thrown);
    if (isPublic(error, formatted)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: error, path: formatted.path }, 'unexpected error masked from the client');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
