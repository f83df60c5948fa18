// The learning and improvement evidence for an inspection: this period against the one before (two
// GET /v1/reports calls), the top themes and how each changed, actions completed and "You said, we did"
// items published in the period. Counts and published words only: no personal data. Plain TypeScript (no
// Lit, no DOM); inbox-evidence.ts draws it.
import type {EqualityReport, Report, YouSaidItem} from '@care-feedback/core/provider';
import {formatPercent} from './inbox-format.js';
import {lastTwelveMonths, todayIn, type Period} from './inbox-report-period.js';
import {themeCounts} from './inbox-report-extras.js';
import type {ReportTable} from './inbox-report-table.js';
import {ReportState, type ReportHost} from './inbox-reports-state.js';
import type {Translate} from './inbox-view.js';

/** How many themes the page shows. */
export const TOP_THEMES = 5;

export interface ThemeChange {
  name: string;
  now: number;
  before: number;
  /** now − before. */
  change: number;
}

/** "You said, we did" items published in the period: what people said and what changed, never a quote. */
export interface PublishedChange {
  youSaid: string;
  weDid: string;
  publishedAt: string;
}

export class EvidenceState extends ReportState {
  published: PublishedChange[] = [];
  publishedError = '';
  /** GET /v1/equality for the period: groups' FFT and complaint shares, small groups suppressed. */
  equality: EqualityReport | undefined;
  equalityError = '';

  constructor(
    private readonly evidenceHost: ReportHost,
    today?: string,
  ) {
    super(evidenceHost, {defaultPeriod: lastTwelveMonths, compare: true}, today);
  }

  override async load(period?: Period): Promise<void> {
    const items = this.evidenceHost.api?.youSaidList().catch((error: unknown) => error);
    await super.load(period);
    if (!this.report || !items) return;
    const query = new URLSearchParams({from: this.report.period.from, to: this.report.period.to});
    const equality = await this.evidenceHost.api!.call('/equality', 'GET', undefined, query).catch((error: unknown) => error);
    if (isEqualityReport(equality)) {
      this.equality = equality;
      this.equalityError = '';
    } else {
      this.equality = undefined;
      this.equalityError = this.evidenceHost.explain(equality);
    }
    const answer = await items;
    if (Array.isArray(answer)) {
      this.published = publishedIn(answer as YouSaidItem[], this.period);
      this.publishedError = '';
    } else {
      this.published = [];
      this.publishedError = this.evidenceHost.explain(answer);
    }
    this.notify();
  }
}

const isEqualityReport = (value: unknown): value is EqualityReport =>
  typeof value === 'object' && value !== null && 'questions' in value && 'minimumGroupSize' in value;

/** Items published within the period (by the provider's day), oldest first, without their quotes. */
export function publishedIn(items: readonly YouSaidItem[], period: Period): PublishedChange[] {
  return items
    .filter((item) => item.published && item.publishedAt)
    .filter((item) => {
      const day = todayIn(new Date(item.publishedAt!));
      return day >= period.from && day <= period.to;
    })
    .sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!))
    .map((item) => ({youSaid: item.youSaid, weDid: item.weDid, publishedAt: item.publishedAt!}));
}

/**
 * The most raised themes this period, with the count before and the change; undefined until themes are
 * recorded. A theme in the top this period is compared even if it did not come up before (0 then).
 */
export function themeChanges(report: Report, previous: Report | undefined, top = TOP_THEMES): ThemeChange[] | undefined {
  const now = themeCounts(report);
  if (!now) return undefined;
  const before = new Map((previous ? (themeCounts(previous) ?? []) : []).map((theme) => [theme.theme, theme.count]));
  return now
    .filter((theme) => theme.count > 0)
    .slice(0, top)
    .map((theme) => {
      const was = before.get(theme.theme) ?? 0;
      return {name: theme.name, now: theme.count, before: was, change: theme.count - was};
    });
}

/** "+3", "−2" or "No change": a change written so a sign is never missed. */
export function changeText(change: number, t: Translate): string {
  return change === 0 ? t('evidenceNoChange') : change > 0 ? `+${change}` : `−${-change}`;
}

export function themesTable(changes: ThemeChange[], t: Translate): ReportTable {
  return {
    id: 'themes',
    caption: t('evidenceThemesCaption'),
    columns: [t('annualTheme'), t('evidenceThisPeriod'), t('evidencePreviousPeriod'), t('evidenceChange')],
    rows: changes.map((theme) => [theme.name, theme.now, theme.before, changeText(theme.change, t)]),
  };
}

/** The FFT by month of the period, as the chart beside it shows it. */
export function fftTable(report: Report, t: Translate, monthName: (month: string) => string): ReportTable {
  const percent = (value: number | null) => (value === null ? '–' : t('percent', {value: formatPercent(value)}));
  return {
    id: 'fft',
    caption: t('fftTableCaption'),
    columns: [t('fftMonth'), t('fftPositive'), t('fftNegative'), t('fftResponses')],
    rows: report.fft.byMonth.map((month) => [
      monthName(month.month),
      percent(month.positivePercent),
      percent(month.negativePercent),
      month.answers,
    ]),
  };
}

/** Complaint timeliness this period and the one before. */
export function timelinessTable(report: Report, previous: Report | undefined, t: Translate): ReportTable {
  const row = (r: Report | undefined) => {
    if (!r) return ['–', '–', '–'];
    const c = r.complaints;
    return [
      c.received,
      c.acknowledgement.onTimePercent === null ? '–' : t('percent', {value: formatPercent(c.acknowledgement.onTimePercent)}),
      c.response.medianWorkingDays === null ? '–' : formatPercent(c.response.medianWorkingDays),
    ];
  };
  const now = row(report);
  const before = row(previous);
  return {
    id: 'timeliness',
    caption: t('evidenceTimelinessCaption'),
    columns: [t('annualMeasure'), t('evidenceThisPeriod'), t('evidencePreviousPeriod')],
    rows: [
      [t('annualReceived'), now[0]!, before[0]!],
      [t('evidenceAckOnTime'), now[1]!, before[1]!],
      [t('annualMedianDays'), now[2]!, before[2]!],
    ],
  };
}

/** How complaints in each period were decided. */
export function outcomesTable(report: Report, previous: Report | undefined, t: Translate): ReportTable {
  const o = report.complaints.outcomes;
  const p = previous?.complaints.outcomes;
  return {
    id: 'outcomes',
    caption: t('evidenceOutcomesCaption'),
    columns: [t('annualOutcome'), t('evidenceThisPeriod'), t('evidencePreviousPeriod')],
    rows: [
      [t('outcomeUpheld'), o.upheld, p?.upheld ?? '–'],
      [t('outcomePartly'), o.partlyUpheld, p?.partlyUpheld ?? '–'],
      [t('outcomeNotUpheld'), o.notUpheld, p?.notUpheld ?? '–'],
      [t('annualUndecided'), o.undecided, p?.undecided ?? '–'],
      [t('annualReferred'), report.complaints.ombudsmanReferrals, previous?.complaints.ombudsmanReferrals ?? '–'],
    ],
  };
}
