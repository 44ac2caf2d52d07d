/**
 * Every view keeps its state in the URL's query string, so a view can be shared (deep links).
 * A view declares its fields once (name in the URL, kind, default); these functions read and
 * write them. Pure (URLSearchParams only): unit tested in tests/explorer-url-state.test.ts.
 */

export type FieldKind = 'string' | 'boolean' | 'number' | 'numbers' | 'strings';

type ValueOf<K extends FieldKind> = K extends 'string'
  ? string
  : K extends 'boolean'
    ? boolean
    : K extends 'number'
      ? number
      : K extends 'numbers'
        ? number[]
        : string[];

export interface Field<K extends FieldKind = FieldKind> {
  /** The parameter's name in the URL (French, short: "produit", "bio", "mois"). */
  param: string;
  kind: K;
  default: ValueOf<K>;
}

export type Fields = Record<string, Field>;
export type StateOf<F extends Fields> = { [P in keyof F]: ValueOf<F[P]['kind']> };

function parseValue(kind: FieldKind, raw: string | null, fallback: unknown): unknown {
  if (raw === null) return fallback;
  switch (kind) {
    case 'string':
      return raw;
    case 'boolean':
      return raw === '1' || raw === 'oui' || raw === 'true';
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : fallback;
    }
    case 'numbers':
      return raw
        .split(',')
        .filter((part) => part.trim() !== '')
        .map((part) => Number(part))
        .filter((n) => Number.isInteger(n));
    case 'strings':
      return raw.split(',').filter((part) => part !== '');
    default: {
      const unknownKind: never = kind;
      throw new Error(`unknown field kind ${String(unknownKind)}`);
    }
  }
}

function formatValue(kind: FieldKind, value: unknown): string {
  switch (kind) {
    case 'boolean':
      return value ? '1' : '0';
    case 'numbers':
    case 'strings':
      return (value as unknown[]).join(',');
    default:
      return String(value);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
}

/** The state in a query string ("?produit=farine&bio=1"); a missing or unreadable value takes its default. */
export function readState<F extends Fields>(fields: F, search: string): StateOf<F> {
  const params = new URLSearchParams(search);
  const state: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) state[key] = parseValue(field.kind, params.get(field.param), field.default);
  return state as StateOf<F>;
}

/** The query string of a state ("" or "?…"), leaving out values equal to their default so links stay short. */
export function writeState<F extends Fields>(fields: F, state: Partial<StateOf<F>>): string {
  const params = new URLSearchParams();
  for (const [key, field] of Object.entries(fields)) {
    const value = (state as Record<string, unknown>)[key];
    if (value === undefined || sameValue(value, field.default)) continue;
    if ((field.kind === 'string' && value === '') || (Array.isArray(value) && value.length === 0)) continue;
    params.set(field.param, formatValue(field.kind, value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
