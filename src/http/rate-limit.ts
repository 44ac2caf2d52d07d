import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { RequestHandler, Response } from 'express';
import type { LimitsConfig } from '../config';
import { ErrorCode } from '../errors';
import { viewerOf } from './authenticate';
import { sendJsonError } from './json-errors';

/** 429 with `Retry-After` and a RATE_LIMITED error saying when to try again. */
function sendRateLimited(res: Response, seconds: number, what: string): void {
  res.setHeader('retry-after', String(seconds));
  sendJsonError(res, 429, ErrorCode.RATE_LIMITED, `${what}: try again in ${seconds} s`, { retryAfterSeconds: seconds });
}

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
      sendRateLimited(res, seconds, 'Too many requests');
    },
  });
}

/**
 * Refused credentials per IP and window. Checking an API key costs a memory-hard scrypt, so a client
 * sending wrong keys must be slowed before authentication runs. Only refusals count (express-rate-
 * limit's skipSuccessfulRequests would count every request in flight, and so refuse a burst of good
 * ones): `recordRefusal` is called on each 401, and once an address has `failedAuthMax` of them in
 * the window, its requests get 429 until the window ends, whatever they carry. 0 turns it off.
 */
export class FailedAuthentications {
  private readonly refusals = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly config: LimitsConfig['rateLimit']) {}

  /** Seconds until the address may try again, or 0 when it may now. */
  retryAfterSeconds(ip: string, now = Date.now()): number {
    const entry = this.refusals.get(ip);
    if (!entry || this.config.failedAuthMax === 0) return 0;
    if (entry.resetAt <= now) {
      this.refusals.delete(ip);
      return 0;
    }
    return entry.count >= this.config.failedAuthMax ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : 0;
  }

  recordRefusal(ip: string, now = Date.now()): void {
    if (this.config.failedAuthMax === 0) return;
    // A flood of addresses cannot grow the map without bound: expired entries go first, then all.
    if (this.refusals.size >= MAX_TRACKED_ADDRESSES) this.forgetExpired(now);
    const entry = this.refusals.get(ip);
    if (entry && entry.resetAt > now) entry.count += 1;
    else this.refusals.set(ip, { count: 1, resetAt: now + this.config.windowMs });
  }

  private forgetExpired(now: number): void {
    for (const [ip, entry] of this.refusals) if (entry.resetAt <= now) this.refusals.delete(ip);
    if (this.refusals.size >= MAX_TRACKED_ADDRESSES) this.refusals.clear();
  }
}

const MAX_TRACKED_ADDRESSES = 100_000;

/** The client address as the failed-authentication limit counts it (an IPv6 client by its /64). */
export function clientAddressOf(req: { ip?: string }): string {
  return ipKeyGenerator(req.ip ?? 'unknown');
}

/** Answers 429 to an address that sent too many refused credentials, before authentication runs. */
export function failedAuthenticationLimit(failures: FailedAuthentications): RequestHandler {
  return (req, res, next) => {
    const seconds = failures.retryAfterSeconds(clientAddressOf(req));
    if (seconds === 0) {
      next();
      return;
    }
    sendRateLimited(res, seconds, 'Too many refused credentials from this address');
  };
}
