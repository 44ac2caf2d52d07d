import { ActorRole } from '../src/actor/actor.enums';
import type { Database } from '../src/db';
import { writeBundle } from '../src/records';
import { loadReferenceData } from '../tools/seed';
import { clearGraph, connectTestDb } from './helpers/db';
import { actor, bundle, link } from './helpers/fixtures';
import { createRunner, graphql } from './helpers/graphql';

/**
 * The partner fields (issue 13, W3): the products exchanged with a supplier or customer are loaded
 * only when the query selects them, once for every partner of the request.
 *
 *   Moulin --wheat flour T80, T65--> Boulangerie <--pogne-- Pâtisserie
 *   Moulin --T80--> Cantine
 */
const NETWORK = bundle({
  actors: [
    actor('tp-moulin', 'Moulin TP', [ActorRole.MILL], '26064'),
    actor('tp-patisserie', 'Pâtisserie TP', [ActorRole.BAKERY], '26281'),
    actor('tp-boulangerie', 'Boulangerie TP', [ActorRole.BAKERY], '26281'),
    actor('tp-cantine', 'Cantine TP', [ActorRole.CANTEEN], '26362'),
  ],
  supplyLinks: [
    link('tp-l1', 'tp-moulin', 'tp-boulangerie', 'farine-ble-t80', [], { volume: 3000 }),
    link('tp-l2', 'tp-moulin', 'tp-boulangerie', 'farine-ble-t65', [], { volume: 2000 }),
    link('tp-l3', 'tp-moulin', 'tp-boulangerie', 'farine-ble-t80', [], { volume: 1000 }),
    link('tp-l4', 'tp-patisserie', 'tp-boulangerie', 'pogne-de-romans', [], { volume: 500 }),
    link('tp-l5', 'tp-moulin', 'tp-cantine', 'farine-ble-t80', [], { volume: 800 }),
  ],
});

const PARTNERS = graphql(`
  query TradePartnersOnly {
    actors(first: 10) {
      nodes {
        id
        suppliers {
          actor {
            id
          }
        }
      }
    }
  }
`);

const PARTNERS_WITH_PRODUCTS = graphql(`
  query TradePartnersWithProducts {
    actors(first: 10) {
      nodes {
        id
        suppliers {
          actor {
            id
          }
          products {
            id
          }
        }
      }
    }
  }
`);

const CUSTOMERS_WITH_PRODUCTS = graphql(`
  query TradeCustomersWithProducts {
    actors(first: 10) {
      nodes {
        id
        customers {
          actor {
            id
          }
          products {
            id
          }
        }
      }
    }
  }
`);

describe('trade partners and the products exchanged with them', () => {
  let db: Database;
  let runner: Awaited<ReturnType<typeof createRunner>>;

  beforeAll(async () => {
    db = await connectTestDb({ NEO4J_QUERY_TIMEOUT_MS: '120000' });
    await clearGraph(db);
    await loadReferenceData(db);
    await db.transaction('WRITE', (tx) => writeBundle(tx, NETWORK));
    runner = await createRunner(db);
  }, 180_000);

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  it('lists the distinct products of each partner, by name, in one more round trip for the whole page', async () => {
    const bare = await runner.run(PARTNERS);
    const full = await runner.run(PARTNERS_WITH_PRODUCTS);
    expect(bare.errors).toBeUndefined();
    expect(full.errors).toBeUndefined();
    const boulangerie = full.data!.actors.nodes.find((a) => a.id === 'tp-boulangerie')!;
    // By largest purchase first: the mill's 3,000 kg link, then the pâtisserie's 500 units.
    expect(boulangerie.suppliers.map((s) => s.actor.id)).toEqual(['tp-moulin', 'tp-patisserie']);
    // Farine de blé T65 < Farine de blé T80 by name; T80 bought twice, listed once.
    expect(boulangerie.suppliers[0].products.map((p) => p.id)).toEqual(['farine-ble-t65', 'farine-ble-t80']);
    expect(boulangerie.suppliers[1].products.map((p) => p.id)).toEqual(['pogne-de-romans']);
    const customers = await runner.run(CUSTOMERS_WITH_PRODUCTS);
    const moulin = customers.data!.actors.nodes.find((a) => a.id === 'tp-moulin')!;
    expect(moulin.customers.map((c) => [c.actor.id, c.products.map((p) => p.id)])).toEqual([
      ['tp-boulangerie', ['farine-ble-t65', 'farine-ble-t80']],
      ['tp-cantine', ['farine-ble-t80']],
    ]);
    // The same page and partners without products: no product statement at all. With them, one
    // statement for every partner of the page.
    expect(full.queries).toBe(bare.queries + 1);
  });
});
