// CSV cells that spreadsheets will not run as formulas.

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

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
