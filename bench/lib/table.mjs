// Renders rows of figures as a Markdown table, the same for the terminal and docs/performance.md.
export function markdownTable(rows) {
  if (rows.length === 0) return '_no rows_';
  const columns = Object.keys(rows[0]);
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [
    line(columns),
    line(columns.map(() => '---')),
    ...rows.map((row) => line(columns.map((column) => String(row[column] ?? '')))),
  ].join('\n');
}

export const kb = (bytes) => (bytes / 1024).toFixed(1);
