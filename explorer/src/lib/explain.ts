import { formatDistance, formatIntermediaries, formatMonths, formatVolume, roleName } from './format';

/** What the explanation of a match needs (a subset of ExplorerSuppliersQuery's match). */
export interface ExplainedMatch {
  supplier: { name: string; roles: string[]; commune: { name: string } };
  product: { name: string };
  labels: Array<{ name: string }>;
  months: number[];
  capacity: number | null;
  capacityUnit: string | null;
  distanceKm: number;
  intermediaries: number;
  circuitCourt: boolean;
  path: Array<{ kind: string; distanceKm: number | null; actor: { name: string } | null; role: string | null }>;
}

/**
 * One match of the headline question in words: who, what, when, how far, through whom, and
 * whether it is a circuit court. Pure: unit tested in tests/explorer-format.test.ts.
 */
export function explainMatch(match: ExplainedMatch, destination: string): string {
  const who = `${match.supplier.name} (${match.supplier.roles.map(roleName).join(', ')}, ${match.supplier.commune.name})`;
  const labels = match.labels.length > 0 ? `, sous ${match.labels.map((l) => l.name).join(' et ')}` : '';
  const capacity =
    match.capacity !== null || match.capacityUnit ? ` ; capacité ${formatVolume(match.capacity, match.capacityUnit)} par an` : '';
  const season = `disponible ${formatMonths(match.months) === 'toute l’année' ? 'toute l’année' : `en ${formatMonths(match.months)}`}`;
  const via = match.path.filter((step) => step.kind === 'INTERMEDIARY' && step.actor).map((step) => step.actor!.name);
  const route =
    match.intermediaries === 0
      ? `vend directement à ${destination}`
      : `livre ${destination} par ${formatIntermediaries(match.intermediaries)} (${via.join(' puis ')})`;
  const court = match.circuitCourt ? 'circuit court' : 'pas un circuit court (plus d’un intermédiaire)';
  return `${who} propose ${match.product.name}${labels}, ${season}${capacity}. Il ${route}, à ${formatDistance(match.distanceKm)} : ${court}.`;
}
