// Checks each module file against the hash the build recorded, before the browser runs it.

/** Files with their Subresource Integrity hashes, and the files each element's code needs. Filled in by the build. */
export interface ChunkManifest {
  /** Path beside the entry (`chunks/lit-1a2b3c.js`) → `sha384-…`. */
  files: Record<string, string>;
  /** A tag, or `entry`, → its file first, then every file it imports statically. */
  needs: Record<string, string[]>;
}

/**
 * The build replaces the placeholder string with the manifest's JSON. Run from source (tests of the
 * elements, a developer's own bundler) there is none: files load unchecked, as any import would.
 */
export function parseManifest(text: string): ChunkManifest {
  try {
    return JSON.parse(text) as ChunkManifest;
  } catch {
    return {files: {}, needs: {}};
  }
}

/** What the preload links copy from the page's own tag, so a nonce-based CSP lets them through. */
export interface PreloadOptions {
  nonce?: string | undefined;
  crossOrigin?: string | null | undefined;
}

const added = new Set<string>();

/**
 * Adds `<link rel="modulepreload" integrity="sha384-…">` for a module and everything it imports
 * statically, before the `import()` that needs them. The browser fetches and checks each file once
 * and the import reuses that result, so a file that does not match its hash never runs: the import
 * fails instead. A link needs no inline script or style, so a strict CSP is content with it.
 */
export function preloadModules(manifest: ChunkManifest, key: string, base: string, options: PreloadOptions = {}): void {
  for (const file of manifest.needs[key] ?? []) {
    const integrity = manifest.files[file];
    const href = new URL(file, base).href;
    if (!integrity || added.has(href)) continue;
    added.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.integrity = integrity;
    if (options.nonce) link.nonce = options.nonce;
    if (options.crossOrigin) link.crossOrigin = options.crossOrigin;
    link.href = href;
    (document.head ?? document.documentElement).append(link);
  }
}
