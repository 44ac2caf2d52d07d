/**
 * The seed generator: the Drôme demonstration graph (`npm run seed`, and `npm start` on an empty
 * graph) and synthetic graphs of its shape (`npm run generate`). A tool, not part of the server: no
 * file under src/ imports it (tests/tools-boundary.test.ts). Tests load their fixtures with it.
 */
export { seedDatabase, loadReferenceData, writeCatalog } from './seed';
export { seedIfEmpty } from './if-empty';
export { readLabels, readProducts, validateCatalog } from './catalog';
export { readCommunes, type CommuneRef } from './communes';
export { buildGeography, loadGeography, NEIGHBOUR_DEPARTMENTS, type Geography } from './geography';
export {
  BROKEN_ORGANIC_CHAIN,
  buildDromeSeed,
  CONTRACT_CATERER,
  CONVENTIONAL_FEED_BREAK,
  FLOUR_RESALE_CHAINS,
  KNOWN_CHAINS,
  UNCERTIFIED_ORGANIC_RESELLERS,
  UNMET_NEED_IDS,
  type KnownChain,
} from './drome-seed';
export { CONVERSIONS, PORTIONS, SCHOOL_DAYS } from './quantities';
export { appellationArea, isInArea, type AppellationArea } from './zones';
export { generateSyntheticGraph, type SyntheticOptions } from './synthetic';
