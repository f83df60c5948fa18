// A table of a report as plain data: what the page shows and what its "Download CSV" button saves are the
// same rows. No Lit, no DOM: Node tests the CSV.
import {csvRow} from '@care-feedback/core';

export interface ReportTable {
  /** Used for element ids and the file name, e.g. `complaints-outcomes`. */
  id: string;
  caption: string;
  /** Column headings; the first column holds each row's name. */
  columns: string[];
  rows: Array<Array<string | number>>;
}

/**
 * The table as CSV (RFC 4180, CRLF lines), headings first. Every cell goes through the shared CSV
 * helper, so a theme or service name starting with = + - @ is never run as a spreadsheet formula.
 */
export function tableCsv(table: ReportTable): string {
  return [table.columns, ...table.rows].map((row) => csvRow(row)).join('');
}

/** `annual-complaints-2025-04-01-to-2026-03-31-outcomes.csv`: says what it is and which period. */
export function csvFileName(report: string, table: ReportTable, period: {from: string; to: string}): string {
  return `${report}-${period.from}-to-${period.to}-${table.id}.csv`;
}
