import { useMemo } from 'react';
import { EPCIS } from 'virtual:drome-territories';
import { ExplorerUnmetNeedsDocument, type ExplorerUnmetNeedsQuery, type MatchmakingScopeInput } from '../generated/graphql';
import { toCsv } from '../lib/csv';
import { formatDistance, formatMonths, formatVolume } from '../lib/format';
import { Link, navigate } from '../lib/router';
import { readState, writeState, type Fields } from '../lib/url-state';
import { useQuery } from '../lib/use-query';

export const BESOINS_FIELDS = {
  territory: { param: 'territoire', kind: 'string', default: 'departement:26' },
  partial: { param: 'partiels', kind: 'boolean', default: false },
  sort: { param: 'tri', kind: 'string', default: 'acheteur' },
  descending: { param: 'desc', kind: 'boolean', default: false },
} satisfies Fields;

type Need = ExplorerUnmetNeedsQuery['unmetNeeds']['needs'][number];

const COVERAGE: Record<string, string> = { UNMET: 'non couvert', PARTIAL: 'en partie', COVERED: 'couvert' };

/** The sortable columns: header, and the value compared (text in French order, numbers as numbers). */
const COLUMNS: Record<string, [header: string, value: (need: Need) => string | number]> = {
  acheteur: ['Acheteur', (n) => n.buyer.name],
  produit: ['Produit', (n) => n.product.name],
  volume: ['Volume par an', (n) => n.volume ?? -1],
  manque: ['Reste à trouver', (n) => n.gap ?? -1],
  candidats: ['Fournisseurs candidats', (n) => n.candidates.length],
};

function scopeOf(territory: string): MatchmakingScopeInput {
  const [kind, code] = territory.split(':');
  return kind === 'epci' ? { epciSiren: code } : { departmentCode: code || '26' };
}

function sortNeeds(needs: Need[], column: string, descending: boolean): Need[] {
  const value = (COLUMNS[column] ?? COLUMNS.acheteur)[1];
  const sorted = [...needs].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr');
  });
  return descending ? sorted.reverse() : sorted;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function BesoinsView({ search }: { search: string }) {
  const state = readState(BESOINS_FIELDS, search);
  const variables = useMemo(() => {
    const s = readState(BESOINS_FIELDS, search);
    return { scope: scopeOf(s.territory), includePartial: s.partial, candidates: 3 };
  }, [search]);
  const answer = useQuery(ExplorerUnmetNeedsDocument, variables);
  const needs = useMemo(
    () => (answer.status === 'done' ? sortNeeds(answer.data.unmetNeeds.needs, state.sort, state.descending) : []),
    [answer, state.sort, state.descending],
  );
  const update = (change: Partial<typeof state>) =>
    navigate(`/besoins${writeState(BESOINS_FIELDS, { ...state, ...change })}`, { replace: true });
  const sortBy = (column: string) => update({ sort: column, descending: state.sort === column ? !state.descending : false });
  const exportCsv = () =>
    download(
      `besoins-non-couverts-${state.territory.replace(':', '-')}.csv`,
      toCsv(
        ['Acheteur', 'Commune', 'Produit', 'Labels exigés', 'Mois', 'Volume', 'Reste à trouver', 'Unité', 'Couverture', 'Candidats'],
        needs.map((n) => [
          n.buyer.name,
          n.buyer.commune.name,
          n.product.name,
          n.requiredLabels.map((l) => l.name).join(', '),
          formatMonths(n.need.months),
          n.volume,
          n.gap,
          n.unit,
          COVERAGE[n.coverage] ?? n.coverage,
          n.candidates.map((c) => `${c.supplier.name} (${formatDistance(c.distanceKm)})`).join(', '),
        ]),
      ),
    );

  return (
    <section>
      <h1 tabIndex={-1}>Besoins non couverts</h1>
      <form className="filters" aria-label="Territoire" onSubmit={(e) => e.preventDefault()}>
        <label>
          Territoire
          <select value={state.territory} onChange={(e) => update({ territory: e.target.value })}>
            <option value="departement:26">Drôme (département)</option>
            {EPCIS.map((epci) => (
              <option key={epci.siren} value={`epci:${epci.siren}`}>
                {epci.name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={state.partial} onChange={(e) => update({ partial: e.target.checked })} />
          Inclure les besoins couverts en partie
        </label>
        <button type="button" onClick={exportCsv} disabled={needs.length === 0}>
          Exporter en CSV
        </button>
      </form>
      {answer.status === 'error' && (
        <p role="alert" className="error">
          {answer.message}
        </p>
      )}
      {answer.status !== 'done' && answer.status !== 'error' && <p role="status">Chargement…</p>}
      {answer.status === 'done' && (
        <>
          <p role="status">
            {answer.data.unmetNeeds.scopeName} : {answer.data.unmetNeeds.checkedNeeds} besoins examinés, {answer.data.unmetNeeds.unmetCount}{' '}
            non couverts{state.partial ? `, ${answer.data.unmetNeeds.partialCount} en partie` : ''}. Candidats :{' '}
            {answer.data.unmetNeeds.local.description}.
          </p>
          <div className="table-scroll">
            <table data-testid="needs">
              <thead>
                <tr>
                  {Object.entries(COLUMNS).map(([key, [header]]) => (
                    <th key={key} scope="col" aria-sort={state.sort === key ? (state.descending ? 'descending' : 'ascending') : undefined}>
                      <button type="button" className="sort" onClick={() => sortBy(key)}>
                        {header}
                        {state.sort === key ? (state.descending ? ' ▼' : ' ▲') : ''}
                      </button>
                    </th>
                  ))}
                  <th scope="col">Couverture</th>
                </tr>
              </thead>
              <tbody>
                {needs.map((n) => (
                  <tr key={n.need.id}>
                    <td>
                      <Link href={`/acteurs/${encodeURIComponent(n.buyer.id)}`}>{n.buyer.name}</Link>
                    </td>
                    <td>
                      {n.product.name}
                      {n.requiredLabels.length > 0 ? ` (${n.requiredLabels.map((l) => l.name).join(', ')})` : ''}
                    </td>
                    <td>{formatVolume(n.volume, n.unit)}</td>
                    <td>{formatVolume(n.gap, n.unit)}</td>
                    <td>
                      {n.candidates.length === 0
                        ? 'aucun'
                        : n.candidates.map((c, i) => (
                            <span key={i}>
                              {i > 0 && ', '}
                              <Link href={`/acteurs/${encodeURIComponent(c.supplier.id)}`}>{c.supplier.name}</Link> (
                              {formatDistance(c.distanceKm)})
                            </span>
                          ))}
                    </td>
                    <td>{COVERAGE[n.coverage] ?? n.coverage}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
