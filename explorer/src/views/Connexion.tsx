import { useState, type FormEvent } from 'react';
import { ExplorerSignInCheckDocument } from '../generated/graphql';
import { request } from '../lib/api';
import { refusalMessage } from '../lib/api-errors';
import { readCredential, saveCredential, type Credential } from '../lib/session';

/**
 * Checks a credential with the API before keeping it, so a wrong key is said at once and not at
 * the first correction. There is no `viewer` query: the API authenticates the credential of every
 * request before reading it (src/http/authenticate.ts), so the smallest request
 * (ExplorerSignInCheck, `{ __typename }`) sent with it answers 401 UNAUTHENTICATED when it is
 * refused, and writes nothing.
 */
async function checkCredential(credential: Credential): Promise<void> {
  await request(ExplorerSignInCheckDocument, {}, undefined, credential);
}

/**
 * Sign-in for editors: an API key (`npm run keys`) or a bearer token from the club's identity
 * provider, pasted here, checked with the API (refused, it is said at once and not kept), and kept
 * in sessionStorage for this tab only. Anonymous visitors read everything public without it; the
 * API decides what a credential may change (docs/security.md).
 */
export function ConnexionView() {
  const [current, setCurrent] = useState<Credential | null>(readCredential);
  const [kind, setKind] = useState<Credential['kind']>('apiKey');
  const [value, setValue] = useState('');
  const [check, setCheck] = useState<{ status: 'idle' | 'checking' } | { status: 'refused'; message: string }>({ status: 'idle' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return;
    const credential: Credential = { kind, value: value.trim() };
    setCheck({ status: 'checking' });
    try {
      await checkCredential(credential);
    } catch (error) {
      setCheck({ status: 'refused', message: refusalMessage(error, kind) });
      return;
    }
    saveCredential(credential);
    setCurrent(credential);
    setValue('');
    setCheck({ status: 'idle' });
  };
  return (
    <section>
      <h1 tabIndex={-1}>Connexion des éditeurs</h1>
      <p>
        L’explorateur se consulte sans compte. Pour corriger la fiche d’un acteur, coller une clé d’API ou un jeton : il reste dans cet
        onglet (sessionStorage) et part seulement vers l’API de ce site.
      </p>
      {current ? (
        <p role="status">
          Connecté·e avec {current.kind === 'apiKey' ? 'une clé d’API' : 'un jeton'}.{' '}
          <button
            type="button"
            onClick={() => {
              saveCredential(null);
              setCurrent(null);
            }}
          >
            Se déconnecter
          </button>
        </p>
      ) : (
        <form onSubmit={(event) => void submit(event)} className="question">
          <fieldset>
            <legend>Type d’identifiant</legend>
            <label className="check">
              <input type="radio" name="kind" checked={kind === 'apiKey'} onChange={() => setKind('apiKey')} />
              Clé d’API (en-tête X-Api-Key)
            </label>
            <label className="check">
              <input type="radio" name="kind" checked={kind === 'bearer'} onChange={() => setKind('bearer')} />
              Jeton (Authorization: Bearer)
            </label>
          </fieldset>
          <label>
            Identifiant
            <input
              type="password"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoComplete="off"
              required
              aria-invalid={check.status === 'refused' ? true : undefined}
              aria-describedby={check.status === 'refused' ? 'refus' : undefined}
            />
          </label>
          <button type="submit" disabled={check.status === 'checking'}>
            Se connecter
          </button>
          {check.status === 'checking' && <p role="status">Vérification de l’identifiant…</p>}
          {check.status === 'refused' && (
            <p role="alert" className="error" id="refus">
              {check.message}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
