import { manyByKey, MAX_RELATED_ITEMS } from '../common';
import { int, type Database } from '../db';
import type { Commune, Epci } from '../territory';
import { DELIVERY_COMMUNES_OF_OFFERS, DELIVERY_EPCIS_OF_OFFERS, OFFERS_OF_ACTORS } from './offer.cypher';
import type { Offer } from './offer.type';

export function createOfferLoaders(db: Database) {
  return {
    offersOfActor: manyByKey<Offer>(db, 'offersOfActor', OFFERS_OF_ACTORS, { max: int(MAX_RELATED_ITEMS) }),
    deliveryCommunesOfOffer: manyByKey<Commune>(db, 'deliveryCommunesOfOffer', DELIVERY_COMMUNES_OF_OFFERS),
    deliveryEpcisOfOffer: manyByKey<Epci>(db, 'deliveryEpcisOfOffer', DELIVERY_EPCIS_OF_OFFERS),
  };
}
