import { createActorLoaders } from './actor/actor.loaders';
import type { Database } from './db';
import { createLabelLoaders } from './label/label.loaders';
import { createNeedLoaders } from './need/need.loaders';
import { createOfferLoaders } from './offer/offer.loaders';
import { createProductLoaders } from './product/product.loaders';
import { createSupplyLoaders } from './supply/supply.loaders';
import { createTerritoryLoaders } from './territory/territory.loaders';

/** Every per-request DataLoader, grouped by domain folder. Created for each request, never shared. */
export function createLoaders(db: Database) {
  return {
    actor: createActorLoaders(db),
    offer: createOfferLoaders(db),
    need: createNeedLoaders(db),
    supply: createSupplyLoaders(db),
    product: createProductLoaders(db),
    label: createLabelLoaders(db),
    territory: createTerritoryLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
