import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import communesUrl from '../../../seeds/geo/communes-26-drome.geojson?url';
import { navigate } from '../lib/router';
import { formatRoles, formatVolume } from '../lib/format';

/** An actor drawn as a point: the properties of `actorsGeoJson` features. */
export interface MapActor {
  id: string;
  name: string;
  roles: string[];
  clubMember: boolean;
  latitude: number;
  longitude: number;
}

/** A supply link drawn as a line, weighted by its volume. */
export interface MapLink {
  id: string;
  supplierId: string;
  buyerId: string;
  from: [number, number];
  to: [number, number];
  volume: number | null;
  unit: string | null;
  productName: string;
}

/** A path of the headline answer: supplier → intermediaries → buyer. */
export interface MapPath {
  id: string;
  points: Array<[number, number]>;
  highlighted: boolean;
  title: string;
}

interface Props {
  actors: MapActor[];
  links?: MapLink[];
  paths?: MapPath[];
  /** A label for assistive technologies: what the map shows. */
  label: string;
  tileUrl?: string | null;
  tileAttribution?: string | null;
}

const DROME_BOUNDS = L.latLngBounds([44.11, 4.64], [45.35, 5.83]);

let communesPromise: Promise<GeoJSON.FeatureCollection> | null = null;
/** The commune outlines, fetched once per page (a hashed asset: the browser caches it for good). */
function loadCommunes(): Promise<GeoJSON.FeatureCollection> {
  communesPromise ??= fetch(communesUrl).then((res) => res.json() as Promise<GeoJSON.FeatureCollection>);
  return communesPromise;
}

/**
 * Stroke width of a link from its volume: logarithmic, since volumes go from a few kg to thousands
 * of tonnes; 1 px for a confidential volume.
 */
export function linkWeight(volume: number | null): number {
  if (volume === null || volume <= 0) return 1;
  return Math.min(8, 1 + Math.log10(1 + volume) * 1.2);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The Leaflet map: commune outlines (the repo's data, so it works offline), an optional tile layer,
 * supply links as lines and actors as circles drawn in SVG (each circle is an element: the tests
 * count them). A click on an actor, a link or a path opens a popup (an actor's links to its card).
 * Popups, not tooltips: Leaflet makes every layer with a tooltip a tab stop, which would put
 * thousands of lines in the keyboard's way; the views list the same actors as links instead.
 */
export function MapView({ actors, links = [], paths = [], label, tileUrl, tileAttribution }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  /** Supply links are drawn on a canvas: thousands of lines as SVG elements would slow the map down; actors and paths stay SVG. */
  const linkRenderer = useRef<L.Canvas | null>(null);
  /** Whether a path was fitted already: the outlines arriving later must not undo it. */
  const fitted = useRef(false);

  useEffect(() => {
    if (!container.current) return;
    const created = L.map(container.current, { preferCanvas: false, zoomSnap: 0.25, attributionControl: true, zoomControl: false });
    L.control.zoom({ zoomInTitle: 'Zoom avant', zoomOutTitle: 'Zoom arrière' }).addTo(created);
    created.fitBounds(DROME_BOUNDS);
    created.attributionControl.setPrefix(false);
    if (tileUrl) L.tileLayer(tileUrl, { attribution: tileAttribution ?? '' }).addTo(created);
    let cancelled = false;
    loadCommunes().then(
      (communes) => {
        if (cancelled) return;
        const outlines = L.geoJSON(communes, {
          interactive: false,
          style: { color: '#8a8f98', weight: 0.6, fillColor: '#f3efe6', fillOpacity: tileUrl ? 0 : 1 },
        })
          .addTo(created)
          .bringToBack();
        // The container has its final size by now (the first fit may have run before the styles applied).
        created.invalidateSize();
        if (!fitted.current) created.fitBounds(outlines.getBounds(), { padding: [8, 8] });
      },
      () => undefined,
    );
    layers.current = L.layerGroup().addTo(created);
    linkRenderer.current = L.canvas({ padding: 0.2 });
    map.current = created;
    // Links of the popups go through the router: no reload.
    const onClick = (event: MouseEvent) => {
      const target = (event.target as HTMLElement).closest('a[data-route]');
      if (target instanceof HTMLAnchorElement) {
        event.preventDefault();
        navigate(target.getAttribute('href') ?? '/');
      }
    };
    container.current.addEventListener('click', onClick);
    const element = container.current;
    return () => {
      cancelled = true;
      element.removeEventListener('click', onClick);
      created.remove();
      map.current = null;
    };
  }, [tileUrl, tileAttribution]);

  useEffect(() => {
    const group = layers.current;
    if (!group || !map.current) return;
    group.clearLayers();
    for (const link of links) {
      L.polyline([link.from, link.to], {
        color: '#3d6b8f',
        weight: linkWeight(link.volume),
        opacity: 0.45,
        renderer: linkRenderer.current ?? undefined,
      })
        .bindPopup(`${escapeHtml(link.productName)} : ${escapeHtml(formatVolume(link.volume, link.unit))} par an`)
        .addTo(group);
    }
    for (const path of paths) {
      L.polyline(path.points, {
        color: path.highlighted ? '#b3261e' : '#d08a2c',
        weight: path.highlighted ? 5 : 3,
        opacity: path.highlighted ? 0.95 : 0.6,
        dashArray: path.highlighted ? undefined : '6 4',
        className: 'match-path',
      })
        .bindPopup(escapeHtml(path.title))
        .addTo(group);
    }
    for (const actor of actors) {
      L.circleMarker([actor.latitude, actor.longitude], {
        radius: 5,
        color: '#1d3b2a',
        weight: 1,
        fillColor: actor.clubMember ? '#2e7d4f' : '#f2c14e',
        fillOpacity: 0.9,
        className: 'actor-marker',
      })
        .bindPopup(
          `<strong>${escapeHtml(actor.name)}</strong><br>${escapeHtml(formatRoles(actor.roles))}<br>` +
            `<a data-route href="/acteurs/${encodeURIComponent(actor.id)}">Voir la fiche</a>`,
        )
        .addTo(group);
    }
    const highlighted = paths.find((p) => p.highlighted);
    if (highlighted && highlighted.points.length > 1) {
      fitted.current = true;
      map.current.fitBounds(L.latLngBounds(highlighted.points), { padding: [30, 30], maxZoom: 11 });
    }
  }, [actors, links, paths]);

  return <div ref={container} className="map" role="region" aria-label={label} />;
}
