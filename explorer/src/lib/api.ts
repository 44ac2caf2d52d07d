import type { TypedDocumentString } from '../generated/graphql';
import { credentialHeaders, readCredential } from './session';

/** A GraphQL error as the API sends it: a message written for clients and a code (docs/api.md). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
}

/**
 * Runs one of the typed documents generated from schema/operations/ and explorer/src/graphql/
 * (`npm run codegen`) against this origin's /graphql, with the editor's credential when signed in.
 * The result and variables are typed by the document; the first error becomes an ApiError.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...credentialHeaders(readCredential()),
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
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'UNKNOWN', res.status, first.extensions ?? {});
  if (!body.data) throw new ApiError('Réponse vide du service.', 'BAD_RESPONSE', res.status);
  return body.data;
}

/** A message for the user, in French, from what went wrong. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'UNAUTHENTICATED':
        return 'Identifiant refusé : se reconnecter avec une clé d’API ou un jeton valide.';
      case 'FORBIDDEN':
        return 'Ce compte n’a pas le droit de faire cette modification.';
      case 'RATE_LIMITED':
        return 'Trop de demandes : réessayer dans une minute.';
      case 'NOT_FOUND':
        return notFoundMessage(error.extensions);
      case 'SERVICE_UNAVAILABLE':
      case 'TIMEOUT':
        return 'La base du graphe ne répond pas pour le moment : réessayer dans un instant.';
      default:
        return error.message;
    }
  }
  return 'Erreur inattendue : réessayer.';
}

const ENTITIES: Record<string, string> = {
  Product: 'Produit inconnu : aucun produit du graphe ne correspond à',
  Actor: 'Acteur inconnu :',
  Commune: 'Commune inconnue :',
  Label: 'Label inconnu :',
  Epci: 'EPCI inconnu :',
  Department: 'Département inconnu :',
};

/** "Produit inconnu : … « xyz »." from the NOT_FOUND error's entity and id (src/errors.ts). */
function notFoundMessage(extensions: Record<string, unknown>): string {
  const lead = ENTITIES[String(extensions.entity)] ?? 'Introuvable :';
  const hint =
    extensions.entity === 'Product' ? ' Essayer un autre nom (farine, abricot, picodon…) ou choisir une proposition de la liste.' : '';
  return `${lead} « ${String(extensions.id ?? '')} ».${hint}`;
}
