import { cypherList } from '../common';
import { LabelKind, ProductKingdom, RESELLER_ONLY_ROLES } from './vocabulary';

/**
 * How records are written: the upserts of each record kind (by id, so re-importing the same rows
 * changes nothing), the search keys they maintain, and the look-ups that check a record against
 * the graph. Values are always parameters. Concept folders read; this module writes.
 */

/**
 * Label `l` makes goods of product `p` organic in law, as EGalim counts them: a legal organic label
 * (`organic`: AB, EU leaf, in conversion), but "in conversion" only for plant products (`p.kingdom`
 * PLANT; EU 2018/848 art. 30 lets only food and feed of plant origin be sold as in conversion). An
 * in-conversion label on lamb, cheese or a brioche makes nothing organic. The one definition of the
 * rule: need coverage, matchmaking, the offers' organic key and the reports' EGalim figures use it.
 */
export const COUNTS_AS_ORGANIC = (l: string, p: string) =>
  `(${l}.organic AND (${l}.kind <> '${LabelKind.ORGANIC_CONVERSION}' OR ${p}.kingdom = '${ProductKingdom.PLANT}'))`;

/**
 * Label `l` makes goods of product `p` count in EGalim's 50 % of sustainable and quality products:
 * an `egalim` label, the in-conversion one for plant products only (as COUNTS_AS_ORGANIC): lamb "in
 * conversion" is neither organic nor quality.
 */
export const COUNTS_FOR_EGALIM = (l: string, p: string) =>
  `(${l}.egalim AND (${l}.kind <> '${LabelKind.ORGANIC_CONVERSION}' OR ${p}.kingdom = '${ProductKingdom.PLANT}'))`;

/** Offer `o` carries a label that makes its product organic (COUNTS_AS_ORGANIC): the value of its organic key. */
export const OFFER_IS_ORGANIC = /* cypher */ `EXISTS {
    MATCH (o)-[:CERTIFIED]->(ol:Label {organic: true}), (o)-[:OF_PRODUCT]->(op:Product)
    WHERE ${COUNTS_AS_ORGANIC('ol', 'op')} }`;

/**
 * Offer `o`'s supplier keys, from its actor `a`: supplierId, supplierLocation (the actor's point,
 * else its commune's centroid; null when it has neither) and supplierIsOrigin (the actor has a role
 * other than only trading: it can be the origin of goods). UPSERT_ACTORS runs this on an actor's
 * offers, so the copies follow the actor.
 */
export const SET_SUPPLIER_KEYS = /* cypher */ `
  SET o.supplierId = a.id,
      o.supplierLocation = coalesce(a.location, COLLECT { MATCH (a)-[:LOCATED_IN]->(ac:Commune) RETURN ac.location }[0]),
      o.supplierIsOrigin = coalesce(any(role IN a.roles WHERE NOT role IN ${cypherList(RESELLER_ONLY_ROLES)}), false)`;

/**
 * An offer's search keys, copies of what its relationships say, for the suppliers question:
 * productId (its OF_PRODUCT product) and organic (it carries an organic label), the keys of the
 * offer_product_organic index; and its supplier's keys (SET_SUPPLIER_KEYS). A product is a dense
 * node (every offer, need and supply link of it points there), so finding its offers by
 * relationship reads and discards all its needs and links too; the index goes straight to the
 * offers, organic or not, and the supplier keys let the question rank them without visiting each
 * supplier. Written by UPSERT_OFFERS, UPSERT_LABELS (organic) and UPSERT_ACTORS (supplier keys);
 * BACKFILL_OFFER_KEYS fills them in a graph written before they existed. organic and
 * supplierIsOrigin are never null once set.
 */
export const SET_OFFER_KEYS = /* cypher */ `
  SET o.productId = COLLECT { MATCH (o)-[:OF_PRODUCT]->(kp:Product) RETURN kp.id }[0],
      o.organic = ${OFFER_IS_ORGANIC}
  WITH o
  OPTIONAL MATCH (o)<-[:OFFERS]-(a:Actor)
  ${SET_SUPPLIER_KEYS}`;

/**
 * Upserts offers with their actor, product, labels and delivery area; relationships no longer
 * declared are removed, so re-importing the same rows changes nothing. Params: $offers [OfferRecord].
 */
export const UPSERT_OFFERS = /* cypher */ `
  UNWIND $offers AS row
  MATCH (a:Actor {id: row.actorId})
  MATCH (p:Product {id: row.productId})
  MERGE (o:Offer {id: row.id})
  SET o.months = row.months,
      o.capacity = row.capacity,
      o.capacityUnit = row.capacityUnit,
      o.deliveryRadiusKm = row.deliveryRadiusKm,
      o.priceEur = row.priceEur
  WITH o, a, p, row
  CALL (o, a, p, row) {
    OPTIONAL MATCH (o)<-[r1:OFFERS]-(other:Actor) WHERE other <> a DELETE r1
    WITH DISTINCT o
    OPTIONAL MATCH (o)-[r2:OF_PRODUCT]->(q:Product) WHERE q <> p DELETE r2
    WITH DISTINCT o
    OPTIONAL MATCH (o)-[r3:CERTIFIED]->(l:Label) WHERE NOT l.id IN row.labelIds DELETE r3
    WITH DISTINCT o
    OPTIONAL MATCH (o)-[r4:DELIVERS_TO]->(c:Commune) WHERE NOT c.insee IN row.deliveryCommunes DELETE r4
    WITH DISTINCT o
    OPTIONAL MATCH (o)-[r5:DELIVERS_TO]->(e:Epci) WHERE NOT e.siren IN row.deliveryEpcis DELETE r5
  }
  MERGE (a)-[:OFFERS]->(o)
  MERGE (o)-[:OF_PRODUCT]->(p)
  WITH o, row
  CALL (o, row) { UNWIND row.labelIds AS id MATCH (l:Label {id: id}) MERGE (o)-[:CERTIFIED]->(l) }
  CALL (o, row) { UNWIND row.deliveryCommunes AS insee MATCH (c:Commune {insee: insee}) MERGE (o)-[:DELIVERS_TO]->(c) }
  CALL (o, row) { UNWIND row.deliveryEpcis AS siren MATCH (e:Epci {siren: siren}) MERGE (o)-[:DELIVERS_TO]->(e) }
  WITH o
  ${SET_OFFER_KEYS}`;

/**
 * Upserts actors by id and places them in their commune; an actor without coordinates gets its
 * commune's centroid. Its offers' supplier keys follow (SET_SUPPLIER_KEYS). Params: $actors [ActorRecord].
 */
export const UPSERT_ACTORS = /* cypher */ `
  UNWIND $actors AS row
  MATCH (c:Commune {insee: row.communeInsee})
  MERGE (a:Actor {id: row.id})
  ON CREATE SET a.createdAt = datetime()
  SET a.name = row.name,
      a.roles = row.roles,
      a.siret = row.siret,
      a.agenceBioNumber = row.agenceBioNumber,
      a.clubMember = row.clubMember,
      a.memberGroup = row.memberGroup,
      a.confidentialVolumes = coalesce(row.confidentialVolumes, false),
      a.email = row.email,
      a.phone = row.phone,
      a.website = row.website,
      a.description = row.description,
      a.fictitious = coalesce(row.fictitious, false),
      a.publicBuyer = coalesce(row.publicBuyer, a.publicBuyer, false),
      a.location = CASE WHEN row.latitude IS NULL OR row.longitude IS NULL THEN c.location
                        ELSE point({latitude: row.latitude, longitude: row.longitude}) END
  WITH a, c
  CALL (a, c) {
    OPTIONAL MATCH (a)-[old:LOCATED_IN]->(other:Commune) WHERE other <> c
    DELETE old
  }
  MERGE (a)-[:LOCATED_IN]->(c)
  WITH a
  CALL (a) {
    MATCH (a)-[:OFFERS]->(o:Offer)
    ${SET_SUPPLIER_KEYS}
  }`;

/** The actors among $ids and those holding one of $sirets. Returns rows: id, siret. */
export const EXISTING_ACTORS = /* cypher */ `
  CALL {
    UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a
    UNION
    UNWIND $sirets AS siret MATCH (a:Actor {siret: siret}) RETURN a
  }
  RETURN a.id AS id, a.siret AS siret`;

/** Upserts needs with their buyer, product and required labels. Params: $needs [NeedRecord]. */
export const UPSERT_NEEDS = /* cypher */ `
  UNWIND $needs AS row
  MATCH (a:Actor {id: row.actorId})
  MATCH (p:Product {id: row.productId})
  MERGE (n:Need {id: row.id})
  SET n.volume = row.volume, n.unit = row.unit, n.months = row.months
  WITH n, a, p, row
  CALL (n, a, p, row) {
    OPTIONAL MATCH (n)<-[r1:NEEDS]-(other:Actor) WHERE other <> a DELETE r1
    WITH DISTINCT n
    OPTIONAL MATCH (n)-[r2:OF_PRODUCT]->(q:Product) WHERE q <> p DELETE r2
    WITH DISTINCT n
    OPTIONAL MATCH (n)-[r3:REQUIRES]->(l:Label) WHERE NOT l.id IN row.requiredLabelIds DELETE r3
  }
  MERGE (a)-[:NEEDS]->(n)
  MERGE (n)-[:OF_PRODUCT]->(p)
  WITH n, row
  CALL (n, row) { UNWIND row.requiredLabelIds AS id MATCH (l:Label {id: id}) MERGE (n)-[:REQUIRES]->(l) }`;

/**
 * Upserts supply links: (supplier)-[:SUPPLIES]->(link)-[:TO]->(buyer), the product traded and the
 * labels the goods carry. Provenance is written by LINK_SUPPLY_PROVENANCE once every link of the
 * batch exists. Params: $links [SupplyLinkRecord].
 */
export const UPSERT_SUPPLY_LINKS = /* cypher */ `
  UNWIND $links AS row
  MATCH (s:Actor {id: row.supplierId})
  MATCH (b:Actor {id: row.buyerId})
  MATCH (p:Product {id: row.productId})
  MERGE (l:SupplyLink {id: row.id})
  SET l.volume = row.volume,
      l.unit = row.unit,
      l.valueEur = row.valueEur,
      l.since = CASE WHEN row.since IS NULL THEN null ELSE date(row.since) END,
      l.frequency = row.frequency,
      l.channel = row.channel,
      l.productId = p.id
  WITH l, s, b, p, row
  CALL (l, s, b, p, row) {
    OPTIONAL MATCH (l)<-[r1:SUPPLIES]-(x:Actor) WHERE x <> s DELETE r1
    WITH DISTINCT l
    OPTIONAL MATCH (l)-[r2:TO]->(y:Actor) WHERE y <> b DELETE r2
    WITH DISTINCT l
    OPTIONAL MATCH (l)-[r3:OF_PRODUCT]->(q:Product) WHERE q <> p DELETE r3
    WITH DISTINCT l
    OPTIONAL MATCH (l)-[r4:CERTIFIED]->(x:Label) WHERE NOT x.id IN row.labelIds DELETE r4
  }
  MERGE (s)-[:SUPPLIES]->(l)
  MERGE (l)-[:TO]->(b)
  MERGE (l)-[:OF_PRODUCT]->(p)
  WITH l, row
  CALL (l, row) { UNWIND row.labelIds AS id MATCH (x:Label {id: id}) MERGE (l)-[:CERTIFIED]->(x) }`;

/**
 * Creates supply links known not to exist yet (an import checked their ids in its own transaction):
 * the same nodes and relationships UPSERT_SUPPLY_LINKS writes, without its MERGEs and the clean-up of
 * relationships a new link cannot have, which cost three times the database work per row. The
 * supply_link_id constraint still refuses a link created meanwhile by another transaction
 * (ConstraintValidationFailed), never a duplicate. Params, columns of one row per index (sent as
 * lists rather than a list of maps: the driver packs them twice as fast): $ids, $supplierIds,
 * $buyerIds, $productIds, $volumes, $units; optional columns $valueEurs, $sinces (ISO dates),
 * $frequencies, $channels, $labelIds (lists of label ids), each either as long as $ids or empty when
 * no row has a value (an index past the end reads as null).
 */
export const CREATE_SUPPLY_LINKS = /* cypher */ `
  UNWIND range(0, size($ids) - 1) AS i
  MATCH (s:Actor {id: $supplierIds[i]})
  MATCH (b:Actor {id: $buyerIds[i]})
  MATCH (p:Product {id: $productIds[i]})
  CREATE (s)-[:SUPPLIES]->(l:SupplyLink {
           id: $ids[i],
           productId: $productIds[i],
           volume: $volumes[i],
           unit: $units[i],
           valueEur: $valueEurs[i],
           since: date($sinces[i]),
           frequency: $frequencies[i],
           channel: $channels[i]
         })-[:TO]->(b),
         (l)-[:OF_PRODUCT]->(p)
  WITH l, coalesce($labelIds[i], []) AS labelIds
  CALL (l, labelIds) { UNWIND labelIds AS id MATCH (x:Label {id: id}) CREATE (l)-[:CERTIFIED]->(x) }`;

/**
 * Provenance of links created by CREATE_SUPPLY_LINKS in this transaction: they have no
 * SOURCED_FROM yet, and validation refused repeated inputs. Params: $links [{id, sourcedFromIds}].
 */
export const ADD_SUPPLY_PROVENANCE = /* cypher */ `
  UNWIND $links AS row
  MATCH (l:SupplyLink {id: row.id})
  CALL (l, row) {
    UNWIND row.sourcedFromIds AS inputId
    MATCH (i:SupplyLink {id: inputId})
    CREATE (l)-[:SOURCED_FROM]->(i)
  }`;

/**
 * Provenance: (link)-[:SOURCED_FROM]->(input link) for each declared input; undeclared ones are
 * removed. Params: $links [{id, sourcedFromIds}].
 */
export const LINK_SUPPLY_PROVENANCE = /* cypher */ `
  UNWIND $links AS row
  MATCH (l:SupplyLink {id: row.id})
  CALL (l, row) {
    OPTIONAL MATCH (l)-[old:SOURCED_FROM]->(i:SupplyLink) WHERE NOT i.id IN row.sourcedFromIds
    DELETE old
  }
  CALL (l, row) {
    UNWIND row.sourcedFromIds AS inputId
    MATCH (i:SupplyLink {id: inputId})
    MERGE (l)-[:SOURCED_FROM]->(i)
  }`;

/** The supply links among $ids with their ends. Returns rows: id, supplierId, buyerId. */
export const EXISTING_SUPPLY_LINKS = /* cypher */ `
  UNWIND $ids AS id
  MATCH (s:Actor)-[:SUPPLIES]->(l:SupplyLink {id: id})-[:TO]->(b:Actor)
  RETURN l.id AS id, s.id AS supplierId, b.id AS buyerId`;

/**
 * Which of the given reference keys exist. Params: $communes (INSEE), $epcis (SIREN), $products,
 * $labels (ids). Returns one row with the four lists of existing keys.
 */
export const EXISTING_REFERENCES = /* cypher */ `
  RETURN
    [insee IN $communes WHERE EXISTS { MATCH (:Commune {insee: insee}) }] AS communes,
    [siren IN $epcis WHERE EXISTS { MATCH (:Epci {siren: siren}) }] AS epcis,
    [id IN $products WHERE EXISTS { MATCH (:Product {id: id}) }] AS products,
    [id IN $labels WHERE EXISTS { MATCH (:Label {id: id}) }] AS labels`;
