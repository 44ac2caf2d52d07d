import type { Tx } from '../db';
import type { RawRow } from './fields';
import { EXISTING_ACTORS, EXISTING_REFERENCES, EXISTING_SUPPLY_LINKS } from './records.cypher';
import { referencedIds, type ReferenceData } from './validate';

/**
 * Fetches, in the caller's transaction, what the graph holds of the keys the rows mention: the
 * ReferenceData validateRows checks them against. Run it in the write transaction that writes the
 * rows, so that what was checked is what is written.
 */
export async function fetchReferences(tx: Tx, rows: RawRow[]): Promise<ReferenceData> {
  const ids = referencedIds(rows);
  const [existing] = await tx.run<{ communes: string[]; epcis: string[]; products: string[]; labels: string[] }>(EXISTING_REFERENCES, {
    communes: ids.communes,
    epcis: ids.epcis,
    products: ids.products,
    labels: ids.labels,
  });
  const actors = await tx.run<{ id: string; siret: string }>(EXISTING_ACTORS, { ids: ids.actors, sirets: ids.sirets });
  const links = await tx.run<{ id: string; supplierId: string; buyerId: string }>(EXISTING_SUPPLY_LINKS, { ids: ids.supplyLinks });
  return {
    communes: new Set(existing.communes),
    epcis: new Set(existing.epcis),
    products: new Set(existing.products),
    labels: new Set(existing.labels),
    existingActors: new Map(actors.map((a) => [a.id, { siret: a.siret }])),
    existingSupplyLinks: new Map(links.map((l) => [l.id, { supplierId: l.supplierId, buyerId: l.buyerId }])),
  };
}
