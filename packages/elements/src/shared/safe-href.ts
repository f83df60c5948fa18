// Which link addresses may be shown on a page: the form's privacy link and every link in sanitised text.

/**
 * Allows http(s), mailto and tel links and relative URLs; refuses every other scheme
 * (javascript:, data:, vbscript:, and anything a browser might invent later).
 */
export function safeHref(raw: string | null | undefined): string | undefined {
  if (raw == null) return undefined;
  // Browsers drop tabs and newlines anywhere in a URL and control characters at its ends, which is
  // how "java\tscript:" slips past naive checks; do the same, then ask the URL parser itself.
  const href = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (href === '') return undefined;
  let protocol: string;
  try {
    protocol = new URL(href, document.baseURI).protocol;
  } catch {
    return undefined;
  }
  return ['http:', 'https:', 'mailto:', 'tel:'].includes(protocol) ? href : undefined;
}
