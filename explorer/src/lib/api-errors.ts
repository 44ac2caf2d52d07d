/**
 * The API's errors as the explorer shows them, in French (DOM-free, so tested without a browser).
 */

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

/** Why the sign-in page did not keep a credential, in French: the API's refusal said plainly. */
export function refusalMessage(error: unknown, kind: 'apiKey' | 'bearer'): string {
  const what = kind === 'apiKey' ? 'cette clé d’API' : 'ce jeton';
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED')
    return `Identifiant refusé : l’API ne reconnaît pas ${what} (inconnu, révoqué, expiré ou mal copié). Vous n’êtes pas connecté·e ; rien n’a été modifié.`;
  if (error instanceof ApiError && error.code === 'RATE_LIMITED')
    return 'Trop d’identifiants refusés depuis cette adresse : réessayer dans une minute.';
  return `Connexion impossible : ${describeError(error)}`;
}
