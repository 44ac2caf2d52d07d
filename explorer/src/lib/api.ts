import type { TypedDocumentString } from '../generated/graphql';
import { ApiError } from './api-errors';
import { credentialHeaders, readCredential, type Credential } from './session';

export { ApiError, describeError } from './api-errors';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
}

/**
 * Runs one of the typed documents generated from schema/operations/ and explorer/src/graphql/
 * (`npm run codegen`) against this origin's /graphql, with the editor's credential when signed in.
 * The result and variables are typed by the document; the first error becomes an ApiError.
 * `credential` replaces the signed-in one (the sign-in page checks a credential before keeping it).
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
  credential: Credential | null = readCredential(),
): Promise<TResult> {
  const name = operationName(String(document));
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...credentialHeaders(credential),
      },
      body: JSON.stringify({ query: String(document), variables }),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('Le service Maillon ne répond pas : vérifier la connexion puis réessayer.', 'NETWORK', 0);
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await res.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(`Réponse illisible du service (HTTP ${res.status}).`, 'BAD_RESPONSE', res.status);
  }
  // A User Timing entry per request (`graphql ExplorerMapActors`), read by `npm run bench:explorer`.
  performance.measure(`graphql ${name}`, { start: started, end: performance.now() });
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'UNKNOWN', res.status, first.extensions ?? {});
  if (!body.data) throw new ApiError('Réponse vide du service.', 'BAD_RESPONSE', res.status);
  return body.data;
}

/** The operation's name, from its document (`query ExplorerMapActors(…)` gives ExplorerMapActors). */
export function operationName(document: string): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? 'anonymous';
}
