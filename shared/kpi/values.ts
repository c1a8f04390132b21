import type { Metric } from './records';

/**
 * Reading stored KPI values. Formulas and attainment take a lookup function instead of a list,
 * so the UI can back it by whatever it has loaded (Dexie rows, a meeting snapshot, a CSV preview)
 * and tests by a plain object.
 */

/** The value of `key` ('metric:mql', 'kpi:<id>', 'sla:<id>') in `period` ('YYYY-MM'), if any. */
export type ValueLookup = (key: string, period: string) => number | undefined;

/** The value key of a funnel metric: 'metric:mql'. */
export function metricKey(metric: Metric): string {
  return `metric:${metric}`;
}

/** The value key of a manual KPI's values: 'kpi:<id>'. */
export function kpiKey(kpiId: string): string {
  return `kpi:${kpiId}`;
}

/** The value key of an SLA commitment's actuals (typed by hand or imported): 'sla:<id>'. */
export function slaKey(commitmentId: string): string {
  return `sla:${commitmentId}`;
}

/**
 * A lookup over a list of values. Values that are not finite numbers are ignored (treated as
 * absent), so NaN or Infinity from a damaged source can never reach a formula. When a key and
 * period appear twice the last one wins, like a later write over an earlier one.
 */
export function lookupFrom(values: readonly { key: string; period: string; value: number }[]): ValueLookup {
  const byId = new Map<string, number>();
  for (const row of values) {
    if (typeof row.value === 'number' && Number.isFinite(row.value)) byId.set(`${row.key}|${row.period}`, row.value);
  }
  return (key, period) => byId.get(`${key}|${period}`);
}

/** `lookup`, with anything that is not a finite number turned into undefined. */
export function finiteLookup(lookup: ValueLookup): ValueLookup {
  return (key, period) => {
    const value = lookup(key, period);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
}
