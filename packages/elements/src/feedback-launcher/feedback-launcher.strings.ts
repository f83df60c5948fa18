// The launcher's English (en-GB) words. Translations live in locales/<locale>/launcher.json, easy read in launcher.easy.json.

export const launcherStrings = {
  button: 'Give feedback',
  heading: 'Give feedback',
  close: 'Close',
  'confirm.heading': 'You have not sent your feedback',
  'confirm.text': 'Do you want to close it anyway? Your words are kept while this page is open, so you can come back and send them.',
  'confirm.keep': 'Go back to my feedback',
  'confirm.close': 'Close anyway',
};

export type LauncherStrings = typeof launcherStrings;
