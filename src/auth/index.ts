/**
 * Access control (docs/security.md): who is asking (API keys and JWTs), what each role may do
 * (type-graphql's authChecker over `@Authorized(AccessRule...)`, and the ownership rule of members'
 * writes), and the audit trail of every write. Nothing exported here declares GraphQL types, so
 * command-line tools load it without type-graphql; schema.ts takes AuditTrailResolver from its file.
 */
export { AccessRule, CONFIDENTIAL_VOLUME_NOTE, PRIVATE_FIELD_NOTE, isStaff, maySeeVolume } from './rules';
export { authChecker } from './auth-checker';
export { createAuthenticator, type Authenticator } from './authenticator';
export {
  API_KEY_PREFIX,
  ROLES,
  createApiKey,
  createApiKeyVerifier,
  listApiKeys,
  looksLikeApiKey,
  revokeApiKey,
  type ApiKeySummary,
  type CreatedApiKey,
  type NewApiKey,
} from './api-keys';
export { ACTOR_CLAIM, ROLE_CLAIM, createJwtVerifier } from './jwt';
export { ensureMayWrite, type OwnedRecord, type WriteOperation } from './write-access';
export { authorOf, changedFields, recordAudit, type AuditAuthor, type AuditEvent, type AuditOperation } from './audit';
export { AUTH_SCHEMA } from './auth.schema';
export { AuditTrailResolver } from './audit.resolver';
