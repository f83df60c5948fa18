// The involvement register's state (#16): the people who signed up, filtered by way of taking part,
// topic and help needed, a page at a time; one person with the log of what they took part in and the
// form that adds to it; erasing them, after asking; and the invitation list to download. Plain TypeScript (no Lit, no DOM), so
// Node tests it (inbox-register-state.node.test.ts); inbox-register.ts draws it.
import {INVOLVEMENT_LOG_LIMITS, isCalendarDate, type InvolvementLogInput, type InvolvementLogList} from '@care-feedback/core/provider';
import {INVOLVEMENT_WAYS, type InvolvementWay} from '@care-feedback/core';
import {InboxApiError, type InboxApi} from './inbox-api.js';
import type {FieldProblem} from './inbox-form-parts.js';
import {Observable} from './inbox-observable.js';
import {addToLog, erasePerson, getLog, getPerson, invitationsCsv, listRegister, type RegisterPerson} from './inbox-register-api.js';
import type {Translate} from './inbox-view.js';

export interface RegisterFilters {
  way: string;
  topic: string;
  support: string;
}

export const NO_REGISTER_FILTERS: RegisterFilters = {way: '', topic: '', support: ''};

/** Whom the invitation list holds: everyone, or only people who chose one way to be contacted. */
export type InvitationMethod = '' | 'email' | 'phone' | 'post';

/** What is typed in the form that adds to a person's log, as text. */
export interface LogDraft {
  activity: string;
  way: string;
  date: string;
  /** Pounds, as typed: "12.50", "£12.50", "" for none. */
  expenses: string;
  note: string;
}

export type LogField = 'log-activity' | 'log-way' | 'log-date' | 'log-expenses' | 'log-note';

/** What the register needs from the inbox (the controller gives it; a Node test gives its own). */
export interface RegisterHost {
  /** The signed-in API, or undefined when signed out. */
  api(): InboxApi | undefined;
  readonly t: Translate;
  announce(message: string): void;
  explain(error: unknown): string;
  focus(id: string): void;
  /** Hands a file to the person (the view does it with a download link). */
  saveFile(blob: Blob, name: string): void;
  /** How many people to list on a page. */
  pageSize(): number;
}

/**
 * Pounds as typed ("12.50", "£1,200", "3") to whole pence; undefined when it is not an amount of
 * pounds and pence, or is more than the log takes. Empty is nothing paid.
 */
export function poundsToPence(text: string): number | undefined {
  const plain = text.trim().replace(/^£/, '').replace(/,(?=\d{3}(\D|$))/g, '').trim();
  if (plain === '') return 0;
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return undefined;
  const pence = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return pence <= INVOLVEMENT_LOG_LIMITS.expensesPence ? pence : undefined;
}

/** Pence as pounds for people to read: 1250 → "£12.50". */
export function formatPence(pence: number, locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, {style: 'currency', currency: 'GBP'}).format(pence / 100);
}

const characters = (text: string) => [...text].length;

/** The collector's field names for a log entry, and the form's ids for them. */
const FIELD_OF: Record<string, LogField> = {
  activity: 'log-activity',
  way: 'log-way',
  date: 'log-date',
  expensesPence: 'log-expenses',
  note: 'log-note',
};
const MESSAGE_OF = {
  'log-activity': 'logActivityMissing',
  'log-way': 'logWayWrong',
  'log-date': 'logDateWrong',
  'log-expenses': 'logExpensesWrong',
  'log-note': 'logNoteWrong',
} as const;

/** Checks the form in the inbox's own words, and makes the entry the collector takes. */
export function readLogDraft(
  draft: LogDraft,
  t: Translate,
): {entry: InvolvementLogInput; problems?: undefined} | {entry?: undefined; problems: Array<FieldProblem<LogField>>} {
  const wrong = new Set<LogField>();
  const activity = draft.activity.trim();
  if (activity === '' || characters(draft.activity) > INVOLVEMENT_LOG_LIMITS.activity) wrong.add('log-activity');
  if (draft.way !== '' && !(INVOLVEMENT_WAYS as readonly string[]).includes(draft.way)) wrong.add('log-way');
  if (!isCalendarDate(draft.date)) wrong.add('log-date');
  const pence = poundsToPence(draft.expenses);
  if (pence === undefined) wrong.add('log-expenses');
  if (characters(draft.note) > INVOLVEMENT_LOG_LIMITS.note) wrong.add('log-note');
  if (wrong.size)
    return {problems: [...wrong].map((field) => ({field, message: t(MESSAGE_OF[field])}))};
  return {
    entry: {
      activity: draft.activity,
      ...(draft.way ? {way: draft.way as InvolvementWay} : {}),
      date: draft.date,
      expensesPence: pence!,
      ...(draft.note.trim() ? {note: draft.note} : {}),
    },
  };
}

export const EMPTY_LOG_DRAFT: LogDraft = {activity: '', way: '', date: '', expenses: '', note: ''};

export class RegisterState extends Observable {
  /** The list of people, or one person with their log. */
  mode: 'list' | 'person' = 'list';
  filters: RegisterFilters = {...NO_REGISTER_FILTERS};
  method: InvitationMethod = '';
  items: RegisterPerson[] = [];
  loading = false;
  error = '';
  pageIndex = 0;
  /** Cursors of the pages visited, so "Previous page" can go back: cursors[i] opens page i + 1. */
  private cursors: Array<string | undefined> = [undefined];
  nextCursor: string | undefined;
  exporting = false;

  person: RegisterPerson | undefined;
  log: InvolvementLogList | undefined;
  personError = '';
  loadingPerson = false;
  /** The log form: what was typed (kept when it fails), its problems, and a problem for the whole form. */
  draft: LogDraft = {...EMPTY_LOG_DRAFT};
  problems: Array<FieldProblem<LogField>> = [];
  formError = '';
  saving = false;
  /** Erasing the open person: asked first, then done; `erased` is said on the list afterwards. */
  confirmingErase = false;
  erasing = false;
  eraseError = '';
  erased = '';

  constructor(private readonly host: RegisterHost) {
    super();
  }

  /** The query for GET /v1/involvement: the filters set, the page size and the page's cursor. */
  query(): URLSearchParams {
    const query = this.filterQuery();
    query.set('limit', String(Math.min(500, Math.max(1, Math.floor(this.host.pageSize()) || 20))));
    const cursor = this.cursors[this.pageIndex];
    if (cursor) query.set('cursor', cursor);
    return query;
  }

  /** The query for the invitation list: the same people as the filters show, by the chosen method. */
  invitationQuery(): URLSearchParams {
    const query = this.filterQuery();
    if (this.method) query.set('method', this.method);
    return query;
  }

  private filterQuery(): URLSearchParams {
    const query = new URLSearchParams();
    if (this.filters.way) query.set('way', this.filters.way);
    if (this.filters.topic.trim()) query.set('topic', this.filters.topic.trim());
    if (this.filters.support) query.set('support', this.filters.support);
    return query;
  }

  /** Shows the list again from its first page with these filters. */
  async setFilters(filters: RegisterFilters): Promise<void> {
    this.filters = {...filters};
    this.cursors = [undefined];
    this.pageIndex = 0;
    await this.load();
  }

  setMethod(method: InvitationMethod): void {
    this.method = method;
    this.notify();
  }

  async showList(): Promise<void> {
    this.erased = '';
    this.mode = 'list';
    this.person = undefined;
    this.log = undefined;
    this.notify();
    this.host.focus('view-heading');
    await this.load();
  }

  async load(): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    if (!api) return;
    this.loading = true;
    this.error = '';
    this.host.announce(t('registerLoading'));
    this.notify();
    try {
      const page = await listRegister(api, this.query());
      this.items = page.items;
      this.nextCursor = page.next ?? undefined;
      this.host.announce(this.items.length ? t('registerCount', {count: this.items.length}) : t('registerNone'));
    } catch (error) {
      this.items = [];
      this.nextCursor = undefined;
      this.error = this.host.explain(error);
      this.host.announce(this.error);
    }
    this.loading = false;
    this.notify();
  }

  async nextPage(): Promise<void> {
    if (!this.nextCursor) return;
    this.cursors[this.pageIndex + 1] = this.nextCursor;
    this.pageIndex++;
    await this.load();
    this.host.focus('register-results');
  }

  async previousPage(): Promise<void> {
    if (this.pageIndex === 0) return;
    this.pageIndex--;
    await this.load();
    this.host.focus('register-results');
  }

  /** Opens one person with their log. */
  async open(reference: string): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    if (!api) return;
    this.mode = 'person';
    this.person = undefined;
    this.log = undefined;
    this.personError = '';
    this.loadingPerson = true;
    this.draft = {...EMPTY_LOG_DRAFT};
    this.problems = [];
    this.formError = '';
    this.confirmingErase = false;
    this.eraseError = '';
    this.erased = '';
    this.host.announce(t('personLoading'));
    this.notify();
    this.host.focus('view-heading');
    try {
      [this.person, this.log] = await Promise.all([getPerson(api, reference), getLog(api, reference)]);
    } catch (error) {
      this.personError = this.host.explain(error);
      this.host.announce(this.personError);
    }
    this.loadingPerson = false;
    this.notify();
    this.host.focus('view-heading');
  }

  /** Adds what the form holds to the open person's log; on a problem, says which fields and keeps the words. */
  async addToLog(draft: LogDraft): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    if (!api || !this.person || this.saving) return;
    this.draft = {...draft};
    this.formError = '';
    const read = readLogDraft(draft, t);
    if (read.problems) {
      this.problems = read.problems;
      this.notify();
      this.host.focus('log-errors');
      return;
    }
    this.problems = [];
    this.saving = true;
    this.host.announce(t('logSaving'));
    this.notify();
    const reference = this.person.reference;
    try {
      await addToLog(api, reference, read.entry);
      this.log = await getLog(api, reference);
      this.draft = {...EMPTY_LOG_DRAFT};
      this.host.announce(t('logSaved'));
      this.host.focus('log-heading');
    } catch (error) {
      // The collector names the fields it refused; anything else is for the whole form.
      const fields = error instanceof InboxApiError ? error.errors.filter((e) => FIELD_OF[e.path]) : [];
      if (fields.length) this.problems = fields.map((e) => ({field: FIELD_OF[e.path]!, message: t(MESSAGE_OF[FIELD_OF[e.path]!])}));
      else this.formError = this.host.explain(error);
      this.host.focus('log-errors');
    }
    this.saving = false;
    this.notify();
  }

  /** Shows what erasing the open person loses, with the buttons to go ahead or keep them. */
  askErase(): void {
    if (!this.person) return;
    this.confirmingErase = true;
    this.eraseError = '';
    this.notify();
    this.host.focus('erase-person-heading');
  }

  cancelErase(): void {
    if (this.erasing) return;
    this.confirmingErase = false;
    this.eraseError = '';
    this.notify();
    this.host.focus('erase-person');
  }

  /** Erases the open person for good (the collector takes their log with them), then shows the list without them. */
  async erase(): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    if (!api || !this.person || this.erasing) return;
    const reference = this.person.reference;
    this.erasing = true;
    this.eraseError = '';
    this.host.announce(t('personErasing'));
    this.notify();
    try {
      await erasePerson(api, reference);
    } catch (error) {
      this.erasing = false;
      this.eraseError = this.host.explain(error);
      this.host.announce(this.eraseError);
      this.notify();
      this.host.focus('erase-person-error');
      return;
    }
    this.erasing = false;
    this.confirmingErase = false;
    this.mode = 'list';
    this.person = undefined;
    this.log = undefined;
    await this.load();
    // Said after the list loads, so "N people" does not talk over it.
    this.erased = t('personErased', {reference});
    this.host.announce(this.erased);
    this.notify();
    this.host.focus('register-erased');
  }

  async downloadInvitations(): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    if (!api || this.exporting) return;
    this.exporting = true;
    this.error = '';
    this.host.announce(t('invitationsDownloading'));
    this.notify();
    try {
      const blob = await invitationsCsv(api, this.invitationQuery());
      this.host.saveFile(blob, `invitations-${new Date().toISOString().slice(0, 10)}.csv`);
      this.host.announce(t('invitationsDownloaded'));
    } catch (error) {
      this.error = this.host.explain(error);
      this.host.announce(this.error);
      this.host.focus('register-error');
    }
    this.exporting = false;
    this.notify();
  }
}
