import type { Logger } from 'pino';
import { BULK_WRITE_TIMEOUT_MS, type Database, type Tx } from '../../src/db';
import { writeBundle, type WriteProgress } from '../../src/records';
import type { LabelRecord, ProductRecord } from '../../src/records';
import { UPSERT_LABELS } from '../../src/label';
import { LINK_PRODUCTS, resolveProductKingdoms, UPSERT_PRODUCTS } from '../../src/product';
import { readCommunes } from './communes';
import { buildGeography, loadGeography } from './geography';
import { readLabels, readProducts } from './catalog';
import { buildDromeSeed } from './drome-seed';

/** Writes the product taxonomy, transformations and labels (idempotent). */
export async function writeCatalog(tx: Tx, products: ProductRecord[], labels: LabelRecord[]): Promise<void> {
  const kingdoms = resolveProductKingdoms(products);
  await tx.run(UPSERT_PRODUCTS, {
    products: products.map((p) => ({ ...p, nameEn: p.nameEn ?? null, kingdom: kingdoms.get(p.id) ?? null })),
  });
  await tx.run(LINK_PRODUCTS, { products });
  await tx.run(UPSERT_LABELS, { labels });
}

/** Loads the reference data every graph needs: geography, products, labels. */
export async function loadReferenceData(db: Database): Promise<void> {
  const communes = readCommunes();
  await loadGeography(db, buildGeography(communes));
  await db.transaction('WRITE', (tx) => writeCatalog(tx, readProducts(), readLabels()), { timeoutMs: BULK_WRITE_TIMEOUT_MS });
}

/**
 * Loads the whole Drôme seed: geography, catalog, then the actors, offers, needs and supply links
 * of drome-seed.ts in one transaction. Idempotent (upserts by id): `npm run seed` twice
 * leaves the graph as once.
 */
export async function seedDatabase(db: Database, logger: Logger, onProgress?: (p: WriteProgress) => void): Promise<void> {
  const started = Date.now();
  await loadReferenceData(db);
  const bundle = buildDromeSeed(readCommunes(), readProducts(), readLabels());
  await db.transaction('WRITE', (tx) => writeBundle(tx, bundle, { onProgress }), { timeoutMs: BULK_WRITE_TIMEOUT_MS });
  logger.info(
    {
      actors: bundle.actors.length,
      offers: bundle.offers.length,
      needs: bundle.needs.length,
      supplyLinks: bundle.supplyLinks.length,
      ms: Date.now() - started,
    },
    'Drôme seed loaded',
  );
}
