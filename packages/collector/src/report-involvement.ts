// GET /v1/reports' `involvement` and `consultations` (issue #16): people who signed up, left and took part
// in the period, how and at what cost, and the consultations that moved in it, for the token's scope.
// Counts only: nothing here says who.
import {INVOLVEMENT_WAYS} from '@care-feedback/core';
import type {ConsultationFigures, InvolvementFigures, Report} from '@care-feedback/core/provider';
import type {InvolvementReportRows} from './store/involvement-report-sql.js';
import {periodScope} from './report-period.js';
import type {Store} from './types.js';

export async function involvementFigures(
  store: Store,
  period: {from: string; to: string},
  services: readonly string[] | undefined,
): Promise<Pick<Report, 'involvement' | 'consultations'>> {
  const scope = periodScope(period, services);
  const [rows, consultations] = await Promise.all([store.involvementReport(scope), store.listConsultations(services)]);
  // Each step's time is kept on the consultation itself; a provider has a handful, so they are counted here.
  const within = (at: string | null) => at !== null && at >= scope.from && at < scope.before;
  const moved: ConsultationFigures = {
    opened: consultations.filter((c) => within(c.openedAt)).length,
    closed: consultations.filter((c) => within(c.closedAt)).length,
    decided: consultations.filter((c) => within(c.decidedAt)).length,
    answers: rows.answers,
  };
  return {involvement: involvementOf(rows), consultations: moved};
}

/** The register's figures from the store's rows; every way is there, 0 where nobody took part that way. */
export function involvementOf(rows: InvolvementReportRows): InvolvementFigures {
  const byWay = Object.fromEntries([...INVOLVEMENT_WAYS, 'other'].map((way) => [way, 0])) as InvolvementFigures['tookPart']['byWay'];
  let paid = 0;
  let totalPence = 0;
  for (const entry of rows.log) {
    const way = (INVOLVEMENT_WAYS as readonly string[]).includes(entry.way ?? '') ? (entry.way as keyof typeof byWay) : 'other';
    byWay[way]++;
    if (entry.expensesPence > 0) {
      paid++;
      totalPence += entry.expensesPence;
    }
  }
  return {
    signedUp: rows.signedUp,
    left: rows.left,
    active: new Set(rows.log.map((entry) => entry.reference)).size,
    tookPart: {total: rows.log.length, byWay},
    expenses: {paid, totalPence},
  };
}
