import fs from 'node:fs';
import path from 'node:path';

/**
 * Whether the test Neo4j still holds the untouched Drôme seed, so that a suite reading it can skip
 * clearing and loading it again (about 15 s each on a quiet machine, a minute on a busy one).
 *
 * The knowledge passes from one test file to the next through a marker file in the run's state
 * folder (MAILLON_TEST_STATE_DIR, made by the global setup), one per Neo4j. It is conservative:
 * - every test file takes the marker away when it starts (tests/helpers/seed-state.setup.ts) and
 *   puts it back when it ends only if the graph still holds the seed: either the file inherited
 *   it or loaded it (`seededGraph`), and wrote nothing after that through src/db (every write of
 *   `Database.write` and `Database.transaction('WRITE')` is seen, the server's included);
 * - a file that writes from a child process (an import or seed command line) says so with
 *   `markGraphChanged()`; the counts of nodes and relationships are checked again before reuse;
 * - a file that fails to load, or is killed, never puts the marker back.
 */
export interface SeedMarker {
  uri: string;
  nodes: number;
  relationships: number;
}

interface FileSeedState {
  /** The marker this file found when it started (taken away meanwhile). */
  inherited: SeedMarker | null;
  /** The graph holds the seed as loaded, with these counts; null once anything wrote to it. */
  holds: SeedMarker | null;
  /** Writes while this is set are the seed's own (clearing and loading it, migrations). */
  untracked: number;
}

const KEY = Symbol.for('maillon.tests.seedState');

/** This test file's state (the file's own global object: each test file has one). */
export function fileSeedState(): FileSeedState {
  const holder = globalThis as unknown as Record<symbol, FileSeedState | undefined>;
  holder[KEY] ??= { inherited: null, holds: null, untracked: 0 };
  return holder[KEY];
}

function markerFile(uri: string): string | null {
  const dir = process.env.MAILLON_TEST_STATE_DIR;
  if (!dir || !fs.existsSync(dir)) return null;
  return path.join(dir, `seed-${uri.replace(/[^A-Za-z0-9]+/g, '_')}.json`);
}

/** Reads and removes the marker of the test Neo4j: whoever holds it next must put it back. */
export function takeMarker(): SeedMarker | null {
  const uri = process.env.MAILLON_TEST_NEO4J_URI;
  const file = uri ? markerFile(uri) : null;
  if (!file) return null;
  try {
    const marker = JSON.parse(fs.readFileSync(file, 'utf8')) as SeedMarker;
    fs.rmSync(file, { force: true });
    return marker.uri === uri ? marker : null;
  } catch {
    return null;
  }
}

export function putMarker(marker: SeedMarker): void {
  const file = markerFile(marker.uri);
  if (file) fs.writeFileSync(file, JSON.stringify(marker));
}

/** The graph no longer holds the seed as loaded (called on every tracked write). */
export function markGraphChanged(): void {
  const state = fileSeedState();
  if (state.untracked === 0) state.holds = null;
}

/** Runs `work` (clearing and loading the seed, migrations) without counting its writes as changes. */
export async function untracked<R>(work: () => Promise<R>): Promise<R> {
  const state = fileSeedState();
  state.untracked += 1;
  try {
    return await work();
  } finally {
    state.untracked -= 1;
  }
}
