/**
 * Territory reports (issue 12): the indicators of a commune, EPCI or department for a year, as
 * data (report.type.ts, the model the renderers read) and as the GraphQL query `territoryReport`.
 * The renderers and HTTP routes call buildTerritoryReport directly, without GraphQL.
 */
export { TerritoryReportResolver } from './report.resolver';
export { buildTerritoryReport, type TerritoryRef } from './report.service';
export { REPORT_STATEMENTS } from './report.cypher';
export { TerritoryInput, TerritoryReportArgs, toTerritoryRef } from './report.input';
export * from './report.type';
export { EGALIM_MEAT_FISH_SHARE, EGALIM_ORGANIC_SHARE, EGALIM_QUALITY_SHARE, MEAT_FISH_FAMILIES, MIN_CONTRIBUTORS } from './report.figures';
// The renderings (HTML, PDF, CSV, the /reports pages): render/, on the report's model.
export * from './render';
