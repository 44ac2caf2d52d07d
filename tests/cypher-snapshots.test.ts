import { type Database } from '../src/db';
import { CHAIN, LABEL_INTEGRITY, NEIGHBOURHOOD, SUPPLIER_STATEMENTS, UNFILTERED_NEIGHBOURHOOD } from '../src/reasoning';
import { connectTestDb } from './helpers/db';

/**
 * The big composed statements of src/reasoning/ as they run, fragments expanded: a change to a
 * fragment shows here as a change to every statement that uses it, so a reviewer sees the Cypher
 * that will run, not only the TypeScript that builds it. Update with `npx jest -u` after reading the
 * diff. Each statement is also planned by the test Neo4j (EXPLAIN), so a snapshot is never of text
 * that does not parse.
 */
const STATEMENTS: [name: string, cypher: string][] = [
  ...Object.entries(SUPPLIER_STATEMENTS).map(([step, cypher]): [string, string] => [`suppliers ${step}`, cypher]),
  ...Object.entries(CHAIN).map(([direction, cypher]): [string, string] => [`chains CHAIN.${direction}`, cypher]),
  ...Object.entries(LABEL_INTEGRITY).map(([kind, cypher]): [string, string] => [`chains LABEL_INTEGRITY.${kind}`, cypher]),
  ...Object.entries(NEIGHBOURHOOD).map(([depth, cypher]): [string, string] => [`neighbourhood NEIGHBOURHOOD[${depth}]`, cypher]),
  ...Object.entries(UNFILTERED_NEIGHBOURHOOD).map(([depth, cypher]): [string, string] => [
    `neighbourhood UNFILTERED_NEIGHBOURHOOD[${depth}]`,
    cypher,
  ]),
];

describe('the composed Cypher of the questions', () => {
  let db: Database;

  beforeAll(async () => {
    // Planning the chain and label-integrity statements takes seconds on a cold, busy database.
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
  });

  afterAll(async () => {
    await db.close();
  });

  it('covers every step of the suppliers pipeline, direction, integrity scope and neighbourhood depth', () => {
    expect(STATEMENTS.map(([name]) => name)).toEqual([
      'suppliers RESOLVE_SUPPLIER_QUESTION',
      'suppliers SUPPLIER_CANDIDATES',
      'suppliers DIRECT_CANDIDATES',
      'suppliers WAY_PATHS',
      'suppliers RESELLERS_DELIVERING',
      'suppliers SUPPLIER_MATCH_MAPS',
      'chains CHAIN.UPSTREAM',
      'chains CHAIN.DOWNSTREAM',
      'chains LABEL_INTEGRITY.ACTOR',
      'chains LABEL_INTEGRITY.PRODUCT',
      'chains LABEL_INTEGRITY.DEPARTMENT',
      'chains LABEL_INTEGRITY.EPCI',
      'neighbourhood NEIGHBOURHOOD[1]',
      'neighbourhood NEIGHBOURHOOD[2]',
      'neighbourhood NEIGHBOURHOOD[3]',
      'neighbourhood NEIGHBOURHOOD[4]',
      'neighbourhood UNFILTERED_NEIGHBOURHOOD[1]',
      'neighbourhood UNFILTERED_NEIGHBOURHOOD[2]',
      'neighbourhood UNFILTERED_NEIGHBOURHOOD[3]',
      'neighbourhood UNFILTERED_NEIGHBOURHOOD[4]',
    ]);
  });

  it.each(STATEMENTS)('%s is the statement in the snapshot', (_name, cypher) => {
    expect(cypher).toMatchSnapshot();
  });

  it.each(STATEMENTS)(
    '%s is Cypher that Neo4j plans',
    async (_name, cypher) => {
      await expect(db.read(`EXPLAIN ${cypher}`, {})).resolves.toEqual([]);
    },
    150_000,
  );

  it('holds no unexpanded fragment and no user value: every value is a $parameter', () => {
    for (const [, cypher] of STATEMENTS) {
      expect(cypher).not.toMatch(/\$\{|undefined|\[object Object\]/);
    }
  });
});
