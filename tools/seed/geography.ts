import { BULK_WRITE_TIMEOUT_MS, type Database } from '../../src/db';
import { readCommunes, type CommuneRef } from './communes';
import { LINK_NEIGHBOUR_DEPARTMENTS, UPSERT_COMMUNES, UPSERT_DEPARTMENTS, UPSERT_EPCIS, UPSERT_REGIONS } from '../../src/territory';

interface EtalabRegion {
  code: string;
  nom: string;
}
interface EtalabDepartment {
  code: string;
  nom: string;
  region: string;
  chefLieu: string;
}
interface EtalabEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
}

/**
 * Neighbouring pairs among the seven departments of the communes file (shared land borders,
 * read off the IGN department map). Rhône (69) is there for Lyon's wholesale market and borders
 * only Isère among them.
 */
export const NEIGHBOUR_DEPARTMENTS: [string, string][] = [
  ['26', '07'],
  ['26', '38'],
  ['26', '84'],
  ['26', '05'],
  ['26', '04'],
  ['07', '38'],
  ['07', '84'],
  ['38', '69'],
  ['38', '05'],
  ['84', '04'],
  ['05', '04'],
];

/** Everything the geography load writes, built from the communes file and @etalab/decoupage-administratif. */
export interface Geography {
  regions: { code: string; name: string }[];
  departments: { code: string; name: string; regionCode: string; prefectureInsee: string }[];
  epcis: { siren: string; name: string; kind: string; population: number | null }[];
  communes: CommuneRef[];
}

/* eslint-disable @typescript-eslint/no-require-imports -- the package ships plain JSON files */
function etalab<T>(file: string): T[] {
  return require(`@etalab/decoupage-administratif/data/${file}.json`) as T[];
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** The geography of the shipped communes file: its departments, their regions, its EPCIs. */
export function buildGeography(communes: CommuneRef[] = readCommunes()): Geography {
  const departmentCodes = new Set(communes.map((c) => c.department));
  const departments = etalab<EtalabDepartment>('departements')
    .filter((d) => departmentCodes.has(d.code))
    .map((d) => ({ code: d.code, name: d.nom, regionCode: d.region, prefectureInsee: d.chefLieu }));
  const regionCodes = new Set(departments.map((d) => d.regionCode));
  const regions = etalab<EtalabRegion>('regions')
    .filter((r) => regionCodes.has(r.code))
    .map((r) => ({ code: r.code, name: r.nom }));
  const epciByCode = new Map(etalab<EtalabEpci>('epci').map((e) => [e.code, e]));
  const epcis = [...new Map(communes.filter((c) => c.epciSiren).map((c) => [c.epciSiren, c.epciName])).entries()].map(([siren, name]) => ({
    siren,
    name,
    kind: epciByCode.get(siren)?.type ?? 'EPCI',
    population: epciByCode.get(siren)?.populationMunicipale ?? null,
  }));
  return { regions, departments, epcis, communes };
}

/** Writes the whole geography (idempotent: MERGE on every key). */
export async function loadGeography(db: Database, geography: Geography = buildGeography()): Promise<void> {
  await db.transaction(
    'WRITE',
    async (tx) => {
      await tx.run(UPSERT_REGIONS, { regions: geography.regions });
      await tx.run(UPSERT_DEPARTMENTS, { departments: geography.departments });
      await tx.run(LINK_NEIGHBOUR_DEPARTMENTS, { pairs: NEIGHBOUR_DEPARTMENTS });
      await tx.run(UPSERT_EPCIS, { epcis: geography.epcis });
      for (let i = 0; i < geography.communes.length; i += 1000) {
        await tx.run(UPSERT_COMMUNES, { communes: geography.communes.slice(i, i + 1000) });
      }
    },
    { timeoutMs: BULK_WRITE_TIMEOUT_MS },
  );
}
