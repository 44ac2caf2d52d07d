import type { Database } from '../../db';
import { REPORT_TERRITORIES_OF_DEPARTMENT } from './catalogue.cypher';
import { formatInteger } from './format';
import type { ReportLink } from './pages';

/** The department the index page lists, with its EPCIs: the Drôme, whose club the reports serve. */
export const INDEX_DEPARTMENT_CODE = '26';

interface CatalogueRow {
  department: { code: string; name: string };
  epcis: { siren: string; name: string; population: number | null; communes: number }[];
}

/** The links of the report index: the department and each of its EPCIs (one statement). */
export async function findReportLinks(
  db: Database,
  departmentCode = INDEX_DEPARTMENT_CODE,
): Promise<{ department: ReportLink | null; epcis: ReportLink[] }> {
  const [row] = await db.read<CatalogueRow & Record<string, unknown>>(REPORT_TERRITORIES_OF_DEPARTMENT, { departmentCode });
  if (!row) return { department: null, epcis: [] };
  return {
    department: {
      path: `/reports/department/${row.department.code}`,
      name: row.department.name,
      detail: `département ${row.department.code}`,
    },
    epcis: row.epcis.map((e) => ({
      path: `/reports/epci/${e.siren}`,
      name: e.name,
      detail:
        `SIREN ${e.siren} · ${formatInteger(e.communes)} commune${e.communes > 1 ? 's' : ''}` +
        (e.population ? ` · ${formatInteger(e.population)} habitants` : ''),
    })),
  };
}
