// The annual complaints report's state and tables: what the 2009 complaints regulations ask of a council's
// yearly report, which providers can adopt (complaints received, how many were upheld, how many went to the
// Ombudsman, the subjects, matters of general importance and what was done to improve), for a year from
// 1 April to 31 March by default. Plain TypeScript (no Lit, no DOM); inbox-annual-report.ts draws it.
import type {Report} from '@care-feedback/core/provider';
import {formatPercent} from './inbox-format.js';
import {lastComplaintsYear} from './inbox-report-period.js';
import {actionFigures, themeCounts} from './inbox-report-extras.js';
import type {ReportTable} from './inbox-report-table.js';
import {ReportState, type ReportHost} from './inbox-reports-state.js';
import type {Translate} from './inbox-view.js';

/** The report, and the two parts the manager writes: kept in this tab's form only, and printed. */
export class AnnualReportState extends ReportState {
  /** Matters of general importance the manager writes. */
  matters = '';
  /** Actions taken to improve, in the manager's words. */
  improvements = '';

  constructor(host: ReportHost, today?: string) {
    super(host, {defaultPeriod: lastComplaintsYear}, today);
  }

  /** Signing out forgets the manager's words with the report. */
  override clear(): void {
    super.clear();
    this.matters = '';
    this.improvements = '';
  }

  write(part: 'matters' | 'improvements', value: string): void {
    this[part] = value;
    this.notify();
  }
}

/** The numbers of the first table: received, upheld, referred, and how quickly they were handled. */
export function complaintsTable(report: Report, t: Translate): ReportTable {
  const c = report.complaints;
  const {upheld, partlyUpheld} = c.outcomes;
  const ack = c.acknowledgement;
  return {
    id: 'complaints',
    caption: t('annualComplaintsCaption'),
    columns: [t('annualMeasure'), t('countHeader')],
    rows: [
      [t('annualReceived'), c.received],
      [t('annualUpheld'), upheld + partlyUpheld],
      [t('annualReferred'), c.ombudsmanReferrals],
      [
        t('annualAckOnTime'),
        ack.onTimePercent === null
          ? t('annualNone')
          : t('annualOfPercent', {count: ack.onTime, total: ack.onTime + ack.late, percent: formatPercent(ack.onTimePercent)}),
      ],
      [
        t('annualMedianDays'),
        c.response.medianWorkingDays === null ? t('annualNone') : formatPercent(c.response.medianWorkingDays),
      ],
    ],
  };
}

/** How each complaint was decided. */
export function outcomesTable(report: Report, t: Translate): ReportTable {
  const o = report.complaints.outcomes;
  return {
    id: 'outcomes',
    caption: t('annualOutcomesCaption'),
    columns: [t('annualOutcome'), t('countHeader')],
    rows: [
      [t('outcomeUpheld'), o.upheld],
      [t('outcomePartly'), o.partlyUpheld],
      [t('outcomeNotUpheld'), o.notUpheld],
      [t('annualUndecided'), o.undecided],
    ],
  };
}

/**
 * The subjects feedback was about: the themes staff tagged, of all feedback (the caption says so; the
 * report counts themes across kinds); undefined while no themes are recorded.
 */
export function themesTable(report: Report, t: Translate): ReportTable | undefined {
  const themes = themeCounts(report);
  if (!themes) return undefined;
  return {
    id: 'themes',
    caption: t('annualThemesAllCaption'),
    columns: [t('annualTheme'), t('countHeader')],
    rows: themes.map((theme) => [theme.name, theme.count]),
  };
}

/** Improvement actions opened and completed in the year; undefined when there were none. */
export function actionsTable(report: Report, t: Translate): ReportTable | undefined {
  const actions = actionFigures(report);
  if (!actions) return undefined;
  return {
    id: 'actions',
    caption: t('annualActionsCaption'),
    columns: [t('annualMeasure'), t('countHeader')],
    rows: [
      [t('annualActionsOpened'), actions.opened],
      [t('annualActionsCompleted'), actions.completed],
    ],
  };
}
