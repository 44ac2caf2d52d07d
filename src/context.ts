import type { Logger } from 'pino';
import type { Database } from './db';
import { createLoaders, type Loaders } from './loaders';

/** The roles of an identity (docs/security.md): what each may do is decided in src/auth. */
export type ViewerRole = 'member' | 'editor' | 'admin';

/** Who is asking: an authenticated identity (src/auth), or null for an anonymous reader. */
export interface Viewer {
  /** Account id (API keys) or the token's `sub` (JWT). */
  id: string;
  name: string;
  role: ViewerRole;
  /** The actor a member account speaks for; null for editors and admins. */
  actorId: string | null;
  /** How the identity was proven. */
  via: 'api-key' | 'jwt';
}

/** Everything a resolver may use, built anew for each GraphQL request. */
export interface Context {
  requestId: string;
  logger: Logger;
  /** A view of the database that counts this request's round trips. */
  db: Database;
  /** Per-request DataLoaders: batching and caching never outlive the request. */
  loaders: Loaders;
  viewer: Viewer | null;
}

export function createContext(args: { db: Database; logger: Logger; requestId: string; viewer?: Viewer | null }): Context {
  const db = args.db.counting();
  return {
    requestId: args.requestId,
    logger: args.logger,
    db,
    loaders: createLoaders(db),
    viewer: args.viewer ?? null,
  };
}
