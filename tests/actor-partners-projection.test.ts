import { getNamedType, isLeafType, Kind, type FragmentDefinitionNode, type GraphQLObjectType } from 'graphql';
import type { Database } from '../src/db';
import { buildMaillonSchema } from '../src/schema';
import { seedDatabase } from '../tools/seed';
import { clearGraph, connectTestDb, silentLogger } from './helpers/db';
import { createRunner, graphql, testMember, type ResultOf } from './helpers/graphql';

/**
 * A page's trade partners load only the properties the query selects of their actors (issue 13,
 * W3: whole actors were half the bytes of the page). What could break: a field resolver of Actor
 * that reads a property the projection does not load would read null on partners. So every field
 * of Actor that reads the actor itself is selected on the partners and compared with `actor(id)`,
 * which loads the whole actor; and the fragment is checked to select every such field of the schema,
 * so a field added later is compared too.
 */

const ALL_ACTOR_FIELDS = graphql(`
  fragment PartnerProjectionActor on Actor {
    id
    name
    roles
    siret
    agenceBioNumber
    clubMember
    memberGroup
    email
    phone
    website
    description
    location {
      latitude
      longitude
    }
    confidentialVolumes
    fictitious
    publicBuyer
    distanceKm(from: { point: { latitude: 44.93, longitude: 4.89 } })
    commune {
      insee
    }
  }
`);

const PARTNERS_PAGE = graphql(`
  query PartnerProjectionPage($first: Int) {
    actors(first: $first) {
      nodes {
        id
        suppliers {
          actor {
            ...PartnerProjectionActor
          }
        }
        customers {
          actor {
            id
            name
          }
        }
      }
    }
  }
`);

const ONE_ACTOR = graphql(`
  query PartnerProjectionOne($id: String!) {
    actor(id: $id) {
      ...PartnerProjectionActor
    }
  }
`);

const NAMES_ONLY = graphql(`
  query PartnerProjectionNames($first: Int) {
    actors(first: $first) {
      nodes {
        suppliers(first: 200) {
          actor {
            name
          }
        }
      }
    }
  }
`);

type Partner = NonNullable<ResultOf<typeof ONE_ACTOR>['actor']>;

describe("a page's partners load only the selected properties of their actors", () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;
  /** A member whose actor supplies someone on the first pages: it reads its own email among the partners. */
  let member: string;

  beforeAll(async () => {
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await clearGraph(db);
    await seedDatabase(db, silentLogger);
    [{ member }] = await db.read<{ member: string }>(`
      MATCH (a:Actor) WITH a ORDER BY a.name, a.id LIMIT 100
      MATCH (s:Actor)-[:SUPPLIES]->(:SupplyLink)-[:TO]->(a) WHERE s.email IS NOT NULL
      RETURN s.id AS member ORDER BY s.id LIMIT 1`);
    // A partner that hides its volumes: the flag is a property the projection must load when selected.
    await db.write('MATCH (a:Actor {id: $id}) SET a.confidentialVolumes = true', { id: member });
    runner = await createRunner(db);
  }, 300_000);

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  it('selects, in the compared fragment, every field of Actor that reads the actor itself', async () => {
    const schema = await buildMaillonSchema();
    const fragment = ALL_ACTOR_FIELDS.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)!;
    const selected = new Set(fragment.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '')));
    // Leaf fields and objects read from properties (location); relationship fields read only the id, loaded always.
    const actorType = schema.getType('Actor') as GraphQLObjectType;
    const readingTheActor = Object.values(actorType.getFields())
      .filter((f) => isLeafType(getNamedType(f.type)) || getNamedType(f.type).name === 'GeoPoint')
      .map((f) => f.name);
    expect(readingTheActor.length).toBeGreaterThan(15);
    expect(readingTheActor.filter((name) => !selected.has(name))).toEqual([]);
  });

  it.each([
    ['anonymous', false],
    ['a member', true],
  ])(
    'gives %s the same partner actors as actor(id), in two statements',
    async (_who, asMember) => {
      const viewer = asMember ? testMember(member) : null;
      const res = await runner.run(PARTNERS_PAGE, { first: 100 }, { viewer });
      expect(res.errors).toBeUndefined();
      // The page with its partners and the selected properties of their actors; the partners' communes.
      expect(res.queries).toBe(2);
      const partners = new Map<string, Partner>();
      for (const actor of res.data!.actors.nodes) for (const p of actor.suppliers) partners.set(p.actor.id, p.actor);
      expect(partners.size).toBeGreaterThan(50);
      expect(partners.has(member)).toBe(true);
      for (const partner of partners.values()) {
        const single = await runner.run(ONE_ACTOR, { id: partner.id }, { viewer });
        expect(single.errors).toBeUndefined();
        expect(partner).toEqual(single.data!.actor);
      }
      const own = partners.get(member)!;
      expect(own.confidentialVolumes).toBe(true);
      if (asMember) expect(own.email).not.toBeNull();
      else expect(own.email).toBeNull();
    },
    300_000,
  );

  it('answers partners of which only the name is selected (the id is loaded all the same, for the batch)', async () => {
    const res = await runner.run(NAMES_ONLY, { first: 50 });
    expect(res.errors).toBeUndefined();
    expect(res.queries).toBe(1);
    const [{ names }] = await db.read<{ names: string[] }>(`
      MATCH (a:Actor) WITH a ORDER BY a.name, a.id LIMIT 50
      MATCH (s:Actor)-[:SUPPLIES]->(:SupplyLink)-[:TO]->(a)
      RETURN collect(DISTINCT s.name) AS names`);
    const listed = new Set(res.data!.actors.nodes.flatMap((a) => a.suppliers.map((p) => p.actor.name)));
    expect([...listed].sort()).toEqual([...new Set(names)].sort());
  });
});
