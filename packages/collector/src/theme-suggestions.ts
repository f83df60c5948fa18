// Suggested themes for a feedback item, from the keyword rules in theme-rules/ (en-GB, cy, ur). Every
// suggestion names the words that matched, so staff can see why it was made and judge it; a suggestion
// is never a tag (only a person tags, PUT /v1/submissions/:reference/themes).
import type {Theme, ThemeSuggestion} from '@care-feedback/core/provider';
import {CY_RULES} from './theme-rules/cy.js';
import {EN_GB_RULES} from './theme-rules/en-GB.js';
import type {ThemeRules} from './theme-rules/types.js';
import {UR_RULES} from './theme-rules/ur.js';

/** Every language's rules: each is tried on every item, as people write in the language they choose. */
export const THEME_RULES: readonly ThemeRules[] = [EN_GB_RULES, CY_RULES, UR_RULES];

/**
 * The words of a text, lower case, in order: letters with their combining marks (Urdu and Welsh need
 * them), digits, and apostrophes or hyphens inside a word ("didn't", "short-staffed"). Curly apostrophes
 * become straight ones, so a phone's ’ matches a rule's '.
 */
export function wordsOf(text: string): string[] {
  const folded = text.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'").toLocaleLowerCase('en-GB');
  return (folded.match(/[\p{L}\p{M}\p{N}]+(?:['-][\p{L}\p{M}\p{N}]+)*/gu) ?? []);
}

/** A rule entry as words: "did not turn up" is four words that must come in order. */
const ruleWords = (entry: string): string[] => wordsOf(entry);

interface Match {
  themeId: string;
  matched: string[];
  locales: string[];
}

/** The themes a set of rules finds in some words, each with the words (or phrases) that matched. */
function matchRules(words: readonly string[], rules: ThemeRules): Match[] {
  const found: Match[] = [];
  for (const [themeId, rule] of Object.entries(rules.themes)) {
    const matched = new Map<number, string>(); // position of the first word → what matched there
    const covered = new Set<number>(); // words already inside a match: "yn hwyr" is one match, not two
    // Longest phrases first, so "did not turn up" is shown whole rather than as "turn up".
    const phrases = (rule.words ?? []).map(ruleWords).filter((p) => p.length).sort((a, b) => b.length - a.length);
    for (const phrase of phrases)
      for (let i = 0; i + phrase.length <= words.length; i++) {
        const span = phrase.map((_, j) => i + j);
        if (span.some((at) => covered.has(at)) || !phrase.every((word, j) => words[i + j] === word)) continue;
        matched.set(i, words.slice(i, i + phrase.length).join(' '));
        span.forEach((at) => covered.add(at));
      }
    for (const stem of rule.stems ?? []) {
      const start = stem.normalize('NFKC').toLocaleLowerCase('en-GB');
      words.forEach((word, i) => {
        if (word.startsWith(start) && !covered.has(i)) {
          matched.set(i, word);
          covered.add(i);
        }
      });
    }
    if (matched.size) {
      const inOrder = [...matched.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
      found.push({themeId, matched: [...new Set(inOrder)], locales: [rules.locale]});
    }
  }
  return found;
}

/**
 * The themes suggested for some text, most matched words first (then in the provider's order of themes).
 * Only live themes are suggested: a retired one, or one the rules do not know, never is.
 */
export function suggestThemes(
  text: string,
  themes: readonly Pick<Theme, 'id' | 'name' | 'retiredAt'>[],
  rules: readonly ThemeRules[] = THEME_RULES,
): ThemeSuggestion[] {
  const words = wordsOf(text);
  const byTheme = new Map<string, Match>();
  for (const set of rules)
    for (const match of matchRules(words, set)) {
      const earlier = byTheme.get(match.themeId);
      if (!earlier) byTheme.set(match.themeId, match);
      else {
        earlier.matched = [...new Set([...earlier.matched, ...match.matched])];
        earlier.locales.push(...match.locales);
      }
    }
  const order = new Map(themes.map((theme, i) => [theme.id, i]));
  return themes
    .filter((theme) => theme.retiredAt === null && byTheme.has(theme.id))
    .map((theme) => ({themeId: theme.id, name: theme.name, matched: byTheme.get(theme.id)!.matched, locales: byTheme.get(theme.id)!.locales}))
    .sort((a, b) => b.matched.length - a.matched.length || order.get(a.themeId)! - order.get(b.themeId)!);
}
