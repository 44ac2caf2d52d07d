import { formatRoles } from './format';

/**
 * The map's text and keys for keyboard and screen-reader users (components/MapView.tsx), apart
 * from Leaflet so they can be tested without a browser.
 */

/** Leaflet names its popups' close button in English ("Close popup"): the map renames it. */
export const CLOSE_POPUP_LABEL = 'Fermer la fiche';

/** The credit of the basemap, shown by the map's attribution control. */
export const OUTLINES_ATTRIBUTION = 'Contours des communes : IGN Admin Express (Licence Ouverte)';

/** The accessible name of an actor's marker: its name and roles. */
export function markerLabel(actor: { name: string; roles: readonly string[] }): string {
  return actor.roles.length > 0 ? `${actor.name} (${formatRoles(actor.roles)})` : actor.name;
}

/**
 * The marker the roving focus goes to for a key: the arrows move to the next or previous marker
 * (in the order of the list under the map, wrapping around), Home and End to the first and last;
 * null for any other key.
 */
export function nextMarkerIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
