import type { Commitment } from '../sla/commitments';
import { attainmentShare, attainmentRule, type AttainmentOptions } from './attainment';
import { quarterMonths } from './periods';
import type { KpiDefinition, Metric } from './records';
import { finiteLookup, kpiKey, metricKey, type ValueLookup } from './values';

/**
 * KPI values from the stored metric values. Every result is either a finite number or a reason
 * why there is none: a missing input, a division by zero, no signed SLA, or an SLA with nothing
 * measured. The UI translates the reason; NaN and Infinity can never come out of here.
 */

/** Why a KPI has no value for a period. */
export type NoDataReason = 'missing' | 'divideByZero' | 'noSignedSla' | 'nothingMeasurable';

/** A KPI's value for one period; `value` is always finite. `missing` lists the absent value keys. */
export type KpiResult = { kind: 'value'; value: number } | { kind: 'noData'; reason: NoDataReason; missing?: string[] };

/** The signed SLA's commitments (shared/sla/commitments.ts); null when no SLA is signed. */
export type SlaContext = { commitments: readonly Commitment[]; options?: AttainmentOptions } | null;

/**
 * Metrics whose monthly values are not additive: a quarter's responseHours is the mean of its
 * months' medians (the medians of the months are all the app keeps).
 */
const AVERAGED_METRICS: ReadonlySet<Metric> = new Set<Metric>(['responseHours']);

/** The months a KPI's value for `period` is computed from: the month, or its calendar quarter. */
export function monthsOf(kpi: Pick<KpiDefinition, 'period'>, period: string): string[] {
  return kpi.period === 'quarter' ? quarterMonths(period) : [period];
}

/** The value keys a KPI reads: 'metric:sql' for formulas, 'kpi:<id>' for manual KPIs, the commitments' keys for SLA attainment (when `sla` is given). */
export function valueKeysOf(kpi: KpiDefinition, sla: SlaContext = null): string[] {
  const formula = kpi.formula;
  switch (formula.type) {
    case 'metric':
      return [metricKey(formula.metric)];
    case 'ratio':
      return formula.numerator === formula.denominator ? [metricKey(formula.numerator)] : [metricKey(formula.numerator), metricKey(formula.denominator)];
    case 'manual':
      return [kpiKey(kpi.id)];
    case 'slaAttainment': {
      if (!sla) return [];
      const keys = new Set<string>();
      for (const commitment of sla.commitments) {
        const rule = attainmentRule(commitment, sla.options);
        if (rule) keys.add(rule.key);
      }
      return [...keys];
    }
  }
}

const noData = (reason: NoDataReason, missing?: string[]): KpiResult => (missing ? { kind: 'noData', reason, missing } : { kind: 'noData', reason });

function finite(value: number, otherwise: KpiResult): KpiResult {
  return Number.isFinite(value) ? { kind: 'value', value } : otherwise;
}

/**
 * Aggregates metrics over `months`, using only the months that have every one of `metrics`
 * (a quarter in progress is computed quarter-to-date, and a ratio never mixes a numerator from
 * one month with a denominator from another). Sums, except averaged metrics (mean).
 * Returns null and the keys absent when no month has them all.
 */
function aggregate(metrics: readonly Metric[], months: readonly string[], read: ValueLookup): { values: number[] } | { missing: string[] } {
  const sums = metrics.map(() => 0);
  let used = 0;
  const absent = new Set<string>();
  for (const month of months) {
    const row = metrics.map((metric) => read(metricKey(metric), month));
    if (row.every((value) => value !== undefined)) {
      used++;
      row.forEach((value, index) => (sums[index]! += value!));
    } else {
      row.forEach((value, index) => value === undefined && absent.add(metricKey(metrics[index]!)));
    }
  }
  if (used === 0) return { missing: [...absent] };
  return { values: metrics.map((metric, index) => (AVERAGED_METRICS.has(metric) ? sums[index]! / used : sums[index]!)) };
}

/**
 * A KPI's value for the month `period` (a quarter KPI: the quarter `period` falls in).
 * - metric: the metric's value; over a quarter counts and amounts are summed and responseHours is
 *   the mean of the months' medians (months with a value; a quarter in progress is to date);
 * - ratio: numerator ÷ denominator over the same months, ×100 when the unit is 'percent'; a zero
 *   denominator is 'divideByZero' (0 ÷ 0 included: "no opportunities closed" is not a 0 % win rate);
 * - manual: the value typed for the month, for a quarter the one stored for its last month;
 * - slaAttainment: commitments met ÷ commitments measured (×100 for 'percent') over the months;
 *   'noSignedSla' without an SLA, 'nothingMeasurable' when no commitment has an actual.
 * Non-finite stored values count as missing.
 */
export function evaluateKpi(kpi: KpiDefinition, period: string, lookup: ValueLookup, sla: SlaContext): KpiResult {
  const read = finiteLookup(lookup);
  const months = monthsOf(kpi, period);
  const formula = kpi.formula;
  const scale = kpi.unit === 'percent' ? 100 : 1;
  switch (formula.type) {
    case 'metric': {
      const result = aggregate([formula.metric], months, read);
      if ('missing' in result) return noData('missing', result.missing);
      return finite(result.values[0]!, noData('missing', [metricKey(formula.metric)]));
    }
    case 'ratio': {
      const result = aggregate([formula.numerator, formula.denominator], months, read);
      if ('missing' in result) return noData('missing', result.missing);
      const [numerator, denominator] = result.values as [number, number];
      if (denominator === 0) return noData('divideByZero');
      return finite((numerator / denominator) * scale, noData('divideByZero'));
    }
    case 'manual': {
      const key = kpiKey(kpi.id);
      const value = read(key, months[months.length - 1]!);
      return value === undefined ? noData('missing', [key]) : { kind: 'value', value };
    }
    case 'slaAttainment': {
      if (!sla) return noData('noSignedSla');
      let met = 0;
      let measured = 0;
      for (const month of months) {
        const share = attainmentShare(sla.commitments, month, read, sla.options);
        met += share.met;
        measured += share.measured;
      }
      if (measured === 0) return noData('nothingMeasurable');
      return { kind: 'value', value: (met / measured) * scale };
    }
  }
}

/** evaluateKpi for each period, in order (a trend line). */
export function kpiSeries(kpi: KpiDefinition, periods: readonly string[], lookup: ValueLookup, sla: SlaContext): KpiResult[] {
  const read = finiteLookup(lookup);
  return periods.map((period) => evaluateKpi(kpi, period, read, sla));
}
