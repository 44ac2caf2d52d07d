import { actorPageStatements } from '../actor';
import { valuesOf } from '../common';
import { LABEL_PROPERTIES } from '../label';
import { PRODUCT_PROPERTIES } from '../product';
import { CUSTOMERS_WITH_ACTOR_VALUES, SUPPLIERS_WITH_ACTOR_VALUES } from '../supply';
import { COMMUNE_PROPERTIES } from '../territory';

/**
 * The properties of an offer its GraphQL type reads, in the order the page statement lists them:
 * not the search keys stored beside them. Its owner's id, which its access rules read, is the page
 * actor's, set in Node.
 */
export const OFFER_PROPERTIES = ['id', 'months', 'capacity', 'capacityUnit', 'deliveryRadiusKm', 'priceEur'] as const;

/**
 * The tail of the prefetching page statements: run on each actor `a` of the page (after its LIMIT),
 * it fetches the relationships the query selects, as the field loaders would (same matches, same
 * order, same bound $max per actor), so the loaders can be primed with the result. An offer ships
 * the properties its GraphQL type reads (OFFER_PROPERTIES), not the search keys stored beside them
 * (issue 13: W3 shipped 300 KB of rows). Every record travels as a list of its values (valuesOf),
 * not as a map: a page of 50 carries about 150 offers, their products and labels, and 300 partners,
 * and the driver decodes every key of every map as a string. Each subquery is
 * switched on by a boolean parameter ($withCommune, $withOffers, $withOfferProducts,
 * $withOfferLabels, $withSuppliers, $withCustomers; $supplierProperties and $customerProperties
 * list the partners' actor properties the query selects) rather than by choosing among texts: one text
 * per kind of page, so one plan in Neo4j's cache whatever the selection; a subquery switched off
 * stops at its first filter, reading nothing. Each subquery returns exactly one row (an OPTIONAL
 * MATCH, an aggregation, or an OPTIONAL CALL that reads null when switched off), so no actor of the
 * page is lost.
 * Columns: commune (its COMMUNE_PROPERTIES values, or null); offers (per offer: [its
 * OFFER_PROPERTIES values, its product's PRODUCT_PROPERTIES values or null, its labels'
 * LABEL_PROPERTIES values]); suppliers and customers (lists of [actorId, linkIds, actorValues], see
 * SUPPLIERS_WITH_ACTOR_VALUES: each partner with the selected properties of its actor, so that the
 * page needs no second statement for them).
 */
const PREFETCH_TAIL = /* cypher */ `
  CALL (a) {
    OPTIONAL MATCH (a)-[:LOCATED_IN]->(c:Commune) WHERE $withCommune
    RETURN CASE WHEN c IS NOT NULL THEN ${valuesOf('c', COMMUNE_PROPERTIES)} END AS commune LIMIT 1
  }
  CALL (a) {
    MATCH (a)-[:OFFERS]->(o:Offer)-[:OF_PRODUCT]->(p:Product) WHERE $withOffers
    WITH o, p ORDER BY p.name, o.id LIMIT $max
    RETURN collect([
      ${valuesOf('o', OFFER_PROPERTIES)},
      CASE WHEN $withOfferProducts THEN ${valuesOf('p', PRODUCT_PROPERTIES)} END,
      COLLECT { MATCH (o)-[:CERTIFIED]->(l:Label) WHERE $withOfferLabels RETURN ${valuesOf('l', LABEL_PROPERTIES)} ORDER BY l.name }
    ]) AS offers
  }
  OPTIONAL CALL (a) {
    WITH a WHERE $withSuppliers
    CALL (a) { ${SUPPLIERS_WITH_ACTOR_VALUES} }
    RETURN partners AS suppliers
  }
  OPTIONAL CALL (a) {
    WITH a WHERE $withCustomers
    CALL (a) { ${CUSTOMERS_WITH_ACTOR_VALUES} }
    RETURN partners AS customers
  }`;

/** The actors list's page statements with the prefetch tail. Params: as the plain pages, the switches above, $max. */
export const PREFETCHING_ACTOR_PAGES = actorPageStatements({ cypher: PREFETCH_TAIL, columns: 'commune, offers, suppliers, customers' });
