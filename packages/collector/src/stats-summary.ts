// GET /v1/stats' answer from the store's counted rows: totals by kind, status, month and service, and the
// Friends and Family Test shares. Its own file: the stats route and the reports both use it.
import {KINDS} from '@care-feedback/core/schema/vocabulary';
import type {Stats} from '@care-feedback/core/provider';

export function summarise(
  rows: ReadonlyArray<{
    kind: string;
    status: string;
    month: string;
    rating: string | null;
    service?: string | null;
    count: number;
  }>,
  spam: ReadonlyArray<{count: number}>,
): Stats {
  const stats: Stats = {
    total: 0,
    quarantined: spam.reduce((sum, r) => sum + r.count, 0),
    byKind: Object.fromEntries(KINDS.map((k) => [k, 0])),
    byStatus: {},
    byMonth: {},
    byService: {},
    fft: {
      answers: 0,
      veryGood: 0,
      good: 0,
      neither: 0,
      poor: 0,
      veryPoor: 0,
      dontKnow: 0,
      positivePercent: null,
      negativePercent: null,
    },
  };
  const fftKey: Record<string, keyof Stats['fft']> = {
    'very-good': 'veryGood',
    good: 'good',
    neither: 'neither',
    poor: 'poor',
    'very-poor': 'veryPoor',
    'dont-know': 'dontKnow',
  };
  for (const row of rows) {
    stats.total += row.count;
    stats.byKind[row.kind] = (stats.byKind[row.kind] ?? 0) + row.count;
    stats.byStatus[row.status] = (stats.byStatus[row.status] ?? 0) + row.count;
    stats.byMonth[row.month] = (stats.byMonth[row.month] ?? 0) + row.count;
    const service = row.service ?? '';
    stats.byService[service] = (stats.byService[service] ?? 0) + row.count;
    const key = row.rating ? fftKey[row.rating] : undefined;
    if (key) (stats.fft[key] as number) += row.count;
  }
  const f = stats.fft;
  f.answers = f.veryGood + f.good + f.neither + f.poor + f.veryPoor;
  const percent = (n: number) => (f.answers ? Math.round((n / f.answers) * 1000) / 10 : null);
  f.positivePercent = percent(f.veryGood + f.good);
  f.negativePercent = percent(f.poor + f.veryPoor);
  return stats;
}
