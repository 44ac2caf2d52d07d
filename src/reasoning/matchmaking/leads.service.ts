import type { Actor } from '../../actor';
import { int, toCypherPoint, type Database } from '../../db';
import type { Label } from '../../label';
import type { Need } from '../../need';
import type { Product } from '../../product';
import type { BuyerPlace } from '../suppliers';
import { NEED_CANDIDATE_LEADS, TERRITORY_NEEDS } from './leads.cypher';
import type { NeedCoverage } from './matchmaking.enums';

/**
 * The territory reports' questions on needs (leads.cypher.ts): the needs of a list of communes'
 * actors with their coverage, and the candidate leads of the unmet ones. Same answers as the
 * questions `unmetNeeds` (maxIntermediaries 1, a radius) and `supplyRisk` for the same buyers.
 */

/** The fields of a product a report prints. */
export type ProductRef = Pick<Product, 'id' | 'name' | 'family'>;

/** An unmet or partial need of a territory, as UNMET_NEEDS returns it, with the fields a report reads. */
export interface TerritoryNeed {
  need: Pick<Need, 'id' | 'volume' | 'unit' | 'months'>;
  buyer: Pick<Actor, 'id'>;
  product: ProductRef;
  requiredLabels: Pick<Label, 'id' | 'organic'>[];
  coverage: NeedCoverage.UNMET | NeedCoverage.PARTIAL;
  coveringLinks: number;
  coveredVolume: number;
  place: BuyerPlace;
}

/** A need covered by the links of one supplier only, as SUPPLY_RISK returns it (toCriticalActors ranks them). */
export interface SingleSupplierRow {
  need: Pick<Need, 'id' | 'volume' | 'unit'>;
  buyer: Pick<Actor, 'id'>;
  product: ProductRef;
  supplier: Pick<Actor, 'id'>;
  coveredVolume: number;
}

/** The needs of a territory (TERRITORY_NEEDS): counts, the unmet and partial ones, those held by one supplier. */
export interface TerritoryNeeds {
  /** Needs of the territory's actors. */
  checked: number;
  /** Needs with at least one covering link. */
  covered: number;
  /** Unmet and partial needs, by buyer id then need id. */
  needs: TerritoryNeed[];
  /** Needs covered by one supplier's links, by buyer id then need id. */
  single: SingleSupplierRow[];
}

/** The needs of the actors located in these communes, with their coverage (the graph as it is): one statement. */
export async function findTerritoryNeeds(db: Database, insees: string[]): Promise<TerritoryNeeds> {
  const [row] = await db.read<{ checked: number; covered: number; needs: TerritoryNeed[]; single: SingleSupplierRow[] }>(TERRITORY_NEEDS, {
    insees,
  });
  return row;
}

/** A candidate supplier of a need as a report prints it: the lead, without its path. */
export interface CandidateLead {
  supplierId: string;
  product: ProductRef;
  /** Supplier to buyer, great circle, rounded to 0.1 km (as SupplierMatch.distanceKm). */
  distanceKm: number;
  /** 0 (direct) or 1 (through one reseller). */
  intermediaries: number;
  /** The offer's labels, by id. */
  labelIds: string[];
}

/** How many leads per need, and what "local" means: within this radius of the buyer. */
export interface LeadSearch {
  candidates: number;
  localRadiusKm: number;
}

/**
 * Lead searches per statement: one statement runs on one Neo4j thread (Community has no parallel
 * runtime), so a department's 180 needs go in two slices asked concurrently, one per core (the
 * per-request admission, DB_REQUEST_CONCURRENCY, bounds the fan-out). Each need's leads do not
 * depend on the others', so the answer is the same.
 */
export const LEAD_SEARCH_SLICE = 100;

const toKm = (metres: number) => Math.round(metres / 100) / 10;

/** The request of a need, as NEED_CANDIDATE_LEADS reads it (the supplier search's toCandidateRequest, for a radius). */
const toLeadRequest = (n: TerritoryNeed) => ({
  key: n.need.id,
  buyerId: n.place.actorId,
  buyerPoint: toCypherPoint(n.place.point),
  buyerCommuneInsee: n.place.communeInsee,
  buyerEpciSiren: n.place.epciSiren,
  productIds: [n.product.id],
  // A required legal organic label asks for any legal organic label, as coverage does.
  labelIds: [...new Set(n.requiredLabels.filter((l) => !l.organic).map((l) => l.id))],
  organic: n.requiredLabels.some((l) => l.organic) ? true : null,
  organicClaim: null,
  months: [...new Set(n.need.months ?? [])].sort((a, b) => a - b),
});

/**
 * The first `candidates` leads of each need, by need id: the same suppliers, products, distances,
 * intermediaries and labels, in the same order, as the supplier search of findUnmetNeeds with
 * maxIntermediaries 1 and a radius (a test checks it on the Drôme seed), without their paths. One
 * statement per slice of LEAD_SEARCH_SLICE needs, slices asked concurrently; needs without a place
 * have none.
 */
export async function findCandidateLeads(
  db: Database,
  needs: TerritoryNeed[],
  search: LeadSearch,
  sliceSize = LEAD_SEARCH_SLICE,
): Promise<Map<string, CandidateLead[]>> {
  const requests = search.candidates > 0 ? needs.filter((n) => n.place.point !== null).map(toLeadRequest) : [];
  const slices: ReturnType<typeof toLeadRequest>[][] = [];
  // Even slices (180 needs: 2 × 90), so no slice waits alone at the end.
  const size = Math.ceil(requests.length / Math.max(1, Math.ceil(requests.length / sliceSize)));
  for (let start = 0; start < requests.length; start += size) slices.push(requests.slice(start, start + size));
  const answers = await Promise.all(
    slices.map((slice) =>
      db.read<Omit<CandidateLead, 'distanceKm'> & { key: string; distanceM: number }>(NEED_CANDIDATE_LEADS, {
        requests: slice,
        localRadiusM: search.localRadiusKm * 1000,
        limit: int(search.candidates),
      }),
    ),
  );
  const leads = new Map<string, CandidateLead[]>();
  for (const { key, distanceM, ...lead } of answers.flat())
    leads.set(key, [...(leads.get(key) ?? []), { ...lead, distanceKm: toKm(distanceM) }]);
  return leads;
}
