/**
 * Jest setupFilesAfterEnv: runs in every test file before its tests. Takes the seed marker (see
 * ./seed-state.ts), watches every write made through src/db, and puts the marker back at the end
 * when the graph still holds the seed.
 */
import { Database } from '../../src/db';
import { fileSeedState, markGraphChanged, putMarker, takeMarker } from './seed-state';

const state = fileSeedState();
state.inherited = takeMarker();
state.holds = state.inherited;

type Method = (this: Database, ...args: unknown[]) => unknown;
const proto = Database.prototype as unknown as Record<'write' | 'transaction', Method>;
for (const name of ['write', 'transaction'] as const) {
  const original = proto[name];
  if (typeof original !== 'function') throw new Error(`Database.prototype.${name} is gone: update tests/helpers/seed-state.setup.ts`);
  proto[name] = function tracked(this: Database, ...args: unknown[]) {
    if (name === 'write' || args[0] === 'WRITE') markGraphChanged();
    return original.apply(this, args);
  };
}

afterAll(() => {
  if (state.holds) putMarker(state.holds);
});
