/**
 * Data of the KPI benchmarks, the same for the app pages and the baselines: 36 months of funnel
 * metrics (deterministic, no randomness), the months they cover, and a CRM leads CSV of N rows.
 */
import { addMonths } from '../../shared/kpi/periods';
import { METRICS, type Metric } from '../../shared/kpi/records';

export const KPI_BENCH_MONTHS = 36;
/** The last month of the seeded data (fixed, so every run draws the same figures). */
export const KPI_BENCH_LAST = '2026-10';
export const KPI_CARD_CHART_HEIGHT = 180;

export function benchMonths(count = KPI_BENCH_MONTHS, last = KPI_BENCH_LAST): string[] {
  return Array.from({ length: count }, (_, index) => addMonths(last, index - (count - 1)));
}

/** Value of a metric in month i (0-based): smooth trends with a seasonal wobble. */
export function metricValue(metric: Metric, i: number): number {
  const wave = Math.sin(i / 2);
  const mql = Math.round(180 + 4 * i + 20 * wave);
  switch (metric) {
    case 'leads':
      return mql * 3;
    case 'mql':
      return mql;
    case 'sal':
      return Math.round(mql * 0.7);
    case 'sql':
      return Math.round(mql * (0.27 + 0.03 * wave));
    case 'opportunities':
      return Math.round(mql * 0.14);
    case 'opportunitiesClosed':
      return Math.round(mql * 0.1);
    case 'won':
      return Math.round(mql * 0.1 * (0.22 + 0.05 * wave));
    case 'revenue':
      return Math.round(mql * 0.025 * 1_200_000);
    case 'revenueTarget':
      return 6_000_000;
    case 'marketingPipeline':
      return Math.round(mql * 0.1 * 1_100_000);
    case 'responseHours':
      return Math.round((30 - 0.3 * i + 4 * wave) * 10) / 10;
  }
}

export function benchValues(months = benchMonths()): { key: string; period: string; value: number }[] {
  return months.flatMap((period, i) => METRICS.map((metric) => ({ key: `metric:${metric}`, period, value: metricValue(metric, i) })));
}

/** A leads export of `rows` rows over 12 months ending KPI_BENCH_LAST (English CRM headers). */
export function leadsCsvText(rows: number): string {
  const months = benchMonths(12);
  const lines = ['Lead ID,Created Date,MQL Date,SQL Date,Opportunity Date,Close Date,Outcome,Amount,First Contact Date,Lead Source'];
  for (let n = 0; n < rows; n++) {
    const month = months[Math.floor((n * months.length) / rows)]!;
    const date = `${month}-${String(1 + (n % 27)).padStart(2, '0')}`;
    const mql = n % 4 !== 0;
    const sql = mql && n % 3 === 0;
    const opportunity = sql && n % 2 === 0;
    const closed = opportunity && n % 5 < 3;
    lines.push(
      [
        `L${n + 1}`,
        date,
        mql ? `${date} 09:00` : '',
        sql ? `${date} 15:00` : '',
        opportunity ? `${date} 16:00` : '',
        closed ? `${date} 17:00` : '',
        closed ? (n % 5 === 0 ? 'Closed Won' : 'Closed Lost') : '',
        opportunity ? `"${(1_000_000 + (n % 7) * 100_000).toLocaleString('en')}"` : '',
        mql ? `${date} ${String(10 + (n % 8)).padStart(2, '0')}:30` : '',
        n % 3 === 0 ? 'Referral' : 'Webinar',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
