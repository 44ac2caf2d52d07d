import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor';
import type { Context } from '../context';
import { Label } from '../label';
import { Product } from '../product';
import { Commune, Epci } from '../territory';
import { Offer } from './offer.type';

@Resolver(() => Offer)
export class OfferResolver {
  @FieldResolver(() => Actor, { description: 'Who offers it.' })
  async actor(@Root() offer: Offer, @Ctx() { loaders }: Context): Promise<Actor> {
    return (await loaders.actor.actorOfOffer.load(offer.id))!;
  }

  @FieldResolver(() => Product, { description: 'The product offered.' })
  async product(@Root() offer: Offer, @Ctx() { loaders }: Context): Promise<Product> {
    return (await loaders.product.productOfOffer.load(offer.id))!;
  }

  @FieldResolver(() => [Label], { description: 'Labels of this line of product.' })
  labels(@Root() offer: Offer, @Ctx() { loaders }: Context): Promise<Label[]> {
    return loaders.label.labelsOfOffer.load(offer.id);
  }

  @FieldResolver(() => [Commune], { description: 'Communes listed in its delivery area (beside deliveryRadiusKm).' })
  deliveryCommunes(@Root() offer: Offer, @Ctx() { loaders }: Context): Promise<Commune[]> {
    return loaders.offer.deliveryCommunesOfOffer.load(offer.id);
  }

  @FieldResolver(() => [Epci], { description: 'EPCIs listed in its delivery area (every commune of each).' })
  deliveryEpcis(@Root() offer: Offer, @Ctx() { loaders }: Context): Promise<Epci[]> {
    return loaders.offer.deliveryEpcisOfOffer.load(offer.id);
  }
}
