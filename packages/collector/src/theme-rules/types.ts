// The shape of a keyword rule file: for each theme id, whole words (or phrases) and stems that suggest it.

/**
 * One language's rules. `words` match a whole word, or a phrase of whole words in order ("turn up");
 * `stems` match the start of a word ("medic" finds medication, medicines, medical). Every entry is
 * written lower case, as a person would read it: the rule is its own explanation.
 */
export interface ThemeRules {
  /** The language the words are in (`en-GB`, `cy`, `ur`). */
  locale: string;
  /** True when a machine wrote the words and no fluent speaker has checked them yet. */
  machineWritten: boolean;
  themes: Record<string, {words?: readonly string[]; stems?: readonly string[]}>;
}
