/**
 * French formatting of the graph's figures, shared by every view. Pure functions (no DOM): unit
 * tested in tests/explorer-format.test.ts.
 */

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The French name of a month, 1 = janvier. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/**
 * Months as words, runs joined ("mars à juin, septembre"); "toute l’année" for all twelve, "—"
 * for none. A run across the new year (novembre à février) stays one run.
 */
export function formatMonths(months: readonly number[]): string {
  const set = [...new Set(months)].filter((m) => m >= 1 && m <= 12).sort((a, b) => a - b);
  if (set.length === 0) return '—';
  if (set.length === 12) return 'toute l’année';
  const runs: number[][] = [];
  for (const m of set) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === m - 1) last.push(m);
    else runs.push([m]);
  }
  // December followed by January: the first run continues the last one.
  if (runs.length > 1 && runs[0][0] === 1 && runs[runs.length - 1].at(-1) === 12) {
    const first = runs.shift() as number[];
    runs[runs.length - 1].push(...first);
  }
  return runs.map((run) => (run.length === 1 ? monthName(run[0]) : `${monthName(run[0])} à ${monthName(run[run.length - 1])}`)).join(', ');
}

const number = (value: number, digits: number) =>
  new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);

/** A distance: "850 m" under 1 km, "12,4 km" under 100 km, "143 km" beyond; "—" when unknown. */
export function formatDistance(km: number | null | undefined): string {
  if (km === null || km === undefined || !Number.isFinite(km)) return '—';
  if (km < 1) return `${number(Math.round(km * 1000), 0)} m`;
  return `${number(km, km < 100 ? 1 : 0)} km`;
}

const UNITS: Record<string, [one: string, many: string]> = {
  KG: ['kg', 'kg'],
  TONNE: ['t', 't'],
  LITRE: ['litre', 'litres'],
  HECTOLITRE: ['hl', 'hl'],
  UNIT: ['unité', 'unités'],
  DOZEN: ['douzaine', 'douzaines'],
  HEAD: ['tête', 'têtes'],
  MEAL: ['repas', 'repas'],
};

/** The unit in words, singular or plural. */
export function unitName(unit: string, value = 2): string {
  const names = UNITS[unit];
  if (!names) return unit.toLowerCase();
  return Math.abs(value) >= 2 ? names[1] : names[0];
}

/**
 * A yearly volume with its unit: "12 500 kg", "3,5 t" — 10 000 kg and more in tonnes reads
 * better ("12,5 t"); "confidentiel" when the API hides it (null), "—" when there is no unit.
 */
export function formatVolume(value: number | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined) return 'confidentiel';
  if (!unit) return number(value, 1);
  if (unit === 'KG' && value >= 10_000) return `${number(value / 1000, 1)} t`;
  return `${number(value, 1)} ${unitName(unit, value)}`;
}

const ROLES: Record<string, string> = {
  BAKERY: 'boulangerie',
  CANTEEN: 'cantine',
  CENTRAL_KITCHEN: 'cuisine centrale',
  COOPERATIVE: 'coopérative',
  DAIRY: 'laiterie',
  FARM: 'ferme',
  FOOD_HUB: 'plateforme',
  INSTITUTION: 'collectivité',
  MARKET: 'marché',
  MILL: 'moulin',
  PROCESSOR: 'transformateur',
  RESTAURANT: 'restaurant',
  RETAILER: 'commerce',
  SLAUGHTERHOUSE: 'abattoir',
  WHOLESALER: 'grossiste',
};

/** Every role the API knows, in French, in the order of the filters. */
export const ROLE_NAMES: ReadonlyArray<[role: string, name: string]> = Object.entries(ROLES).sort((a, b) => a[1].localeCompare(b[1], 'fr'));

/** A role in French ("MILL" → "moulin"). */
export function roleName(role: string): string {
  return ROLES[role] ?? role.toLowerCase();
}

/** Roles in French, joined. */
export function formatRoles(roles: readonly string[]): string {
  return roles.map(roleName).join(', ');
}

/** "direct", "1 intermédiaire", "2 intermédiaires". */
export function formatIntermediaries(n: number): string {
  if (n === 0) return 'vente directe';
  return n === 1 ? '1 intermédiaire' : `${n} intermédiaires`;
}
