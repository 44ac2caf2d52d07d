import { countSubqueries } from '../src/db';
import { SUPPLIER_STATEMENTS } from '../src/reasoning';

/**
 * The headline question's statements stay small (issue 13: the first question after a Neo4j restart
 * answers in under a second, so each of its statements must plan in milliseconds, not seconds).
 * Planning time is measured by `npm run bench:planning` (docs/benchmarks.md, "Planning time"), never
 * asserted here; what it grows with is: the statement's size, its subqueries, and an OR between two
 * subqueries (the planner weighs every way of combining them). The former single statement was
 * 11.9 KB with 44 subqueries and took 3-8 s to plan cold; a statement that grows back past these
 * bounds fails here. The supply-search test asserts the question runs these statements and no other.
 */
describe('the statements of the suppliers pipeline', () => {
  const statements = Object.entries(SUPPLIER_STATEMENTS);

  it('are six, each a named constant', () => {
    expect(statements.map(([name]) => name)).toEqual([
      'RESOLVE_SUPPLIER_QUESTION',
      'SUPPLIER_CANDIDATES',
      'DIRECT_CANDIDATES',
      'WAY_PATHS',
      'RESELLERS_DELIVERING',
      'SUPPLIER_MATCH_MAPS',
    ]);
  });

  it.each(statements)('%s is under 3 KB with at most 8 subqueries', (_name, cypher) => {
    expect(Buffer.byteLength(cypher)).toBeLessThan(3000);
    expect(countSubqueries(cypher)).toBeLessThanOrEqual(8);
  });

  it.each(statements)('%s joins no two subqueries with OR', (_name, cypher) => {
    expect(cypher).not.toMatch(/\}\s*\)?\s*OR\s*\(?\s*(buyer IS NOT NULL AND\s*)?(EXISTS|COLLECT|COUNT)\b/);
  });

  it('together hold fewer subqueries than the former single statement (44)', () => {
    const total = statements.reduce((sum, [, cypher]) => sum + countSubqueries(cypher), 0);
    expect(total).toBeLessThan(44);
  });
});

describe('countSubqueries', () => {
  it('counts CALL, COLLECT, EXISTS and COUNT subqueries and pattern comprehensions', () => {
    expect(countSubqueries('MATCH (a:Actor {id: $id}) RETURN a')).toBe(0);
    expect(
      countSubqueries(
        'MATCH (a) CALL (a) { RETURN 1 AS x } RETURN COLLECT { MATCH (a)-->(b) RETURN b }, EXISTS { (a)-->() }, COUNT { (a)-->() }, [(a)-[:R]->(c:C) | c]',
      ),
    ).toBe(5);
  });
});
