import type { SchemaStatement } from '../db';
import { ACCOUNT_SCHEMA } from './api-keys.cypher';
import { AUDIT_SCHEMA } from './audit.cypher';

/** Constraints and indexes of accounts, keys and the audit trail (gathered by src/schema-statements.ts). */
export const AUTH_SCHEMA: SchemaStatement[] = [...ACCOUNT_SCHEMA, ...AUDIT_SCHEMA];
