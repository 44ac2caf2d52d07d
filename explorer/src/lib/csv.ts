/**
 * CSV for spreadsheet users in France, as the reports' CSV (src/reports): semicolon separators,
 * a UTF-8 byte-order mark so Excel reads the accents, CRLF line ends, decimal commas, fields quoted
 * when they hold a separator, a quote or a line break. Pure: unit tested.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const cell = (value: string | number | null) => {
    if (value === null) return '';
    const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}
