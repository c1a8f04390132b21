import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { defaultKpis, defaultKpiText } from '../../shared/kpi/defaults';
import { en as enMessages } from '../../shared/locales/en';
import { ja as jaMessages } from '../../shared/locales/ja';
import { KPI_TEMPLATES, KpiDefinition } from '../../shared/kpi/records';

const NOW = '2026-01-10T09:00:00.000Z';
function counter(): () => string {
  let n = 0;
  return () => `k${++n}`;
}

describe('default KPIs', () => {
  it.each(['ja', 'en'] as const)('builds the eight PRODUCT.md KPIs in %s, valid and ordered 0..7', (language) => {
    const kpis = defaultKpis(language, NOW, counter());
    expect(kpis.map((kpi) => kpi.template)).toEqual([...KPI_TEMPLATES]);
    expect(kpis.map((kpi) => kpi.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(kpis.map((kpi) => kpi.id)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8']);
    for (const kpi of kpis) {
      expect(KpiDefinition.parse(kpi)).toEqual(kpi);
      expect(kpi.name).toBe({ ja: jaMessages, en: enMessages }[language].defaults.kpis[kpi.template!].name);
      expect(kpi.description).toBe({ ja: jaMessages, en: enMessages }[language].defaults.kpis[kpi.template!].description);
      expect(kpi.createdAt).toBe(NOW);
      expect(kpi.updatedAt).toBe(NOW);
      expect(kpi.period).toBe('month');
      expect(kpi.target === null || Number.isFinite(kpi.target)).toBe(true);
    }
  });

  it('has the formulas, units, directions and owners of the contract', () => {
    const byTemplate: Record<string, KpiDefinition> = Object.fromEntries(defaultKpis('en', NOW, counter()).map((kpi) => [kpi.template, kpi]));
    const summary = Object.fromEntries(
      Object.entries(byTemplate).map(([template, kpi]) => [template, [kpi.formula, kpi.unit, kpi.direction, kpi.owner]]),
    );
    expect(summary).toEqual({
      mqlCount: [{ type: 'metric', metric: 'mql' }, 'count', 'higher', 'marketing'],
      mqlToSql: [{ type: 'ratio', numerator: 'sql', denominator: 'mql' }, 'percent', 'higher', 'joint'],
      sqlToOpportunity: [{ type: 'ratio', numerator: 'opportunities', denominator: 'sql' }, 'percent', 'higher', 'sales'],
      winRate: [{ type: 'ratio', numerator: 'won', denominator: 'opportunitiesClosed' }, 'percent', 'higher', 'sales'],
      responseTime: [{ type: 'metric', metric: 'responseHours' }, 'hours', 'lower', 'sales'],
      slaAttainment: [{ type: 'slaAttainment' }, 'percent', 'higher', 'joint'],
      marketingPipeline: [{ type: 'metric', metric: 'marketingPipeline' }, 'currency', 'higher', 'marketing'],
      revenueVsTarget: [{ type: 'ratio', numerator: 'revenue', denominator: 'revenueTarget' }, 'percent', 'higher', 'joint'],
    });
    expect(byTemplate.mqlCount!.target).toBe(200);
    expect(byTemplate.responseTime!.target).toBe(24);
    expect(byTemplate.revenueVsTarget!.target).toBe(100);
  });

  it('sets percent targets within 0–100 and a pipeline target in the language’s usual currency', () => {
    const ja = defaultKpis('ja', NOW, counter());
    const en = defaultKpis('en', NOW, counter());
    for (const kpi of [...ja, ...en].filter((item) => item.unit === 'percent')) {
      expect(kpi.target).toBeGreaterThan(0);
      expect(kpi.target).toBeLessThanOrEqual(100);
    }
    expect(ja.find((kpi) => kpi.template === 'marketingPipeline')!.target).toBe(30_000_000);
    expect(en.find((kpi) => kpi.template === 'marketingPipeline')!.target).toBe(300_000);
  });

  it('has a Japanese and an English name and description for every template, distinct per language', () => {
    for (const template of KPI_TEMPLATES) {
      const ja = defaultKpiText(template, 'ja');
      const en = defaultKpiText(template, 'en');
      expect(ja.name.trim()).not.toBe('');
      expect(en.name.trim()).not.toBe('');
      expect(ja.description.trim()).not.toBe('');
      expect(en.description.trim()).not.toBe('');
      expect(ja.description).not.toBe(en.description);
    }
    expect(defaultKpiText('winRate', 'ja').name).toBe('受注率');
    expect(new Set(KPI_TEMPLATES.map((template) => defaultKpiText(template, 'ja').name)).size).toBe(8);
  });

  it('returns fresh formula objects (editing one workspace’s KPI cannot change the defaults)', () => {
    const first = defaultKpis('en', NOW, counter());
    const formula = first[0]!.formula as { type: 'metric'; metric: string };
    formula.metric = 'sql';
    expect(defaultKpis('en', NOW, counter())[0]!.formula).toEqual({ type: 'metric', metric: 'mql' });
  });

  it('rejects a timestamp that is not ISO', () => {
    expect(() => defaultKpis('en', 'yesterday', counter())).toThrow(ZodError);
  });
});
