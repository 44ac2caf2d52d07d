import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Autocomplete } from '../components/Autocomplete';
import { MapView, type MapActor, type MapPath } from '../components/MapView';
import {
  ExplorerChoicesDocument,
  ExplorerSuppliersDocument,
  type ExplorerSuppliersQuery,
  type LocalScope,
  type SupplierSearchInput,
} from '../generated/graphql';
import { useExplorerConfig } from '../lib/config';
import { explainMatch } from '../lib/explain';
import { formatDistance, formatIntermediaries, formatMonths, monthName, roleName } from '../lib/format';
import { Link, navigate } from '../lib/router';
import { readState, writeState, type Fields, type StateOf } from '../lib/url-state';
import { useQuery, type QueryState } from '../lib/use-query';

export const FOURNIR_FIELDS = {
  product: { param: 'produit', kind: 'string', default: '' },
  productId: { param: 'pid', kind: 'string', default: '' },
  organic: { param: 'bio', kind: 'boolean', default: false },
  labels: { param: 'labels', kind: 'strings', default: [] },
  buyer: { param: 'acheteur', kind: 'string', default: '' },
  buyerName: { param: 'nom', kind: 'string', default: '' },
  commune: { param: 'commune', kind: 'string', default: '' },
  local: { param: 'local', kind: 'string', default: '' },
  radius: { param: 'rayon', kind: 'number', default: 100 },
  months: { param: 'mois', kind: 'numbers', default: [] },
  maxIntermediaries: { param: 'inter', kind: 'number', default: 1 },
  selected: { param: 'choix', kind: 'number', default: 0 },
} satisfies Fields;

type FournirState = StateOf<typeof FOURNIR_FIELDS>;

const LOCAL_SCOPES: Array<[scope: '' | LocalScope, name: string]> = [
  ['', 'par défaut (100 km autour de l’acheteur)'],
  ['RADIUS', 'dans un rayon autour de l’acheteur'],
  ['EPCI', 'dans l’EPCI de l’acheteur'],
  ['DEPARTMENT', 'dans le département de l’acheteur'],
  ['DEPARTMENT_AND_NEIGHBOURS', 'dans le département et les départements voisins'],
  ['REGION', 'dans la région de l’acheteur'],
];

/** The API input of a submitted form, or null while the form lacks a product or a destination. */
export function supplierInputOf(state: FournirState): SupplierSearchInput | null {
  if (!state.product.trim() && !state.productId) return null;
  if (!state.buyer && !state.commune.trim()) return null;
  const input: SupplierSearchInput = state.productId ? { productId: state.productId } : { productName: state.product.trim() };
  if (state.buyer) input.buyerId = state.buyer;
  else input.place = { communeName: state.commune.trim() };
  if (state.organic) input.organic = true;
  if (state.labels.length > 0) input.labelIds = state.labels;
  if (state.months.length > 0) input.months = state.months;
  input.maxIntermediaries = state.maxIntermediaries;
  if (state.local === 'RADIUS') input.local = { scope: 'RADIUS', radiusKm: state.radius };
  else if (state.local) input.local = { scope: state.local as LocalScope };
  return input;
}

type Search = ExplorerSuppliersQuery['suppliers'];

/** Each match's path on the map (supplier → intermediaries → buyer or place), the selected one highlighted. */
function pathsOf(search: Search, selected: number): MapPath[] {
  const destination: [number, number] = [search.place.point.latitude, search.place.point.longitude];
  return search.matches.nodes.map((match, index) => ({
    id: `${index}`,
    highlighted: index === selected,
    title: match.path.map((step) => step.actor?.name ?? 'lieu demandé').join(' → '),
    points: match.path.map((step) =>
      step.actor ? ([step.actor.location.latitude, step.actor.location.longitude] as [number, number]) : destination,
    ),
  }));
}

function actorsOnPaths(search: Search): MapActor[] {
  const seen = new Map<string, MapActor>();
  for (const match of search.matches.nodes)
    for (const step of match.path)
      if (step.actor && !seen.has(step.actor.id))
        seen.set(step.actor.id, {
          id: step.actor.id,
          name: step.actor.name,
          roles: step.role ? [step.role] : [],
          clubMember: match.clubMember && step.kind === 'SUPPLIER',
          latitude: step.actor.location.latitude,
          longitude: step.actor.location.longitude,
        });
  return [...seen.values()];
}

export function FournirView({ search }: { search: string }) {
  const state = readState(FOURNIR_FIELDS, search);
  const [draft, setDraft] = useState<FournirState>(state);
  useEffect(() => setDraft(readState(FOURNIR_FIELDS, search)), [search]);
  const config = useExplorerConfig();
  const choices = useQuery(ExplorerChoicesDocument, {});
  const input = useMemo(() => supplierInputOf(readState(FOURNIR_FIELDS, search)), [search]);
  const answer = useQuery(ExplorerSuppliersDocument, input ? { input, first: 20 } : null);
  const paths = useMemo(() => (answer.status === 'done' ? pathsOf(answer.data.suppliers, state.selected) : []), [answer, state.selected]);
  const actors = useMemo(() => (answer.status === 'done' ? actorsOnPaths(answer.data.suppliers) : []), [answer]);

  const set = (change: Partial<FournirState>) => setDraft((current) => ({ ...current, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    performance.mark('maillon:search-submitted');
    navigate(`/fournir${writeState(FOURNIR_FIELDS, { ...draft, selected: 0 })}`);
  };
  const select = (index: number) => navigate(`/fournir${writeState(FOURNIR_FIELDS, { ...state, selected: index })}`, { replace: true });
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  return (
    <section className="fournir">
      <h1 tabIndex={-1}>Qui peut fournir… ?</h1>
      <form className="question" onSubmit={submit} aria-label="La question">
        <Autocomplete
          label="Produit"
          kind="PRODUCT"
          value={draft.product}
          placeholder="farine, abricot, picodon…"
          onChange={(text, id) => set({ product: text, productId: id ?? '' })}
        />
        <fieldset>
          <legend>Labels</legend>
          <label className="check">
            <input type="checkbox" checked={draft.organic} onChange={(e) => set({ organic: e.target.checked })} />
            Bio (AB, Eurofeuille, conversion : ce que compte EGalim)
          </label>
          {choices.status === 'done' && (
            <details>
              <summary>Autres labels exigés ({draft.labels.length})</summary>
              {choices.data.labels
                .filter((label) => !label.organic)
                .map((label) => (
                  <label key={label.id} className="check">
                    <input
                      type="checkbox"
                      checked={draft.labels.includes(label.id)}
                      onChange={() => set({ labels: toggle(draft.labels, label.id) })}
                    />
                    {label.name}
                  </label>
                ))}
            </details>
          )}
        </fieldset>
        <fieldset>
          <legend>Pour qui</legend>
          <Autocomplete
            label="Acheteur"
            kind="ACTOR"
            value={draft.buyerName}
            placeholder="cuisine centrale, collège…"
            onChange={(text, id) => set({ buyerName: text, buyer: id ?? '' })}
            hint="Choisir un acteur proposé ; sinon indiquer une commune."
          />
          <label>
            ou une commune
            <input
              type="text"
              value={draft.commune}
              onChange={(e) => set({ commune: e.target.value })}
              placeholder="Valence, Die…"
              disabled={draft.buyer !== ''}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>Définition du local</legend>
          <label>
            Local
            <select value={draft.local} onChange={(e) => set({ local: e.target.value })}>
              {LOCAL_SCOPES.map(([scope, name]) => (
                <option key={scope} value={scope}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {draft.local === 'RADIUS' && (
            <label>
              Rayon (km)
              <input type="number" min={1} max={1000} value={draft.radius} onChange={(e) => set({ radius: Number(e.target.value) })} />
            </label>
          )}
          <label>
            Intermédiaires au plus
            <select value={draft.maxIntermediaries} onChange={(e) => set({ maxIntermediaries: Number(e.target.value) })}>
              <option value={0}>0 (vente directe)</option>
              <option value={1}>1 (circuit court)</option>
              <option value={2}>2</option>
              <option value={3}>3</option>
            </select>
          </label>
        </fieldset>
        <fieldset className="months">
          <legend>Mois voulus (l’offre doit couvrir chacun)</legend>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
            <label key={month} className="check">
              <input
                type="checkbox"
                checked={draft.months.includes(month)}
                onChange={() => set({ months: toggle(draft.months, month).sort((a, b) => a - b) })}
              />
              {monthName(month)}
            </label>
          ))}
        </fieldset>
        <button type="submit">Chercher</button>
      </form>
      <div className="results">
        <Answer state={state} answer={answer} onSelect={select} hasInput={input !== null} />
        {answer.status === 'done' && (
          <div className="results-map">
            <MapView
              actors={actors}
              paths={paths}
              label="Chemins des fournisseurs trouvés jusqu’à l’acheteur"
              tileUrl={config?.tileUrl ?? null}
              tileAttribution={config?.tileAttribution ?? null}
            />
          </div>
        )}
      </div>
    </section>
  );
}

/** The local definition applied, in French (the API's `description` is in English). */
export function localInWords(local: ExplorerSuppliersQuery['suppliers']['local']): string {
  const byDefault = local.isDefault ? ', la définition par défaut' : '';
  switch (local.scope) {
    case 'RADIUS':
      return `à moins de ${local.radiusKm ?? 100} km de l’acheteur à vol d’oiseau${byDefault}`;
    case 'EPCI':
      return `dans l’EPCI de l’acheteur${local.epci ? ` (${local.epci.name})` : ''}`;
    case 'DEPARTMENT':
      return `dans le département de l’acheteur (${local.departmentCodes.join(', ')})`;
    case 'DEPARTMENT_AND_NEIGHBOURS':
      return `dans le département de l’acheteur et les départements voisins (${local.departmentCodes.join(', ')})`;
    case 'REGION':
      return `dans la région de l’acheteur (départements ${local.departmentCodes.join(', ')})`;
    default:
      return local.description;
  }
}

function Answer({
  state,
  answer,
  onSelect,
  hasInput,
}: {
  state: FournirState;
  answer: QueryState<ExplorerSuppliersQuery>;
  onSelect: (index: number) => void;
  hasInput: boolean;
}) {
  if (!hasInput)
    return (
      <p className="hint" role="status">
        Indiquer un produit et un acheteur (ou une commune), puis « Chercher ».
      </p>
    );
  if (answer.status === 'loading' || answer.status === 'idle') return <p role="status">Recherche…</p>;
  if (answer.status === 'error')
    return (
      <p role="alert" className="error">
        {answer.message}
      </p>
    );
  const result = answer.data.suppliers;
  const destination = result.buyer?.name ?? result.place.commune?.name ?? 'le lieu demandé';
  const matches = result.matches.nodes;
  return (
    <div className="answer" aria-live="polite">
      <h2>
        {matches.length === 0
          ? 'Aucun fournisseur trouvé'
          : `${result.matches.totalCount} fournisseur${result.matches.totalCount > 1 ? 's' : ''} pour ${result.product.name}`}
      </h2>
      <p className="definition" data-testid="definition">
        Pour <strong>{destination}</strong>, « local » signifie : {localInWords(result.local)}. Au plus{' '}
        {formatIntermediaries(result.maxIntermediaries)}
        {state.organic ? ', en bio' : ''}
        {state.months.length > 0 ? `, disponible en ${formatMonths(state.months)}` : ''}. Classement : le moins d’intermédiaires, puis le
        plus proche.
      </p>
      <ol className="matches" data-testid="matches">
        {matches.map((match, index) => (
          <li
            key={`${match.supplier.id}-${index}`}
            data-supplier={match.supplier.id}
            className={index === state.selected ? 'selected' : undefined}
          >
            <h3>
              <Link href={`/acteurs/${encodeURIComponent(match.supplier.id)}`}>{match.supplier.name}</Link>{' '}
              <span className="tags">
                {match.supplier.roles.map(roleName).join(', ')} · {formatDistance(match.distanceKm)} ·{' '}
                {formatIntermediaries(match.intermediaries)}
                {match.clubMember ? ' · membre du Club' : ''}
              </span>
            </h3>
            <p>{explainMatch(match, destination)}</p>
            <p className="path">
              Chemin :{' '}
              {match.path.map((step, i) => (
                <span key={i}>
                  {i > 0 && ` → (${formatDistance(step.distanceKm)}) `}
                  {step.actor?.name ?? destination}
                </span>
              ))}
            </p>
            <button type="button" onClick={() => onSelect(index)} aria-pressed={index === state.selected}>
              Voir ce chemin sur la carte
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
