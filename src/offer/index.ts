export { OfferResolver } from './offer.resolver';
export { Offer } from './offer.type';
