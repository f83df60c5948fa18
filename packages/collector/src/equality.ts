// GET /v1/equality?from=YYYY-MM-DD&to=YYYY-MM-DD (issue #15, equality of experience): for each "About you"
// question and each of its groups, how many answered, FFT positive % and the complaint rate, so a provider
// can see whether some groups have a worse experience. Groups under EQUALITY_MIN_GROUP are suppressed.
// Bearer token; a token for some services counts only their feedback. Nothing here names an item.
import {ABOUT_YOU_QUESTIONS, ETHNIC_GROUP_NAMES, ethnicGroupOf, PREFER_NOT_TO_SAY} from '@care-feedback/core';
import {EQUALITY_MIN_GROUP, type EqualityGroup, type EqualityReport} from '@care-feedback/core/provider';
import {json, methodNotAllowed, problem} from './http.js';
import {parseReportPeriod} from './report-period.js';
import type {EqualityCountRow} from './store/about-you-sql.js';
import type {Store} from './types.js';

const DAY_MS = 86_400_000;
const POSITIVE = new Set(['very-good', 'good']);

export async function handleEquality(
  store: Store,
  method: string,
  query: URLSearchParams,
  services: readonly string[] | undefined,
): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD')
    return methodNotAllowed('GET, HEAD');
  const {period, errors} = parseReportPeriod(query);
  if (!period) return problem(422, 'invalid-period', 'This period cannot be reported on', undefined, {errors});
  const rows = await store.equalityCounts({
    from: `${period.from}T00:00:00.000Z`,
    before: new Date(Date.parse(`${period.to}T00:00:00.000Z`) + DAY_MS).toISOString(),
    ...(services ? {services} : {}),
  });
  return json(200, buildEqualityReport(rows, period));
}

/** One group's figures from its count rows, withheld when the group is too small. */
function groupFigures(answer: string, rows: readonly EqualityCountRow[]): EqualityGroup {
  let answers = 0;
  let complaints = 0;
  let rated = 0;
  let positive = 0;
  for (const row of rows) {
    answers += row.count;
    if (row.kind === 'complaint') complaints += row.count;
    if (row.rating && row.rating !== 'dont-know') {
      rated += row.count;
      if (POSITIVE.has(row.rating)) positive += row.count;
    }
  }
  const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
  if (answers < EQUALITY_MIN_GROUP)
    return {
      answer,
      suppressed: true,
      answers: null,
      fftAnswers: null,
      fftPositivePercent: null,
      complaints: null,
      complaintPercent: null,
    };
  return {
    answer,
    suppressed: false,
    answers,
    fftAnswers: rated,
    fftPositivePercent: percent(positive, rated),
    complaints,
    complaintPercent: percent(complaints, answers),
  };
}

/** The report from the store's counts: every group of every question listed, even an empty one. */
export function buildEqualityReport(
  rows: readonly EqualityCountRow[],
  period: {from: string; to: string},
): EqualityReport {
  const groups = (question: keyof typeof ABOUT_YOU_QUESTIONS) =>
    ABOUT_YOU_QUESTIONS[question].map((answer) =>
      groupFigures(answer, rows.filter((row) => row.question === question && row.answer === answer)),
    );
  const ethnicity = rows.filter((row) => row.question === 'ethnicity');
  return {
    period,
    minimumGroupSize: EQUALITY_MIN_GROUP,
    questions: {
      ageBand: groups('ageBand'),
      disability: groups('disability'),
      ethnicity: groups('ethnicity'),
      ethnicGroup: [...ETHNIC_GROUP_NAMES, PREFER_NOT_TO_SAY].map((group) =>
        groupFigures(
          group,
          ethnicity.filter((row) => (ethnicGroupOf(row.answer) ?? PREFER_NOT_TO_SAY) === group),
        ),
      ),
      sex: groups('sex'),
      sexualOrientation: groups('sexualOrientation'),
      religion: groups('religion'),
      carer: groups('carer'),
    },
  };
}
