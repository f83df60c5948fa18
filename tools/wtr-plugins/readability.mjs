// WTR plugin: grades the sentences a browser test collected from what the elements drew, on the Node side,
// where the CMU pronouncing dictionary is (it is far too big to send to the browser).
//
// Commands (executeServerCommand):
//   readability-grade {area, level, sentences: string[]}  (blocks of text; each is split into sentences here)
//     → {figures: {sentences, atOrBelow6, atOrBelow4, median, hardest}, recorded: figures | null}
//     `recorded` is the committed figure for that area and level, from
//     packages/elements/src/glossary-data/readability-figures.json. With CARE_READABILITY_RECORD=1 in the
//     environment the new figures are written there instead (after a rewrite makes the text easier).
import {readFileSync, writeFileSync} from 'node:fs';
import {sentences as splitSentences, summarise} from '../readability.mjs';

const FIGURES = new URL(
  '../../packages/elements/src/glossary-data/readability-figures.json',
  import.meta.url,
);

function readFigures() {
  return JSON.parse(readFileSync(FIGURES, 'utf8'));
}

function grade({area, level, sentences}) {
  if (
    typeof area !== 'string' ||
    !['standard', 'easy'].includes(level) ||
    !Array.isArray(sentences)
  ) {
    throw new Error(
      'readability-grade needs {area, level: "standard" | "easy", sentences: string[]}',
    );
  }
  const figures = summarise(sentences.map(String).flatMap(splitSentences));
  const all = readFigures();
  let recorded = all.areas?.[area]?.[level] ?? null;
  if (process.env.CARE_READABILITY_RECORD === '1') {
    const {hardest, ...kept} = figures;
    all.areas = {...all.areas, [area]: {...all.areas?.[area], [level]: kept}};
    writeFileSync(FIGURES, `${JSON.stringify(all, null, 2)}\n`);
    recorded = kept;
  }
  return {figures, recorded};
}

export default {
  name: 'readability',
  async executeCommand({command, payload}) {
    if (command === 'readability-grade') return grade(payload ?? {});
    return undefined;
  },
};
