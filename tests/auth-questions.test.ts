import { ActorRole } from '../src/actor/actor.enums';
import type { Viewer } from '../src/context';
import type { Database } from '../src/db';
import { writeBundle } from '../src/records';
import { VolumeUnit } from '../src/product/product.enums';
import { loadReferenceData } from '../tools/seed';
import { clearGraph, connectTestDb } from './helpers/db';
import { actor, bundle, link } from './helpers/fixtures';
import { TEST_EDITOR, createRunner, graphql, testMember } from './helpers/graphql';

/**
 * Confidential volumes in the questions that print a volume per record: a chain's edges, the
 * neighbourhood graph's edges, unmet needs. A farm (q-a) sells wheat to a mill (q-b) that keeps its
 * volumes confidential; the mill sells flour, made from that wheat, to a canteen (q-c), and needs
 * more wheat than it buys.
 */
const A = 'q-a';
const B = 'q-b';
const C = 'q-c';

describe('confidential volumes in chains, graphs and unmet needs', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  beforeAll(async () => {
    // Clearing a graph seeded by an earlier suite can take longer than a request's 15 s on a busy machine.
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await clearGraph(db);
    await loadReferenceData(db);
    await db.transaction('WRITE', (tx) =>
      writeBundle(
        tx,
        bundle({
          actors: [
            actor(A, 'Ferme', [ActorRole.FARM], '26362'),
            actor(B, 'Moulin', [ActorRole.MILL], '26058', { confidentialVolumes: true }),
            actor(C, 'Cantine', [ActorRole.CANTEEN], '26362'),
          ],
          needs: [
            {
              id: 'q-need-b',
              actorId: B,
              productId: 'ble-tendre',
              volume: 50,
              unit: VolumeUnit.TONNE,
              requiredLabelIds: [],
              months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            },
          ],
          supplyLinks: [
            link('q-ab', A, B, 'ble-tendre', [], { volume: 30, unit: VolumeUnit.TONNE }),
            link('q-bc', B, C, 'farine-ble-t80', [], { volume: 8, unit: VolumeUnit.TONNE, sourcedFromIds: ['q-ab'] }),
          ],
        }),
      ),
    );
    runner = await createRunner(db);
  }, 120_000);

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  const UPSTREAM = graphql(`
    query ConfidentialUpstream {
      upstream(actorId: "q-c", productId: "farine-ble-t80") {
        edges {
          link {
            id
            volume
          }
          volume
        }
      }
    }
  `);

  async function upstreamAs(viewer: Viewer | null) {
    const result = await runner.run(UPSTREAM, {}, { viewer });
    expect(result.errors).toBeUndefined();
    return { edges: result.data!.upstream.edges, queries: result.queries };
  }

  it("hides a chain's volumes on links of the confidential actor, in the same single round trip", async () => {
    const anonymous = await upstreamAs(null);
    expect(anonymous.edges).toEqual([
      { link: { id: 'q-bc', volume: null }, volume: null },
      { link: { id: 'q-ab', volume: null }, volume: null },
    ]);
    expect(anonymous.queries).toBe(1);
    // The farm is a party to q-ab only.
    expect((await upstreamAs(testMember(A))).edges).toEqual([
      { link: { id: 'q-bc', volume: null }, volume: null },
      { link: { id: 'q-ab', volume: 30 }, volume: 30 },
    ]);
    const visible = [
      { link: { id: 'q-bc', volume: 8 }, volume: 8 },
      { link: { id: 'q-ab', volume: 30 }, volume: 30 },
    ];
    expect((await upstreamAs(testMember(B))).edges).toEqual(visible);
    expect((await upstreamAs(TEST_EDITOR)).edges).toEqual(visible);
  });

  it("hides the neighbourhood graph's edge volumes the same way", async () => {
    const query = graphql(`
      query ConfidentialNeighbourhood {
        neighbourhood(actorId: "q-b") {
          edges {
            id
            volume
          }
        }
      }
    `);
    const anonymous = await runner.run(query, {}, { viewer: null });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.neighbourhood.edges).toEqual([
      { id: 'q-ab', volume: null },
      { id: 'q-bc', volume: null },
    ]);
    const canteen = await runner.run(query, {}, { viewer: testMember(C) });
    expect(canteen.data!.neighbourhood.edges).toEqual([
      { id: 'q-ab', volume: null },
      { id: 'q-bc', volume: 8 },
    ]);
  });

  it("hides an unmet need's volume, coverage and gap from all but the buyer's members and editors", async () => {
    const query = graphql(`
      query ConfidentialUnmetNeeds {
        unmetNeeds(scope: { actorId: "q-b" }, includePartial: true, candidates: 0) {
          needs {
            need {
              id
              volume
            }
            volume
            coveredVolume
            gap
            coverage
          }
        }
      }
    `);
    const anonymous = await runner.run(query, {}, { viewer: null });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.unmetNeeds.needs).toEqual([
      { need: { id: 'q-need-b', volume: null }, volume: null, coveredVolume: null, gap: null, coverage: 'PARTIAL' },
    ]);
    const mill = await runner.run(query, {}, { viewer: testMember(B) });
    expect(mill.data!.unmetNeeds.needs).toEqual([
      { need: { id: 'q-need-b', volume: 50 }, volume: 50, coveredVolume: 30, gap: 20, coverage: 'PARTIAL' },
    ]);
  });
});
