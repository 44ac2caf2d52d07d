import type { SchemaStatement } from './db';

/** Every constraint and index of the graph, gathered from the domain folders (see docs/model.md). */
export const SCHEMA_STATEMENTS: SchemaStatement[] = [];
