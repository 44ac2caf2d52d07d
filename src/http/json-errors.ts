import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors';
import { DEFAULT_RETRY_AFTER_SECONDS } from './status';

/**
 * Every answer of the HTTP layer that is not a GraphQL execution result has the GraphQL error shape,
 * `{ errors: [{ message, extensions: { code } }] }`, so clients parse one format; the message is
 * always ours (never Express's, body-parser's or a stack).
 */
export function sendJsonError(
  res: Response,
  status: number,
  code: ErrorCode | string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
}

/** 404 for every path the service does not serve; the path is not echoed back. */
export const notFound: RequestHandler = (_req, res) => {
  sendJsonError(
    res,
    404,
    ErrorCode.NOT_FOUND,
    'No such route: the service answers POST or GET /graphql, GET /health, GET /ready, GET /reports and the explorer at GET /',
  );
};

/** 405 with `Allow` for a method a route does not take. */
export function methodNotAllowed(allowed: string[]): RequestHandler {
  return (_req, res) => {
    res.setHeader('allow', allowed.join(', '));
    sendJsonError(res, 405, ErrorCode.METHOD_NOT_ALLOWED, `This route takes ${allowed.join(' or ')} requests`);
  };
}

/** Passes the given methods on; answers any other with 405 (before authentication or body parsing). */
export function allowOnly(allowed: string[]): RequestHandler {
  const refuse = methodNotAllowed(allowed);
  return (req, res, next) => (allowed.includes(req.method) ? next() : refuse(req, res, next));
}

/** body-parser's error types, with the status and message we answer for each. */
const BODY_ERRORS: Record<string, [status: number, code: ErrorCode, message: string]> = {
  'entity.parse.failed': [
    400,
    ErrorCode.BAD_REQUEST,
    'The request body is not valid JSON: send {"query": "...", "variables": {...}} as application/json',
  ],
  'entity.too.large': [413, ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large'],
  'encoding.not-utf8': [400, ErrorCode.BAD_REQUEST, 'The request body is not valid UTF-8: send JSON encoded in UTF-8'],
  'encoding.unsupported': [415, ErrorCode.BAD_REQUEST, 'Unsupported content encoding: send the body uncompressed or gzip/deflate'],
  'charset.unsupported': [415, ErrorCode.BAD_REQUEST, 'Unsupported charset: send JSON encoded in UTF-8'],
  'request.aborted': [400, ErrorCode.BAD_REQUEST, 'The request was aborted before its body was read'],
  'request.size.invalid': [400, ErrorCode.BAD_REQUEST, 'The request body is shorter or longer than its Content-Length'],
};

const APP_ERROR_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.TIMEOUT]: 503,
};

function typeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string' ? error.type : undefined;
}

/** The status an Express or body-parser error asks for, when it is a client error. */
function clientStatusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const status = 'status' in error ? error.status : 'statusCode' in error ? error.statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/**
 * The last Express handler: whatever reached it (an authentication failure, a body-parser error,
 * a bug) is answered in JSON from a fixed table of messages. It never shows an error's own text
 * unless it is one of our AppErrors, whose messages are written for clients.
 */
export function finalErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) {
      // Part of an answer left already: nothing consistent can follow; cut the connection.
      logger.error({ err: error }, 'error after the response started');
      res.destroy();
      return;
    }
    if (error instanceof AppError) {
      const code = String(error.extensions.code);
      const status = APP_ERROR_STATUS[code] ?? 500;
      if (status === 503) res.setHeader('retry-after', String(error.extensions.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS));
      // RFC 9110: a 401 names the scheme the client should use.
      if (status === 401) res.setHeader('www-authenticate', 'Bearer');
      const { code: _code, ...details } = error.extensions;
      sendJsonError(res, status, code, error.message, details);
      return;
    }
    const known = BODY_ERRORS[typeOf(error) ?? ''];
    if (known) {
      sendJsonError(res, known[0], known[1], known[2]);
      return;
    }
    const status = clientStatusOf(error);
    if (status !== null) {
      sendJsonError(res, status, ErrorCode.BAD_REQUEST, 'The request could not be read');
      return;
    }
    (req.log ?? logger).error({ err: error }, 'unexpected error in the HTTP layer, masked from the client');
    sendJsonError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
  };
}
