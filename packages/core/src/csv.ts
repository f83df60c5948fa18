// CSV cells that spreadsheets will not run as formulas: one helper for the collector's export and the
// inbox's report downloads.

/**
 * Quotes a cell, and neutralises one that a spreadsheet would treat as a formula (starting with
 * = + - @, tab or carriage return) by putting an apostrophe in front, as OWASP advises.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string' ? value : Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One CSV line, ending in CRLF as RFC 4180 asks. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
