import type { TFunction } from 'i18next';
import { evaluateKpi, type KpiResult, type SlaContext } from '@shared/kpi/formulas';
import { addMonths, monthRange } from '@shared/kpi/periods';
import { Metric, type KpiDefinition, type KpiStatus, type KpiUnit } from '@shared/kpi/records';
import { kpiStatus, type StatusReason } from '@shared/kpi/status';
import { withDerived } from '@shared/kpi/responseBasis';
import { lookupFrom, type ValueLookup } from '@shared/kpi/values';
import type { KpiData, SignedSla } from './kpiRead';
import { intlFormatter } from '../../ui/intlCache';

/** What the KPI views compute from definitions and stored values; formatting helpers. */

/** The signed SLA as formulas and attainment read it; with `response`, time windows are measured per record where lead records exist. */
export function slaContextOf(sla: SignedSla | null, response?: KpiData['response']): SlaContext {
  if (!sla) return null;
  return { commitments: sla.commitments, options: response ? { stages: sla.stages, records: response.records } : { stages: sla.stages } };
}

/** The values the KPI views compute from: the stored ones, with the months measured from lead records in place of stored medians. */
export function kpiValuesOf(data: Pick<KpiData, 'values' | 'response'>): { key: string; period: string; value: number }[] {
  return withDerived(data.values, data.response.derived);
}

/** A lookup over {@link kpiValuesOf}. */
export function kpiLookup(data: Pick<KpiData, 'values' | 'response'>): ValueLookup {
  return lookupFrom(kpiValuesOf(data));
}

/** The month of a local date, YYYY-MM. */
export function currentMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The last month that has ended: the default end of the ranges shown. */
export function lastCompleteMonth(now: Date = new Date()): string {
  return addMonths(currentMonth(now), -1);
}

/** The `count` months ending with `end`, oldest first. */
export function monthsEnding(end: string, count: number): string[] {
  return monthRange(addMonths(end, -(count - 1)), end);
}

export type KpiPoint = { period: string; result: KpiResult; status: KpiStatus; reason: StatusReason };
export type KpiTrend = { kpi: KpiDefinition; points: KpiPoint[]; latest: KpiPoint };

/** Each KPI's result and status for each month of `periods` (the last one is "latest"). */
export function kpiTrends(kpis: readonly KpiDefinition[], lookup: ValueLookup, sla: SlaContext, periods: readonly string[]): KpiTrend[] {
  return kpis.map((kpi) => {
    const points = periods.map((period) => {
      const result = evaluateKpi(kpi, period, lookup, sla);
      return { period, result, ...kpiStatus(kpi, result) };
    });
    return { kpi, points, latest: points[points.length - 1]! };
  });
}

export { lookupFrom };

/** "Nov 2026" / "2026年11月". */
export function formatPeriod(period: string, language: string, month: 'short' | 'long' = 'short'): string {
  const [year, mon] = period.split('-').map(Number) as [number, number];
  const format = intlFormatter(`period|${language}|${month}`, () => new Intl.DateTimeFormat(language, { year: 'numeric', month, timeZone: 'UTC' }));
  return format.format(new Date(Date.UTC(year, mon - 1, 1)));
}

/**
 * A chart's month ticks, for the ticks shown (indexes into `periods`): the month alone ("Feb",
 * "2月"), with its year on the first tick and wherever the year changes ("Jan 2026", "2026年1月"),
 * so twelve ticks stay short enough not to run into each other.
 */
export function monthTicks(periods: readonly string[], shown: readonly number[], language: string): string[] {
  const monthOnly = intlFormatter(`month|${language}`, () => new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }));
  let lastYear: string | null = null;
  return shown.map((index) => {
    const period = periods[index];
    if (!period || !/^\d{4}-\d{2}$/.test(period)) return '';
    const year = period.slice(0, 4);
    const withYear = year !== lastYear;
    lastYear = year;
    return withYear ? formatPeriod(period, language) : monthOnly.format(new Date(`${period}-01T00:00:00Z`));
  });
}

const UNIT_OPTIONS: Record<KpiUnit, Intl.NumberFormatOptions> = {
  percent: { style: 'percent', maximumFractionDigits: 1 },
  hours: { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 },
  currency: { maximumFractionDigits: 0 },
  count: { maximumFractionDigits: 1 },
};

/** A finite number in a KPI's unit, through Intl; anything not finite is never passed here. */
export function formatKpiValue(value: number, unit: KpiUnit, language: string): string {
  const format = intlFormatter(`unit|${language}|${unit}`, () => new Intl.NumberFormat(language, UNIT_OPTIONS[unit]));
  return format.format(unit === 'percent' ? value / 100 : value);
}

/** A chart axis tick: like formatKpiValue, but large counts and amounts compact (1.2M, 120万). */
export function formatAxisValue(value: number, unit: KpiUnit, language: string): string {
  if ((unit === 'currency' || unit === 'count') && Math.abs(value) >= 10_000) {
    return intlFormatter(`compact|${language}`, () => new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 })).format(value);
  }
  return formatKpiValue(value, unit, language);
}

/** A plain number as typed back into a field (no grouping, so it re-parses as itself). */
export function editableNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language, { useGrouping: false, maximumFractionDigits: 6 }).format(value);
}

export function metricName(t: TFunction, key: string): string {
  const [kind, id] = key.split(':') as [string, string];
  if (kind !== 'metric') return key;
  const metric = Metric.safeParse(id);
  // A key from a newer version's file names a metric this version has no words for.
  return metric.success ? t(`kpi.metrics.${metric.data}`) : id;
}

/** "SQL ÷ MQL × 100" with translated metric names. */
export function formulaText(t: TFunction, kpi: Pick<KpiDefinition, 'formula' | 'unit'>): string {
  const formula = kpi.formula;
  switch (formula.type) {
    case 'metric':
      return t('kpi.formula.metric', { metric: t(`kpi.metrics.${formula.metric}`) });
    case 'ratio':
      return t(kpi.unit === 'percent' ? 'kpi.formula.ratioPercent' : 'kpi.formula.ratio', {
        numerator: t(`kpi.metrics.${formula.numerator}`),
        denominator: t(`kpi.metrics.${formula.denominator}`),
      });
    case 'slaAttainment':
      return t('kpi.formula.slaAttainment');
    case 'manual':
      return t('kpi.formula.manual');
  }
}

/** Why there is no value, in words (keys named by their metric names). */
export function noDataText(t: TFunction, kpi: Pick<KpiDefinition, 'formula'>, result: KpiResult, reason: StatusReason, language: string): string {
  if (result.kind === 'value') return reason === 'noTarget' ? t('kpi.reasons.noTarget') : '';
  const keys = (result.missing ?? []).filter((key) => key.startsWith('metric:')).map((key) => metricName(t, key));
  const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(keys);
  switch (result.reason) {
    case 'missing':
      return keys.length > 0 ? t('kpi.reasons.missing', { keys: list }) : t('kpi.reasons.missingAny');
    case 'divideByZero':
      return kpi.formula.type === 'ratio' ? t('kpi.reasons.divideByZero', { keys: t(`kpi.metrics.${kpi.formula.denominator}`) }) : t('kpi.reasons.divideByZeroAny');
    case 'noSignedSla':
      return t('kpi.reasons.noSignedSla');
    case 'nothingMeasurable':
      return t('kpi.reasons.nothingMeasurable');
  }
}

/** Symbols the bundled fonts have (× not ✕, which neither Inter nor Noto Sans JP draws). */
export const STATUS_ICON: Record<KpiStatus, string> = { onTrack: '✓', atRisk: '!', offTrack: '×', noData: '–' };
