/**
 * `npm run bench:planning -- [--runs 3] [--only suppliers,chain] [--prefix "CYPHER planner=dp"] [--json <file>]`
 *
 * Cold planning time of every statement the service runs (docs/benchmarks.md, "Planning time").
 * Asks the warm-up's questions (src/warmup.ts) and the heavier ones (matchmaking, supply risk, label
 * integrity, the territory reports) through the real schema, so that the database layer's
 * statement book learns each statement with realistic parameters; then, for each statement,
 * `runs` times: `CALL db.clearQueryCaches()` (Neo4j's plans dropped, as after a restart) and
 * `EXPLAIN` with those parameters. EXPLAIN plans and runs nothing, so its time is the planning time:
 * Neo4j's `resultAvailableAfter` (server side, wall clock), and the CPU time the Neo4j JVM used
 * meanwhile (from /proc, for an instance of scripts/neo4j.cjs): on a shared machine the wall clock
 * grows with the load, the CPU time much less. Prints the median per statement, its size and how
 * many subqueries it holds, costliest first.
 *
 * Neo4j: NEO4J_URI, else the instance of scripts/neo4j.cjs named by MAILLON_NEO4J_INSTANCE on
 * MAILLON_NEO4J_BOLT_PORT (started if it is not running), holding a graph (the seed: `npm run seed`).
 * `--prefix` runs every EXPLAIN with a query option, to compare planners.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execute, parse } from 'graphql';
import neo4j from 'neo4j-driver';
import pino from 'pino';
import { integerOption, parseCommandLine, readCommandLine } from '../scripts/cli';
import { loadConfig } from '../src/config';
import { createContext } from '../src/context';
import { countSubqueries, Database, PLANNING_TIMEOUT_MS } from '../src/db';
import { buildMaillonSchema } from '../src/schema';
import { warmUp } from '../src/warmup';

const ROOT = path.resolve(__dirname, '..', '..');
const USAGE = 'usage: npm run bench:planning -- [--runs 1..9] [--only name,...] [--prefix "CYPHER option=value"] [--json <file>]';

const options = readCommandLine('bench:planning', USAGE, (argv) => {
  const { values } = parseCommandLine(argv, {
    options: { runs: { type: 'string' }, only: { type: 'string' }, prefix: { type: 'string' }, json: { type: 'string' } },
  });
  return {
    runs: integerOption('runs', values.runs, 3, 1, 9),
    only: values.only ? values.only.split(',').map((s) => s.trim().toLowerCase()) : null,
    prefix: values.prefix ?? '',
    json: values.json,
  };
});

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The questions the warm-up does not ask: the heavier reasoning and the reports. Failures are printed, not fatal. */
const HEAVY_QUESTIONS: { name: string; query: string }[] = [
  { name: 'unmetNeeds', query: '{ unmetNeeds(scope: { departmentCode: "26" }) { needs { need { id } } } }' },
  { name: 'supplyRisk', query: '{ supplyRisk(scope: { departmentCode: "26" }) { singleSupplierNeeds { need { id } } } }' },
  { name: 'labelIntegrity', query: '{ labelIntegrity(scope: { departmentCode: "26" }) { checked broken } }' },
  { name: 'territoryReport (department)', query: '{ territoryReport(territory: { departmentCode: "26" }) { hasData } }' },
  { name: 'territoryReport (EPCI)', query: '{ territoryReport(territory: { epciSiren: "200068781" }) { hasData } }' },
];

/** Names each string of `value` (a text, or records of texts two levels deep: statements per filter set and page kind). */
function nameTexts(name: string, value: unknown, names: Map<string, string>, depth = 0): void {
  if (typeof value === 'string') names.set(value, name);
  else if (value && typeof value === 'object' && depth < 2)
    for (const [key, inner] of Object.entries(value)) nameTexts(`${name}.${key}`, inner, names, depth + 1);
}

/** Every string constant (or record of them) exported by a compiled `*.cypher.js` module, by text: names the statements. */
function statementNames(): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.cypher.js')) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exported = require(file) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exported)) nameTexts(name, value, names);
      }
    }
  };
  walk(path.join(__dirname, '..', 'src'));
  return names;
}

/** CPU milliseconds the Neo4j JVM has used (user + system), from /proc; null when its pid is not known. */
function neo4jCpuMs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times. */
const CLOCK_TICKS = 100;

/** The pid of an instance of scripts/neo4j.cjs, from its run/neo4j.pid. */
function readPid(instance: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(ROOT, '.neo4j', instance, 'run', 'neo4j.pid'), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<number> {
  const instanceEnv = { ...process.env };
  delete instanceEnv.NEO4J_URI;
  if (!process.env.NEO4J_URI) {
    const started = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'neo4j.cjs'), 'start'], { env: instanceEnv, stdio: 'inherit' });
    if (started.status !== 0) return 1;
  }
  const uri = process.env.NEO4J_URI ?? `bolt://127.0.0.1:${process.env.MAILLON_NEO4J_BOLT_PORT ?? '7687'}`;
  const logger = pino({ level: 'warn' });
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, NEO4J_QUERY_TIMEOUT_MS: String(PLANNING_TIMEOUT_MS) });
  const db = Database.connect(config.neo4j, logger);
  const driver = neo4j.driver(uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password));
  log(
    `machine: ${os.cpus()[0]?.model ?? '?'} x ${os.cpus().length}, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${uri}`,
  );
  try {
    const schema = await buildMaillonSchema();
    const warm = await warmUp(schema, db, logger);
    for (const f of warm.failed) log(`warm-up question failed: ${f.name}: ${f.message}`);
    for (const q of HEAVY_QUESTIONS) {
      const contextValue = createContext({ db: db.withQueryTimeout(PLANNING_TIMEOUT_MS), logger, requestId: 'planning' });
      const result = await execute({ schema, document: parse(q.query), contextValue });
      if (result.errors?.length) log(`question failed: ${q.name}: ${result.errors[0].message}`);
    }
    const names = statementNames();
    const statements = db
      .knownStatements()
      .map((s) => ({ ...s, name: names.get(s.cypher) ?? `(unnamed) ${s.cypher.trim().split('\n')[0].slice(0, 60)}` }))
      .filter((s) => !options.only || options.only.some((o) => s.name.toLowerCase().includes(o)));
    log(`${statements.length} statements; ${options.runs} cold EXPLAINs each${options.prefix ? `, with ${options.prefix}` : ''}\n`);
    const pid = process.env.NEO4J_URI ? null : readPid(process.env.MAILLON_NEO4J_INSTANCE ?? 'dev');
    const rows: { name: string; bytes: number; subqueries: number; serverMs: number; cpuMs: number | null; runsMs: number[] }[] = [];
    const session = driver.session({ database: config.neo4j.database });
    try {
      for (const s of statements) {
        const server: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < options.runs; i += 1) {
          await session.run('CALL db.clearQueryCaches()');
          const cpuBefore = neo4jCpuMs(pid);
          const result = await session.run(`EXPLAIN ${options.prefix} ${s.cypher}`, s.params, { timeout: PLANNING_TIMEOUT_MS });
          const cpuAfter = neo4jCpuMs(pid);
          server.push(result.summary.resultAvailableAfter.toNumber());
          if (cpuBefore !== null && cpuAfter !== null) cpu.push(cpuAfter - cpuBefore);
        }
        const row = {
          name: s.name,
          bytes: Buffer.byteLength(s.cypher),
          subqueries: countSubqueries(s.cypher),
          serverMs: median(server),
          cpuMs: cpu.length ? median(cpu) : null,
          runsMs: server,
        };
        rows.push(row);
        log(
          `${row.name}: ${row.serverMs} ms (${server.join(', ')}), Neo4j CPU ${row.cpuMs ?? '–'} ms, ${row.bytes} B, ${row.subqueries} subqueries`,
        );
      }
    } finally {
      await session.close();
    }
    rows.sort((a, b) => (b.cpuMs ?? b.serverMs) - (a.cpuMs ?? a.serverMs));
    log('\n| statement | bytes | subqueries | cold planning ms (median) | Neo4j CPU ms (median) | runs (ms) |');
    log('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const r of rows) log(`| ${r.name} | ${r.bytes} | ${r.subqueries} | ${r.serverMs} | ${r.cpuMs ?? '–'} | ${r.runsMs.join(', ')} |`);
    log(
      `\nload after: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    if (options.json)
      fs.writeFileSync(options.json, JSON.stringify({ at: new Date().toISOString(), prefix: options.prefix, rows }, null, 2));
    return 0;
  } finally {
    await driver.close();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
