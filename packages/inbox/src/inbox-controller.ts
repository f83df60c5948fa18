// The glue between the inbox's plain state (the *-state.ts files: which view shows, what is loaded) and
// its element: every call to the API, focus and announcements, and rendering again when state changes.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {CareInboxChangeEvent} from '@care-feedback/elements/events/care-inbox-change';
import {InboxApi, InboxApiError, tokenStore} from './inbox-api.js';
import type {InboxStrings} from './inbox-strings.js';
import type {AuditEntry} from '@care-feedback/core/provider';
import {EMPTY_FILTERS, type InboxFilters, type InboxRecord} from './inbox-types.js';
import {ReportState} from './inbox-reports-state.js';
import {lastTwelveMonths} from './inbox-report-period.js';
import {AnnualReportState} from './inbox-annual-report-state.js';
import {EvidenceState} from './inbox-evidence-state.js';
import {YouSaidState} from './inbox-you-said-state.js';
import {RecordState} from './inbox-record-state.js';
import {ComplaintState} from './inbox-complaint-state.js';
import {LettersState} from './inbox-letters-state.js';
import {AttentionState} from './inbox-attention-state.js';
import {ListState} from './inbox-list-state.js';
import {SelectionState} from './inbox-selection-state.js';
import {ThemesState} from './inbox-themes-state.js';
import {ActionsState} from './inbox-actions-state.js';
import {RegisterState} from './inbox-register-state.js';
import {ConsultationsState} from './inbox-consultations-state.js';
import {saveFile} from './inbox-register.js';
import {SessionState, type InboxView} from './inbox-session-state.js';

export type {InboxView} from './inbox-session-state.js';
type Translate = (
  key: keyof InboxStrings & string,
  values?: Record<string, string | number>,
) => string;

/** What the controller needs from the element that owns it. */
export interface InboxControllerHost extends ReactiveControllerHost, HTMLElement {
  readonly endpointUrl: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** How many to list on a page. */
  readonly pageSize: number;
  readonly t: Translate;
  /** Moves focus to the element with this id in the element's shadow root, after the next render. */
  focusAfterRender(id: string): void;
}

export class InboxController implements ReactiveController {
  api?: InboxApi | undefined;

  /** Which view shows, and signing in: plain state (inbox-session-state.ts). */
  readonly session = new SessionState();
  get view(): InboxView {
    return this.session.view;
  }
  set view(view: InboxView) {
    this.session.show(view);
  }
  get signInError(): string {
    return this.session.error;
  }
  get signingIn(): boolean {
    return this.session.busy;
  }

  // List
  /** The filters, the search and the page shown: plain state, which renders the element when it changes. */
  readonly list = new ListState();
  filtersOpen = false;
  exporting = false;

  // Detail
  /** The feedback open in the detail view: plain state, which renders the element when it changes. */
  readonly selected = new SelectionState();

  // Reports: each view's period and its GET /v1/reports answer.
  readonly reportsState = new ReportState(this, {defaultPeriod: lastTwelveMonths});
  readonly annualReport = new AnnualReportState(this);
  readonly evidence = new EvidenceState(this);

  /** The live region's text; changed for each thing worth announcing. */
  announcement = '';

  /** "You said, we did": the form in the detail view and the list to publish from. */
  readonly youSaid = new YouSaidState(this);
  /** Feedback staff are recording from a phone call, a letter or a visit. */
  readonly recording = new RecordState(this);
  /** The open complaint's record: investigation, outcomes and response. */
  readonly complaint = new ComplaintState(this);
  /** The open complaint's letters, and the wording of every letter. */
  readonly letters = new LettersState(this);
  /** Open complaints and concerns by what is due next. */
  readonly attention = new AttentionState(this);
  /** Care themes: the list, the open feedback's themes and suggestions, the trends (inbox-themes-state.ts). */
  readonly themes = new ThemesState(this);
  /** Improvement actions, and the overdue ones for "Needs attention" (inbox-actions-state.ts). */
  readonly actions = new ActionsState(this);
  /** People who signed up to take part: the register, each person's log, the invitation list (#16). */
  readonly register: RegisterState;
  /** Consultations: the list, the draft form, the workflow, the preview and the answers (#16). */
  readonly consultations: ConsultationsState;

  constructor(private readonly host: InboxControllerHost) {
    host.addController(this);
    this.session.subscribe(() => this.update());
    this.list.subscribe(() => this.update());
    this.selected.subscribe(() => this.update());
    this.recording.subscribe(() => this.update());
    this.complaint.subscribe(() => this.update());
    this.letters.subscribe(() => this.update());
    this.attention.subscribe(() => this.update());
    this.register = new RegisterState({
      api: () => this.api,
      t: (key, values) => this.t(key, values),
      announce: (message) => this.announce(message),
      explain: (error) => this.explain(error),
      focus: (id) => this.focus(id),
      saveFile: (blob, name) => saveFile(host.renderRoot, blob, name),
      pageSize: () => host.pageSize,
    });
    this.register.subscribe(() => this.update());
    this.consultations = new ConsultationsState({
      api: () => this.api,
      t: (key, values) => this.t(key, values),
      announce: (message) => this.announce(message),
      explain: (error) => this.explain(error),
      focus: (id) => this.focus(id),
      saveFile: (blob, name) => saveFile(host.renderRoot, blob, name),
    });
    this.consultations.subscribe(() => this.update());
    this.youSaid.subscribe(() => this.update());
    this.youSaid.actions.subscribe(() => this.update());
    for (const report of [this.reportsState, this.annualReport, this.evidence]) report.subscribe(() => this.update());
    this.themes.subscribe(() => this.update());
    this.actions.subscribe(() => this.update());
  }

  // What the views read of the list.
  get filters(): InboxFilters {
    return this.list.filters;
  }
  get search(): string {
    return this.list.search;
  }
  get items(): InboxRecord[] {
    return this.list.items;
  }
  get pageIndex(): number {
    return this.list.pageIndex;
  }
  get nextCursor(): string | undefined {
    return this.list.nextCursor;
  }
  get loadingList(): boolean {
    return this.list.loading;
  }
  get listError(): string {
    return this.list.error;
  }
  /** The loaded page after the one filter the API does not do: the rating. */
  get visibleItems(): InboxRecord[] {
    return this.list.visibleItems;
  }

  // What the views read of the open feedback.
  get record(): InboxRecord | undefined {
    return this.selected.record;
  }
  get audit(): AuditEntry[] {
    return this.selected.audit;
  }
  get auditError(): string {
    return this.selected.auditError;
  }
  get detailError(): string {
    return this.selected.error;
  }
  get statusError(): string {
    return this.selected.statusError;
  }
  get savingStatus(): boolean {
    return this.selected.saving;
  }
  get erasing(): boolean {
    return this.selected.erasing;
  }

  hostConnected(): void {
    // Moved in the page, not new: carry on where it was.
    if (this.api) return;
    const token = tokenStore.get(this.host.endpointUrl);
    if (token) {
      this.api = new InboxApi(this.host.endpointUrl, token);
      this.view = 'list';
      void this.loadList();
    }
  }

  get t(): Translate {
    return this.host.t;
  }

  private update(): void {
    this.host.requestUpdate();
  }

  /** Asks the element to render again (for the parts kept outside this class). */
  refresh(): void {
    this.update();
  }

  /** Moves focus to the element with this id after the next render. */
  focus(id: string): void {
    this.host.focusAfterRender(id);
  }

  private announceTimer?: ReturnType<typeof setTimeout>;

  announce(message: string): void {
    clearTimeout(this.announceTimer);
    if (message !== this.announcement) {
      this.announcement = message;
      this.update();
      return;
    }
    // The same words again: clear first, so a screen reader reads them again.
    // A timer, not an animation frame: frames never come in a background tab, timers do.
    this.announcement = '';
    this.update();
    this.announceTimer = setTimeout(() => {
      this.announcement = message;
      this.update();
    }, 100);
  }

  /** A sentence for a failed call. A rejected token signs the person out with the reason. */
  explain(error: unknown): string {
    if (error instanceof InboxApiError) {
      switch (error.kind) {
        case 'unauthorised':
          this.signOut(this.t('sessionEnded'));
          return this.t('sessionEnded');
        case 'forbidden':
          return this.t('errorOrigin');
        case 'not-found':
          return this.t('errorGone');
        case 'conflict':
          return error.message && !error.message.startsWith('HTTP')
            ? `${this.t('errorConflict')} (${error.message})`
            : this.t('errorConflict');
        case 'invalid':
          return error.message && !error.message.startsWith('HTTP')
            ? `${this.t('errorInvalid')} (${error.message})`
            : this.t('errorInvalid');
        case 'network':
          return this.t('errorNetwork');
        default:
          return this.t('errorServer');
      }
    }
    return this.t('errorServer');
  }

  async signIn(token: string): Promise<void> {
    let api: InboxApi | undefined;
    let accepted = '';
    const outcome = await this.session.signIn(
      token,
      async (trimmed) => {
        this.announce(this.t('signingIn'));
        api = new InboxApi(this.host.endpointUrl, trimmed);
        accepted = trimmed;
        try {
          // A one-item list proves the token works without reading more than needed.
          await api.list({...EMPTY_FILTERS}, undefined, 1);
          return {ok: true};
        } catch (error) {
          const wrong = error instanceof InboxApiError && error.kind === 'unauthorised';
          return {ok: false, error: wrong ? this.t('tokenWrong') : this.explain(error)};
        }
      },
      this.t('tokenMissing'),
    );
    if (!outcome) return;
    if (!outcome.ok || !api) {
      this.host.focusAfterRender('error-summary');
      return;
    }
    tokenStore.set(this.host.endpointUrl, accepted);
    this.api = api;
    this.showList({...EMPTY_FILTERS});
  }

  signOut(reason?: string): void {
    tokenStore.clear(this.host.endpointUrl);
    this.api = undefined;
    this.list.clear();
    this.selected.clear();
    for (const report of [this.reportsState, this.annualReport, this.evidence]) report.clear();
    this.youSaid.items = [];
    this.youSaid.reset();
    this.consultations.clear();
    this.session.signedOut(reason && reason !== this.t('signedOut') ? reason : '');
    this.announce(reason ?? this.t('signedOut'));
    this.host.focusAfterRender(this.signInError ? 'error-summary' : 'view-heading');
  }

  // ---- List ----

  showList(filters: InboxFilters = this.filters): void {
    this.list.setFilters(filters);
    this.view = 'list';
    this.update();
    this.host.focusAfterRender('view-heading');
    void this.loadList();
  }

  async loadList(): Promise<void> {
    if (!this.api) return;
    this.list.loadStarted();
    this.announce(this.t('loadingList'));
    try {
      this.list.loaded(await this.api.listPage(this.list.query(this.host.pageSize)));
      this.announce(this.resultsSentence());
    } catch (error) {
      this.list.loadFailed(this.explain(error));
      if (this.api) this.announce(this.listError);
    }
    this.update();
  }

  resultsSentence(): string {
    const count = this.visibleItems.length;
    if (count === 0) return this.t('resultsNone');
    return count === 1 ? this.t('resultsOne') : this.t('resultsMany', {count});
  }

  /** New filters on the same view: focus stays on the form; the result count is announced. */
  applyFilters(filters: InboxFilters): void {
    this.list.setFilters(filters);
    void this.loadList();
  }

  private searchTimer?: ReturnType<typeof setTimeout>;

  /** The collector searches every page; it is asked once typing pauses, not at every key. */
  setSearch(search: string): void {
    this.list.setSearch(search);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.list.firstPage();
      void this.loadList();
    }, 400);
  }

  nextPage(): void {
    if (!this.list.nextPage()) return;
    this.host.focusAfterRender('view-heading');
    void this.loadList();
  }

  previousPage(): void {
    if (!this.list.previousPage()) return;
    this.host.focusAfterRender('view-heading');
    void this.loadList();
  }

  async exportCsv(): Promise<void> {
    if (!this.api) return;
    this.exporting = true;
    this.announce(this.t('exporting'));
    try {
      const blob = await this.api.exportCsv(this.filters, this.search);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `feedback-${new Date().toISOString().slice(0, 10)}.csv`;
      link.hidden = true;
      this.host.renderRoot.append(link);
      link.click();
      link.remove();
      // Give the browser time to start the download before the Blob goes.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.announce(this.t('exported'));
    } catch (error) {
      this.list.showError(this.explain(error));
      this.announce(this.listError);
    }
    this.exporting = false;
    this.update();
  }

  // ---- Detail ----

  async open(reference: string): Promise<void> {
    if (!this.api) return;
    this.view = 'detail';
    this.selected.open(this.items.find((item) => item.reference === reference));
    this.youSaid.reset();
    this.update();
    this.host.focusAfterRender('view-heading');
    this.announce(this.t('loading'));
    try {
      // Opening is a read the collector audits; the full record may hold more than the list did.
      const record = await this.api.get(reference);
      this.selected.show(record);
      this.announce(this.t('detailHeading', {kind: this.kindLabel(record), reference}));
      void this.complaint.load(record);
      this.letters.reset(record);
      if (!record.quarantined) void this.themes.loadItem(record.reference);
    } catch (error) {
      this.selected.failed(this.explain(error));
      this.announce(this.detailError);
    }
    this.update();
    await this.loadAudit();
  }

  private kindLabel(record: InboxRecord): string {
    const kind = record.submission.kind ?? '';
    const key = `kind_${kind}` as keyof InboxStrings & string;
    return kind ? this.t(key) : '';
  }

  async loadAudit(): Promise<void> {
    if (!this.api || !this.record) return;
    try {
      this.selected.auditLoaded(await this.api.audit(this.record.reference));
    } catch (error) {
      this.selected.auditFailed(
        error instanceof InboxApiError && error.kind === 'unauthorised'
          ? this.explain(error)
          : this.t('auditUnavailable'),
      );
    }
    this.update();
  }

  async changeStatus(status: string, note: string): Promise<void> {
    if (!this.api || !this.record || this.savingStatus) return;
    if (!status && !note.trim()) {
      this.selected.statusFailed(this.t('statusMissing'));
      this.update();
      this.host.focusAfterRender('status-error');
      return;
    }
    this.selected.savingStarted();
    this.update();
    const reference = this.record.reference;
    try {
      const change: {status?: string; note?: string} = {};
      if (status) change.status = status;
      if (note.trim()) change.note = note;
      const record = (await this.api.update(reference, change)) ?? (await this.api.get(reference));
      this.selected.saved(record);
      this.host.dispatchEvent(
        new CareInboxChangeEvent({
          reference,
          action: status ? 'status' : 'note',
          status: record.status,
        }),
      );
      this.announce(
        status
          ? this.t('statusSaved', {
              status: this.t(`status_${status}` as keyof InboxStrings & string),
            })
          : this.t('noteSaved'),
      );
      this.host.focusAfterRender('status-now');
      await this.loadAudit();
    } catch (error) {
      this.selected.statusFailed(this.explain(error));
      this.host.focusAfterRender('status-error');
    }
    this.update();
  }

  async release(): Promise<void> {
    if (!this.api || !this.record) return;
    const reference = this.record.reference;
    try {
      const record =
        (await this.api.update(reference, {status: 'received'})) ?? (await this.api.get(reference));
      this.selected.show(record);
      this.host.dispatchEvent(
        new CareInboxChangeEvent({reference, action: 'release', status: record.status}),
      );
      this.announce(this.t('released', {reference}));
      this.host.focusAfterRender('view-heading');
      await this.loadAudit();
    } catch (error) {
      this.selected.failed(this.explain(error));
      this.announce(this.detailError);
    }
    this.update();
  }

  askToErase(): void {
    this.view = 'erase';
    this.update();
    this.host.focusAfterRender('view-heading');
  }

  cancelErase(): void {
    this.view = 'detail';
    this.update();
    this.host.focusAfterRender('erase-button');
  }

  async erase(): Promise<void> {
    if (!this.api || !this.record) return;
    const reference = this.record.reference;
    this.selected.eraseStarted();
    this.update();
    try {
      await this.api.erase(reference);
      this.selected.erased();
      this.host.dispatchEvent(new CareInboxChangeEvent({reference, action: 'erase'}));
      this.showList();
      this.announce(this.t('erased', {reference}));
    } catch (error) {
      this.selected.eraseFailed(this.explain(error));
      this.view = 'detail';
      this.update();
      this.host.focusAfterRender('detail-error');
    }
  }

  // ---- You said, we did ----

  async showYouSaid(): Promise<void> {
    if (!this.api) return;
    this.view = 'you-said';
    this.update();
    this.host.focusAfterRender('view-heading');
    await this.youSaid.load();
  }

  // ---- Needs attention ----

  async showAttention(): Promise<void> {
    if (!this.api) return;
    this.view = 'attention';
    this.update();
    this.host.focusAfterRender('view-heading');
    await Promise.all([this.attention.load(), this.actions.loadOverdue()]);
  }

  // ---- People taking part ----

  async showRegister(): Promise<void> {
    if (!this.api) return;
    this.view = 'register';
    this.update();
    await this.register.showList();
  }

  // ---- Consultations ----

  async showConsultations(): Promise<void> {
    if (!this.api) return;
    this.view = 'consultations';
    this.update();
    await this.consultations.showList();
  }

  // ---- Recording feedback that came another way ----

  showRecord(): void {
    if (!this.api) return;
    this.view = 'record';
    this.recording.reset();
    this.update();
    this.host.focusAfterRender('view-heading');
  }

  // ---- Reports ----

  /** Opens a report view and loads its period (as last shown, or the default). */
  private async showReport(view: 'reports' | 'annual-report' | 'evidence', state: ReportState): Promise<void> {
    if (!this.api) return;
    this.view = view;
    this.update();
    this.host.focusAfterRender('view-heading');
    await state.load();
  }

  showReports(): Promise<void> {
    return this.showReport('reports', this.reportsState);
  }

  showAnnualReport(): Promise<void> {
    return this.showReport('annual-report', this.annualReport);
  }

  showEvidence(): Promise<void> {
    return this.showReport('evidence', this.evidence);
  }
}
