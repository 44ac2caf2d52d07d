import type { Database } from '../src/db';
import { DEPARTMENT_CODE_MESSAGE } from '../src/records';
import { describeLocal, LocalScope } from '../src/reasoning';
import { clearGraph, connectTestDb } from './helpers/db';
import { createRunner } from './helpers/graphql';

/**
 * The questions' shape rules live on their GraphQL inputs (src/common/validation.ts,
 * src/reasoning/scope.ts, src/reasoning/local.ts): a malformed question is refused before any
 * database call, with the first problem's own message, the rule's context in the extensions and
 * every problem in validationErrors; a well-formed one reaches the graph.
 */

const SUPPLIERS = /* GraphQL */ `
  query ($input: SupplierSearchInput!, $first: Int) {
    suppliers(input: $input, first: $first) {
      matches {
        totalCount
      }
    }
  }
`;
const UNMET_NEEDS = /* GraphQL */ `
  query ($scope: MatchmakingScopeInput!, $local: LocalInput, $candidates: Int, $maxIntermediaries: Int) {
    unmetNeeds(scope: $scope, local: $local, candidates: $candidates, maxIntermediaries: $maxIntermediaries) {
      scopeName
      local {
        description
      }
    }
  }
`;
const POTENTIAL_BUYERS = /* GraphQL */ `
  query ($producerId: String!, $radiusKm: Float, $first: Int) {
    potentialBuyers(producerId: $producerId, radiusKm: $radiusKm, first: $first) {
      totalCount
    }
  }
`;
const SUPPLY_RISK = /* GraphQL */ `
  query ($scope: RiskScopeInput!, $top: Int) {
    supplyRisk(scope: $scope, top: $top) {
      scopeName
    }
  }
`;
const NEIGHBOURHOOD = /* GraphQL */ `
  query ($actorId: String!, $depth: Int) {
    neighbourhood(actorId: $actorId, depth: $depth) {
      truncated
    }
  }
`;
const UPSTREAM = /* GraphQL */ `
  query ($actorId: String!, $productId: String!, $maxDepth: Int) {
    upstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) {
      maxDepth
    }
  }
`;
const SEARCH = /* GraphQL */ `
  query ($text: String!, $first: Int) {
    search(text: $text, first: $first) {
      id
    }
  }
`;
const ACTORS_NEAR = /* GraphQL */ `
  query ($filter: ActorFilter) {
    actors(filter: $filter) {
      totalCount
    }
  }
`;
const COMMUNES_GEOJSON = /* GraphQL */ `
  query ($departmentCode: String, $epciSiren: String) {
    communesGeoJson(departmentCode: $departmentCode, epciSiren: $epciSiren)
  }
`;

const PLACE = { communeInsee: '26362' };

describe('questions are checked at the edge', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  beforeAll(async () => {
    db = await connectTestDb();
    await clearGraph(db);
    runner = await createRunner(db);
  });

  afterAll(async () => {
    await runner.stop();
    await db.close();
  });

  /** The first error of a request that must be refused before any Cypher runs. */
  async function refusal(query: string, variables: Record<string, unknown>) {
    const res = await runner.run(query, variables);
    expect(res.data).toBeNull();
    expect(res.queries).toBe(0);
    const [error] = res.errors ?? [];
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    return error;
  }

  it('refuses a place given two ways, naming the rule and the fields, before any database call', async () => {
    const error = await refusal(SUPPLIERS, {
      input: { productId: 'farine', place: { communeInsee: '26362', point: { latitude: 44.9, longitude: 4.9 } } },
    });
    expect(error.message).toBe('Give the place as exactly one of communeInsee, communeName or point; got communeInsee and point');
    expect(error.extensions).toMatchObject({ exactlyOneOf: ['communeInsee', 'communeName', 'point'] });
    expect(error.extensions?.validationErrors).toEqual([
      {
        property: 'place',
        constraints: {},
        children: [{ property: 'exactlyOneOf(communeInsee|communeName|point)', constraints: { exactlyOneOf: error.message } }],
      },
    ]);
  });

  it('refuses the product given two ways and the buyer not at all, the product first, and lists both problems', async () => {
    const error = await refusal(SUPPLIERS, { input: { productId: 'farine', productName: 'farine' } });
    expect(error.message).toBe('Give the product as exactly one of productId or productName; got productId and productName');
    const properties = (error.extensions?.validationErrors as { property: string }[]).map((issue) => issue.property);
    expect(properties).toEqual(['exactlyOneOf(productId|productName)', 'exactlyOneOf(buyerId|place)']);
  });

  it('refuses a field out of range before a class rule: the first problem gives the message', async () => {
    const error = await refusal(SUPPLIERS, { input: { productId: 'farine', months: [0, 13] } });
    expect(error.message).toBe('months must be whole numbers from 1 (January) to 12 (December); got 0');
    expect((error.extensions?.validationErrors as { property: string }[]).map((issue) => issue.property)).toEqual([
      'months',
      'exactlyOneOf(buyerId|place)',
    ]);
  });

  it('refuses a page size, a minimum volume and a fraction of an intermediary with their own messages', async () => {
    expect((await refusal(SUPPLIERS, { input: { productId: 'farine', place: PLACE }, first: 201 })).message).toBe(
      'first must be from 1 to 200; got 201',
    );
    expect((await refusal(SUPPLIERS, { input: { productId: 'farine', place: PLACE, minVolume: -0.5 } })).message).toBe(
      'minVolume must be 0 or more; got -0.5',
    );
    const deep = await refusal(SUPPLIERS, { input: { productId: 'farine', place: PLACE, maxIntermediaries: -1 } });
    expect(deep.message).toBe('maxIntermediaries must be a whole number from 0 (direct sales only) to 3 (the maximum); got -1');
    expect(deep.extensions).toMatchObject({ field: 'maxIntermediaries', max: 3 });
  });

  it('applies one local definition everywhere: a radius with another scope, or out of range, is refused by both questions with one wording', async () => {
    for (const [query, variables] of [
      [SUPPLIERS, (local: object) => ({ input: { productId: 'farine', place: PLACE, local } })],
      [UNMET_NEEDS, (local: object) => ({ scope: { departmentCode: '26' }, local })],
    ] as const) {
      expect((await refusal(query, variables({ radiusKm: 30, scope: 'DEPARTMENT' }))).message).toBe(
        'local: give radiusKm (a radius) or scope DEPARTMENT, not both',
      );
      const far = await refusal(query, variables({ radiusKm: 1000.5 }));
      expect(far.message).toBe('local.radiusKm must be more than 0 and at most 1000 km; got 1000.5');
      expect(far.extensions).toMatchObject({ field: 'local.radiusKm' });
    }
  });

  it('refuses numbers out of range on the other questions, each with its message', async () => {
    expect((await refusal(UNMET_NEEDS, { scope: { actorId: 'a' }, candidates: 51 })).message).toBe(
      'candidates must be a whole number from 0 to 50; got 51',
    );
    expect((await refusal(UNMET_NEEDS, { scope: { actorId: 'a' }, maxIntermediaries: 4 })).message).toBe(
      'maxIntermediaries must be a whole number from 0 to 3; got 4',
    );
    expect((await refusal(POTENTIAL_BUYERS, { producerId: 'p', radiusKm: 0 })).message).toBe(
      'radiusKm must be more than 0 and at most 1000 km; got 0',
    );
    expect((await refusal(POTENTIAL_BUYERS, { producerId: 'p', first: 201 })).message).toBe(
      'first must be a whole number from 1 to 200; got 201',
    );
    expect((await refusal(SUPPLY_RISK, { scope: { epciSiren: '200068781' }, top: 101 })).message).toBe(
      'top must be a whole number from 1 to 100; got 101',
    );
    const depth = await refusal(NEIGHBOURHOOD, { actorId: 'a', depth: 0 });
    expect(depth).toMatchObject({ message: 'depth must be between 1 and 4 (the maximum); got 0', extensions: { maxDepth: 4 } });
    const chain = await refusal(UPSTREAM, { actorId: 'a', productId: 'pain', maxDepth: 9 });
    expect(chain).toMatchObject({
      message: 'maxDepth must be between 1 and 8 supply links; got 9',
      extensions: { allowed: { min: 1, max: 8 } },
    });
    expect((await refusal(SEARCH, { text: 'farine', first: 0 })).message).toBe('first must be between 1 and 100; got 0');
    expect((await refusal(SEARCH, { text: 'f'.repeat(201) })).message).toBe('text must be at most 200 characters; got 201');
  });

  it('refuses a scope with a malformed code with the shared pattern message', async () => {
    expect((await refusal(SUPPLY_RISK, { scope: { departmentCode: 'Drôme' } })).message).toBe(DEPARTMENT_CODE_MESSAGE);
    expect((await refusal(UNMET_NEEDS, { scope: { epciSiren: '2000' } })).message).toBe(
      'epciSiren must be a SIREN of 9 digits, e.g. "200068781"',
    );
  });

  it('refuses a place of the actors filter given both ways or not at all, saying what came', async () => {
    const both = await refusal(ACTORS_NEAR, {
      filter: { near: { communeInsee: '26362', point: { latitude: 44.9, longitude: 4.9 }, radiusKm: 5 } },
    });
    expect(both.message).toBe('Give a place as exactly one of communeInsee or point; got communeInsee and point');
    expect((await refusal(ACTORS_NEAR, { filter: { near: { radiusKm: 5 } } })).message).toBe(
      'Give a place as exactly one of communeInsee or point; got none',
    );
  });

  it('asks the map of communes for an area, and a well-formed code, at the edge', async () => {
    expect((await refusal(COMMUNES_GEOJSON, {})).message).toBe(
      'Give departmentCode ("26"), epciSiren ("200068781") or both: all communes at once is too many for a map',
    );
    expect((await refusal(COMMUNES_GEOJSON, { departmentCode: '2' })).message).toBe(DEPARTMENT_CODE_MESSAGE);
  });

  it('lets a question at the bounds through to the graph, which answers NOT_FOUND for what it does not hold', async () => {
    const unmet = await runner.run(UNMET_NEEDS, {
      scope: { actorId: 'nobody' },
      local: { scope: 'EPCI' },
      candidates: 50,
      maxIntermediaries: 3,
    });
    expect(unmet.errors?.[0]).toMatchObject({ message: 'Actor "nobody" not found', extensions: { code: 'NOT_FOUND' } });
    expect(unmet.queries).toBeGreaterThan(0);
    const buyers = await runner.run(POTENTIAL_BUYERS, { producerId: 'nobody', radiusKm: 1000, first: 200 });
    expect(buyers.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const risk = await runner.run(SUPPLY_RISK, { scope: { departmentCode: '26' }, top: 100 });
    expect(risk.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', entity: 'Department' } });
  });

  it('words the local definition the same way for one buyer and for many', () => {
    const radius = { scope: LocalScope.RADIUS, radiusKm: 100 } as const;
    expect(describeLocal(radius, true, { department: null, neighbourCodes: [], epci: null })).toBe(
      'within 100 km of the buyer (great circle), the default',
    );
    expect(describeLocal(radius, false)).toBe('within 100 km of each buyer (great circle)');
    const drome = { department: { code: '26', name: 'Drôme' }, neighbourCodes: ['07', '38'], epci: { name: 'CA Valence Romans Agglo' } };
    expect(describeLocal({ scope: LocalScope.DEPARTMENT_AND_NEIGHBOURS }, false, drome)).toBe(
      "in the buyer's department (26 Drôme) or a neighbouring one (07, 38)",
    );
    expect(describeLocal({ scope: LocalScope.DEPARTMENT_AND_NEIGHBOURS }, false)).toBe("in each buyer's department or a neighbouring one");
    expect(describeLocal({ scope: LocalScope.EPCI }, false, drome)).toBe("in the buyer's EPCI (CA Valence Romans Agglo)");
    expect(describeLocal({ scope: LocalScope.EPCI }, false)).toBe("in each buyer's EPCI");
    expect(describeLocal({ scope: LocalScope.REGION }, false, drome)).toBe(
      "in the buyer's region (Auvergne-Rhône-Alpes: 01, 03, 07, 15, 26, 38, 42, 43, 63, 69, 73, 74)",
    );
    expect(describeLocal({ scope: LocalScope.REGION }, false)).toBe("in each buyer's region");
  });
});
