import type http from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { AppError, ErrorCode } from '../errors';
import { isStaff } from '../auth';
import type { Viewer } from '../context';

/** Finds who sends a request (API key, bearer token...); null for an anonymous caller. Throws an AppError (UNAUTHENTICATED) for bad credentials. */
export type Authenticate = (req: http.IncomingMessage) => Promise<Viewer | null>;

/** The viewer the authentication middleware found for this request (null when anonymous). */
export function viewerOf(res: Response): Viewer | null {
  return (res.locals.viewer as Viewer | null | undefined) ?? null;
}

/** Editors and admins may import whole files, so only they get the large request body. */
export const mayImport = isStaff;

/**
 * Runs `authenticate` before the body is read (the body limit and the rate limit depend on who
 * asks) and keeps its viewer in `res.locals`; a thrown AppError goes to the final error handler,
 * which answers it as JSON with its code (401 for UNAUTHENTICATED, reported to `onRefused` first).
 */
export function authenticationMiddleware(authenticate: Authenticate | undefined, onRefused?: (req: Request) => void): RequestHandler {
  return (req, res, next) => {
    if (!authenticate) {
      res.locals.viewer = null;
      next();
      return;
    }
    authenticate(req).then(
      (viewer) => {
        res.locals.viewer = viewer;
        next();
      },
      (error: unknown) => {
        if (error instanceof AppError && error.extensions.code === ErrorCode.UNAUTHENTICATED) onRefused?.(req);
        next(error);
      },
    );
  };
}
