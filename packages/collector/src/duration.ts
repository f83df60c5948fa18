// Parses retention periods such as 365d, 52w, 1y or 12h.

const UNITS: Record<string, number> = {
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
};

/** The longest period accepted: 200 years (beyond it dates stop being dates). */
const MAX = 200 * UNITS.y!;

/** Milliseconds in a period like `365d`; undefined when it is not one (or over 200 years). */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d{1,6})\s*([hdwy])\s*$/i.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
  return ms <= MAX ? ms : undefined;
}
