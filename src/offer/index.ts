export { OfferResolver } from './offer.resolver';
export { Offer } from './offer.type';
export { ActorOffersResolver } from './actor-offers.resolver';
export { OFFER_BACKFILLS, OFFER_SCHEMA } from './offer.cypher';
export { createOfferLoaders } from './offer.loaders';
export { OfferMutationResolver } from './offer.mutations';
