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
 * CLI: node scripts/neo4j.cjs install | start | stop | status | ensure
 *   ensure = start, unless NEO4J_URI names a Neo4j of the user's own (then nothing is started).
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const POM = path.join(ROOT, 'db', 'neo4j', 'pom.xml');
const LIB = path.join(ROOT, 'db', 'neo4j', 'lib');
const INSTANCES = path.join(ROOT, '.neo4j');

loadDotEnv();

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
  return {
    name: 'dev',
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
    consoleLog: path.join(home, 'logs', 'console.log'),
  };
}

function readPinnedVersion() {
  const pom = fs.readFileSync(POM, 'utf8');
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match) throw new Error(`No <neo4j.version> in ${POM}`);
  return match[1];
}

/** Reads .env (if any) without overriding variables already set, like dotenv does at run time. */
function loadDotEnv() {
  const file = path.join(ROOT, '.env');
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    const value = m[2].replace(/^(['"])(.*)\1$/, '$2');
    if (process.env[m[1]] === undefined) process.env[m[1]] = value;
  }
}

function log(message) {
  process.stderr.write(`[neo4j] ${message}\n`);
}

class Neo4jSetupError extends Error {}

function ensureJava() {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Neo4jSetupError(
      'Java 17 or newer is required to run the project\'s Neo4j, and `java` was not found on PATH.\n' +
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
    'db.logs.query.enabled=OFF',
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

function setInitialPassword(spec, dirs) {
  const result = spawnSync(
    'java',
    ['-cp', path.join(LIB, '*'), 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', spec.password],
    { env: { ...process.env, NEO4J_HOME: dirs.home, NEO4J_CONF: dirs.conf }, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Neo4jSetupError(`Could not set Neo4j's initial password:\n${result.stdout}${result.stderr}`);
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
  const uri = `bolt://127.0.0.1:${spec.boltPort}`;
  const runningPid = readPid(dirs);
  if (processAlive(runningPid) && !spec.fresh) {
    if (await waitFor(() => boltAnswers(spec), 120_000)) {
      log(`already running. ${describe(spec, dirs, runningPid)}`);
      return { uri, pid: runningPid };
    }
    throw new Neo4jSetupError(`Neo4j (pid ${runningPid}) runs but Bolt does not answer; see ${dirs.logs}/neo4j.log`);
  }
  if (processAlive(runningPid)) await stop(spec);
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
  if (!up) throw new Neo4jSetupError(`Neo4j did not answer on Bolt within 180 s; see ${dirs.logs}/neo4j.log`);
  log(`started. ${describe(spec, dirs, child.pid)}`);
  return { uri, pid: child.pid };
}

/**
 * Stops an instance (SIGTERM, then SIGKILL after 60 s); does nothing when it is not running.
 * @param {Pick<InstanceSpec, 'name'>} spec
 */
async function stop(spec = devInstance()) {
  const dirs = instanceDirs(spec.name);
  const pid = readPid(dirs);
  if (!processAlive(pid)) {
    log(`${spec.name} is not running.`);
    fs.rmSync(dirs.pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGTERM');
  if (!(await waitFor(() => !processAlive(pid), 60_000))) process.kill(pid, 'SIGKILL');
  await waitFor(() => !processAlive(pid), 10_000);
  fs.rmSync(dirs.pidFile, { force: true });
  log(`${spec.name} stopped.`);
}

/** @returns {Promise<boolean>} whether the instance runs and answers on Bolt */
async function status(spec = devInstance()) {
  const dirs = instanceDirs(spec.name);
  const pid = readPid(dirs);
  if (!processAlive(pid)) {
    log(`${spec.name} is not running (bolt port ${spec.boltPort}). Start it with npm run db:start.`);
    return false;
  }
  const answers = await boltAnswers(spec);
  log(`${answers ? 'running' : 'process alive but Bolt not answering'}. ${describe(spec, dirs, pid)}`);
  return answers;
}

async function main(command) {
  switch (command) {
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
      throw new Neo4jSetupError(`Unknown command "${command}". Use: install | start | stop | status | ensure`);
  }
}

module.exports = { start, stop, status, install, devInstance, instanceDirs, NEO4J_VERSION, DEFAULT_DEV_PASSWORD };

if (require.main === module) {
  main(process.argv[2]).catch((error) => {
    log(error instanceof Neo4jSetupError ? error.message : error.stack || String(error));
    process.exit(1);
  });
}
