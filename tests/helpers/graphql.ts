import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { createContext, type Context } from '../../src/context';
import type { Database } from '../../src/db';
import { buildMaillonSchema } from '../../src/schema';
import { createApollo } from '../../src/server';
import { silentLogger } from './db';

export interface OperationResult<T> {
  data: T | null;
  errors: { message: string; extensions?: Record<string, unknown> & { code?: string } }[] | undefined;
  /** Cypher round trips the request made. */
  queries: number;
}

/**
 * Runs GraphQL operations through the real Apollo server and schema against the test Neo4j, one
 * fresh request context (and DataLoaders) per call, like an HTTP request.
 */
export async function createRunner(db: Database) {
  const apollo = createApollo({ schema: await buildMaillonSchema(), logger: silentLogger });
  await apollo.start();
  async function run<T = Record<string, unknown>, V extends Record<string, unknown> = Record<string, unknown>>(
    query: string | DocumentNode | TypedDocumentNode<T, V>,
    variables?: V,
  ): Promise<OperationResult<T>> {
    const contextValue: Context = createContext({ db, logger: silentLogger, requestId: 'test' });
    const response = await apollo.executeOperation<T, V>(
      { query: typeof query === 'string' ? query : print(query), variables },
      { contextValue },
    );
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    const { data, errors } = response.body.singleResult;
    return { data: (data ?? null) as T | null, errors: errors as OperationResult<T>['errors'], queries: contextValue.db.queryCount };
  }
  return { run, stop: () => apollo.stop() };
}
