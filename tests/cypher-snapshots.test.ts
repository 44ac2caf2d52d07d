import { type Database } from '../src/db';
import { CHAIN, LABEL_INTEGRITY, NEIGHBOURHOOD, SUPPLIER_MATCHES, SUPPLIER_QUESTION } from '../src/reasoning';
import { connectTestDb } from './helpers/db';

/**
 * The big composed statements of src/reasoning/ as they run, fragments expanded: a change to a
 * fragment shows here as a change to every statement that uses it, so a reviewer sees the Cypher
 * that will run, not only the TypeScript that builds it. Update with `npx jest -u` after reading the
 * diff. Each statement is also planned by the test Neo4j (EXPLAIN), so a snapshot is never of text
 * that does not parse.
 */
const STATEMENTS: [name: string, cypher: string][] = [
  ['suppliers SUPPLIER_MATCHES (the batch of resolved requests)', SUPPLIER_MATCHES],
  ['suppliers SUPPLIER_QUESTION (one question as a client asks it)', SUPPLIER_QUESTION],
  ...Object.entries(CHAIN).map(([direction, cypher]): [string, string] => [`chains CHAIN.${direction}`, cypher]),
  ...Object.entries(LABEL_INTEGRITY).map(([kind, cypher]): [string, string] => [`chains LABEL_INTEGRITY.${kind}`, cypher]),
  ...Object.entries(NEIGHBOURHOOD).map(([depth, cypher]): [string, string] => [`neighbourhood NEIGHBOURHOOD[${depth}]`, cypher]),
];

describe('the composed Cypher of the questions', () => {
  let db: Database;

  beforeAll(async () => {
    // Planning the suppliers statements takes seconds on a cold, busy database: more than the default 15 s query timeout.
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
  });

  afterAll(async () => {
    await db.close();
  });

  it('covers every direction, integrity scope and neighbourhood depth', () => {
    expect(STATEMENTS.map(([name]) => name)).toEqual([
      'suppliers SUPPLIER_MATCHES (the batch of resolved requests)',
      'suppliers SUPPLIER_QUESTION (one question as a client asks it)',
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
