import {ABOUT_YOU_MESSAGES, type AboutYouCode} from '@care-feedback/core/schema/about-you-messages';

// <care-about-you>'s English (en-GB) words. Translations live in locales/<locale>/about-you.json, easy read
// in about-you.easy.json. The ethnic groups are the ONS Census 2021 groups for England and Wales.

export const aboutYouStrings = {
  heading: 'A few questions about you (you can skip these)',
  intro:
    'We want everyone to get the same good care. Your answers help us see if some groups of people have a worse time with us.',
  kept:
    'We keep your answers apart from your feedback. Staff who read your feedback do not see these answers with it, or with your name. We only look at the answers of groups of 10 people or more.',
  optional: 'You do not have to answer. You can skip this, or answer only the questions you want to.',
  skip: 'Skip these questions',
  send: 'Send my answers',
  sending: 'Sending…',

  'consent.legend': 'Can we keep your answers?',
  'consent.hint': 'We keep your answers only if you say yes.',
  'consent.label': 'Yes, you can keep my answers to check that our service is fair to everyone',

  preferNotToSay: 'Prefer not to say',

  'ageBand.legend': 'How old are you?',
  'ageBand.under-18': 'Under 18',
  'ageBand.18-24': '18 to 24',
  'ageBand.25-34': '25 to 34',
  'ageBand.35-44': '35 to 44',
  'ageBand.45-54': '45 to 54',
  'ageBand.55-64': '55 to 64',
  'ageBand.65-74': '65 to 74',
  'ageBand.75-84': '75 to 84',
  'ageBand.85-plus': '85 or over',

  'disability.legend': 'Do you have a health condition or disability that makes everyday life harder?',
  'disability.hint': 'Think of anything that has lasted a year or more, or that will.',
  'disability.yes-a-lot': 'Yes, a lot harder',
  'disability.yes-a-little': 'Yes, a little harder',
  'disability.no': 'No',

  'ethnicity.legend': 'What is your ethnic group?',
  'ethnicity.hint':
    'It is about where your family comes from, and your way of life. Choose the one that fits you best. These are the groups the census uses. The census counts all the people in the country.',
  'ethnicGroup.asian': 'Asian, Asian British or Asian Welsh',
  'ethnicGroup.black': 'Black, Black British, Black Welsh, Caribbean or African',
  'ethnicGroup.mixed': 'Mixed or multiple ethnic groups',
  'ethnicGroup.white': 'White',
  'ethnicGroup.other': 'Another ethnic group',
  'ethnicity.bangladeshi': 'Bangladeshi',
  'ethnicity.chinese': 'Chinese',
  'ethnicity.indian': 'Indian',
  'ethnicity.pakistani': 'Pakistani',
  'ethnicity.other-asian': 'Any other Asian background',
  'ethnicity.african': 'African',
  'ethnicity.caribbean': 'Caribbean',
  'ethnicity.other-black': 'Any other Black, Black British or Caribbean background',
  'ethnicity.white-and-asian': 'White and Asian',
  'ethnicity.white-and-black-african': 'White and Black African',
  'ethnicity.white-and-black-caribbean': 'White and Black Caribbean',
  'ethnicity.other-mixed': 'Any other mixed or multiple ethnic background',
  'ethnicity.white-british': 'English, Welsh, Scottish, Northern Irish or British',
  'ethnicity.irish': 'Irish',
  'ethnicity.gypsy-or-irish-traveller': 'Gypsy or Irish Traveller',
  'ethnicity.roma': 'Roma',
  'ethnicity.other-white': 'Any other White background',
  'ethnicity.arab': 'Arab',
  'ethnicity.any-other': 'Any other ethnic group',

  'sex.legend': 'What is your sex?',
  'sex.female': 'Female',
  'sex.male': 'Male',

  'sexualOrientation.legend':
    'Which of these best describes your sexual orientation (who you are attracted to)?',
  'sexualOrientation.straight': 'Straight or heterosexual',
  'sexualOrientation.gay-or-lesbian': 'Gay or lesbian',
  'sexualOrientation.bisexual': 'Bisexual',
  'sexualOrientation.other': 'Another sexual orientation',

  'religion.legend': 'What is your religion?',
  'religion.none': 'No religion',
  'religion.christian': 'Christian',
  'religion.buddhist': 'Buddhist',
  'religion.hindu': 'Hindu',
  'religion.jewish': 'Jewish',
  'religion.muslim': 'Muslim',
  'religion.sikh': 'Sikh',
  'religion.other': 'Another religion',

  'carer.legend': 'Do you look after someone without being paid for it?',
  'carer.hint':
    'It might be a friend, a neighbour or someone in your family. They may be ill, disabled or older.',
  'carer.yes': 'Yes',
  'carer.no': 'No',

  'errorSummary.title': 'There is a problem',
  'error.prefix': 'Error:',
  'error.empty': 'Answer at least one question, or skip these questions.',
  'error.other': 'Something is not right. Please check your answers.',
  ...errorStrings(),

  'done.delivered': 'Thank you. We have your answers.',
  'done.queued': 'Thank you. Your answers are saved on this device. We will send them when you are back online.',
  'done.queuedMemory': 'Thank you. We will send your answers when you are back online. Please keep this page open until then.',
  'done.skipped': 'You skipped the questions about you. That is fine.',
  'done.failed': 'We could not keep your answers about you. Your feedback is still safe.',
};

export type AboutYouStrings = typeof aboutYouStrings;

// The core's "About you" messages are ours too (the collector's 422 answers use them); copying them keeps
// one wording in both places. The consent one is shown when the box is not ticked.
function errorStrings(): Record<`error.${AboutYouCode}`, string> {
  const out = {} as Record<`error.${AboutYouCode}`, string>;
  for (const [code, message] of Object.entries(ABOUT_YOU_MESSAGES)) out[`error.${code as AboutYouCode}`] = message;
  return out;
}
