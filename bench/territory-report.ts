import { print } from 'graphql';
import { TerritoryReportDocument } from '../src/generated/graphql';

/**
 * The whole territory report as a front-end asks it, every section: the documented operation
 * schema/operations/territory-report.graphql (which the report-data tests run too), as text.
 */
export const TERRITORY_REPORT = print(TerritoryReportDocument);
