// The letters of the open complaint, and the wording of every letter: which letter is chosen (kind,
// standard or easy read, large print), the letter the collector drafted from the record, its download,
// and the templates a provider edits (GET/PUT/DELETE /v1/letter-templates/:kind). Plain TypeScript (no
// Lit, no DOM), so Node tests it (inbox-letters-state.node.test.ts); inbox-letters.ts draws it.
import {
  LETTER_KINDS,
  type LetterKind,
  type LetterModel,
  type LetterTemplateView,
  type LetterVersion,
} from '@care-feedback/core/provider';
import {InboxApiError} from './inbox-api.js';
import type {FieldProblem} from './inbox-form-parts.js';
import {Observable} from './inbox-observable.js';
import type {InboxRecord} from './inbox-types.js';

/** What the letters need of the inbox: its API, its explanations and where focus goes. */
export interface LettersHost {
  readonly api?: {
    letter(reference: string, kind: string, query: URLSearchParams): Promise<unknown>;
    letterDocx(reference: string, kind: string, query: URLSearchParams): Promise<Blob>;
    letterTemplates(): Promise<unknown>;
    saveLetterTemplate(kind: string, template: {standard: string; easyRead: string} | null): Promise<unknown>;
  } | undefined;
  explain(error: unknown): string;
  /** Says why a token for some services cannot change the wording (the inbox's `lettersTemplateLimited`). */
  readonly t: (key: 'lettersTemplateLimited') => string;
  announce(message: string): void;
  focus(id: string): void;
}

/** The choices that make a letter. */
export interface LetterChoice {
  kind: LetterKind;
  version: LetterVersion;
  largePrint: boolean;
}

/** The choice a complaint starts with: its person's communication needs decide easy read and large print. */
export function defaultChoice(item: InboxRecord | undefined): LetterChoice {
  const needs = Array.isArray(item?.submission.communicationNeeds) ? item.submission.communicationNeeds : [];
  return {kind: 'acknowledgement', version: needs.includes('easy-read') ? 'easy-read' : 'standard', largePrint: needs.includes('large-print')};
}

const letterQuery = (choice: LetterChoice) =>
  new URLSearchParams({version: choice.version, 'large-print': String(choice.largePrint)});

/** The file name a downloaded letter is saved as. */
export const docxName = (reference: string, choice: LetterChoice) =>
  `${reference}-${choice.kind}${choice.version === 'easy-read' ? '-easy-read' : ''}${choice.largePrint ? '-large-print' : ''}.docx`;

const isKind = (value: string): value is LetterKind => (LETTER_KINDS as readonly string[]).includes(value);

export class LettersState extends Observable {
  choice: LetterChoice = defaultChoice(undefined);
  /** Whether the person's communication needs ask for large print (said beside the box). */
  needsLargePrint = false;
  needsEasyRead = false;
  letter: LetterModel | undefined;
  drafting = false;
  downloading = false;
  error = '';

  /** The wording of every kind, once asked for. */
  templates: LetterTemplateView[] | undefined;
  templateKind: LetterKind = 'acknowledgement';
  templateProblems: FieldProblem[] = [];
  templateError = '';
  templateSaving = false;
  /** What the last template save did, to say so. */
  templateSaved: '' | 'saved' | 'reset' = '';
  /** Bumped when the boxes must show what the collector holds. */
  templateFormKey = 0;

  constructor(private readonly host: LettersHost) {
    super();
  }

  /** A complaint opened: start from its person's needs, with no letter drafted. */
  reset(item: InboxRecord | undefined): void {
    this.choice = defaultChoice(item);
    this.needsLargePrint = this.choice.largePrint;
    this.needsEasyRead = this.choice.version === 'easy-read';
    this.letter = undefined;
    this.error = '';
    this.drafting = false;
    this.downloading = false;
    this.notify();
  }

  /** Drafts the chosen letter from the record as the collector holds it now. */
  async draft(reference: string, choice: LetterChoice): Promise<void> {
    const api = this.host.api;
    if (!api || this.drafting) return;
    this.choice = choice;
    this.drafting = true;
    this.error = '';
    this.notify();
    try {
      this.letter = (await api.letter(reference, choice.kind, letterQuery(choice))) as LetterModel;
      this.drafting = false;
      this.notify();
      this.host.focus('letter-preview');
    } catch (error) {
      this.drafting = false;
      this.letter = undefined;
      this.error = this.host.explain(error);
      this.notify();
      this.host.focus('letter-error');
    }
  }

  /** Fetches the drafted letter as a Word document; answers it with its file name, or undefined on failure. */
  async download(reference: string): Promise<{blob: Blob; name: string} | undefined> {
    const api = this.host.api;
    if (!api || !this.letter || this.downloading) return undefined;
    const choice: LetterChoice = {kind: this.letter.kind, version: this.letter.version, largePrint: this.letter.largePrint};
    this.downloading = true;
    this.error = '';
    this.notify();
    try {
      const blob = await api.letterDocx(reference, choice.kind, letterQuery(choice));
      this.downloading = false;
      this.notify();
      return {blob, name: docxName(reference, choice)};
    } catch (error) {
      this.downloading = false;
      this.error = this.host.explain(error);
      this.notify();
      this.host.focus('letter-error');
      return undefined;
    }
  }

  // ---- The wording of the letters ----

  async loadTemplates(): Promise<void> {
    const api = this.host.api;
    if (!api) return;
    this.templateError = '';
    try {
      const body = (await api.letterTemplates()) as {items?: LetterTemplateView[]};
      this.templates = Array.isArray(body.items) ? body.items : [];
      this.templateFormKey++;
    } catch (error) {
      this.templateError = this.host.explain(error);
    }
    this.notify();
  }

  chooseTemplate(kind: string): void {
    if (!isKind(kind)) return;
    this.templateKind = kind;
    this.templateProblems = [];
    this.templateError = '';
    this.templateSaved = '';
    this.templateFormKey++;
    this.notify();
  }

  /** Saves the wording in the boxes; `null` goes back to the built-in wording. */
  async saveTemplate(template: {standard: string; easyRead: string} | null): Promise<void> {
    const api = this.host.api;
    if (!api || this.templateSaving) return;
    const kind = this.templateKind;
    this.templateSaving = true;
    this.templateProblems = [];
    this.templateError = '';
    this.templateSaved = '';
    this.notify();
    try {
      const saved = (await api.saveLetterTemplate(kind, template)) as LetterTemplateView;
      this.templates = (this.templates ?? []).map((t) => (t.kind === kind ? saved : t));
      if (!this.templates.some((t) => t.kind === kind)) this.templates.push(saved);
      this.templateSaving = false;
      this.templateSaved = template ? 'saved' : 'reset';
      this.templateFormKey++;
      this.notify();
      this.host.focus('template-saved');
    } catch (error) {
      this.templateSaving = false;
      if (error instanceof InboxApiError && error.kind === 'forbidden') {
        this.templateError = this.host.t('lettersTemplateLimited');
      } else if (error instanceof InboxApiError && error.errors.length) {
        for (const {path, message} of error.errors) {
          if (path === 'standard' || path === 'easyRead') this.templateProblems.push({field: `template-${path === 'standard' ? 'standard' : 'easy-read'}`, message});
          else this.templateError = message;
        }
      } else {
        this.templateError = this.host.explain(error);
      }
      this.notify();
      this.host.focus('template-errors');
    }
  }
}
