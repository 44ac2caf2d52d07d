import { useState, type FormEvent } from 'react';
import { ExplorerUpdateActorDocument, type UpdateActorInput } from '../generated/graphql';
import { describeError, request } from '../lib/api';

interface Editable {
  id: string;
  name: string;
  description: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
}

const FIELDS: Array<[key: keyof Omit<Editable, 'id'>, label: string, type: string]> = [
  ['name', 'Nom', 'text'],
  ['description', 'Description', 'text'],
  ['website', 'Site web', 'url'],
  ['phone', 'Téléphone', 'tel'],
  ['email', 'Courriel', 'email'],
];

/**
 * The card's correction form for a signed-in editor (updateActor). Only changed fields are sent;
 * the API checks the account's rights (FORBIDDEN for someone else's card) and the values.
 */
export function EditActor({ actor }: { actor: Editable }) {
  const [values, setValues] = useState(() => Object.fromEntries(FIELDS.map(([key]) => [key, actor[key] ?? ''])) as Record<string, string>);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ kind: 'idle' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: UpdateActorInput = {};
    for (const [key] of FIELDS) if (values[key] !== (actor[key] ?? '')) (input as Record<string, string>)[key] = values[key];
    if (Object.keys(input).length === 0) {
      setStatus({ kind: 'saved', message: 'Rien à enregistrer : aucun champ modifié.' });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      await request(ExplorerUpdateActorDocument, { id: actor.id, input });
      setStatus({ kind: 'saved', message: 'Fiche corrigée. Recharger la page pour la voir à jour.' });
    } catch (error) {
      setStatus({ kind: 'error', message: describeError(error) });
    }
  };
  return (
    <form className="edit" onSubmit={submit} aria-labelledby="corriger">
      <h2 id="corriger">Corriger la fiche</h2>
      {FIELDS.map(([key, label, type]) => (
        <label key={key}>
          {label}
          <input type={type} value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
        </label>
      ))}
      <button type="submit" disabled={status.kind === 'saving'}>
        Enregistrer
      </button>
      {status.message && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : undefined}>
          {status.message}
        </p>
      )}
    </form>
  );
}
