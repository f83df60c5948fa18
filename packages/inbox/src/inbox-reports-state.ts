// The state every report view shares: the period asked for, what is wrong with it, and the collector's
// report for it (GET /v1/reports, one call), with the previous period's where a view compares. Plain
// TypeScript (no Lit, no DOM); the views in inbox-reports.ts, inbox-annual-report.ts and
// inbox-evidence.ts draw it.
import type {Report} from '@care-feedback/core/provider';
import type {InboxApi} from './inbox-api.js';
import {Observable} from './inbox-observable.js';
import {periodProblems, previousPeriod, todayIn, type Period, type PeriodProblem} from './inbox-report-period.js';
import type {Translate} from './inbox-view.js';

/** What a report state needs from the inbox: the API, words, and a way to tell screen readers. */
export interface ReportHost {
  readonly api?: InboxApi | undefined;
  readonly t: Translate;
  announce(message: string): void;
  explain(error: unknown): string;
}

export interface ReportOptions {
  /** The period shown first, from today's date. */
  defaultPeriod: (today: string) => Period;
  /** Also fetch the period of the same length just before, to compare with. */
  compare?: boolean;
}

export class ReportState extends Observable {
  period: Period;
  report?: Report | undefined;
  /** The period before, when the view compares (the evidence page). */
  previous?: Report | undefined;
  loading = false;
  error = '';
  problems: PeriodProblem[] = [];

  constructor(
    private readonly host: ReportHost,
    private readonly options: ReportOptions,
    today: string = todayIn(),
  ) {
    super();
    this.period = options.defaultPeriod(today);
  }

  /** Loads the report for a period (this one when none is given); a period with problems is not sent. */
  async load(period: Period = this.period): Promise<void> {
    const {host} = this;
    this.period = {from: period.from.trim(), to: period.to.trim()};
    this.problems = periodProblems(this.period);
    this.error = '';
    if (this.problems.length) {
      this.notify();
      return;
    }
    if (!host.api) return;
    this.loading = true;
    host.announce(host.t('loadingReports'));
    this.notify();
    try {
      const asked = this.period;
      const [report, previous] = await Promise.all([
        host.api.report(asked),
        this.options.compare ? host.api.report(previousPeriod(asked)) : Promise.resolve(undefined),
      ]);
      // A slower answer for a period since changed must not overwrite the newer one.
      if (asked !== this.period) return;
      this.report = report;
      this.previous = previous;
      host.announce(host.t('reportsLoaded'));
    } catch (error) {
      this.report = undefined;
      this.previous = undefined;
      this.error = host.explain(error);
      host.announce(this.error);
    }
    this.loading = false;
    this.notify();
  }

  clear(): void {
    this.report = undefined;
    this.previous = undefined;
    this.error = '';
    this.problems = [];
  }
}
