/**
 * French number and text formatting for the reports: a narrow no-break space between thousands,
 * a decimal comma, "%" and "€" after a no-break space (Imprimerie nationale's rules, as
 * Intl.NumberFormat('fr-FR') writes them).
 */

const integers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimals = new Map<number, Intl.NumberFormat>();

function decimalFormat(digits: number): Intl.NumberFormat {
  let format = decimals.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    decimals.set(digits, format);
  }
  return format;
}

/** The text shown where a figure is missing (no data, or a share of nothing). */
export const NO_FIGURE = '–';

const missing = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined || !Number.isFinite(value);

/** 12 345 */
export function formatInteger(value: number | null | undefined): string {
  return missing(value) ? NO_FIGURE : integers.format(value);
}

/** 12 345,6 with `digits` decimals. */
export function formatDecimal(value: number | null | undefined, digits = 1): string {
  return missing(value) ? NO_FIGURE : decimalFormat(digits).format(value);
}

/** A share given as a fraction (0.523) written as a percentage: 52,3 %. */
export function formatShare(fraction: number | null | undefined, digits = 1): string {
  return missing(fraction) ? NO_FIGURE : `${decimalFormat(digits).format(fraction * 100)}\u00a0%`;
}

/** 12 345 € (whole euros: the reports never show cents). */
export function formatEuros(value: number | null | undefined): string {
  return missing(value) ? NO_FIGURE : `${integers.format(value)}\u00a0€`;
}

/** A quantity with its unit: 1 234,5 kg. */
export function formatQuantity(value: number | null | undefined, unit: string, digits = 1): string {
  return missing(value) ? NO_FIGURE : `${decimalFormat(digits).format(value)}\u00a0${unit}`;
}

/** 1 décembre 2026, for a date or an ISO date string. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return NO_FIGURE;
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML and SVG content and attributes. Every value from the graph goes through it. */
export function escapeXml(text: string | number | null | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}
