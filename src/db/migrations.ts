import type { Logger } from 'pino';
import type { Database } from './neo4j';

/**
 * Schema statements (constraints and indexes) are declared by each domain folder beside its
 * Cypher and gathered in src/schema-statements.ts. Every statement is `IF NOT EXISTS`, so the
 * migration step runs at each start and changes nothing once applied.
 */
export interface SchemaStatement {
  /** The constraint or index name, as `SHOW CONSTRAINTS` / `SHOW INDEXES` list it. */
  name: string;
  kind: 'constraint' | 'index';
  cypher: string;
}

/** Applies every schema statement, then waits until the indexes are online. */
export async function migrate(db: Database, statements: SchemaStatement[], logger: Logger): Promise<void> {
  for (const statement of statements) {
    await db.write(statement.cypher);
  }
  await db.read('CALL db.awaitIndexes(300)');
  logger.info({ statements: statements.length }, 'schema constraints and indexes in place');
}
