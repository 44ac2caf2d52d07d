import { BadUserInputError } from '../../errors';
import { COMMUNE_INSEE, DEPARTMENT_CODE, EPCI_SIREN } from '../../records';
import { MAX_REPORT_YEARS_AHEAD, MIN_REPORT_YEAR } from '../report.input';
import { ReportTerritoryKind, type TerritoryReport } from '../report.type';

/** Which report to build: a territory by kind and code, and a year. */
export interface ReportRequest {
  kind: ReportTerritoryKind;
  code: string;
  year: number;
}

/** Builds the report's data (src/reports: `buildTerritoryReport`); injected so the renderers never query. */
export type BuildReport = (request: ReportRequest) => Promise<TerritoryReport>;

/** The last year a report may be asked for: next year, as the GraphQL query allows. */
export function maxReportYear(now = new Date()): number {
  return now.getUTCFullYear() + MAX_REPORT_YEARS_AHEAD;
}

/** The year a report covers when none is asked for: the current calendar year (UTC), as in GraphQL. */
export function defaultReportYear(now = new Date()): number {
  return now.getUTCFullYear();
}

/** The URL segment and command-line option of each kind, and how its code is checked. */
export const TERRITORY_KINDS: Readonly<Record<ReportTerritoryKind, { segment: string; pattern: RegExp; expected: string }>> = {
  [ReportTerritoryKind.COMMUNE]: {
    segment: 'commune',
    pattern: COMMUNE_INSEE,
    expected: 'un code INSEE de commune à 5 caractères, par exemple 26362',
  },
  [ReportTerritoryKind.EPCI]: { segment: 'epci', pattern: EPCI_SIREN, expected: 'un SIREN d’EPCI à 9 chiffres, par exemple 200068781' },
  [ReportTerritoryKind.DEPARTMENT]: { segment: 'department', pattern: DEPARTMENT_CODE, expected: 'un code de département, par exemple 26' },
};

/** The kind named by a URL segment or option (« epci »), or null. */
export function kindOfSegment(segment: string): ReportTerritoryKind | null {
  const found = Object.entries(TERRITORY_KINDS).find(([, k]) => k.segment === segment);
  return found ? (found[0] as ReportTerritoryKind) : null;
}

/** Checks a territory code and a year given as text; a BadUserInputError in French says what was expected. */
export function toReportRequest(kind: ReportTerritoryKind, code: string, year: string | undefined, now = new Date()): ReportRequest {
  const spec = TERRITORY_KINDS[kind];
  if (!spec.pattern.test(code)) throw new BadUserInputError(`Territoire inconnu : « ${code.slice(0, 40)} » n’est pas ${spec.expected}.`);
  if (year === undefined || year === '') return { kind, code, year: defaultReportYear(now) };
  const value = Number(year);
  if (!/^\d{4}$/.test(year) || value < MIN_REPORT_YEAR || value > maxReportYear(now)) {
    throw new BadUserInputError(
      `Année invalide : « ${year.slice(0, 10)} » ; attendu une année de ${MIN_REPORT_YEAR} à ${maxReportYear(now)}, par exemple ${defaultReportYear(now)}.`,
    );
  }
  return { kind, code, year: value };
}

/** The files' base name: rapport-epci-200068781-2026. */
export function reportFileBase(request: Pick<ReportRequest, 'kind' | 'code' | 'year'>): string {
  return `rapport-${TERRITORY_KINDS[request.kind].segment}-${request.code}-${request.year}`;
}

/** The report's page path: /reports/epci/200068781. */
export function reportPath(request: Pick<ReportRequest, 'kind' | 'code'>): string {
  return `/reports/${TERRITORY_KINDS[request.kind].segment}/${request.code}`;
}
