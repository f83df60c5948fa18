// Notes which globals the page had before this bundle's libraries ran, so the bundle can tidy up after them.

/**
 * zod writes `__zod_globalConfig` and `__zod_globalRegistry` on `globalThis` when it loads. The
 * contract is one global, `CareFeedback`, so the ones zod added are removed as soon as the form's
 * code (which holds zod) has loaded (zod keeps its own references to those objects, so it works on).
 * This module is part of the entry, which runs before any chunk, so it runs before zod.
 */
export const ZOD_GLOBALS = ['__zod_globalConfig', '__zod_globalRegistry'] as const;

const page = globalThis as Record<string, unknown>;
export const globalsBefore = new Set(ZOD_GLOBALS.filter((name) => name in page));

/** Removes the library globals that this bundle, not the page, created. */
export function removeLibraryGlobals(): void {
  for (const name of ZOD_GLOBALS) {
    if (!globalsBefore.has(name)) delete page[name];
  }
}
