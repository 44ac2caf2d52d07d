import { useEffect, useMemo, useState } from 'react';
import { MapView } from '../components/MapView';
import {
  ExplorerChoicesDocument,
  ExplorerMapActorsDocument,
  ExplorerMapLinksDocument,
  type ActorFilter,
  type ActorRole,
  type SupplyLinkFilter,
} from '../generated/graphql';
import { useExplorerConfig } from '../lib/config';
import { ROLE_NAMES, formatRoles } from '../lib/format';
import { actorsOf, isTruncated, linksOf } from '../lib/geojson';
import { Link, navigate } from '../lib/router';
import { readState, writeState, type Fields, type StateOf } from '../lib/url-state';
import { useQuery } from '../lib/use-query';

export const CARTE_FIELDS = {
  role: { param: 'role', kind: 'string', default: '' },
  product: { param: 'produit', kind: 'string', default: '' },
  label: { param: 'label', kind: 'string', default: '' },
  member: { param: 'membre', kind: 'string', default: '' },
  links: { param: 'liens', kind: 'boolean', default: true },
} satisfies Fields;

type CarteState = StateOf<typeof CARTE_FIELDS>;

/** The API filters of the map's state: the same filter for actors and, as far as it applies, for links. */
function filtersOf(state: CarteState): { actors: ActorFilter; links: SupplyLinkFilter } {
  const actors: ActorFilter = { departmentCode: '26' };
  const links: SupplyLinkFilter = {};
  if (state.role) actors.roles = [state.role as ActorRole];
  if (state.product) actors.productId = links.productId = state.product;
  if (state.label) actors.labelIds = links.labelIds = [state.label];
  if (state.member === 'oui') actors.clubMember = true;
  if (state.member === 'non') actors.clubMember = false;
  return { actors, links };
}

export function CarteView({ search }: { search: string }) {
  const state = readState(CARTE_FIELDS, search);
  const config = useExplorerConfig();
  const choices = useQuery(ExplorerChoicesDocument, {});
  const filters = useMemo(() => filtersOf(readState(CARTE_FIELDS, search)), [search]);
  const layers = useQuery(ExplorerMapActorsDocument, { actors: filters.actors });
  // The links (about 650 KB for the whole department) are first asked once the actors have come, so
  // the server answers the markers first instead of building both answers at once.
  const [actorsCame, setActorsCame] = useState(false);
  useEffect(() => {
    if (layers.status === 'done') setActorsCame(true);
  }, [layers.status]);
  const linkLayer = useQuery(ExplorerMapLinksDocument, state.links && actorsCame ? { links: filters.links } : null);
  const actors = useMemo(() => (layers.status === 'done' ? actorsOf(layers.data.actorsGeoJson) : []), [layers]);
  const links = useMemo(() => {
    if (linkLayer.status !== 'done' || !state.links) return [];
    // Only the links of the actors shown: a filtered map shows their trade, not everyone's.
    const shown = new Set(actors.map((a) => a.id));
    return linksOf(linkLayer.data.supplyLinksGeoJson).filter((l) => shown.has(l.supplierId) || shown.has(l.buyerId));
  }, [linkLayer, actors, state.links]);

  const update = (change: Partial<CarteState>) => navigate(`/${writeState(CARTE_FIELDS, { ...state, ...change })}`, { replace: true });

  return (
    <section className="carte">
      <h1 tabIndex={-1}>Carte des acteurs de la Drôme</h1>
      <form className="filters" aria-label="Filtres de la carte" onSubmit={(e) => e.preventDefault()}>
        <label>
          Rôle
          <select value={state.role} onChange={(e) => update({ role: e.target.value })}>
            <option value="">tous</option>
            {ROLE_NAMES.map(([role, name]) => (
              <option key={role} value={role}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Produit (et ses variétés)
          <select value={state.product} onChange={(e) => update({ product: e.target.value })}>
            <option value="">tous</option>
            {choices.status === 'done' &&
              choices.data.productCategories.map((category) => (
                <optgroup key={category.id} label={category.name}>
                  <option value={category.id}>{category.name} (toute la famille)</option>
                  {category.narrower.map((product) => (
                    <option key={product.id} value={product.id}>
                      {product.name}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        </label>
        <label>
          Label
          <select value={state.label} onChange={(e) => update({ label: e.target.value })}>
            <option value="">tous</option>
            {choices.status === 'done' &&
              choices.data.labels.map((label) => (
                <option key={label.id} value={label.id}>
                  {label.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          Membres du Club
          <select value={state.member} onChange={(e) => update({ member: e.target.value })}>
            <option value="">tous</option>
            <option value="oui">membres</option>
            <option value="non">non membres</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={state.links} onChange={(e) => update({ links: e.target.checked })} />
          Liens d’approvisionnement
        </label>
      </form>
      <p role="status" className="summary" data-testid="map-summary">
        {layers.status === 'loading' && 'Chargement…'}
        {layers.status === 'error' && <span className="error">{layers.message}</span>}
        {layers.status === 'done' &&
          `${actors.length} acteur${actors.length > 1 ? 's' : ''} affiché${actors.length > 1 ? 's' : ''}` +
            (state.links && linkLayer.status === 'done' ? `, ${links.length} lien${links.length > 1 ? 's' : ''} d’approvisionnement` : '') +
            (state.links && (linkLayer.status === 'loading' || linkLayer.status === 'idle') ? ', liens en cours de chargement' : '') +
            (isTruncated(layers.data.actorsGeoJson) ? ' (liste tronquée à 5 000)' : '')}
      </p>
      <p className="legend" aria-hidden="true">
        <span className="dot member" /> membre du Club <span className="dot" /> non membre <span className="line" /> lien (épaisseur :
        volume)
      </p>
      <MapView
        actors={actors}
        links={links}
        label="Carte des acteurs"
        tileUrl={config?.tileUrl ?? null}
        tileAttribution={config?.tileAttribution ?? null}
      />
      <details className="actor-list">
        <summary>Liste des acteurs affichés</summary>
        <ul>
          {actors.map((actor) => (
            <li key={actor.id}>
              <Link href={`/acteurs/${encodeURIComponent(actor.id)}`}>{actor.name}</Link> — {formatRoles(actor.roles)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
