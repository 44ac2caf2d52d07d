import { withLuhnCheckDigit } from '../../src/records';
import type { ActorRole } from '../../src/actor/actor.enums';
import type { ActorRecord, ImportBundle, OfferRecord, SupplyLinkRecord } from '../../src/records';
import { VolumeUnit } from '../../src/product/product.enums';

let siretCounter = 0;

/**
 * A valid, unique SIRET for test actors: SIREN 008000000, invented (no SIREN beginning with 0 is
 * known in SIRENE) and clear of the seed's and the synthetic graphs' (01 to 09: tools/seed/identity.ts).
 */
export function nextSiret(): string {
  siretCounter += 1;
  return withLuhnCheckDigit(`008${String(siretCounter).padStart(10, '0')}`);
}

/** A test actor: an invented operator, so fictitious. */
export function actor(id: string, name: string, roles: ActorRole[], communeInsee: string, extra: Partial<ActorRecord> = {}): ActorRecord {
  return { id, name, roles, siret: nextSiret(), clubMember: false, fictitious: true, communeInsee, ...extra };
}

export function offer(
  id: string,
  actorId: string,
  productId: string,
  labelIds: string[] = [],
  extra: Partial<OfferRecord> = {},
): OfferRecord {
  return {
    id,
    actorId,
    productId,
    labelIds,
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    capacity: 1000,
    capacityUnit: VolumeUnit.KG,
    deliveryRadiusKm: 50,
    ...extra,
  };
}

export function link(
  id: string,
  supplierId: string,
  buyerId: string,
  productId: string,
  labelIds: string[] = [],
  extra: Partial<SupplyLinkRecord> = {},
): SupplyLinkRecord {
  return { id, supplierId, buyerId, productId, labelIds, volume: 100, unit: VolumeUnit.KG, sourcedFromIds: [], ...extra };
}

export function bundle(parts: Partial<ImportBundle>): ImportBundle {
  return { actors: [], offers: [], needs: [], supplyLinks: [], ...parts };
}
