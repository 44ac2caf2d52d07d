import DataLoader from 'dataloader';
import type { Database } from '../db';

/**
 * DataLoaders over one Cypher query per batch. The query receives `$keys` and returns rows of
 * `key` and `value` (one row per found key for `oneByKey`; `value` a list for `manyByKey`); the
 * loader puts them back in key order and fills the missing keys with null or [].
 */
export function oneByKey<V>(db: Database, name: string, cypher: string): DataLoader<string, V | null> {
  return new DataLoader<string, V | null>(
    async (keys) => {
      const rows = await db.read<{ key: string; value: V }>(cypher, { keys: [...keys] });
      const byKey = new Map(rows.map((r) => [r.key, r.value]));
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { name },
  );
}

/** `params` are passed beside `$keys` (e.g. `$max`, the most items a relationship ships per key). */
export function manyByKey<V>(db: Database, name: string, cypher: string, params: Record<string, unknown> = {}): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(
    async (keys) => {
      const rows = await db.read<{ key: string; value: V[] }>(cypher, { ...params, keys: [...keys] });
      const byKey = new Map(rows.map((r) => [r.key, r.value]));
      return keys.map((k) => byKey.get(k) ?? []);
    },
    { name },
  );
}
