import type { Language } from '../settings';
import { type Direction, type Formula, KpiDefinition, type KpiOwner, type KpiTemplate, type KpiUnit, KPI_TEMPLATES } from './records';

/**
 * The eight default KPIs of PRODUCT.md ("Shared KPIs"), with names and descriptions in Japanese
 * and English. Shared code cannot use i18next, and the text is stored in the definition (users
 * rename KPIs), so the table lives here; the UI's locale files only hold UI strings.
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

/** Names and descriptions of the default KPIs. */
export const DEFAULT_KPI_TEXT: Readonly<Record<KpiTemplate, Readonly<Record<Language, KpiText>>>> = {
  mqlCount: {
    ja: { name: 'MQL数', description: 'マーケティングが営業に引き渡した、基準を満たす見込み客（MQL）の月間件数。' },
    en: { name: 'MQL count', description: 'Marketing-qualified leads handed to sales in the period.' },
  },
  mqlToSql: {
    ja: { name: 'MQL→SQL転換率', description: 'SQL数 ÷ MQL数。営業が商談化を見込めると判断したリードの割合。' },
    en: { name: 'MQL → SQL conversion', description: 'SQL ÷ MQL: the share of marketing-qualified leads that sales qualifies.' },
  },
  sqlToOpportunity: {
    ja: { name: 'SQL→商談化率', description: '商談数 ÷ SQL数。営業が受け入れたリードのうち商談になった割合。' },
    en: { name: 'SQL → opportunity conversion', description: 'Opportunities ÷ SQL: the share of sales-qualified leads that become opportunities.' },
  },
  winRate: {
    ja: { name: '受注率', description: '受注数 ÷ 完了した商談数（受注＋失注）。' },
    en: { name: 'Win rate', description: 'Won ÷ opportunities closed (won + lost).' },
  },
  responseTime: {
    ja: { name: '初回対応時間', description: 'MQLの引き渡しから営業の初回接触までの時間（中央値、時間）。' },
    en: { name: 'Lead response time', description: 'Median hours from MQL hand-off to the first sales contact.' },
  },
  slaAttainment: {
    ja: { name: 'SLA達成率', description: '署名済みSLAのうち、測定できたコミットメントが守られた割合。' },
    en: { name: 'SLA attainment', description: 'Share of the signed SLA’s measured commitments that were met.' },
  },
  marketingPipeline: {
    ja: { name: 'マーケティング起点パイプライン', description: 'マーケティング施策から生まれた商談の金額合計。' },
    en: { name: 'Marketing-sourced pipeline', description: 'Total amount of opportunities that came from marketing.' },
  },
  revenueVsTarget: {
    ja: { name: '売上目標達成率', description: '売上 ÷ 売上目標。' },
    en: { name: 'Revenue vs target', description: 'Revenue ÷ revenue target.' },
  },
};

/** A default KPI's name and description in `language`. */
export function defaultKpiText(template: KpiTemplate, language: Language): KpiText {
  return DEFAULT_KPI_TEXT[template][language];
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
