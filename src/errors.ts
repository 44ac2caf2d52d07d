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
  // The HTTP layer and the limits before execution (src/http).
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  RATE_LIMITED = 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST = 'BAD_REQUEST',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
}

/** Base of every error of ours: its message and extensions are safe to show to clients. */
export abstract class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = new.target.name;
  }
}

export type EntityName = 'Actor' | 'Product' | 'Label' | 'Commune' | 'Epci' | 'Department' | 'Region' | 'Offer' | 'Need' | 'SupplyLink';

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
    message = "The credential is invalid or expired: send a valid API key (Authorization: Bearer mlk_…, or X-Api-Key) or a current token from the club's identity provider",
  ) {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

export class ServiceUnavailableError extends AppError {
  /**
   * `retryAfterSeconds` (in `extensions`, when known) tells clients, and the HTTP layer's
   * Retry-After header, when trying again is worth it.
   */
  constructor(message = 'The graph database is unavailable; try again in a moment', options: { retryAfterSeconds?: number } = {}) {
    super(
      message,
      ErrorCode.SERVICE_UNAVAILABLE,
      options.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: options.retryAfterSeconds },
    );
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
    super(
      `This request needs more than ${limit} database statements; ask for fewer records or split it`,
      ErrorCode.STATEMENT_LIMIT_EXCEEDED,
      {
        limit,
      },
    );
  }
}

export class QueryTimeoutError extends AppError {
  constructor(limitMs: number) {
    super(`The query took longer than ${limitMs} ms and was stopped; narrow it down`, ErrorCode.TIMEOUT, {
      limitMs,
    });
  }
}

export type QueryLimitName = 'tokens' | 'depth' | 'aliases' | 'directives' | 'cost';

/** A document over one of the limits checked before execution (src/http/limits.ts). */
export class QueryTooComplexError extends AppError {
  constructor(limit: QueryLimitName, max: number, found?: number) {
    super(
      `The query exceeds the ${limit} limit of ${max}${found === undefined ? '' : ` (found ${found})`}; split it or ask for less`,
      ErrorCode.QUERY_TOO_COMPLEX,
      { limit, max, ...(found === undefined ? {} : { found }) },
    );
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

/** Longest quoted value kept in a message, and longest message: errors never echo big inputs. */
const MAX_QUOTED_CHARS = 40;
const MAX_MESSAGE_CHARS = 300;

/** Shortens every quoted value of a graphql-js or type-graphql message, then the message itself. */
export function toSafeMessage(message: string): string {
  const quotedShort = message.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, inner: string) =>
    inner.length > MAX_QUOTED_CHARS ? `"${inner.slice(0, MAX_QUOTED_CHARS)}…"` : whole,
  );
  return quotedShort.length > MAX_MESSAGE_CHARS ? `${quotedShort.slice(0, MAX_MESSAGE_CHARS)}…` : quotedShort;
}

/** graphql-js' "Did you mean …?" hints name fields and types; hidden when introspection is off. */
function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .*\?$/, '');
}

interface ClassValidatorIssue {
  property?: string;
  constraints?: Record<string, string>;
  children?: ClassValidatorIssue[];
}

/** type-graphql's validation errors carry the rejected `value` and `target`: keep only what was wrong. */
function toSafeIssues(issues: ClassValidatorIssue[]): ClassValidatorIssue[] {
  return issues.slice(0, 50).map((issue) => ({
    property: issue.property,
    constraints: Object.fromEntries(Object.entries(issue.constraints ?? {}).map(([k, v]) => [k, toSafeMessage(v)])),
    ...(issue.children?.length ? { children: toSafeIssues(issue.children) } : {}),
  }));
}

// graphql-js 16 writes "more that"; accept both, in case it is fixed.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;

/** Request errors Apollo or graphql-js word on their own that we give one of our codes. */
function toKnownRequestError(formatted: GraphQLFormattedError, thrown: unknown): GraphQLFormattedError | null {
  // Our limit rules report AppErrors; Apollo wraps them in its ValidationError.
  if (thrown instanceof GraphQLError && thrown.originalError instanceof AppError) {
    const { message, extensions } = thrown.originalError;
    return { message, locations: formatted.locations, extensions: { ...extensions } };
  }
  const tokens = TOO_MANY_TOKENS.exec(formatted.message);
  if (tokens) {
    const max = Number(tokens[1]);
    return new QueryTooComplexError('tokens', max).toJSON();
  }
  if (TOO_MANY_VARIABLE_ERRORS.test(formatted.message)) {
    return {
      message: 'Too many invalid variables: fix the ones reported above and send the request again',
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  return null;
}

/** Strips stacks, shortens echoed values and drops what could reveal input or the schema. */
function toSafePublicError(formatted: GraphQLFormattedError, hideSuggestions: boolean): GraphQLFormattedError {
  const { stacktrace: _stacktrace, validationErrors, ...extensions } = formatted.extensions ?? {};
  const message = toSafeMessage(hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message);
  const issues = Array.isArray(validationErrors) ? { validationErrors: toSafeIssues(validationErrors as ClassValidatorIssue[]) } : {};
  return { ...formatted, message, extensions: { ...extensions, ...issues } };
}

export interface FormatErrorOptions {
  /** Drop "Did you mean …?" hints (set when introspection is off, so the schema is not guessable). */
  hideSuggestions?: boolean;
}

/**
 * Apollo's formatError: our errors and request errors pass with their echoed values shortened;
 * anything else (a Cypher syntax error, a driver message, a bug) is logged and masked, since its
 * text can hold queries, hostnames or data.
 */
export function makeFormatError(logger: Logger, options: FormatErrorOptions = {}) {
  return (formatted: GraphQLFormattedError, thrown: unknown): GraphQLFormattedError => {
    const known = toKnownRequestError(formatted, thrown);
    if (known) return known;
    const error = unwrapResolverError(thrown);
    if (isPublic(error, formatted)) return toSafePublicError(formatted, options.hideSuggestions ?? false);
    logger.error({ err: error, path: formatted.path }, 'unexpected error masked from the client');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
