export { authenticationMiddleware, mayImport, viewerOf, type Authenticate } from './authenticate';
export { graphqlBodyParser } from './body';
export { costOf, queryCostPlugin, type QueryCost } from './cost';
export { corsFor, noStorePlugin, securityHeaders } from './headers';
export { allowOnly, finalErrorHandler, methodNotAllowed, notFound, sendJsonError } from './json-errors';
export { parseOptionsOf, queryLimitRules } from './limits';
export { FailedAuthentications, clientAddressOf, failedAuthenticationLimit, rateLimitMiddleware } from './rate-limit';
export { DEFAULT_RETRY_AFTER_SECONDS, serviceUnavailableStatusPlugin } from './status';
export { reportRoutes, REPORT_CONTENT_SECURITY_POLICY, type ReportRoutesOptions } from './reports';
