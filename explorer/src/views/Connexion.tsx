import { useState, type FormEvent } from 'react';
import { readCredential, saveCredential, type Credential } from '../lib/session';

/**
 * Sign-in for editors: an API key (`npm run keys`) or a bearer token from the club's identity
 * provider, pasted here and kept in sessionStorage for this tab only. Anonymous visitors read
 * everything public without it; the API decides what a credential may change (docs/security.md).
 */
export function ConnexionView() {
  const [current, setCurrent] = useState<Credential | null>(readCredential);
  const [kind, setKind] = useState<Credential['kind']>('apiKey');
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const credential = value.trim() ? { kind, value: value.trim() } : null;
    saveCredential(credential);
    setCurrent(credential);
    setValue('');
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
        <form onSubmit={submit} className="question">
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
            <input type="password" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" required />
          </label>
          <button type="submit">Se connecter</button>
        </form>
      )}
    </section>
  );
}
