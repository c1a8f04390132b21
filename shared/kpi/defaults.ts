import { defaultsEn } from '../locales/defaults.en';
import { defaultsJa } from '../locales/defaults.ja';
import type { Language } from '../settings';
import { type Direction, type Formula, KpiDefinition, type KpiOwner, type KpiTemplate, type KpiUnit, KPI_TEMPLATES } from './records';

/**
 * The eight default KPIs of PRODUCT.md ("Shared KPIs"). Their names and descriptions are written
 * into the definitions (users rename KPIs), in the workspace's language, from the locale files'
 * `defaults.kpis` (read directly: shared code cannot use i18next).
 */

/** A default KPI's name and description in one language. */
export type KpiText = { name: string; description: string };

/** The parameters of a default KPI (all but id, text and timestamps). */
export type KpiTemplateSpec = { formula: Formula; unit: KpiUnit; direction: Direction; owner: KpiOwner; target: number | null };

/**
 * Default targets are typical B2B figures meant to be edited: 200 MQL a month (the default SLA's
 * volume), 30 % MQL→SQL, 50 % SQL→opportunity, 25 % win rate, first contact within 24 hours,
 * 90 % of SLA commitments met, the marketing pipeline in the workspace's usual currency, and
 * 100 % of the revenue target.
 */
const SPECS: Readonly<Record<Exclude<KpiTemplate, 'marketingPipeline'>, KpiTemplateSpec>> = {
  mqlCount: { formula: { type: 'metric', metric: 'mql' }, unit: 'count', direction: 'higher', owner: 'marketing', target: 200 },
  mqlToSql: { formula: { type: 'ratio', numerator: 'sql', denominator: 'mql' }, unit: 'percent', direction: 'higher', owner: 'joint', target: 30 },
  sqlToOpportunity: { formula: { type: 'ratio', numerator: 'opportunities', denominator: 'sql' }, unit: 'percent', direction: 'higher', owner: 'sales', target: 50 },
  winRate: { formula: { type: 'ratio', numerator: 'won', denominator: 'opportunitiesClosed' }, unit: 'percent', direction: 'higher', owner: 'sales', target: 25 },
  responseTime: { formula: { type: 'metric', metric: 'responseHours' }, unit: 'hours', direction: 'lower', owner: 'sales', target: 24 },
  slaAttainment: { formula: { type: 'slaAttainment' }, unit: 'percent', direction: 'higher', owner: 'joint', target: 90 },
  revenueVsTarget: { formula: { type: 'ratio', numerator: 'revenue', denominator: 'revenueTarget' }, unit: 'percent', direction: 'higher', owner: 'joint', target: 100 },
};

/** Marketing-sourced pipeline per month: ¥30,000,000 for a Japanese workspace, 300,000 (dollars, euros…) otherwise. */
const PIPELINE_TARGET: Readonly<Record<Language, number>> = { ja: 30_000_000, en: 300_000 };

/** The parameters of a default KPI; the pipeline target depends on the language (currency). */
export function kpiTemplateSpec(template: KpiTemplate, language: Language): KpiTemplateSpec {
  if (template === 'marketingPipeline') {
    return { formula: { type: 'metric', metric: 'marketingPipeline' }, unit: 'currency', direction: 'higher', owner: 'marketing', target: PIPELINE_TARGET[language] };
  }
  return SPECS[template];
}

/** A default KPI's name and description in `language`. */
export function defaultKpiText(template: KpiTemplate, language: Language): KpiText {
  return (language === 'ja' ? defaultsJa : defaultsEn).kpis[template];
}

/** One default KPI as a validated definition (order = its place among the defaults). */
export function defaultKpi(template: KpiTemplate, language: Language, now: string, newId: () => string): KpiDefinition {
  const spec = kpiTemplateSpec(template, language);
  const text = defaultKpiText(template, language);
  return KpiDefinition.parse({
    id: newId(),
    template,
    name: text.name,
    description: text.description,
    formula: structuredClone(spec.formula),
    unit: spec.unit,
    direction: spec.direction,
    target: spec.target,
    owner: spec.owner,
    period: 'month',
    order: KPI_TEMPLATES.indexOf(template),
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * The eight default KPIs of PRODUCT.md in `language`, ordered 0..7 (MQL count, MQL→SQL,
 * SQL→opportunity, win rate, response time, SLA attainment, marketing pipeline, revenue vs
 * target), monthly, created at `now` (ISO timestamp), ids from `newId`. Throws if `now` is not an
 * ISO timestamp.
 */
export function defaultKpis(language: Language, now: string, newId: () => string): KpiDefinition[] {
  return KPI_TEMPLATES.map((template) => defaultKpi(template, language, now, newId));
}
