import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import communesUrl from 'virtual:commune-outlines';
import { navigate } from '../lib/router';
import { formatRoles, formatVolume } from '../lib/format';
import { CLOSE_POPUP_LABEL, OUTLINES_ATTRIBUTION, markerLabel, nextMarkerIndex } from '../lib/map-keyboard';

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

/** Leaflet names a popup's close button in English ("Close popup"), with no option: renamed once the popup exists. */
function frenchCloseButton(popup: L.Popup): void {
  const button = popup.getElement()?.querySelector('.leaflet-popup-close-button');
  button?.setAttribute('aria-label', CLOSE_POPUP_LABEL);
  button?.setAttribute('title', CLOSE_POPUP_LABEL);
}

/**
 * The Leaflet map: commune outlines (the repo's data, so it works offline), an optional tile layer,
 * supply links as lines and actors as circles drawn in SVG (each circle is an element: the tests
 * count them). A click on an actor, a link or a path opens a popup (an actor's links to its card).
 * Popups, not tooltips: Leaflet makes every layer with a tooltip a tab stop, which would put
 * thousands of lines in the keyboard's way; the views list the same actors as links instead.
 *
 * Keyboard: the actors' markers are one composite control with a roving focus (WAI-ARIA): a single
 * marker is in the tab order, the arrows (and Home, End) move between markers in the list's order,
 * Enter or Space opens the marker's card and puts the focus on its link, Escape closes the card
 * and gives the focus back to the marker. Hundreds of tab stops would bury the controls after the map.
 */
export function MapView({ actors, links = [], paths = [], label, tileUrl, tileAttribution }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  /** Supply links are drawn on a canvas: thousands of lines as SVG elements would slow the map down; actors and paths stay SVG. */
  const linkRenderer = useRef<L.Canvas | null>(null);
  /** Whether a path was fitted already: the outlines arriving later must not undo it. */
  const fitted = useRef(false);
  /** The markers drawn, in the actors' order, for the keyboard's roving focus. */
  const markers = useRef<L.CircleMarker[]>([]);
  const focused = useRef(0);

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
          attribution: OUTLINES_ATTRIBUTION,
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
    // An opened card: its close button in French, the focus on its first link when the keyboard opened it.
    let openedByKeyboard: L.CircleMarker | null = null;
    created.on('popupopen', (event: L.PopupEvent) => {
      frenchCloseButton(event.popup);
      if (openedByKeyboard) event.popup.getElement()?.querySelector<HTMLElement>('a[href]:not(.leaflet-popup-close-button)')?.focus();
    });
    created.on('popupclose', (event: L.PopupEvent) => {
      // Back to the marker when the focus was in the card (closed by Escape or its button).
      const card = event.popup.getElement();
      const owner = markers.current.find((m) => m.getPopup() === event.popup);
      if (owner && card && (card.contains(document.activeElement) || document.activeElement === document.body))
        (owner.getElement() as HTMLElement | undefined)?.focus();
      openedByKeyboard = null;
    });
    const moveFocus = (next: number) => {
      const from = markers.current[focused.current]?.getElement();
      const to = markers.current[next];
      from?.setAttribute('tabindex', '-1');
      to?.getElement()?.setAttribute('tabindex', '0');
      focused.current = next;
      if (!to) return;
      created.panInside(to.getLatLng(), { padding: [24, 24] });
      (to.getElement() as HTMLElement | undefined)?.focus({ preventScroll: true });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as Element;
      if (event.key === 'Escape' && target.closest('.leaflet-popup')) {
        event.preventDefault();
        created.closePopup();
        return;
      }
      const index = markers.current.findIndex((m) => m.getElement() === target);
      if (index < 0) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        event.stopPropagation();
        openedByKeyboard = markers.current[index]!;
        markers.current[index]!.openPopup();
        return;
      }
      const next = nextMarkerIndex(event.key, index, markers.current.length);
      if (next === null) return;
      event.preventDefault();
      event.stopPropagation();
      moveFocus(next);
    };
    element.addEventListener('keydown', onKeyDown);
    return () => {
      cancelled = true;
      element.removeEventListener('click', onClick);
      element.removeEventListener('keydown', onKeyDown);
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
    const drawing = performance.now();
    markers.current = actors.map((actor, index) => {
      const marker = L.circleMarker([actor.latitude, actor.longitude], {
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
      // Its SVG element exists once added: a button named after the actor, reached by the roving focus.
      const element = marker.getElement();
      element?.setAttribute('role', 'button');
      element?.setAttribute('aria-label', markerLabel(actor));
      element?.setAttribute('tabindex', index === 0 ? '0' : '-1');
      return marker;
    });
    focused.current = 0;
    // User Timing marks read by `npm run bench:explorer`: when the markers and the answer's paths are on the map.
    if (actors.length > 0) {
      performance.measure('maillon:draw-markers', { start: drawing, end: performance.now() });
      performance.mark('maillon:markers-drawn', { detail: actors.length });
    }
    if (paths.length > 0) performance.mark('maillon:paths-drawn', { detail: paths.length });
    const highlighted = paths.find((p) => p.highlighted);
    if (highlighted && highlighted.points.length > 1) {
      fitted.current = true;
      map.current.fitBounds(L.latLngBounds(highlighted.points), { padding: [30, 30], maxZoom: 11 });
    }
  }, [actors, links, paths]);

  return <div ref={container} className="map" role="region" aria-label={label} />;
}
