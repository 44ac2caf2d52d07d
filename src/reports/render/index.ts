/**
 * The territory report's renderings: French HTML (inline SVG charts and map, A4 print CSS), PDF
 * (Debian's Chromium through playwright-core), CSV (Excel in French), and the pages around them.
 * The data comes from the report's model (../report.type.ts), built by the caller: nothing here
 * queries the graph but the index page's list of territories.
 */
export { renderReportHtml } from './html';
export { renderReportCsv, reportCsvRows, CSV_HEADERS, type CsvRow } from './csv';
export { ReportPrinter, ChromiumUnavailableError, CHROMIUM_ARGS } from './printer';
export { territoryMapSvg, type LegendEntry, type MapPoint, type TerritoryMap, type TerritoryMapInput } from './map';
export { barChartSvg, renderChartSvg } from './charts';
export { reportIndexHtml, errorPageHtml, type ReportLink } from './pages';
export { findReportLinks, INDEX_DEPARTMENT_CODE } from './catalogue';
export { REPORT_TERRITORIES_OF_DEPARTMENT } from './catalogue.cypher';
export {
  defaultReportYear,
  kindOfSegment,
  reportFileBase,
  reportPath,
  toReportRequest,
  maxReportYear,
  TERRITORY_KINDS,
  type BuildReport,
  type ReportRequest,
} from './request';
