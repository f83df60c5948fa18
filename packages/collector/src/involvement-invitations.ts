// The invitation list (#16): GET /v1/involvement.csv, the register as CSV for a mail merge. Each row
// carries only the way the person asked to be contacted, and the format they need it in, so a letter
// goes to someone who asked for letters, in easy read if that is what they need.
import type {Involvement} from '@care-feedback/core';
import {csvRow} from './csv.js';
import type {InvolvementFilter, InvolvementRecord, Store} from './types.js';

export type ContactMethod = Involvement['contact']['preferredMethod'];

/** The columns, in plain words: a mail merge shows these names to whoever writes the letter. */
export const INVITATION_COLUMNS = [
  'Reference',
  'Name',
  'Contact by',
  'Email',
  'Phone',
  'Address',
  'Format needed',
  'Help needed',
  'About the help',
  'Ways to take part',
  'Topics',
  'Service',
  'Language',
] as const;

/** Words a spreadsheet shows for each fixed value. */
const METHOD_WORDS: Record<string, string> = {email: 'Email', phone: 'Phone', post: 'Post'};
const NEED_WORDS: Record<string, string> = {
  'easy-read': 'Easy read',
  'large-print': 'Large print',
  braille: 'Braille',
  bsl: 'British Sign Language',
  interpreter: 'Interpreter',
  audio: 'Audio',
  other: 'Other (ask them)',
};
const SUPPORT_WORDS: Record<string, string> = {
  expenses: 'Expenses paid',
  transport: 'Transport',
  'someone-with-me': 'Someone with them',
  'quiet-room': 'A quiet room',
  online: 'Online',
  'in-person': 'In person',
  'time-of-day': 'A time of day that suits them',
};
const WAY_WORDS: Record<string, string> = {
  surveys: 'Short surveys',
  panel: "People's panel",
  reading: 'Reading letters and leaflets',
  interviews: 'Interview panels',
  training: 'Helping to train staff',
  meetings: 'Meetings',
};

const words = (values: readonly string[] | undefined, table: Record<string, string>) =>
  (values ?? []).map((value) => table[value] ?? value);

/** One person's row: only the contact detail for the way they chose; empty for someone who left. */
export function invitationRow(record: InvolvementRecord): unknown[] | undefined {
  const signUp = record.signUp;
  const contact = signUp.contact;
  if (record.leftAt || !contact) return undefined;
  const method = contact.preferredMethod;
  return [
    record.reference,
    contact.name,
    METHOD_WORDS[method] ?? method,
    method === 'email' ? contact.email : '',
    method === 'phone' ? contact.phone : '',
    method === 'post' ? contact.address : '',
    words(signUp.communicationNeeds, NEED_WORDS),
    words(signUp.support, SUPPORT_WORDS),
    signUp.supportDetail,
    words(signUp.ways, WAY_WORDS),
    signUp.topics,
    signUp.service,
    signUp.locale,
  ];
}

/**
 * Streams the list a page at a time, newest sign-up first, leaving out people who have left and,
 * when `method` is given, people who asked to be contacted another way. Each page read is audited.
 */
export function invitationsCsv(
  store: Store,
  filter: InvolvementFilter,
  method: ContactMethod | undefined,
  audit: (references: string[]) => Promise<void>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  let done = false;
  let cursor: Awaited<ReturnType<Store['listInvolvement']>>['next'];
  return new ReadableStream<Uint8Array>({
    // Each pull must enqueue or close: a stream whose pull does neither is never pulled again.
    async pull(controller) {
      if (!started) {
        started = true;
        // The byte-order mark makes Excel read the file as UTF-8.
        controller.enqueue(encoder.encode(`\ufeff${csvRow(INVITATION_COLUMNS)}`));
        return;
      }
      for (;;) {
        if (done) {
          controller.close();
          return;
        }
        const page = await store.listInvolvement(filter, 200, cursor);
        cursor = page.next;
        if (!cursor) done = true;
        const chosen = page.items.filter(
          (record) => !method || record.signUp.contact?.preferredMethod === method,
        );
        const rows = chosen.map(invitationRow).filter((row) => row !== undefined);
        await audit(chosen.filter((record) => !record.leftAt).map((record) => record.reference));
        const text = rows.map(csvRow).join('');
        if (text) {
          controller.enqueue(encoder.encode(text));
          return;
        }
      }
    },
  });
}
