import type http from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { AppError, ErrorCode } from '../errors';
import type { Viewer } from '../context';

/** Finds who sends a request (API key, bearer token...); null for an anonymous caller. Throws an AppError (UNAUTHENTICATED) for bad credentials. */
export type Authenticate = (req: http.IncomingMessage) => Promise<Viewer | null>;

/** The viewer the authentication middleware found for this request (null when anonymous). */
export function viewerOf(res: Response): Viewer | null {
  return (res.locals.viewer as Viewer | null | undefined) ?? null;
}

/** The role of a viewer, whichever shape Viewer has (`role` in the accounts model, `roles` before it). */
function rolesOf(viewer: Viewer): string[] {
  const shaped = viewer as unknown as { role?: unknown; roles?: unknown };
  if (typeof shaped.role === 'string') return [shaped.role];
  return Array.isArray(shaped.roles) ? shaped.roles.map((r) => String(r).toLowerCase()) : [];
}

/** Editors and admins may import whole files, so only they get the large request body. */
export function mayImport(viewer: Viewer | null): boolean {
  return viewer !== null && rolesOf(viewer).some((role) => role === 'editor' || role === 'admin');
}

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
