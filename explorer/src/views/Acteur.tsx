import { lazy, Suspense, useMemo } from 'react';
import type { GraphEdge, GraphNode } from '../components/GraphView';
import { EditActor } from '../components/EditActor';
import {
  ExplorerActorDocument,
  ExplorerDownstreamDocument,
  ExplorerUpstreamDocument,
  NeighbourhoodDocument,
  type ExplorerChainGraphFragment,
} from '../generated/graphql';
import { organicBreaks } from '../lib/chain';
import { formatDistance, formatMonths, formatRoles, formatVolume } from '../lib/format';
import { Link, navigate } from '../lib/router';
import { readCredential } from '../lib/session';
import { readState, writeState, type Fields } from '../lib/url-state';
import { useQuery } from '../lib/use-query';

// Cytoscape and dagre are loaded with the first card opened, not with the map (the first view).
const LazyGraphView = lazy(() => import('../components/GraphView').then((m) => ({ default: m.GraphView })));

function GraphView(props: Parameters<typeof LazyGraphView>[0]) {
  return (
    <Suspense fallback={<p role="status">Chargement du graphe…</p>}>
      <LazyGraphView {...props} />
    </Suspense>
  );
}

export const ACTEUR_FIELDS = {
  direction: { param: 'chaine', kind: 'string', default: 'amont' },
  product: { param: 'produit', kind: 'string', default: '' },
} satisfies Fields;

export function ActeurView({ id, search }: { id: string; search: string }) {
  const state = readState(ACTEUR_FIELDS, search);
  const card = useQuery(ExplorerActorDocument, { id });
  const neighbourhood = useQuery(NeighbourhoodDocument, { actorId: id, depth: 1 });

  if (card.status === 'error')
    return (
      <section>
        <h1 tabIndex={-1}>Fiche acteur</h1>
        <p role="alert" className="error">
          {card.message}
        </p>
      </section>
    );
  if (card.status !== 'done')
    return (
      <section>
        <h1 tabIndex={-1}>Fiche acteur</h1>
        <p role="status">Chargement…</p>
      </section>
    );
  const actor = card.data.actor;
  const bought = uniqueProducts([...actor.needs.map((n) => n.product), ...actor.suppliers.flatMap((s) => s.products)]);
  const sold = uniqueProducts([...actor.offers.map((o) => o.product), ...actor.customers.flatMap((c) => c.products)]);
  const direction = state.direction === 'aval' ? 'aval' : 'amont';
  const choices = direction === 'amont' ? bought : sold;
  const product = choices.find((p) => p.id === state.product)?.id ?? choices[0]?.id ?? '';
  const setChain = (change: { direction?: string; product?: string }) =>
    navigate(`/acteurs/${encodeURIComponent(id)}${writeState(ACTEUR_FIELDS, { direction, product, ...change })}`, { replace: true });

  return (
    <section className="acteur">
      <h1 tabIndex={-1}>{actor.name}</h1>
      <p className="tags">
        {formatRoles(actor.roles)} · {actor.commune.name}
        {actor.commune.epci ? ` (${actor.commune.epci.name})` : ''}
        {actor.clubMember ? ' · membre du Club' : ''}
        {actor.fictitious ? ' · acteur fictif (données de démonstration)' : ''}
      </p>
      {actor.description && <p>{actor.description}</p>}
      <dl className="contacts">
        <dt>SIRET</dt>
        <dd>{actor.siret}</dd>
        {actor.website && (
          <>
            <dt>Site</dt>
            <dd>{actor.website}</dd>
          </>
        )}
        {actor.phone && (
          <>
            <dt>Téléphone</dt>
            <dd>{actor.phone}</dd>
          </>
        )}
        {actor.email && (
          <>
            <dt>Courriel</dt>
            <dd>{actor.email}</dd>
          </>
        )}
      </dl>

      <div className="columns">
        <div>
          <h2>Offres ({actor.offers.length})</h2>
          {actor.offers.length === 0 ? (
            <p>Aucune offre.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Produit</th>
                  <th scope="col">Labels</th>
                  <th scope="col">Saison</th>
                  <th scope="col">Capacité</th>
                </tr>
              </thead>
              <tbody>
                {actor.offers.map((offer) => (
                  <tr key={offer.id}>
                    <td>{offer.product.name}</td>
                    <td>{offer.labels.map((l) => l.name).join(', ') || '—'}</td>
                    <td>{formatMonths(offer.months)}</td>
                    <td>{offer.capacityUnit ? formatVolume(offer.capacity, offer.capacityUnit) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h2>Besoins ({actor.needs.length})</h2>
          {actor.needs.length === 0 ? (
            <p>Aucun besoin déclaré.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Produit</th>
                  <th scope="col">Volume par an</th>
                  <th scope="col">Labels exigés</th>
                  <th scope="col">Mois</th>
                </tr>
              </thead>
              <tbody>
                {actor.needs.map((need) => (
                  <tr key={need.id}>
                    <td>{need.product.name}</td>
                    <td>{formatVolume(need.volume, need.unit)}</td>
                    <td>{need.requiredLabels.map((l) => l.name).join(', ') || '—'}</td>
                    <td>{formatMonths(need.months)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h2>Fournisseurs ({actor.suppliers.length})</h2>
          <PartnerList partners={actor.suppliers} />
        </div>
        <div>
          <h2>Clients ({actor.customers.length})</h2>
          <PartnerList partners={actor.customers} />
        </div>
      </div>

      <h2>Voisinage</h2>
      {neighbourhood.status === 'done' ? (
        <Neighbourhood data={neighbourhood.data.neighbourhood} centre={id} />
      ) : (
        <p role="status">{neighbourhood.status === 'error' ? neighbourhood.message : 'Chargement du voisinage…'}</p>
      )}

      <h2 id="chaines">Chaînes d’approvisionnement</h2>
      <form className="filters" aria-label="Chaîne affichée" onSubmit={(e) => e.preventDefault()}>
        <label>
          Sens
          <select value={direction} onChange={(e) => setChain({ direction: e.target.value, product: '' })}>
            <option value="amont">en amont (d’où vient…)</option>
            <option value="aval">en aval (où va…)</option>
          </select>
        </label>
        <label>
          Produit
          <select value={product} onChange={(e) => setChain({ product: e.target.value })} disabled={choices.length === 0}>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      {product ? (
        <Chain actorId={id} productId={product} direction={direction} />
      ) : (
        <p>{direction === 'amont' ? 'Cet acteur n’achète rien dans le graphe.' : 'Cet acteur ne vend rien dans le graphe.'}</p>
      )}

      {readCredential() ? (
        <EditActor actor={actor} />
      ) : (
        <p className="hint">
          Une erreur sur cette fiche ? Les éditeurs du Club peuvent la corriger après <Link href="/connexion">connexion</Link>.
        </p>
      )}
    </section>
  );
}

function uniqueProducts(products: Array<{ id: string; name: string }>): Array<{ id: string; name: string }> {
  return [...new Map(products.map((p) => [p.id, p])).values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

function PartnerList({
  partners,
}: {
  partners: Array<{ actor: { id: string; name: string; roles: string[] }; products: Array<{ name: string }> }>;
}) {
  if (partners.length === 0) return <p>Aucun dans le graphe.</p>;
  return (
    <ul>
      {partners.map((p) => (
        <li key={p.actor.id}>
          <Link href={`/acteurs/${encodeURIComponent(p.actor.id)}`}>{p.actor.name}</Link> ({formatRoles(p.actor.roles)}) :{' '}
          {p.products.map((x) => x.name).join(', ')}
        </li>
      ))}
    </ul>
  );
}

interface NeighbourhoodData {
  truncated: boolean;
  nodes: Array<{ id: string; label: string; roles: string[] }>;
  edges: Array<{ id: string; source: string; target: string; productName: string; volume: number | null; unit: string | null }>;
}

function Neighbourhood({ data, centre }: { data: NeighbourhoodData; centre: string }) {
  const nodes = useMemo<GraphNode[]>(
    () => data.nodes.map((n) => ({ id: n.id, label: n.label, root: n.id === centre, farm: n.roles.includes('FARM') })),
    [data, centre],
  );
  const edges = useMemo<GraphEdge[]>(
    () => data.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, label: e.productName })),
    [data],
  );
  if (data.edges.length === 0) return <p>Aucun lien d’approvisionnement.</p>;
  return (
    <>
      <GraphView nodes={nodes} edges={edges} layout="cose" label={`Voisinage : ${data.nodes.length} acteurs, ${data.edges.length} liens`} />
      <p className="hint">
        {data.nodes.length - 1} partenaire{data.nodes.length > 2 ? 's' : ''} directs, {data.edges.length} lien
        {data.edges.length > 1 ? 's' : ''}
        {data.truncated ? ' (tronqué)' : ''}. Toucher un acteur ouvre sa fiche.
      </p>
    </>
  );
}

function Chain({ actorId, productId, direction }: { actorId: string; productId: string; direction: 'amont' | 'aval' }) {
  const upstream = useQuery(ExplorerUpstreamDocument, direction === 'amont' ? { actorId, productId, maxDepth: 6 } : null);
  const downstream = useQuery(ExplorerDownstreamDocument, direction === 'aval' ? { actorId, productId, maxDepth: 6 } : null);
  const state = direction === 'amont' ? upstream : downstream;
  const graph: ExplorerChainGraphFragment | null =
    state.status !== 'done'
      ? null
      : 'upstream' in state.data
        ? state.data.upstream
        : (state.data as { downstream: ExplorerChainGraphFragment }).downstream;
  const breaks = useMemo(() => (graph ? organicBreaks(graph.edges) : new Set<string>()), [graph]);
  const nodes = useMemo<GraphNode[]>(
    () =>
      graph
        ? graph.nodes.map((n) => ({ id: n.actor.id, label: n.actor.name, root: n.depth === 0, farm: n.actor.roles.includes('FARM') }))
        : [],
    [graph],
  );
  const edges = useMemo<GraphEdge[]>(
    () =>
      graph
        ? graph.edges.map((e) => ({
            id: e.link.id,
            source: e.supplierId,
            target: e.buyerId,
            label: `${e.product.name} · ${formatVolume(e.volume, e.unit)} · ${formatDistance(e.distanceKm)}`,
            broken: breaks.has(e.link.id),
            width: e.volume ? Math.min(8, 1 + Math.log10(1 + e.volume)) : 1,
          }))
        : [],
    [graph, breaks],
  );
  if (state.status === 'error')
    return (
      <p role="alert" className="error">
        {state.message}
      </p>
    );
  if (!graph) return <p role="status">Chargement de la chaîne…</p>;
  const names = new Map(graph.nodes.map((n) => [n.actor.id, n.actor.name]));
  const farms = graph.nodes.filter((n) => n.actor.roles.includes('FARM') && n.depth > 0);
  return (
    <div className="chain" data-testid="chain">
      <p>
        {direction === 'amont' ? 'D’où vient' : 'Où va'} : <strong>{graph.product.name}</strong> — {graph.edges.length} lien
        {graph.edges.length > 1 ? 's' : ''}, {graph.nodes.length} acteurs, chaîne la plus longue {formatDistance(graph.totalDistanceKm)}
        {graph.truncated ? ' (tronquée : la profondeur maximale est atteinte)' : ''}.
        {direction === 'amont' && farms.length > 0 && ` Fermes d’origine : ${farms.map((f) => f.actor.name).join(', ')}.`}
      </p>
      {breaks.size > 0 && (
        <p className="error" role="note">
          Rupture du bio : {breaks.size} lien{breaks.size > 1 ? 's' : ''} sans label bio alimente{breaks.size > 1 ? 'nt' : ''} un lien vendu
          en bio (en rouge pointillé).
        </p>
      )}
      {graph.edges.length > 0 && (
        <GraphView nodes={nodes} edges={edges} layout="dagre" label={`Chaîne de ${graph.product.name}, ${graph.edges.length} liens`} />
      )}
      <table className="chain-table">
        <caption>Liens de la chaîne</caption>
        <thead>
          <tr>
            <th scope="col">Rang</th>
            <th scope="col">Fournisseur</th>
            <th scope="col">Acheteur</th>
            <th scope="col">Produit</th>
            <th scope="col">Volume par an</th>
            <th scope="col">Distance</th>
            <th scope="col">Labels</th>
          </tr>
        </thead>
        <tbody>
          {graph.edges.map((e) => (
            <tr key={e.link.id} className={breaks.has(e.link.id) ? 'broken' : undefined}>
              <td>{e.depth}</td>
              <td>
                <Link href={`/acteurs/${encodeURIComponent(e.supplierId)}`}>{names.get(e.supplierId) ?? e.supplierId}</Link>
              </td>
              <td>{names.get(e.buyerId) ?? e.buyerId}</td>
              <td>{e.product.name}</td>
              <td>{formatVolume(e.volume, e.unit)}</td>
              <td>{formatDistance(e.distanceKm)}</td>
              <td>
                {e.labels.map((l) => l.name).join(', ') || '—'}
                {breaks.has(e.link.id) ? ' — rupture du bio' : ''}
                {e.provenanceUnknown ? ' — provenance non déclarée' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
