import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import type { LimitsConfig } from '../config';
import { ErrorCode } from '../errors';
import { viewerOf } from './authenticate';
import { sendJsonError } from './json-errors';

/**
 * Requests per client and window: a signed-in client (API key or token) is counted by its viewer
 * id wherever it calls from; an anonymous one by its IP (its /64 for IPv6). Over the limit: 429 with
 * `Retry-After` and a RATE_LIMITED error. A maximum of 0 turns that limit off. The counters live in
 * the process: with several instances, each counts its own share (see docs/api.md, Limits).
 */
export function rateLimitMiddleware(config: LimitsConfig['rateLimit']): RequestHandler {
  const maxFor = (viewerId: string | null) => (viewerId ? config.authenticatedMax : config.anonymousMax);
  return rateLimit({
    windowMs: config.windowMs,
    limit: (_req, res) => maxFor(viewerOf(res)?.id ?? null),
    skip: (_req, res) => maxFor(viewerOf(res)?.id ?? null) === 0,
    keyGenerator: (req, res) => {
      const viewer = viewerOf(res);
      return viewer ? `viewer:${viewer.id}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : Math.ceil(config.windowMs / 1000);
      res.setHeader('retry-after', String(seconds));
      sendJsonError(res, 429, ErrorCode.RATE_LIMITED, `Too many requests: try again in ${seconds} s`, { retryAfterSeconds: seconds });
    },
  });
}

/**
 * Refused credentials per IP and window. Checking an API key costs a memory-hard scrypt, so a client
 * sending wrong keys must be slowed before authentication runs: only 401 answers count, and once an
 * address has sent `failedAuthMax` of them in the window, its requests get 429 until the window
 * ends (whatever credentials they carry). 0 turns it off.
 */
export function failedAuthenticationLimit(config: LimitsConfig['rateLimit']): RequestHandler {
  return rateLimit({
    windowMs: config.windowMs,
    limit: config.failedAuthMax,
    skip: () => config.failedAuthMax === 0,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    standardHeaders: false,
    legacyHeaders: false,
    handler: (req, res) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : Math.ceil(config.windowMs / 1000);
      res.setHeader('retry-after', String(seconds));
      sendJsonError(res, 429, ErrorCode.RATE_LIMITED, `Too many refused credentials from this address: try again in ${seconds} s`, { retryAfterSeconds: seconds });
    },
  });
}
