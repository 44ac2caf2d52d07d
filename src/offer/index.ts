export { OfferResolver } from './offer.resolver';
export { Offer } from './offer.type';
export { ActorOffersResolver } from './actor-offers.resolver';
