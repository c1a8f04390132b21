/**
 * Data of the KPI benchmarks, the same for the app pages and the baselines: 36 months of funnel
 * metrics (deterministic, no randomness), the months they cover, and a CRM leads CSV of N rows
 * (the KPI core's generator).
 */
import { addMonths } from '../../shared/kpi/periods';
import { METRICS, type Metric } from '../../shared/kpi/records';
import { leadCsv } from '../fixtures/csv/generate';

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

/**
 * A CRM leads export of `rows` rows created over the 12 months ending KPI_BENCH_LAST, made by the
 * KPI core's deterministic generator (test/fixtures/csv/generate.ts: 11 columns, English headers,
 * stage dates with times, a realistic funnel with open, won and lost deals).
 */
export function leadsCsvText(rows: number): string {
  return leadCsv(rows, { startMonth: benchMonths(12)[0], months: 12, seed: 1 });
}
