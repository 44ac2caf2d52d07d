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
  /** A write failed in a way where its commit may have happened: retrying with the same id is safe. */
  WRITE_OUTCOME_UNKNOWN = 'WRITE_OUTCOME_UNKNOWN',
  /** One request asked for more database statements than a request may run. */
  STATEMENT_LIMIT_EXCEEDED = 'STATEMENT_LIMIT_EXCEEDED',
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

export class ServiceUnavailableError extends AppError {
  /**
   * `retryAfterSeconds` (in `extensions`, when known) tells clients, and the HTTP layer's
   * Retry-After header, when trying again is worth it.
   */
  constructor(message = 'The graph database is unavailable; try again in a moment', options: { retryAfterSeconds?: number } = {}) {
    super(message, ErrorCode.SERVICE_UNAVAILABLE, options.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: options.retryAfterSeconds });
  }

  get retryAfterSeconds(): number | undefined {
    const value = this.extensions.retryAfterSeconds;
    return typeof value === 'number' ? value : undefined;
  }
}

/** The database is healthy but the service has more work queued than its stated limit. */
export class ServiceBusyError extends ServiceUnavailableError {
  constructor(what: 'reads' | 'writes', retryAfterSeconds: number) {
    super(`The service is busy (too many ${what} waiting for the database); retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/**
 * A write failed after its transaction had run, so its commit may or may not have been applied.
 * Creates with a client-supplied id, updates and deletes are safe to retry as they were sent.
 */
export class WriteOutcomeUnknownError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(
      'The connection to the graph database was lost while this write was being committed: it may or may not have been applied. ' +
        'Retrying the same mutation is safe (a create with the same id and fields returns the existing record)',
      ErrorCode.WRITE_OUTCOME_UNKNOWN,
      { retryAfterSeconds },
    );
  }
}

/** A request needed more database statements than one request may run. */
export class StatementLimitError extends AppError {
  constructor(limit: number) {
    super(`This request needs more than ${limit} database statements; ask for fewer records or split it`, ErrorCode.STATEMENT_LIMIT_EXCEEDED, {
      limit,
    });
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
