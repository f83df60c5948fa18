// The languages and reading levels every element is checked in.

/** Each built-in locale, standard and easy read, with the direction its text runs in. */
export const LANGUAGES = [
  {locale: 'en-GB', readingLevel: undefined, dir: 'ltr'},
  {locale: 'en-GB', readingLevel: 'easy', dir: 'ltr'},
  {locale: 'cy', readingLevel: undefined, dir: 'ltr'},
  {locale: 'cy', readingLevel: 'easy', dir: 'ltr'},
  {locale: 'ur', readingLevel: undefined, dir: 'rtl'},
  {locale: 'ur', readingLevel: 'easy', dir: 'rtl'},
] as const;

/** A shorter set for elements whose content comes from data: English, easy read, Welsh, Urdu (right to left). */
export const CONTENT_VARIANTS = [
  ['en-GB', {}],
  ['easy read', {readingLevel: 'easy'}],
  ['Welsh', {locale: 'cy'}],
  ['Urdu', {locale: 'ur'}],
] as const;
