import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { Database } from '../src/db';
import { silentLogger } from './helpers/db';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const neo4jServer = require('../scripts/neo4j.cjs') as {
  start(spec: object): Promise<{ uri: string; pid: number }>;
  stop(spec: { name: string }): Promise<void>;
  status(spec: { name: string; boltPort: number; password: string }): Promise<boolean>;
  instanceDirs(name: string): { home: string; data: string; run: string; pidFile: string; startLock: string };
  picocliArgument(value: string): string;
};

/**
 * scripts/neo4j.cjs as `npm start` and the test suites use it: PID files are checked against the
 * process before anything is signalled, two concurrent starts of one instance start one JVM, the
 * initial password (with every character picocli's argument files treat specially) is set without
 * appearing on a command line, and `run` says, when the API exits, that Neo4j keeps running. The
 * instance runs on the outage port (a second instance; suites run one at a time).
 */
const ROOT = path.resolve(__dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts', 'neo4j.cjs');
const PORT = Number(process.env.MAILLON_TEST_OUTAGE_BOLT_PORT || 7689);
const INSTANCE = {
  name: `test-script-${PORT}`,
  boltPort: PORT,
  // A leading @ (an argument file to picocli), quotes, a backslash, # (a comment in argument files), spaces.
  password: '@start "quoted" back\\slash #not-a-comment',
  heap: '512m',
  pageCache: '64m',
  transactionTimeout: '30s',
};
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';

/** The pids of the JVMs running Neo4j with this instance's home, found in /proc. */
function instanceJvms(home: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const line = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        return line.includes(ENTRY_POINT) && line.includes(`--home-dir=${home}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Runs `node -e <code>` with the instance in MAILLON_SPEC; resolves with its exit code and output. */
function runNode(code: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', code], {
      cwd: ROOT,
      env: { ...process.env, MAILLON_SPEC: JSON.stringify(INSTANCE), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (exitCode) => resolve({ code: exitCode, stdout, stderr }));
  });
}

const START_FROM_CHILD = `require(${JSON.stringify(SCRIPT)}).start(JSON.parse(process.env.MAILLON_SPEC))
  .then((r) => process.stdout.write(JSON.stringify(r)), (e) => { process.stderr.write(String(e && e.message)); process.exit(1); })`;

describe('scripts/neo4j.cjs', () => {
  const dirs = neo4jServer.instanceDirs(INSTANCE.name);

  beforeAll(() => {
    fs.rmSync(dirs.home, { recursive: true, force: true });
  });

  afterAll(async () => {
    await neo4jServer.stop({ name: INSTANCE.name });
    fs.rmSync(dirs.home, { recursive: true, force: true });
  });

  describe('a stale PID file', () => {
    let other: ChildProcess;

    beforeEach(() => {
      // Another program that now holds the number the PID file names (after a crash or a reboot).
      // Outlives a Neo4j start on a busy machine (2 min and more); afterEach kills it.
      other = spawn('sleep', ['900'], { stdio: 'ignore' });
      fs.mkdirSync(dirs.run, { recursive: true });
      fs.writeFileSync(dirs.pidFile, String(other.pid));
    });

    afterEach(() => {
      if (alive(other)) other.kill('SIGKILL');
    });

    it('is not signalled by stop, which reports the instance as not running and removes the file', async () => {
      await neo4jServer.stop({ name: INSTANCE.name });
      await new Promise((r) => setTimeout(r, 300));
      expect(alive(other)).toBe(true);
      expect(fs.existsSync(dirs.pidFile)).toBe(false);
    });

    it("is not taken for this instance's when it names the Neo4j of an instance whose folder name extends this one's", async () => {
      // A Neo4j's command line, as scripts/neo4j.cjs starts it, for the instance "<name>-2" (whose
      // home has this instance's home as a prefix); a Node process stands in for its JVM.
      const home = `${dirs.home}-2`;
      const neighbour = spawn(
        process.execPath,
        ['-e', 'setTimeout(() => {}, 900000)', 'org.neo4j.server.CommunityEntryPoint', `--home-dir=${home}`, `--config-dir=${home}/conf`],
        { stdio: 'ignore' },
      );
      try {
        await new Promise((r) => setTimeout(r, 200)); // its command line is in place
        fs.writeFileSync(dirs.pidFile, String(neighbour.pid));
        await neo4jServer.stop({ name: INSTANCE.name });
        await new Promise((r) => setTimeout(r, 300));
        expect(alive(neighbour)).toBe(true);
        expect(fs.existsSync(dirs.pidFile)).toBe(false);
      } finally {
        neighbour.kill('SIGKILL');
      }
    });

    it('is not taken for a running instance by status', async () => {
      await expect(neo4jServer.status(INSTANCE)).resolves.toBe(false);
      expect(alive(other)).toBe(true);
      expect(fs.existsSync(dirs.pidFile)).toBe(false);
    });

    it('does not stop a start: the instance starts, and the other program is left alone', async () => {
      const started = await runNode(START_FROM_CHILD);
      expect(started.stderr).toContain('ignoring a stale PID file');
      expect(started.code).toBe(0);
      expect(alive(other)).toBe(true);
      const { pid } = JSON.parse(started.stdout) as { pid: number };
      expect(instanceJvms(dirs.home)).toEqual([pid]);
      await neo4jServer.stop({ name: INSTANCE.name });
      expect(instanceJvms(dirs.home)).toEqual([]);
      expect(alive(other)).toBe(true);
    }, 240_000);
  });

  it('two concurrent starts of one instance start one JVM, and both get it', async () => {
    fs.rmSync(dirs.home, { recursive: true, force: true });
    const [a, b] = await Promise.all([runNode(START_FROM_CHILD), runNode(START_FROM_CHILD)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const pids = [a, b].map((r) => (JSON.parse(r.stdout) as { pid: number }).pid);
    expect(pids[0]).toBe(pids[1]);
    expect(instanceJvms(dirs.home)).toEqual([pids[0]]);
    expect(`${a.stderr}${b.stderr}`).toContain('another start of');
    expect(`${a.stderr}${b.stderr}`).toContain('already running');
    expect(fs.existsSync(dirs.startLock)).toBe(false);
  }, 240_000);

  it('sets the initial password from an argument file that does not outlive the start', async () => {
    // The instance above was created from scratch with INSTANCE.password: Bolt accepts exactly it.
    expect(fs.existsSync(path.join(dirs.run, 'initial-password.args'))).toBe(false);
    const db = Database.connect(
      loadConfig({ NEO4J_URI: `bolt://127.0.0.1:${PORT}`, NEO4J_PASSWORD: INSTANCE.password }).neo4j,
      silentLogger,
    );
    try {
      await expect(db.read<{ one: number }>('RETURN 1 AS one')).resolves.toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('quotes an argument-file argument so that picocli reads it back unchanged', () => {
    expect(neo4jServer.picocliArgument('plain')).toBe('"plain"');
    expect(neo4jServer.picocliArgument('@file')).toBe('"@@file"');
    expect(neo4jServer.picocliArgument('a "b" c\\d\ne')).toBe('"a \\"b\\" c\\\\d\\ne"');
  });

  it("run passes the exit code on and says that the project's Neo4j keeps running and how to stop it", () => {
    const env = { ...process.env, MAILLON_NEO4J_INSTANCE: INSTANCE.name, MAILLON_NEO4J_BOLT_PORT: String(PORT), NEO4J_URI: '' };
    const result = spawnSync(process.execPath, [SCRIPT, 'run', process.execPath, '-e', 'process.exit(3)'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(
      /the project's Neo4j \(test-script-\d+, bolt:\/\/127\.0\.0\.1:\d+, pid \d+\) keeps running\. Stop it with: npm run db:stop/,
    );
  });

  it("run says nothing about a Neo4j of the user's own (NEO4J_URI set)", () => {
    const env = { ...process.env, MAILLON_NEO4J_INSTANCE: INSTANCE.name, NEO4J_URI: `bolt://127.0.0.1:${PORT}` };
    const result = spawnSync(process.execPath, [SCRIPT, 'run', process.execPath, '-e', 'process.exit(0)'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('keeps running');
  });
});
