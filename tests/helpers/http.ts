import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** Minimal HTTP helpers for tests of the transport (status codes, timings). */
export async function getStatus(url: string): Promise<number> {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.status;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/**
 * POSTs an operation: a typed document (`graphql(...)`, whose result type follows from the schema),
 * or a plain string for one that cannot be typed (its data is untyped).
 */
export async function postGraphQL<T, V extends Record<string, unknown>>(
  url: string,
  document: TypedDocumentNode<T, V>,
  variables?: V,
): Promise<GraphQLResponse<T>>;
export async function postGraphQL(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<Record<string, unknown>>>;
export async function postGraphQL(
  url: string,
  query: string | TypedDocumentNode<unknown, Record<string, unknown>>,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
  });
  return (await res.json()) as GraphQLResponse<unknown>;
}

/** Polls `check` until it returns true or `timeoutMs` passes; returns the elapsed milliseconds or null. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return null;
}
