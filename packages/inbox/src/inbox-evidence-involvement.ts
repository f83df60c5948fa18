// The evidence page's "People taking part and consultations" (#16): the reports answer's involvement and
// consultation counts, this period against the one before, as tables (and the ways people took part as a
// chart's numbers). Counts only: the collector never sends who. Plain TypeScript (no Lit, no DOM).
import {INVOLVEMENT_WAYS} from '@care-feedback/core';
import type {Report} from '@care-feedback/core/provider';
import {formatPence} from './inbox-register-state.js';
import type {ReportTable} from './inbox-report-table.js';
import type {Translate} from './inbox-view.js';

/** The ways of taking part in the form's order, then entries logged with none of them. */
export const TOOK_PART_WAYS = [...INVOLVEMENT_WAYS, 'other'] as const;

const columns = (first: string, t: Translate) => [first, t('evidenceThisPeriod'), t('evidencePreviousPeriod')];

/** Who signed up, left and took part, how often, and the expenses paid. */
export function involvementTable(report: Report, previous: Report | undefined, t: Translate, locale?: string): ReportTable {
  const now = report.involvement;
  const then = previous?.involvement;
  return {
    id: 'involvement',
    caption: t('evidenceInvolvementCaption'),
    columns: columns(t('annualMeasure'), t),
    rows: [
      [t('evidenceSignedUp'), now.signedUp, then?.signedUp ?? '–'],
      [t('evidenceLeft'), now.left, then?.left ?? '–'],
      [t('evidenceActive'), now.active, then?.active ?? '–'],
      [t('evidenceTimesTookPart'), now.tookPart.total, then?.tookPart.total ?? '–'],
      [t('evidenceExpensesPaid'), now.expenses.paid, then?.expenses.paid ?? '–'],
      [
        t('evidenceExpensesTotal'),
        formatPence(now.expenses.totalPence, locale),
        then ? formatPence(then.expenses.totalPence, locale) : '–',
      ],
    ],
  };
}

/** Times people took part in each way, for the table and the chart beside it. */
export function waysTable(report: Report, previous: Report | undefined, t: Translate): ReportTable {
  return {
    id: 'involvement-ways',
    caption: t('evidenceWaysCaption'),
    columns: columns(t('registerWay'), t),
    rows: TOOK_PART_WAYS.map((way) => [
      t(way === 'other' ? 'evidenceWayOther' : `way_${way}`),
      report.involvement.tookPart.byWay[way],
      previous?.involvement.tookPart.byWay[way] ?? '–',
    ]),
  };
}

/** Consultations opened, closed and decided, and the answers people gave. */
export function consultationsTable(report: Report, previous: Report | undefined, t: Translate): ReportTable {
  const now = report.consultations;
  const then = previous?.consultations;
  return {
    id: 'consultations',
    caption: t('evidenceConsultationsCaption'),
    columns: columns(t('annualMeasure'), t),
    rows: [
      [t('evidenceConsultationsOpened'), now.opened, then?.opened ?? '–'],
      [t('evidenceConsultationsClosed'), now.closed, then?.closed ?? '–'],
      [t('evidenceConsultationsDecided'), now.decided, then?.decided ?? '–'],
      [t('evidenceConsultationAnswers'), now.answers, then?.answers ?? '–'],
    ],
  };
}
