import fs from 'node:fs';
import path from 'node:path';

/** One row of seeds/communes-drome-and-neighbours.csv (see seeds/README.md for its sources). */
export interface CommuneRef {
  insee: string;
  name: string;
  department: string;
  departmentName: string;
  postalCodes: string[];
  population: number;
  latitude: number;
  longitude: number;
  /** Empty string where the commune belongs to no EPCI. */
  epciSiren: string;
  epciName: string;
}

/** Path of the communes file shipped in the repository (never ../shared: a user's clone has none). */
export const COMMUNES_CSV = path.resolve(
  __dirname,
  '..',
  '..',
  ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..'] : []),
  'seeds',
  'communes-drome-and-neighbours.csv',
);

/** Parses the communes file. It has no quoted fields (names hold no commas), which the parser checks. */
export function readCommunes(file = COMMUNES_CSV): CommuneRef[] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const expected = 'insee,name,department,department_name,postal_codes,population,latitude,longitude,epci_siren,epci_name';
  if (lines[0] !== expected) throw new Error(`${file}: unexpected header ${lines[0]}`);
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`${file}:${i + 2}: expected ${header.length} fields, found ${cells.length}`);
    const [insee, name, department, departmentName, postalCodes, population, latitude, longitude, epciSiren, epciName] = cells;
    return {
      insee,
      name,
      department,
      departmentName,
      postalCodes: postalCodes.split(' ').filter(Boolean),
      population: Number(population),
      latitude: Number(latitude),
      longitude: Number(longitude),
      epciSiren,
      epciName,
    };
  });
}
