import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

/**
 * `npm run build` (dist/, for the suites that run the command-line tools or the built server) once
 * per test run: the first suite that needs it builds, the others (in this worker or another) find
 * it done. The sources do not change during a run, so one build serves every suite; it used to be
 * one tsc per suite, 15-60 s each. Asynchronous, so a suite's own server keeps serving meanwhile.
 */
export async function buildOnce(): Promise<void> {
  const dir = process.env.MAILLON_TEST_STATE_DIR;
  if (!dir || !fs.existsSync(dir)) {
    await build();
    return;
  }
  const done = path.join(dir, 'dist-built');
  const lock = path.join(dir, 'dist-building');
  for (;;) {
    if (fs.existsSync(done)) return;
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another worker is building: wait for it (if it fails, its lock goes and this one builds).
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      await build();
      fs.writeFileSync(done, '');
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

async function build(): Promise<void> {
  await run('npm', ['run', '-s', 'build'], { cwd: ROOT });
}
