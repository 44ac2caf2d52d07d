import { actorPropertiesKey, actorPropertiesOf, toPartialActor, type Actor, type ActorPageExtension, type ActorProperty } from '../actor';
import { MAX_RELATED_ITEMS, withValues, type Selection } from '../common';
import type { Context } from '../context';
import { int } from '../db';
import { LABEL_PROPERTIES, type Label } from '../label';
import { Offer } from '../offer';
import { PRODUCT_PROPERTIES, type Product } from '../product';
import type { TradePartner, TradePartnerRow } from '../supply';
import { COMMUNE_PROPERTIES, type Commune } from '../territory';
import { OFFER_PROPERTIES, PREFETCHING_ACTOR_PAGES } from './actor-page.cypher';
import { keepRowValues } from './answered-from-row';

/** Which relationships of the page's actors the query selects, hence which subqueries of the page statement run. */
export interface ActorPagePrefetch {
  /** `commune`, or `epci`/`department` (both start from the commune). */
  commune: boolean;
  offers: boolean;
  offerProducts: boolean;
  offerLabels: boolean;
  suppliers: boolean;
  customers: boolean;
  /** The properties the query selects of the suppliers' actors, and of the customers' (as `Actor.suppliers`/`customers` load them). */
  supplierProperties: ActorProperty[];
  customerProperties: ActorProperty[];
}

/**
 * An offer of the page as the statement lists it: its values of OFFER_PROPERTIES, its product's
 * values of PRODUCT_PROPERTIES (null when not selected) and its labels' values of LABEL_PROPERTIES
 * ([] when not selected).
 */
type PrefetchedOffer = [offer: unknown[], product: unknown[] | null, labels: unknown[][]];

/** A partner of a page actor as the statement lists it (SUPPLIERS_WITH_ACTOR_VALUES). */
type PrefetchedPartner = [actorId: string, linkIds: string[], actorValues: unknown[]];

/** A row of the prefetching page statement (PREFETCHING_ACTOR_PAGES). */
export interface PrefetchedActorRow {
  actor: Actor;
  /** Its values of COMMUNE_PROPERTIES; null when not selected. */
  commune: unknown[] | null;
  offers: PrefetchedOffer[];
  /** Null when not selected. */
  suppliers: PrefetchedPartner[] | null;
  customers: PrefetchedPartner[] | null;
}

/** The page's offer from its values, owned by `supplierId`: an instance, as type-graphql copies a plain root into a new Offer for each field resolver it runs on it. */
function toOffer(values: unknown[], supplierId: string): Offer {
  // Its owner's id, which its access rules read (OWNERSHIP.Offer) instead of loading its actor.
  return Object.assign(withValues(new Offer(), OFFER_PROPERTIES, values), { supplierId });
}

/** A product or a label as its loaders hold it (a plain object of its properties), from its values. */
const toRecord = <T>(properties: readonly string[], values: unknown[]): T => withValues({}, properties, values) as T;

/** Partners as the loaders hold them (`suppliersOfActor`, `customersOfActor`). */
const toPartnerRows = (partners: PrefetchedPartner[]): TradePartnerRow[] => partners.map(([actorId, linkIds]) => ({ actorId, linkIds }));

/**
 * Reads which relationships the query selects on the actors of a page, under `nodes` or
 * `edges.node`. Only the fields listed here are prefetched; any other field (an offer's delivery
 * area, a partner's links...) goes through its loader as before, batched over the page.
 */
export function toActorPagePrefetch(connection: Selection): ActorPagePrefetch {
  const actors = [connection.at('nodes'), connection.at('edges', 'node')].filter((s): s is Selection => s !== undefined);
  const selects = (...path: string[]) => actors.some((s) => s.has(...path));
  return {
    commune: actors.some((s) => s.hasAny('commune', 'epci', 'department')),
    offers: selects('offers'),
    offerProducts: selects('offers', 'product'),
    offerLabels: selects('offers', 'labels'),
    suppliers: selects('suppliers'),
    customers: selects('customers'),
    supplierProperties: actorPropertiesOf(...actors.map((s) => s.at('suppliers', 'actor'))),
    customerProperties: actorPropertiesOf(...actors.map((s) => s.at('customers', 'actor'))),
  };
}

/** True when the query selects none of the prefetched relationships: the plain page statement does. */
export function prefetchesNothing({ commune, offers, suppliers, customers }: ActorPagePrefetch): boolean {
  return !(commune || offers || suppliers || customers);
}

/**
 * Puts a prefetched row into the request's loaders, under the keys the field resolvers load:
 * `prime` leaves a key that is already cached alone, so nothing loaded earlier in the request is
 * overwritten. The values have the loaders' shapes (same projections, same order, same bound), and
 * the resolvers and authorization rules run on them unchanged: a private field the viewer may not
 * read still reads null. The same values are kept on the actor and its offers, which answer their
 * relationship fields from them (answered-from-row.ts); the loaders serve any other field of the
 * request that asks for them (an actor met again elsewhere, an offer's owner for its access rules).
 */
function primeLoaders(row: PrefetchedActorRow, wanted: ActorPagePrefetch, { loaders }: Context): Record<string, unknown> {
  const { actor } = row;
  const kept: Record<string, unknown> = {};
  loaders.actor.actorById.prime(actor.id, actor);
  if (wanted.commune) {
    const commune = row.commune && toRecord<Commune>(COMMUNE_PROPERTIES, row.commune);
    loaders.territory.communeOfActor.prime(actor.id, commune);
    kept.commune = commune;
  }
  if (wanted.offers) {
    const offers = row.offers.map(([offerValues]) => toOffer(offerValues, actor.id));
    loaders.offer.offersOfActor.prime(actor.id, offers);
    kept.offers = offers;
    for (const [i, [, productValues, labelValues]] of row.offers.entries()) {
      const offer = offers[i];
      const product = productValues && toRecord<Product>(PRODUCT_PROPERTIES, productValues);
      const labels = labelValues.map((values) => toRecord<Label>(LABEL_PROPERTIES, values));
      // An offer's owner, for its private fields' rules (OWNERSHIP.Offer), without a statement.
      loaders.actor.actorOfOffer.prime(offer.id, actor);
      const keptOfOffer: Record<string, unknown> = {};
      if (wanted.offerProducts) {
        loaders.product.productOfOffer.prime(offer.id, product);
        keptOfOffer.product = product;
      }
      if (wanted.offerLabels) {
        loaders.label.labelsOfOffer.prime(offer.id, labels);
        keptOfOffer.labels = labels;
      }
      keepRowValues(offer, keptOfOffer);
    }
  }
  if (wanted.suppliers && row.suppliers) loaders.supply.suppliersOfActor.prime(actor.id, toPartnerRows(row.suppliers));
  if (wanted.customers && row.customers) loaders.supply.customersOfActor.prime(actor.id, toPartnerRows(row.customers));
  return kept;
}

/**
 * A page's partners with their actors, as `Actor.suppliers`/`customers` would load them: each
 * partner's actor is built from the values the page statement shipped with it (the properties the
 * query selects of it, SUPPLIERS_WITH_ACTOR_VALUES) and put into `actorPropertiesById` under the
 * resolver's key, so a partner field that runs its resolver after all (a `first` not yet known
 * valid) finds it cached instead of running a statement.
 */
function toKeptPartners(partners: PrefetchedPartner[], properties: ActorProperty[], { loaders }: Context): TradePartner[] {
  return partners.map(([actorId, linkIds, actorValues]) => {
    const actor = toPartialActor(properties, actorValues);
    loaders.actor.actorPropertiesById.prime(actorPropertiesKey(properties, actorId), actor);
    return { actor, linkIds };
  });
}

function keepPage(rows: PrefetchedActorRow[], wanted: ActorPagePrefetch, ctx: Context): void {
  for (const row of rows) {
    const kept = primeLoaders(row, wanted, ctx);
    if (wanted.suppliers && row.suppliers) kept.suppliers = toKeptPartners(row.suppliers, wanted.supplierProperties, ctx);
    if (wanted.customers && row.customers) kept.customers = toKeptPartners(row.customers, wanted.customerProperties, ctx);
    keepRowValues(row.actor, kept);
  }
}

/** The extension of the actors page that fetches the selected relationships in the page statement and primes the loaders. */
export function actorPagePrefetch(wanted: ActorPagePrefetch, ctx: Context): ActorPageExtension<PrefetchedActorRow> {
  return {
    statements: PREFETCHING_ACTOR_PAGES,
    params: {
      withCommune: wanted.commune,
      withOffers: wanted.offers,
      withOfferProducts: wanted.offerProducts,
      withOfferLabels: wanted.offerLabels,
      withSuppliers: wanted.suppliers,
      withCustomers: wanted.customers,
      supplierProperties: wanted.supplierProperties,
      customerProperties: wanted.customerProperties,
      max: int(MAX_RELATED_ITEMS),
    },
    onRows: (rows) => keepPage(rows, wanted, ctx),
  };
}
