#!/usr/bin/env node
/**
 * Installs, starts, stops and reports on the project's own Neo4j 5.26 LTS Community server.
 *
 * The jars come from Maven Central through db/neo4j/pom.xml (into db/neo4j/lib, ignored); each
 * instance lives under .neo4j/<name>/ (conf, data, logs, run; ignored) and listens for Bolt on
 * 127.0.0.1 only. The development instance serves `npm start`; the test suite starts its own
 * instances (other ports, other folders) through the same functions, so `npm test` never touches
 * the data `npm start` serves.
 *
 * Plain CommonJS on purpose: it runs before the TypeScript build (`npm start`) and is required by
 * Jest's global setup and by tests that stop and restart a server.
 *
 * CLI: node scripts/neo4j.cjs install | start | stop | status | ensure | run <command...>
 *   ensure = start, unless NEO4J_URI names a Neo4j of the user's own (then nothing is started).
 *   run    = run a command in the foreground (`npm start`'s server) and, when it exits, say that the
 *            project's Neo4j keeps running and how to stop it.
 *
 * Safety: a PID file is trusted only when its process is this instance's JVM (its command line is
 * checked), so a stale file whose number now belongs to another program is never signalled; a start
 * holds run/start.lock, so two concurrent starts of one instance start one JVM; the initial password
 * reaches neo4j-admin in an argument file readable by this user only, never on a command line.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const dotenv = require('dotenv');

const ROOT = path.resolve(__dirname, '..');
const POM = path.join(ROOT, 'db', 'neo4j', 'pom.xml');
const LIB = path.join(ROOT, 'db', 'neo4j', 'lib');
const INSTANCES = path.join(ROOT, '.neo4j');

// The same reader as the server (`import 'dotenv/config'`): .env never overrides the environment.
dotenv.config({ path: path.join(ROOT, '.env'), quiet: true });

const NEO4J_VERSION = readPinnedVersion();
const DEFAULT_DEV_PASSWORD = 'maillon-dev-password';

/**
 * JVM options the Neo4j distribution's launcher adds from the `server.jvm.additional` lines of its
 * default neo4j.conf (5.26). A JVM started by hand needs them too: without the --add-opens flags
 * Netty and the page cache fall back to slow paths or fail.
 */
const DISTRIBUTION_JVM_OPTIONS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+AlwaysPreTouch',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-XX:FlightRecorderOptions=stackdepth=256',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:+DebugNonSafepoints',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.base/java.lang.invoke=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dlog4j.layout.jsonTemplate.maxStringLength=32768',
  '-Dfile.encoding=UTF-8',
];

/**
 * The development instance, as configured by the environment (see .env.example).
 * @returns {InstanceSpec}
 */
function devInstance() {
  const name = process.env.MAILLON_NEO4J_INSTANCE || 'dev';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new Neo4jSetupError(`MAILLON_NEO4J_INSTANCE="${name}": expected a folder name (letters, digits, . _ -), e.g. "dev"`);
  }
  return {
    name,
    boltPort: Number(process.env.MAILLON_NEO4J_BOLT_PORT || 7687),
    password: process.env.NEO4J_PASSWORD || DEFAULT_DEV_PASSWORD,
    heap: process.env.MAILLON_NEO4J_HEAP || '2g',
    pageCache: process.env.MAILLON_NEO4J_PAGECACHE || '2g',
    transactionTimeout: process.env.MAILLON_NEO4J_TX_TIMEOUT || '10m',
  };
}

/**
 * @typedef {object} InstanceSpec
 * @property {string} name        folder under .neo4j/
 * @property {number} boltPort    Bolt listens on 127.0.0.1:<boltPort>
 * @property {string} password    password of the `neo4j` user (set before the first start)
 * @property {string} heap        JVM heap (-Xms = -Xmx), e.g. "1g"
 * @property {string} pageCache   server.memory.pagecache.size
 * @property {string} transactionTimeout db.transaction.timeout
 * @property {boolean} [fresh]    wipe data and logs before starting (throwaway test instances)
 */

function instanceDirs(name) {
  const home = path.join(INSTANCES, name);
  return {
    home,
    conf: path.join(home, 'conf'),
    data: path.join(home, 'data'),
    logs: path.join(home, 'logs'),
    run: path.join(home, 'run'),
    pidFile: path.join(home, 'run', 'neo4j.pid'),
    startLock: path.join(home, 'run', 'start.lock'),
    consoleLog: path.join(home, 'logs', 'console.log'),
  };
}

function readPinnedVersion() {
  const pom = fs.readFileSync(POM, 'utf8');
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match) throw new Error(`No <neo4j.version> in ${POM}`);
  return match[1];
}

function log(message) {
  process.stderr.write(`[neo4j] ${message}\n`);
}

class Neo4jSetupError extends Error {}

function ensureJava() {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Neo4jSetupError(
      "Java 17 or newer is required to run the project's Neo4j, and `java` was not found on PATH.\n" +
        '  Install it (Debian/Ubuntu: apt-get install openjdk-17-jre-headless), or point NEO4J_URI at a Neo4j 5 of your own.',
    );
  }
  const version = /version "(\d+)/.exec(result.stderr || '');
  if (version && Number(version[1]) < 17) {
    throw new Neo4jSetupError(`Neo4j 5.26 needs Java 17 or newer; \`java -version\` says ${version[1]}.`);
  }
}

function jarsInstalled() {
  return fs.existsSync(path.join(LIB, `neo4j-${NEO4J_VERSION}.jar`));
}

/** Copies the Neo4j jars from Maven Central into db/neo4j/lib unless they are already there. */
function install() {
  if (jarsInstalled()) return;
  ensureJava();
  log(`installing Neo4j ${NEO4J_VERSION} Community from Maven Central into ${path.relative(ROOT, LIB)}/ ...`);
  fs.rmSync(LIB, { recursive: true, force: true });
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', POM, 'dependency:copy-dependencies'], { stdio: 'inherit' });
  if (mvn.error) {
    throw new Neo4jSetupError(
      'Maven (`mvn`) is required to fetch Neo4j from Maven Central and was not found on PATH.\n' +
        '  Install it (Debian/Ubuntu: apt-get install maven), or point NEO4J_URI at a Neo4j 5 of your own.',
    );
  }
  if (mvn.status !== 0 || !jarsInstalled()) {
    throw new Neo4jSetupError(`Maven could not fetch org.neo4j:neo4j:${NEO4J_VERSION} (exit ${mvn.status}).`);
  }
  log('installed.');
}

/** How long a stopping Neo4j lets running transactions finish (docs/reliability.md: requests inside Neo4j when it stops). */
const SHUTDOWN_TRANSACTION_END_TIMEOUT = '1s';

function neo4jConf(spec, dirs) {
  return [
    '# Written by scripts/neo4j.cjs at each start: edit the script or the environment, not this file.',
    `server.directories.data=${dirs.data}`,
    `server.directories.logs=${dirs.logs}`,
    `server.directories.run=${dirs.run}`,
    `server.bolt.listen_address=127.0.0.1:${spec.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${spec.boltPort}`,
    'server.default_listen_address=127.0.0.1',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    `server.memory.heap.initial_size=${spec.heap}`,
    `server.memory.heap.max_size=${spec.heap}`,
    `server.memory.pagecache.size=${spec.pageCache}`,
    // A runaway query must not hold the single dev machine: the API's own timeouts are shorter.
    `db.transaction.timeout=${spec.transactionTimeout}`,
    // A graceful stop waits this long for the transactions in flight before ending them (10 s by
    // default): the API's clients then wait as long for an answer that can only be "unavailable".
    `db.shutdown_transaction_end_timeout=${SHUTDOWN_TRANSACTION_END_TIMEOUT}`,
    'db.logs.query.enabled=OFF',
    // Bolt's shutdown waits 5 s for its connections and 5 s for its thread pools, after the databases
    // are stopped and checkpointed: a stop took 10.5 s, idle. 1 s each: 2.5 s (the event loops are
    // then ended, with nothing left on them).
    'internal.server.bolt.connection_shutdown_wait_time=1s',
    'internal.server.bolt.thread_pool_shutdown_wait_time=1s',
    '',
  ].join('\n');
}

function readPid(dirs) {
  try {
    const pid = Number(fs.readFileSync(dirs.pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The main class of the JVM a start spawns: what identifies a Neo4j server among the processes. */
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';

/**
 * The command line of a process as one string, or undefined when there is no such process (or it
 * cannot be read). Linux: /proc/<pid>/cmdline; elsewhere (macOS): ps.
 */
function commandLineOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim() || undefined;
  } catch {
    if (process.platform === 'linux') return undefined;
    const ps = spawnSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    return ps.status === 0 && ps.stdout.trim() ? ps.stdout.trim() : undefined;
  }
}

/**
 * Whether `pid` is this instance's Neo4j: a process running Neo4j's entry point with this instance's
 * home as a whole argument (bounded by spaces: the home of instance "test" is a prefix of the home
 * of "test-7800", whose JVM is not this instance's).
 */
function isInstanceProcess(pid, dirs) {
  const line = pid ? commandLineOf(pid) : undefined;
  return line !== undefined && line.includes(ENTRY_POINT) && ` ${line} `.includes(` --home-dir=${dirs.home} `);
}

/**
 * The pid of the instance's running Neo4j, from its PID file, verified against the process; a
 * PID file naming no process, or a process that is not this instance's Neo4j (the number was reused
 * after a crash or a reboot), is stale: it is removed and never signalled.
 */
function runningPid(dirs) {
  const pid = readPid(dirs);
  if (pid === undefined) return undefined;
  if (isInstanceProcess(pid, dirs)) return pid;
  log(`ignoring a stale PID file (${path.relative(ROOT, dirs.pidFile)}: pid ${pid} is not this instance's Neo4j)`);
  fs.rmSync(dirs.pidFile, { force: true });
  return undefined;
}

function processAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function boltAnswers(spec) {
  const neo4j = require('neo4j-driver');
  const driver = neo4j.driver(`bolt://127.0.0.1:${spec.boltPort}`, neo4j.auth.basic('neo4j', spec.password), {
    connectionTimeout: 2000,
    connectionAcquisitionTimeout: 2000,
    maxConnectionPoolSize: 1,
    logging: { level: 'error', logger: () => undefined },
  });
  try {
    await driver.executeQuery('RETURN 1');
    return true;
  } catch (error) {
    if (error && error.code === 'Neo.ClientError.Security.Unauthorized') {
      throw new Neo4jSetupError(
        `Neo4j on port ${spec.boltPort} refused the configured password. The password is set when the ` +
          `data folder is first created; set NEO4J_PASSWORD to the one it was created with, or remove ` +
          `${path.relative(ROOT, instanceDirs(spec.name).data)}/ to start over.`,
      );
    }
    return false;
  } finally {
    await driver.close();
  }
}

async function waitFor(predicate, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}

/**
 * One argument in picocli's argument-file syntax (neo4j-admin reads `@file` arguments: Operations
 * Manual, "Neo4j Admin and Neo4j CLI"): double-quoted, with backslash escapes for \\, " and line
 * breaks, and a leading @ doubled so that it is not read as the name of another argument file.
 */
function picocliArgument(value) {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `"${value.startsWith('@') ? '@' : ''}${escaped}"`;
}

/**
 * Sets the password of the `neo4j` user before the first start. The password goes to neo4j-admin in
 * an argument file (mode 600, removed at once), not on its command line, which any local user can
 * read (ps, /proc/<pid>/cmdline). `--` ends the options, so a password starting with - is a password.
 */
function setInitialPassword(spec, dirs) {
  const argsFile = path.join(dirs.run, 'initial-password.args');
  fs.rmSync(argsFile, { force: true });
  fs.writeFileSync(argsFile, `-- ${picocliArgument(spec.password)}\n`, { mode: 0o600, flag: 'wx' });
  let result;
  try {
    result = spawnSync('java', ['-cp', path.join(LIB, '*'), 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', `@${argsFile}`], {
      env: { ...process.env, NEO4J_HOME: dirs.home, NEO4J_CONF: dirs.conf },
      encoding: 'utf8',
    });
  } finally {
    fs.rmSync(argsFile, { force: true });
  }
  if (result.status !== 0) {
    throw new Neo4jSetupError(`Could not set Neo4j's initial password:\n${result.stdout}${result.stderr}`);
  }
}

/**
 * The pid in a start lock; 'gone' when the lock disappeared meanwhile; 'stale' when it has held no
 * pid for 10 s (its holder died between creating and writing it); 0 when it is being written.
 */
function readLockHolder(lockFile) {
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0) return pid;
    return Date.now() - fs.statSync(lockFile).mtimeMs > 10_000 ? 'stale' : 0;
  } catch (error) {
    if (error.code === 'ENOENT') return 'gone';
    throw error;
  }
}

/** How long a start waits for another start of the same instance (which may install Neo4j first). */
const START_LOCK_WAIT_MS = 600_000;

/**
 * Runs `work` holding the instance's start lock (run/start.lock, created exclusively, holding the
 * holder's pid), so that of two concurrent starts one starts the JVM and the other, once the lock
 * is free, finds it running. A lock whose holder has died is stale and taken over.
 */
async function withStartLock(spec, dirs, work) {
  fs.mkdirSync(dirs.run, { recursive: true });
  const deadline = Date.now() + START_LOCK_WAIT_MS;
  let waiting = false;
  for (;;) {
    try {
      fs.writeFileSync(dirs.startLock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = readLockHolder(dirs.startLock);
    if (holder === 'gone') continue;
    if (holder === 'stale' || (holder !== 0 && !processAlive(holder))) {
      log(`removing a stale start lock (${holder === 'stale' ? 'no holder recorded' : `its holder, pid ${holder}, is gone`})`);
      fs.rmSync(dirs.startLock, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Neo4jSetupError(
        `Another start of ${spec.name} (pid ${holder}) has held ${path.relative(ROOT, dirs.startLock)} for ${START_LOCK_WAIT_MS / 1000} s. ` +
          'If no start is running, remove that file.',
      );
    }
    if (!waiting) log(`another start of ${spec.name} is in progress (pid ${holder}); waiting for it ...`);
    waiting = true;
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    return await work();
  } finally {
    fs.rmSync(dirs.startLock, { force: true });
  }
}

function describe(spec, dirs, pid) {
  return (
    `Neo4j ${NEO4J_VERSION} (${spec.name}) listens on bolt://127.0.0.1:${spec.boltPort} (pid ${pid})\n` +
    `  data: ${path.relative(ROOT, dirs.data)}/   logs: ${path.relative(ROOT, dirs.logs)}/ (neo4j.log, debug.log, console.log)`
  );
}

/**
 * Starts an instance and waits until Bolt answers; returns at once when it already runs.
 * @param {InstanceSpec} spec
 * @returns {Promise<{uri: string, pid: number}>}
 */
async function start(spec = devInstance()) {
  const dirs = instanceDirs(spec.name);
  return withStartLock(spec, dirs, () => startLocked(spec, dirs));
}

async function startLocked(spec, dirs) {
  const uri = `bolt://127.0.0.1:${spec.boltPort}`;
  const pid = runningPid(dirs);
  if (pid !== undefined && !spec.fresh) {
    if (await waitFor(() => boltAnswers(spec), 120_000)) {
      log(`already running. ${describe(spec, dirs, pid)}`);
      return { uri, pid };
    }
    throw new Neo4jSetupError(`Neo4j (pid ${pid}) runs but Bolt does not answer; see ${dirs.logs}/neo4j.log`);
  }
  if (pid !== undefined) await stop(spec);
  if (await portOpen(spec.boltPort)) {
    throw new Neo4jSetupError(
      `Port ${spec.boltPort} is already in use by another program, so the project's Neo4j cannot listen there.\n` +
        '  Stop that program, choose another port with MAILLON_NEO4J_BOLT_PORT, or, if it is a Neo4j of your own,\n' +
        `  set NEO4J_URI=bolt://localhost:${spec.boltPort} (and NEO4J_PASSWORD) to use it.`,
    );
  }
  install();
  ensureJava();
  if (spec.fresh) {
    fs.rmSync(dirs.data, { recursive: true, force: true });
    fs.rmSync(dirs.logs, { recursive: true, force: true });
  }
  for (const dir of [dirs.conf, dirs.data, dirs.logs, dirs.run]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dirs.conf, 'neo4j.conf'), neo4jConf(spec, dirs));
  if (!fs.existsSync(path.join(dirs.data, 'dbms', 'auth.ini')) && !fs.existsSync(path.join(dirs.data, 'databases'))) {
    setInitialPassword(spec, dirs);
  }

  const out = fs.openSync(dirs.consoleLog, 'a');
  const child = spawn(
    'java',
    [
      `-Xms${spec.heap}`,
      `-Xmx${spec.heap}`,
      ...DISTRIBUTION_JVM_OPTIONS,
      '-cp',
      path.join(LIB, '*'),
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${dirs.home}`,
      `--config-dir=${dirs.conf}`,
    ],
    { cwd: dirs.home, detached: true, stdio: ['ignore', out, out], env: { ...process.env, NEO4J_HOME: dirs.home } },
  );
  child.unref();
  fs.closeSync(out);
  fs.writeFileSync(dirs.pidFile, String(child.pid));
  log(`starting (pid ${child.pid}) ...`);

  const up = await waitFor(async () => {
    if (!processAlive(child.pid)) return true;
    return boltAnswers(spec);
  }, 180_000);
  if (!processAlive(child.pid)) {
    throw new Neo4jSetupError(`Neo4j exited during start; see ${dirs.consoleLog} and ${dirs.logs}/neo4j.log`);
  }
  // Left running on purpose: on a slow machine it may still come up, and the next start finds it and
  // waits for it instead of starting a second JVM. The message says how to check or stop it.
  if (!up)
    throw new Neo4jSetupError(
      `Neo4j (pid ${child.pid}) did not answer on Bolt within 180 s and is left running: it may still be starting.\n` +
        `  Check with npm run db:status (the next start waits for it), or stop it with npm run db:stop; see ${dirs.logs}/neo4j.log`,
    );
  log(`started. ${describe(spec, dirs, child.pid)}`);
  return { uri, pid: child.pid };
}

/**
 * Stops an instance (SIGTERM, then SIGKILL after 60 s); does nothing when it is not running.
 * @param {Pick<InstanceSpec, 'name'>} spec
 */
async function stop(spec = devInstance()) {
  const dirs = instanceDirs(spec.name);
  const pid = runningPid(dirs);
  if (pid === undefined) {
    log(`${spec.name} is not running.`);
    fs.rmSync(dirs.pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGTERM');
  if (!(await waitFor(() => !isInstanceProcess(pid, dirs), 60_000))) process.kill(pid, 'SIGKILL');
  await waitFor(() => !processAlive(pid), 10_000);
  fs.rmSync(dirs.pidFile, { force: true });
  log(`${spec.name} stopped.`);
}

/** @returns {Promise<boolean>} whether the instance runs and answers on Bolt */
async function status(spec = devInstance()) {
  const dirs = instanceDirs(spec.name);
  const pid = runningPid(dirs);
  if (pid === undefined) {
    log(`${spec.name} is not running (bolt port ${spec.boltPort}). Start it with npm run db:start.`);
    return false;
  }
  const answers = await boltAnswers(spec);
  log(`${answers ? 'running' : 'process alive but Bolt not answering'}. ${describe(spec, dirs, pid)}`);
  return answers;
}

/**
 * Runs `argv` (the API) in the foreground with this terminal, and when it exits, says that the
 * project's Neo4j is still running and how to stop it: the database outlives `npm start` on purpose
 * (restarting the API is seconds, restarting Neo4j is not). Ctrl-C reaches the API directly (same
 * process group), so SIGINT is only waited out here; a SIGTERM sent to this process alone is passed on.
 */
function runForeground(argv) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit' });
    const ignoreInterrupt = () => undefined;
    const passTerm = () => child.kill('SIGTERM');
    process.on('SIGINT', ignoreInterrupt);
    process.on('SIGTERM', passTerm);
    const done = (code) => {
      process.off('SIGINT', ignoreInterrupt);
      process.off('SIGTERM', passTerm);
      if (!process.env.NEO4J_URI) {
        const spec = devInstance();
        const pid = runningPid(instanceDirs(spec.name));
        if (pid !== undefined) {
          log(
            `the project's Neo4j (${spec.name}, bolt://127.0.0.1:${spec.boltPort}, pid ${pid}) keeps running. Stop it with: npm run db:stop`,
          );
        }
      }
      resolve(code);
    };
    child.once('error', (error) => {
      log(`cannot run ${argv.join(' ')}: ${error.message}`);
      done(1);
    });
    child.once('exit', (code, signal) => done(code ?? 128 + (os.constants.signals[signal] ?? 0)));
  });
}

async function main(command, args = []) {
  switch (command) {
    case 'run':
      if (args.length === 0) throw new Neo4jSetupError('Usage: node scripts/neo4j.cjs run <command> [args...]');
      process.exitCode = await runForeground(args);
      return;
    case 'install':
      install();
      return;
    case 'start':
      await start();
      return;
    case 'ensure':
      if (process.env.NEO4J_URI) {
        log(`NEO4J_URI is set (${process.env.NEO4J_URI}): using that Neo4j, starting none.`);
        return;
      }
      await start();
      return;
    case 'stop':
      await stop();
      return;
    case 'status':
      process.exitCode = (await status()) ? 0 : 3;
      return;
    default:
      throw new Neo4jSetupError(`Unknown command "${command}". Use: install | start | stop | status | ensure | run <command...>`);
  }
}

module.exports = {
  start,
  stop,
  status,
  install,
  devInstance,
  instanceDirs,
  runningPid,
  picocliArgument,
  NEO4J_VERSION,
  DEFAULT_DEV_PASSWORD,
};

if (require.main === module) {
  main(process.argv[2], process.argv.slice(3)).catch((error) => {
    log(error instanceof Neo4jSetupError ? error.message : error.stack || String(error));
    process.exit(1);
  });
}
