/**
 * `npm run -s build && node dist/bench/report-profile.js [-- --department 26 | --epci 200068781] [--year 2025]`
 *
 * Profiles one territory report statement by statement (docs/benchmarks.md, W6): builds it once to
 * warm the plans, then once more recording every statement the service sends (its name, wall time
 * inside the report, rows and bytes shipped), then runs each recorded statement alone with
 * `PROFILE` and the same parameters (database hits summed over the plan, Neo4j's own time). Against
 * the configured Neo4j, which must hold the seed. What does not drift on a shared machine is the db
 * hits, rows and bytes; the times are printed with the load average.
 */
// First: the server's modules declare type-graphql classes, which need the metadata polyfill loaded.
import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import { integerOption, parseCommandLine, readCommandLine, runCli } from '../scripts/cli';
import { LABEL_INTEGRITY, NEED_CANDIDATE_LEADS, SUPPLIER_STATEMENTS, TERRITORY_NEEDS } from '../src/reasoning';
import { buildTerritoryReport, REPORT_STATEMENTS, ReportTerritoryKind } from '../src/reports';
import { loadConfig } from '../src/config';

const USAGE = 'usage: node dist/bench/report-profile.js [--department 26 | --epci 200068781 | --commune 26362] [--year 2025]';

const options = readCommandLine('report-profile', USAGE, (argv) => {
  const { values } = parseCommandLine(argv, {
    options: { department: { type: 'string' }, epci: { type: 'string' }, commune: { type: 'string' }, year: { type: 'string' } },
  });
  const ref = values.epci
    ? { kind: ReportTerritoryKind.EPCI, code: values.epci }
    : values.commune
      ? { kind: ReportTerritoryKind.COMMUNE, code: values.commune }
      : { kind: ReportTerritoryKind.DEPARTMENT, code: values.department ?? '26' };
  return { ref, year: integerOption('year', values.year, 2025, 2000, 2100) };
});

/** The statements' names, by their text: the report's own and the reasoning questions'. */
function statementNames(): Map<string, string> {
  const named: [string, string | Readonly<Record<string, string>>][] = [
    ...Object.entries(REPORT_STATEMENTS),
    ...Object.entries(SUPPLIER_STATEMENTS),
    ['LABEL_INTEGRITY', LABEL_INTEGRITY],
    ['TERRITORY_NEEDS', TERRITORY_NEEDS],
    ['NEED_CANDIDATE_LEADS', NEED_CANDIDATE_LEADS],
  ];
  const names = new Map<string, string>();
  for (const [name, value] of named) {
    if (typeof value === 'string') names.set(value, name);
    else for (const [kind, text] of Object.entries(value)) names.set(text, `${name}[${kind}]`);
  }
  return names;
}

type PlanNode = { dbHits?: number; children?: PlanNode[] };
const sumDbHits = (node: PlanNode): number => (node.dbHits ?? 0) + (node.children ?? []).reduce((t, c) => t + sumDbHits(c), 0);

runCli('report-profile', async (db) => {
  const names = statementNames();
  // The questions' statements the reasoning module keeps to itself, known by what they return.
  const questionOf = (cypher: string) =>
    cypher.includes('$includePartial') ? 'UNMET_NEEDS' : cypher.includes('outsideValueEur') ? 'SUPPLY_RISK' : undefined;
  const nameOf = (cypher: string) => names.get(cypher) ?? questionOf(cypher) ?? `other: ${cypher.replace(/\s+/g, ' ').trim().slice(0, 70)}`;
  const { ref, year } = options;
  await buildTerritoryReport(db, ref, year); // plans every statement
  const recorded: { name: string; cypher: string; params: Record<string, unknown>; ms: number; rows: number; bytes: number }[] = [];
  const read = db.read.bind(db);
  db.read = async <T extends Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> => {
    const started = performance.now();
    const rows = await read<T>(cypher, params);
    recorded.push({
      name: nameOf(cypher),
      cypher,
      params,
      ms: performance.now() - started,
      rows: rows.length,
      bytes: JSON.stringify(rows).length,
    });
    return rows;
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await buildTerritoryReport(db, ref, year);
  const wallMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  db.read = read;

  const config = loadConfig();
  const driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password));
  try {
    process.stdout.write(
      `${ref.kind} ${ref.code}, year ${year}; load ${os.loadavg()[0]!.toFixed(1)}; report ${Math.round(wallMs)} ms wall, ` +
        `Node CPU ${Math.round((user + system) / 1000)} ms; ${recorded.length} statements\n\n`,
    );
    process.stdout.write('| statement | in report ms | alone ms | db hits | rows | bytes |\n| --- | --: | --: | --: | --: | --: |\n');
    let hits = 0;
    let alone = 0;
    for (const r of recorded) {
      // Alone: the statement as the service sends it (its plan cached), then PROFILE for the hits
      // (PROFILE's own text plans apart, so its time would count planning).
      const run = await driver.executeQuery(r.cypher, r.params, { routing: neo4j.routing.READ });
      const ms = run.summary.resultAvailableAfter.toNumber() + run.summary.resultConsumedAfter.toNumber();
      const result = await driver.executeQuery(`PROFILE ${r.cypher}`, r.params, { routing: neo4j.routing.READ });
      const dbHits = sumDbHits(result.summary.profile as unknown as PlanNode);
      hits += dbHits;
      alone += ms;
      process.stdout.write(
        `| ${r.name} | ${Math.round(r.ms)} | ${ms} | ${dbHits.toLocaleString('en')} | ${r.rows} | ${r.bytes.toLocaleString('en')} |\n`,
      );
    }
    const bytes = recorded.reduce((t, r) => t + r.bytes, 0);
    process.stdout.write(
      `| **total** | ${Math.round(wallMs)} (wall) | ${alone} | ${hits.toLocaleString('en')} | | ${bytes.toLocaleString('en')} |\n`,
    );
  } finally {
    await driver.close();
  }
});
