// Development-only checks. The embed build swaps this module for one where DEV is false, so terser drops them.
export const DEV = true;

/** Warns a developer about misuse (a missing endpoint, an unknown glossary term). Stripped from the bundle. */
export function devWarn(message: string, ...details: unknown[]): void {
  if (DEV) console.warn(`[care-feedback] ${message}`, ...details);
}
