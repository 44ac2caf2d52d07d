import { execute, parse, validate, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createContext } from './context';
import { PLANNING_TIMEOUT_MS, type Database } from './db';

/**
 * The start-time warm-up: the hot questions, asked once through the real schema before /ready turns
 * 200, so that Neo4j has planned their statements (the `suppliers` question, an actors page with its
 * loaders' batch statements, search, the chains, the neighbourhood) when the first client asks.
 * Measured: the first headline question after a start took 15.9 s cold. Running the real resolvers
 * rather than a hand-kept list of Cypher constants means the warm-up cannot drift from the
 * statements the service runs; the database layer also remembers every statement run here (and
 * later), and plans them all again with EXPLAIN after each reconnection (src/db/plans.ts).
 *
 * Ids come from the graph itself (the first supply link), so the questions run on any graph; on an
 * empty one they still plan their first statement.
 */

/** Ids the questions are asked about. */
const DISCOVER = /* GraphQL */ `
  query WarmupDiscover {
    supplyLinks(first: 1) {
      edges {
        node {
          supplier {
            id
          }
          buyer {
            id
          }
          product {
            id
          }
        }
      }
    }
  }
`;

export interface WarmupOperation {
  name: string;
  query: string;
}

/** Each uses $supplierId, $buyerId and $productId (all strings). Public fields only: no viewer is needed. */
export const WARMUP_OPERATIONS: readonly WarmupOperation[] = [
  {
    name: 'suppliers (by product name and buyer)',
    query: /* GraphQL */ `
      query WarmupSuppliersByName($buyerId: String) {
        suppliers(input: { productName: "farine", organic: true, buyerId: $buyerId }, first: 20) {
          local {
            description
          }
          matches {
            totalCount
            edges {
              cursor
              node {
                supplier {
                  name
                }
                product {
                  name
                }
                labels {
                  id
                }
                distanceKm
                intermediaries
                circuitCourt
                capacity
                capacityUnit
                months
                clubMember
                path {
                  kind
                  actor {
                    name
                  }
                  role
                  product {
                    id
                  }
                  distanceKm
                }
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      }
    `,
  },
  {
    name: 'suppliers (by product id and commune)',
    query: /* GraphQL */ `
      query WarmupSuppliersById($productId: String) {
        suppliers(input: { productId: $productId, place: { communeName: "Valence" } }, first: 5) {
          matches {
            totalCount
            edges {
              node {
                supplier {
                  id
                }
                distanceKm
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'actors page with loaders',
    query: /* GraphQL */ `
      query WarmupActors {
        actors(first: 20) {
          totalCount
          edges {
            cursor
            node {
              id
              name
              roles
              clubMember
              location {
                latitude
                longitude
              }
              commune {
                insee
                name
              }
              epci {
                siren
              }
              department {
                code
              }
              offers {
                id
                months
                product {
                  id
                  name
                }
                labels {
                  id
                }
                deliveryCommunes {
                  insee
                }
                deliveryEpcis {
                  siren
                }
              }
              needs {
                id
              }
              purchases {
                id
                volume
                supplier {
                  id
                  name
                }
                product {
                  id
                }
                labels {
                  id
                }
              }
              sales {
                id
                buyer {
                  id
                }
                sourcedFrom {
                  id
                }
              }
              suppliers {
                actor {
                  id
                }
              }
              customers {
                actor {
                  id
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `,
  },
  {
    name: 'actors by name filter',
    query: /* GraphQL */ `
      query WarmupActorsFiltered {
        actors(first: 20, filter: { text: "ferme" }) {
          totalCount
          edges {
            node {
              id
              name
            }
          }
        }
      }
    `,
  },
  {
    name: 'actor card',
    query: /* GraphQL */ `
      query WarmupActor($supplierId: String!) {
        actor(id: $supplierId) {
          id
          name
          offers {
            id
          }
          purchases {
            id
          }
          sales {
            id
          }
          suppliers {
            actor {
              id
            }
          }
          customers {
            actor {
              id
            }
          }
        }
      }
    `,
  },
  {
    name: 'search',
    query: /* GraphQL */ `
      query WarmupSearch {
        search(text: "farine", first: 20) {
          kind
          id
          name
          score
        }
      }
    `,
  },
  {
    name: 'chains',
    query: /* GraphQL */ `
      query WarmupChains($buyerId: String!, $supplierId: String!, $productId: String!) {
        upstream(actorId: $buyerId, productId: $productId) {
          truncated
          nodes {
            actor {
              id
            }
          }
          edges {
            link {
              id
            }
          }
          farms {
            id
          }
          totalDistanceKm
        }
        downstream(actorId: $supplierId, productId: $productId) {
          truncated
          nodes {
            actor {
              id
            }
          }
          edges {
            link {
              id
            }
          }
          totalDistanceKm
        }
      }
    `,
  },
  {
    name: 'neighbourhood',
    query: /* GraphQL */ `
      query WarmupNeighbourhood($supplierId: String!) {
        neighbourhood(actorId: $supplierId, depth: 2) {
          nodes {
            id
          }
          edges {
            id
          }
        }
      }
    `,
  },
  {
    name: 'supply links page',
    query: /* GraphQL */ `
      query WarmupSupplyLinks {
        supplyLinks(first: 20) {
          totalCount
          edges {
            node {
              id
              volume
              supplier {
                id
              }
              buyer {
                id
              }
              product {
                id
              }
              labels {
                id
              }
              distanceKm
            }
          }
        }
      }
    `,
  },
];

/** What the warm-up did: failed operations are named with their first error (logged, not thrown). */
export interface WarmupReport {
  operations: number;
  failed: { name: string; message: string; code?: unknown }[];
  ms: number;
}

interface DiscoverResult {
  supplyLinks: { edges: { node: { supplier: { id: string }; buyer: { id: string }; product: { id: string } } }[] };
}

/** Errors that mean "no such record" on a graph without the discovered ids are expected, not failures. */
const EXPECTED_CODES = new Set(['NOT_FOUND']);

async function ask(schema: GraphQLSchema, db: Database, logger: Logger, query: string, variables: Record<string, unknown>) {
  const document = parse(query);
  const problems = validate(schema, document);
  if (problems.length > 0) return { data: null, errors: problems };
  // No client waits for the warm-up: its statements may take as long as planning them takes.
  const contextValue = createContext({ db: db.withQueryTimeout(PLANNING_TIMEOUT_MS), logger, requestId: 'warmup' });
  return execute({ schema, document, variableValues: variables, contextValue });
}

/**
 * Asks every warm-up question once, in order (one at a time: planning is CPU-bound on Neo4j's
 * side, and concurrent plans of big statements slow each other down). Then marks the database warm,
 * so /ready answers 200.
 */
export async function warmUp(schema: GraphQLSchema, db: Database, logger: Logger): Promise<WarmupReport> {
  const started = Date.now();
  const failed: WarmupReport['failed'] = [];
  const discovered = await ask(schema, db, logger, DISCOVER, {});
  const link = (discovered.data as DiscoverResult | null)?.supplyLinks.edges[0]?.node;
  const variables = {
    supplierId: link?.supplier.id ?? 'warmup-none',
    buyerId: link?.buyer.id ?? 'warmup-none',
    productId: link?.product.id ?? 'warmup-none',
  };
  for (const operation of WARMUP_OPERATIONS) {
    const result = await ask(schema, db, logger, operation.query, variables);
    const error = result.errors?.find((e) => !EXPECTED_CODES.has(String(e.extensions?.code)));
    if (error) failed.push({ name: operation.name, message: error.message, code: error.extensions?.code });
  }
  const report = { operations: WARMUP_OPERATIONS.length, failed, ms: Date.now() - started };
  if (failed.length > 0) logger.warn({ failed }, 'some warm-up questions failed; the service starts anyway');
  else logger.info({ ms: report.ms, statements: db.status().knownStatements }, 'warm-up done: the hot statements are planned');
  db.markWarm();
  return report;
}
