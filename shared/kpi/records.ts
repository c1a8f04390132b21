import { z } from 'zod';
import { IsoDate } from '../records/workspace';

/**
 * Shared KPIs (PRODUCT.md): definitions with a formula over funnel metrics (or a manual value),
 * and the values of the metrics per month. Quarter KPIs are computed from their months.
 */

const Id = z.string().min(1).max(100);

/** A KPI period: a calendar month, YYYY-MM. */
export const PeriodMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A period is YYYY-MM');

/** How a KPI stands against its target in a period (the rule is in shared/kpi, shown to users). */
export const KPI_STATUSES = ['onTrack', 'atRisk', 'offTrack', 'noData'] as const;
export const KpiStatus = z.enum(KPI_STATUSES);
export type KpiStatus = z.infer<typeof KpiStatus>;

/**
 * Funnel metrics, one value per month, entered by hand, in a meeting, or aggregated from a CRM
 * CSV. Counts are counts of records that entered the stage in the month; `revenue` and
 * `marketingPipeline` are amounts; `responseHours` is the median hours from MQL to first contact.
 */
export const METRICS = [
  'leads',
  'mql',
  'sal',
  'sql',
  'opportunities',
  'opportunitiesClosed',
  'won',
  'revenue',
  'revenueTarget',
  'marketingPipeline',
  'responseHours',
] as const;
export const Metric = z.enum(METRICS);
export type Metric = z.infer<typeof Metric>;

export const Formula = z.discriminatedUnion('type', [
  /** The metric itself (MQL count, marketing-sourced pipeline, response time). */
  z.object({ type: z.literal('metric'), metric: Metric }),
  /** numerator ÷ denominator (conversions, win rate, revenue vs target); ÷ 0 is "no data". */
  z.object({ type: z.literal('ratio'), numerator: Metric, denominator: Metric }),
  /** Share of the signed SLA's commitments met in the period. */
  z.object({ type: z.literal('slaAttainment') }),
  /** A value typed by hand for each period. */
  z.object({ type: z.literal('manual') }),
]);
export type Formula = z.infer<typeof Formula>;

export const KPI_UNITS = ['count', 'percent', 'hours', 'currency'] as const;
export const KpiUnit = z.enum(KPI_UNITS);
export type KpiUnit = z.infer<typeof KpiUnit>;

export const DIRECTIONS = ['higher', 'lower'] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const KPI_OWNERS = ['sales', 'marketing', 'joint'] as const;
export const KpiOwner = z.enum(KPI_OWNERS);
export type KpiOwner = z.infer<typeof KpiOwner>;

export const KPI_PERIODS = ['month', 'quarter'] as const;
export const KpiPeriod = z.enum(KPI_PERIODS);
export type KpiPeriod = z.infer<typeof KpiPeriod>;

/** The default KPIs of PRODUCT.md; a definition made from one remembers which. */
export const KPI_TEMPLATES = [
  'mqlCount',
  'mqlToSql',
  'sqlToOpportunity',
  'winRate',
  'responseTime',
  'slaAttainment',
  'marketingPipeline',
  'revenueVsTarget',
] as const;
export const KpiTemplate = z.enum(KPI_TEMPLATES);
export type KpiTemplate = z.infer<typeof KpiTemplate>;

/**
 * Whether a KPI's values can be below zero: only a manual KPI's (typed by hand, they may be a loss,
 * a net change or a growth rate in any unit). Funnel metrics are counts, amounts and hours that the
 * values grid and the CSV import refuse below zero, and ratios of them and SLA attainment (0–100 %)
 * follow, so for any other formula a negative target is always met and means nothing.
 */
export function valuesCanBeNegative(formula: Formula): boolean {
  return formula.type === 'manual';
}

/**
 * Whether `target` is one a KPI with `formula` can have: any number for a manual KPI, no negative
 * one otherwise. Checked when a definition is saved, not in `KpiDefinition`, so workspace files
 * written before the rule (with such a target) still open.
 */
export function targetAllowed(formula: Formula, target: number | null): boolean {
  return target === null || target >= 0 || valuesCanBeNegative(formula);
}

export const MAX_KPIS = 100;
export const MAX_VALUE = 1e15;

export const KpiDefinition = z.object({
  id: Id,
  template: KpiTemplate.nullable().default(null),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2_000).default(''),
  formula: Formula,
  unit: KpiUnit,
  direction: Direction,
  /** Target per period, in the KPI's unit (a percent is stored as 0–100); null: no target. */
  target: z.number().finite().min(-MAX_VALUE).max(MAX_VALUE).nullable().default(null),
  owner: KpiOwner,
  period: KpiPeriod.default('month'),
  /** Display order on the dashboard. */
  order: z.number().int().min(0).max(10_000).default(0),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type KpiDefinition = z.infer<typeof KpiDefinition>;
export type KpiDefinitionInput = z.input<typeof KpiDefinition>;

/**
 * What a stored value measures: a funnel metric (`metric:mql`), a manual KPI (`kpi:<kpiId>`) or
 * the actual of an SLA commitment (`sla:<commitmentId>`).
 */
export const ValueKey = z.string().regex(/^(metric:[a-zA-Z]+|kpi:[^|\s]{1,100}|sla:[^|\s]{1,100})$/, 'A value key is metric:…, kpi:… or sla:…');
export type ValueKey = z.infer<typeof ValueKey>;

export const VALUE_SOURCES = ['manual', 'csv', 'meeting'] as const;
export const ValueSource = z.enum(VALUE_SOURCES);
export type ValueSource = z.infer<typeof ValueSource>;

/** One value for one month. The id is `${key}|${period}`, so a period has at most one value per key. */
export const PeriodValue = z
  .object({
    id: z.string().min(1).max(220),
    key: ValueKey,
    period: PeriodMonth,
    value: z.number().finite().min(-MAX_VALUE).max(MAX_VALUE),
    source: ValueSource,
    updatedAt: IsoDate,
  })
  .refine((row) => row.id === valueId(row.key, row.period), { message: 'A value id is key|period', path: ['id'] });
export type PeriodValue = z.infer<typeof PeriodValue>;

export function valueId(key: string, period: string): string {
  return `${key}|${period}`;
}
