import { ActorRole } from '../src/actor/actor.enums';
import type { Database, QueryPlan } from '../src/db';
import { int } from '../src/db';
import { ACTORS_BY_NAME_BACKWARD, ACTORS_BY_NAME_FORWARD, COUNT_ALL_ACTORS } from '../src/actor/actor.cypher';
import { clearGraph, connectTestDb } from './helpers/db';
import { createRunner, graphql, type OperationResult, type ResultOf, type VariablesOf } from './helpers/graphql';

/**
 * Keyset paging of the actors list (issue 13, W5): a page after the 1,000th actor is read by
 * walking the name index from the cursor, in the order an independent ORDER BY gives, with no gap
 * and no repeat; totalCount comes from the count store when nothing is filtered.
 */
const ACTORS = 1250;
/** Names repeat every 400 actors, so ties on name are ordered by id across page boundaries. */
const DISTINCT_NAMES = 400;

const ACTOR_PAGE = graphql(`
  query KeysetActorPage($first: Int, $after: String, $last: Int, $before: String, $filter: ActorFilter) {
    actors(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      nodes {
        id
      }
      pageInfo {
        hasNextPage
        endCursor
        startCursor
      }
    }
  }
`);

const ACTOR_IDS_ONLY = graphql(`
  query KeysetActorIds($first: Int, $after: String) {
    actors(first: $first, after: $after) {
      nodes {
        id
      }
    }
  }
`);

function operators(plan: QueryPlan): string[] {
  return [plan.operatorType.replace(/@.*/, ''), ...plan.children.flatMap(operators)];
}

/** Every filter off, as findActors passes them. */
const NO_FILTER = {
  roles: null,
  productId: null,
  labelIds: null,
  organic: null,
  communeInsee: null,
  epciSiren: null,
  departmentCode: null,
  origin: null,
  radiusM: null,
  clubMember: null,
  ids: null,
};

describe('keyset paging of the actors list', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;
  let expected: string[];
  let farms: string[];

  /** One page; typed here so that a loop feeding a page's cursor into the next stays typed. */
  const actorPage = (variables: VariablesOf<typeof ACTOR_PAGE>): Promise<OperationResult<ResultOf<typeof ACTOR_PAGE>>> =>
    runner.run(ACTOR_PAGE, variables);

  beforeAll(async () => {
    // The migration's backfills and first plans take more than the default 15 s on a busy machine.
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await clearGraph(db);
    // Odd actors are farms, even ones mills: a filtered list has its own deep pages.
    await db.write(
      `UNWIND range(0, $n - 1) AS i
       CREATE (:Actor {id: 'ks-' + right('0000' + toString(i), 4), name: 'Acteur ' + right('000' + toString(i % $names), 3),
                       roles: CASE i % 2 WHEN 1 THEN ['FARM'] ELSE ['MILL'] END, clubMember: false})`,
      { n: int(ACTORS), names: int(DISTINCT_NAMES) },
    );
    expected = (await db.read<{ id: string }>('MATCH (a:Actor) RETURN a.id AS id ORDER BY a.name, a.id')).map((r) => r.id);
    farms = (await db.read<{ id: string }>("MATCH (a:Actor) WHERE 'FARM' IN a.roles RETURN a.id AS id ORDER BY a.name, a.id")).map(
      (r) => r.id,
    );
    runner = await createRunner(db);
  }, 120_000);

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  it('pages forward through every actor in name then id order, with no gap and no repeat', async () => {
    expect(expected).toHaveLength(ACTORS);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const { data, errors } = await actorPage({ first: 200, after });
      expect(errors).toBeUndefined();
      expect(data!.actors.totalCount).toBe(ACTORS);
      seen.push(...data!.actors.nodes.map((n) => n.id));
      if (!data!.actors.pageInfo.hasNextPage) break;
      after = data!.actors.pageInfo.endCursor!;
    }
    expect(seen).toEqual(expected);
  });

  it('answers a page deep in the list (after the 1,000th actor) as the independent order says, and pages back from it', async () => {
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const { data } = await actorPage({ first: 200, after });
      after = data!.actors.pageInfo.endCursor!;
    }
    const deep = await actorPage({ first: 20, after });
    expect(deep.data!.actors.nodes.map((n) => n.id)).toEqual(expected.slice(1000, 1020));

    const back = await actorPage({ last: 20, before: deep.data!.actors.pageInfo.startCursor });
    expect(back.data!.actors.nodes.map((n) => n.id)).toEqual(expected.slice(980, 1000));
  });

  it('pages a filtered list deep too, with the filtered count', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const { data, errors } = await actorPage({ first: 150, after, filter: { roles: [ActorRole.FARM] } });
      expect(errors).toBeUndefined();
      expect(data!.actors.totalCount).toBe(ACTORS / 2);
      seen.push(...data!.actors.nodes.map((n) => n.id));
      if (!data!.actors.pageInfo.hasNextPage) break;
      after = data!.actors.pageInfo.endCursor!;
    }
    expect(seen).toEqual(farms);
  });

  it('counts only when totalCount is selected: one round trip for a page, two with the count', async () => {
    const idsOnly = await runner.run(ACTOR_IDS_ONLY, { first: 20 });
    expect(idsOnly.queries).toBe(1);
    const counted = await actorPage({ first: 20 });
    expect(counted.queries).toBe(2);
    // Counted once however many times the query selects it, filtered or not.
    const twice = await runner.run(
      `query { actors(first: 20, filter: { roles: [FARM] }) { a: totalCount b: totalCount nodes { id } } all: actors(first: 5) { x: totalCount y: totalCount } }`,
    );
    expect(twice.errors).toBeUndefined();
    expect(twice.data).toMatchObject({ actors: { a: ACTORS / 2, b: ACTORS / 2 }, all: { x: ACTORS, y: ACTORS } });
    expect(twice.queries).toBe(4);
  });

  it('walks the name index from the cursor in both directions: no label scan, no full sort', async () => {
    // Plan on this graph: a plan cached by an earlier suite on a handful of actors (Neo4j keeps it
    // until its statistics diverge and the replan interval passes) may scan the index instead.
    await db.write('CALL db.clearQueryCaches()');
    for (const [statement, bounds] of [
      [ACTORS_BY_NAME_FORWARD, { afterName: 'Acteur 200', afterId: 'ks-0200' }],
      [ACTORS_BY_NAME_BACKWARD, { beforeName: 'Acteur 200', beforeId: 'ks-0200' }],
    ] as const) {
      const ops = operators(await db.planOf(statement, { ...NO_FILTER, ...bounds, limit: int(21) }));
      // The seek starts at the cursor (an index scan would read every actor before it).
      expect(ops.filter((op) => op.startsWith('NodeIndex'))).toEqual(['NodeIndexSeekByRange']);
      expect(ops).not.toContain('NodeByLabelScan');
      expect(ops).not.toContain('AllNodesScan');
      // No union of seeks (an OR split into a seek by name and one by id, reading every later id).
      expect(ops).not.toContain('Union');
      // Ties on name are sorted by id within the index order (PartialTop), never the whole list.
      expect(ops).not.toContain('Sort');
      expect(ops).not.toContain('Top');
    }
  });

  it('takes the unfiltered count from the count store', async () => {
    expect(operators(await db.planOf(COUNT_ALL_ACTORS))).toContain('NodeCountFromCountStore');
  });
});
