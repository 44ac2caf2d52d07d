import { createActorLoaders } from './actor';
import type { Database } from './db';
import { createLabelLoaders } from './label';
import { createNeedLoaders } from './need';
import { createOfferLoaders } from './offer';
import { createProductLoaders } from './product';
import { createSupplyLoaders } from './supply';
import { createTerritoryLoaders } from './territory';

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
