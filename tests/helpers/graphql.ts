import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { createContext, type Context, type Viewer } from '../../src/context';
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

export interface RunOptions {
  /** Who asks; anonymous (null) unless the runner or the call says otherwise. */
  viewer?: Viewer | null;
}

/** A club editor, for tests of writes and of private fields that are about something else. */
export const TEST_EDITOR: Viewer = { id: 'acc-test-editor', name: 'Test editor', role: 'editor', actorId: null, via: 'api-key' };
export const TEST_ADMIN: Viewer = { id: 'acc-test-admin', name: 'Test admin', role: 'admin', actorId: null, via: 'api-key' };

/** A member account speaking for one actor. */
export function testMember(actorId: string): Viewer {
  return { id: `acc-member-${actorId}`, name: `Member of ${actorId}`, role: 'member', actorId, via: 'api-key' };
}

/**
 * Runs GraphQL operations through the real Apollo server and schema against the test Neo4j, one
 * fresh request context (and DataLoaders) per call, like an HTTP request. The viewer is the
 * runner's default (anonymous unless given) or the call's.
 */
export async function createRunner(db: Database, defaults: RunOptions = {}) {
  const apollo = createApollo({ schema: await buildMaillonSchema(), logger: silentLogger });
  await apollo.start();
  async function run<T = Record<string, unknown>, V extends Record<string, unknown> = Record<string, unknown>>(
    query: string | DocumentNode | TypedDocumentNode<T, V>,
    variables?: V,
    options: RunOptions = {},
  ): Promise<OperationResult<T>> {
    const viewer = options.viewer !== undefined ? options.viewer : (defaults.viewer ?? null);
    const contextValue: Context = createContext({ db, logger: silentLogger, requestId: 'test', viewer });
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
