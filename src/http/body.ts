import express, { type RequestHandler } from 'express';
import type { LimitsConfig } from '../config';
import { ErrorCode } from '../errors';
import { mayImport, viewerOf } from './authenticate';
import { sendJsonError } from './json-errors';

/**
 * Refuses a body that is not UTF-8 instead of letting the decoder replace its bytes with U+FFFD
 * (a Latin-1 file would be stored with its accents lost). The error type is ours, mapped to a 400
 * in json-errors.ts (body-parser would say 403).
 */
function ensureUtf8(_req: unknown, _res: unknown, buffer: Buffer): void {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw Object.assign(new Error('request body is not UTF-8'), { type: 'encoding.not-utf8' });
  }
}

const JSON_TYPES = ['application/json', 'application/graphql-response+json'];

/**
 * The JSON body parser of /graphql, with a limit that depends on who asks: queries are small, so
 * anonymous callers and members get `bodyLimitBytes`; editors and admins, who may import whole
 * files, get `importBodyLimitBytes`. Runs after authentication, which sets the viewer.
 */
export function graphqlBodyParser(limits: Pick<LimitsConfig, 'bodyLimitBytes' | 'importBodyLimitBytes'>): RequestHandler {
  const small = express.json({ limit: limits.bodyLimitBytes, verify: ensureUtf8, type: JSON_TYPES });
  const large = express.json({ limit: limits.importBodyLimitBytes, verify: ensureUtf8, type: JSON_TYPES });
  return (req, res, next) => {
    if (req.method === 'POST' && !req.is(JSON_TYPES)) {
      sendJsonError(res, 415, ErrorCode.BAD_REQUEST, 'Send GraphQL requests as application/json');
      return;
    }
    (mayImport(viewerOf(res)) ? large : small)(req, res, next);
  };
}
