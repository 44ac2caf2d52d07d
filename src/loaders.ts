import type { Database } from './db';

/** Every per-request DataLoader, grouped by domain folder. */
export type Loaders = Record<string, never>;

export function createLoaders(_db: Database): Loaders {
  return {};
}
