// Equality of experience on the evidence page (issue #15): for each "About you" question, each group's
// answers, Friends and Family Test positive share and complaint share, from GET /v1/equality. A group
// under the minimum size comes suppressed from the collector and is shown as such, never worked out here.
// Plain TypeScript (no Lit, no DOM); inbox-evidence.ts draws the tables.
import type {EqualityReport} from '@care-feedback/core/provider';
import {PREFER_NOT_TO_SAY} from '@care-feedback/core/schema/about-you';
import {aboutYouStrings} from '@care-feedback/elements/about-you/strings';
import {formatPercent} from './inbox-format.js';
import type {ReportTable} from './inbox-report-table.js';
import type {Translate} from './inbox-view.js';

/** The questions in the order the form asks them; the five high-level ethnic groups after the 19 groups. */
const QUESTIONS = ['ageBand', 'disability', 'ethnicGroup', 'ethnicity', 'sex', 'sexualOrientation', 'religion', 'carer'] as const;

/**
 * A group's name in the words the person chose it by ("65 to 74", "Asian, Asian British or Asian Welsh"),
 * from "About you"'s own strings; an answer they do not name falls back to its id in words.
 */
export function groupLabel(question: string, answer: string): string {
  if (answer === PREFER_NOT_TO_SAY) return aboutYouStrings.preferNotToSay;
  const label = (aboutYouStrings as Record<string, string>)[`${question}.${answer}`];
  if (label) return label;
  const words = answer.replace(/(\d)-(\d)/g, '$1 to $2').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One table a question that has a group big enough to show. The collector suppresses every group under the
 * minimum, empty ones too, so a question whose groups are all suppressed says nothing yet and is left out.
 */
export function equalityTables(report: EqualityReport, t: Translate): ReportTable[] {
  const percent = (value: number | null) => (value === null ? t('equalityNoFigure') : `${formatPercent(value)}%`);
  return QUESTIONS.filter((question) => report.questions[question]?.some((group) => !group.suppressed)).map(
    (question) => ({
      id: `equality-${question}`,
      caption: t(`equalityQuestion_${question}` as Parameters<Translate>[0]),
      columns: [t('equalityGroup'), t('equalityAnswers'), t('equalityFftPositive'), t('equalityComplaints')],
      rows: report.questions[question]!.map((group) =>
        group.suppressed
          ? [groupLabel(question, group.answer), t('equalitySuppressed', {min: report.minimumGroupSize}), t('equalityNoFigure'), t('equalityNoFigure')]
          : [groupLabel(question, group.answer), group.answers ?? 0, percent(group.fftPositivePercent), percent(group.complaintPercent)],
      ),
    }),
  );
}
