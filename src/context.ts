import type { Logger } from 'pino';
import type { Database } from './db';
import { createLoaders, type Loaders } from './loaders';

/** Who is asking. Authentication comes later; resolvers already receive this slot. */
export interface Viewer {
  id: string;
  roles: string[];
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
