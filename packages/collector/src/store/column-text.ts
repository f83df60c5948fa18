// Free text copied into an indexed column (a service, a topic) or a filter on one.

/**
 * PostgreSQL text cannot hold U+0000, so it becomes U+FFFD in the column and in filters alike, on both
 * stores, so that they agree. The submission itself keeps it (JSON escapes it).
 */
export function columnText(value: string): string;
export function columnText(value: string | null | undefined): string | null;
export function columnText(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : value.replace(/\u0000/g, '\uFFFD');
}
