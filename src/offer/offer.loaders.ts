import { manyByKey } from '../common/loader';
import type { Database } from '../db';
import type { Commune, Epci } from '../territory/territory.type';
import { DELIVERY_COMMUNES_OF_OFFERS, DELIVERY_EPCIS_OF_OFFERS } from './offer.cypher';

export function createOfferLoaders(db: Database) {
  return {
    deliveryCommunesOfOffer: manyByKey<Commune>(db, 'deliveryCommunesOfOffer', DELIVERY_COMMUNES_OF_OFFERS),
    deliveryEpcisOfOffer: manyByKey<Epci>(db, 'deliveryEpcisOfOffer', DELIVERY_EPCIS_OF_OFFERS),
  };
}
