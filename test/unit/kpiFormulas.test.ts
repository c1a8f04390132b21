import { describe, expect, it } from 'vitest';
import { evaluateKpi, kpiSeries, monthsOf, type KpiResult, type SlaContext, valueKeysOf } from '../../shared/kpi/formulas';
import { defaultKpis } from '../../shared/kpi/defaults';
import { type Formula, KpiDefinition, type KpiDefinitionInput, METRICS, type Metric } from '../../shared/kpi/records';
import { finiteLookup, lookupFrom, type ValueLookup } from '../../shared/kpi/values';
import { kpiStatus } from '../../shared/kpi/status';
import { type Commitment, createCommitment } from '../../shared/sla/commitments';
import { seededRandom } from '../fixtures/csv/generate';

const NOW = '2026-01-10T09:00:00.000Z';

function kpi(overrides: Partial<KpiDefinitionInput> & { formula: Formula }): KpiDefinition {
  return KpiDefinition.parse({ id: 'kpi1', name: 'KPI', unit: 'count', direction: 'higher', owner: 'joint', createdAt: NOW, updatedAt: NOW, ...overrides });
}

/** A lookup from { 'metric:mql': { '2026-01': 200 } }-shaped data. */
function table(data: Record<string, Record<string, number>>): ValueLookup {
  return lookupFrom(Object.entries(data).flatMap(([key, byPeriod]) => Object.entries(byPeriod).map(([period, value]) => ({ key, period, value }))));
}

const value = (v: number): KpiResult => ({ kind: 'value', value: v });

describe('values', () => {
  it('looks values up by key and period; the last duplicate wins; non-finite values are absent', () => {
    const lookup = lookupFrom([
      { key: 'metric:mql', period: '2026-01', value: 10 },
      { key: 'metric:mql', period: '2026-01', value: 12 },
      { key: 'metric:sql', period: '2026-01', value: Number.NaN },
      { key: 'metric:won', period: '2026-01', value: Number.POSITIVE_INFINITY },
    ]);
    expect(lookup('metric:mql', '2026-01')).toBe(12);
    expect(lookup('metric:mql', '2026-02')).toBeUndefined();
    expect(lookup('metric:sql', '2026-01')).toBeUndefined();
    expect(lookup('metric:won', '2026-01')).toBeUndefined();
    expect(finiteLookup(() => Number.NaN)('metric:mql', '2026-01')).toBeUndefined();
  });
});

describe('evaluateKpi: metric formulas', () => {
  const mql = kpi({ formula: { type: 'metric', metric: 'mql' } });
  const lookup = table({ 'metric:mql': { '2026-01': 180, '2026-02': 210, '2026-03': 0 } });

  it('reads the month’s value, including a real zero', () => {
    expect(evaluateKpi(mql, '2026-01', lookup, null)).toEqual(value(180));
    expect(evaluateKpi(mql, '2026-03', lookup, null)).toEqual(value(0));
  });

  it('reports the missing key when the month has no value', () => {
    expect(evaluateKpi(mql, '2026-04', lookup, null)).toEqual({ kind: 'noData', reason: 'missing', missing: ['metric:mql'] });
  });

  it('sums counts and amounts over a quarter', () => {
    const quarterly = kpi({ formula: { type: 'metric', metric: 'mql' }, period: 'quarter' });
    for (const month of ['2026-01', '2026-02', '2026-03']) expect(evaluateKpi(quarterly, month, lookup, null)).toEqual(value(390));
    expect(evaluateKpi(quarterly, '2026-04', lookup, null)).toEqual({ kind: 'noData', reason: 'missing', missing: ['metric:mql'] });
  });

  it('computes a quarter in progress to date (months without a value are left out)', () => {
    const quarterly = kpi({ formula: { type: 'metric', metric: 'revenue' }, unit: 'currency', period: 'quarter' });
    const partial = table({ 'metric:revenue': { '2026-04': 1_000_000, '2026-05': 500_000 } });
    expect(evaluateKpi(quarterly, '2026-06', partial, null)).toEqual(value(1_500_000));
  });

  it('averages the monthly medians of response hours over a quarter', () => {
    const response = kpi({ formula: { type: 'metric', metric: 'responseHours' }, unit: 'hours', direction: 'lower', period: 'quarter' });
    const hours = table({ 'metric:responseHours': { '2026-01': 10, '2026-02': 20, '2026-03': 36 } });
    expect(evaluateKpi(response, '2026-02', hours, null)).toEqual(value(22));
    const twoMonths = table({ 'metric:responseHours': { '2026-01': 10, '2026-03': 20 } });
    expect(evaluateKpi(response, '2026-02', twoMonths, null)).toEqual(value(15));
  });
});

describe('evaluateKpi: ratio formulas', () => {
  const mqlToSql = kpi({ formula: { type: 'ratio', numerator: 'sql', denominator: 'mql' }, unit: 'percent' });

  it('scales a ratio to percent (0–100) when the unit is percent', () => {
    expect(evaluateKpi(mqlToSql, '2026-01', table({ 'metric:sql': { '2026-01': 60 }, 'metric:mql': { '2026-01': 200 } }), null)).toEqual(value(30));
  });

  it('keeps a plain ratio when the unit is not percent', () => {
    const plain = kpi({ formula: { type: 'ratio', numerator: 'sql', denominator: 'mql' }, unit: 'count' });
    expect(evaluateKpi(plain, '2026-01', table({ 'metric:sql': { '2026-01': 60 }, 'metric:mql': { '2026-01': 200 } }), null)).toEqual(value(0.3));
  });

  it('returns divideByZero for x ÷ 0 and 0 ÷ 0, never Infinity or NaN', () => {
    const lookup = table({ 'metric:sql': { '2026-01': 60, '2026-02': 0 }, 'metric:mql': { '2026-01': 0, '2026-02': 0 } });
    expect(evaluateKpi(mqlToSql, '2026-01', lookup, null)).toEqual({ kind: 'noData', reason: 'divideByZero' });
    expect(evaluateKpi(mqlToSql, '2026-02', lookup, null)).toEqual({ kind: 'noData', reason: 'divideByZero' });
  });

  it('gives 0 % for 0 ÷ n', () => {
    expect(evaluateKpi(mqlToSql, '2026-01', table({ 'metric:sql': { '2026-01': 0 }, 'metric:mql': { '2026-01': 50 } }), null)).toEqual(value(0));
  });

  it('lists each missing input', () => {
    expect(evaluateKpi(mqlToSql, '2026-01', table({ 'metric:mql': { '2026-01': 10 } }), null)).toEqual({ kind: 'noData', reason: 'missing', missing: ['metric:sql'] });
    expect(evaluateKpi(mqlToSql, '2026-01', table({}), null)).toEqual({ kind: 'noData', reason: 'missing', missing: ['metric:sql', 'metric:mql'] });
  });

  it('recomputes a quarter ratio from the sums (not the mean of monthly ratios)', () => {
    const winRate = kpi({ formula: { type: 'ratio', numerator: 'won', denominator: 'opportunitiesClosed' }, unit: 'percent', period: 'quarter' });
    const lookup = table({
      'metric:won': { '2026-01': 1, '2026-02': 9, '2026-03': 0 },
      'metric:opportunitiesClosed': { '2026-01': 10, '2026-02': 10, '2026-03': 20 },
    });
    // Sums: 10 ÷ 40 = 25 % (the mean of 10 %, 90 %, 0 % would be 33.3 %).
    expect(evaluateKpi(winRate, '2026-03', lookup, null)).toEqual(value(25));
  });

  it('uses only quarter months that have both inputs', () => {
    const winRate = kpi({ formula: { type: 'ratio', numerator: 'won', denominator: 'opportunitiesClosed' }, unit: 'percent', period: 'quarter' });
    const lookup = table({
      'metric:won': { '2026-01': 2, '2026-02': 5 },
      'metric:opportunitiesClosed': { '2026-01': 10, '2026-03': 100 },
    });
    expect(evaluateKpi(winRate, '2026-02', lookup, null)).toEqual(value(20));
    const none = table({ 'metric:won': { '2026-01': 2 }, 'metric:opportunitiesClosed': { '2026-02': 10 } });
    const result = evaluateKpi(winRate, '2026-02', none, null);
    expect(result).toMatchObject({ kind: 'noData', reason: 'missing' });
    expect(result.kind === 'noData' && [...(result.missing ?? [])].sort()).toEqual(['metric:opportunitiesClosed', 'metric:won']);
  });

  it('quarter ratio with a zero denominator sum is divideByZero', () => {
    const q = kpi({ formula: { type: 'ratio', numerator: 'revenue', denominator: 'revenueTarget' }, unit: 'percent', period: 'quarter' });
    const lookup = table({ 'metric:revenue': { '2026-01': 5 }, 'metric:revenueTarget': { '2026-01': 0 } });
    expect(evaluateKpi(q, '2026-01', lookup, null)).toEqual({ kind: 'noData', reason: 'divideByZero' });
  });

  it('handles negative numbers as numbers', () => {
    const plain = kpi({ formula: { type: 'ratio', numerator: 'revenue', denominator: 'revenueTarget' }, unit: 'percent' });
    expect(evaluateKpi(plain, '2026-01', table({ 'metric:revenue': { '2026-01': -50 }, 'metric:revenueTarget': { '2026-01': 200 } }), null)).toEqual(value(-25));
  });

  it('returns no data instead of Infinity when a ratio overflows', () => {
    const plain = kpi({ formula: { type: 'ratio', numerator: 'revenue', denominator: 'revenueTarget' }, unit: 'percent' });
    const lookup: ValueLookup = (key) => (key === 'metric:revenue' ? 1e300 : 1e-300);
    expect(evaluateKpi(plain, '2026-01', lookup, null)).toEqual({ kind: 'noData', reason: 'divideByZero' });
  });
});

describe('evaluateKpi: manual KPIs', () => {
  const manual = kpi({ id: 'nps', formula: { type: 'manual' } });
  const lookup = table({ 'kpi:nps': { '2026-01': 40, '2026-03': 55 } });

  it('reads kpi:<id> for the month', () => {
    expect(evaluateKpi(manual, '2026-01', lookup, null)).toEqual(value(40));
    expect(evaluateKpi(manual, '2026-02', lookup, null)).toEqual({ kind: 'noData', reason: 'missing', missing: ['kpi:nps'] });
  });

  it('reads the value stored for the quarter’s last month for a quarter KPI', () => {
    const quarterly = kpi({ id: 'nps', formula: { type: 'manual' }, period: 'quarter' });
    expect(evaluateKpi(quarterly, '2026-01', lookup, null)).toEqual(value(55));
    expect(evaluateKpi(quarterly, '2026-04', lookup, null)).toEqual({ kind: 'noData', reason: 'missing', missing: ['kpi:nps'] });
  });
});

describe('evaluateKpi: SLA attainment', () => {
  const attainment = kpi({ formula: { type: 'slaAttainment' }, unit: 'percent' });
  let n = 0;
  const newId = () => `c${++n}`;
  const commitments: Commitment[] = [
    createCommitment('volume', { id: 'vol', count: 200 }, newId),
    createCommitment('firstContact', { id: 'fc', withinHours: 24 }, newId),
    createCommitment('quality', { id: 'qual', completenessPercent: 90 }, newId),
    createCommitment('feedback', { id: 'fb' }, newId),
  ];
  const sla: SlaContext = { commitments };

  it('is noSignedSla without a signed SLA', () => {
    expect(evaluateKpi(attainment, '2026-01', table({}), null)).toEqual({ kind: 'noData', reason: 'noSignedSla' });
  });

  it('is nothingMeasurable when no commitment has an actual', () => {
    expect(evaluateKpi(attainment, '2026-01', table({}), sla)).toEqual({ kind: 'noData', reason: 'nothingMeasurable' });
    expect(evaluateKpi(attainment, '2026-01', table({}), { commitments: [] })).toEqual({ kind: 'noData', reason: 'nothingMeasurable' });
  });

  it('is the share of measured commitments met, in percent', () => {
    const lookup = table({ 'metric:mql': { '2026-01': 210 }, 'metric:responseHours': { '2026-01': 30 }, 'sla:qual': { '2026-01': 95 } });
    // volume met, first contact missed, quality met; feedback not measurable.
    expect(evaluateKpi(attainment, '2026-01', lookup, sla)).toEqual(value((2 / 3) * 100));
    const onlyVolume = table({ 'metric:mql': { '2026-01': 150 } });
    expect(evaluateKpi(attainment, '2026-01', onlyVolume, sla)).toEqual(value(0));
  });

  it('pools the quarter’s months', () => {
    const quarterly = kpi({ formula: { type: 'slaAttainment' }, unit: 'percent', period: 'quarter' });
    const lookup = table({ 'metric:mql': { '2026-01': 210, '2026-02': 100, '2026-03': 250 }, 'metric:responseHours': { '2026-03': 12 } });
    expect(evaluateKpi(quarterly, '2026-02', lookup, sla)).toEqual(value(75));
  });

  it('lists the commitments’ value keys', () => {
    expect(valueKeysOf(attainment, sla)).toEqual(['metric:mql', 'metric:responseHours', 'sla:qual']);
    expect(valueKeysOf(attainment)).toEqual([]);
  });
});

describe('valueKeysOf, monthsOf and kpiSeries', () => {
  it('lists the keys a KPI reads', () => {
    expect(valueKeysOf(kpi({ formula: { type: 'metric', metric: 'mql' } }))).toEqual(['metric:mql']);
    expect(valueKeysOf(kpi({ formula: { type: 'ratio', numerator: 'sql', denominator: 'mql' } }))).toEqual(['metric:sql', 'metric:mql']);
    expect(valueKeysOf(kpi({ formula: { type: 'ratio', numerator: 'sql', denominator: 'sql' } }))).toEqual(['metric:sql']);
    expect(valueKeysOf(kpi({ id: 'x1', formula: { type: 'manual' } }))).toEqual(['kpi:x1']);
  });

  it('gives the months behind a period', () => {
    expect(monthsOf({ period: 'month' }, '2026-05')).toEqual(['2026-05']);
    expect(monthsOf({ period: 'quarter' }, '2026-05')).toEqual(['2026-04', '2026-05', '2026-06']);
  });

  it('evaluates a series in order', () => {
    const mql = kpi({ formula: { type: 'metric', metric: 'mql' } });
    const lookup = table({ 'metric:mql': { '2026-01': 1, '2026-03': 3 } });
    expect(kpiSeries(mql, ['2026-01', '2026-02', '2026-03'], lookup, null)).toEqual([
      value(1),
      { kind: 'noData', reason: 'missing', missing: ['metric:mql'] },
      value(3),
    ]);
  });
});

describe('property: no KPI result or status is ever NaN or Infinity', () => {
  const awkward = [0, -0, 1, -1, 0.1, 1e-300, -1e-300, 1e15, -1e15, 1e300, Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

  it('holds for 2,000 random KPIs over random (often absent, zero or extreme) values', () => {
    const next = seededRandom(20260101);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
    const commitments: Commitment[] = [
      createCommitment('volume', { id: 'v', count: 90, period: 'quarter' }),
      createCommitment('firstContact', { id: 'f' }),
      createCommitment('attempts', { id: 'a' }),
      createCommitment('recycle', { id: 'r' }),
      createCommitment('reviewCadence', { id: 'w' }),
    ];
    const keys = [...METRICS.map((metric) => `metric:${metric}`), 'kpi:kpi1', 'sla:a', 'sla:r'];
    let values = 0;
    const failures: string[] = [];
    for (let round = 0; round < 2_000; round++) {
      const stored = new Map<string, number>();
      for (const key of keys) {
        for (const month of months) {
          const roll = next();
          if (roll < 0.3) continue;
          stored.set(`${key}|${month}`, roll < 0.6 ? pick(awkward) : (next() - 0.3) * 10 ** Math.floor(next() * 10));
        }
      }
      const lookup: ValueLookup = (key, period) => stored.get(`${key}|${period}`);
      const formulas: Formula[] = [
        { type: 'metric', metric: pick(METRICS) },
        { type: 'ratio', numerator: pick(METRICS), denominator: pick(METRICS) as Metric },
        { type: 'manual' },
        { type: 'slaAttainment' },
      ];
      const definition = kpi({
        formula: pick(formulas),
        unit: pick(['count', 'percent', 'hours', 'currency'] as const),
        direction: pick(['higher', 'lower'] as const),
        period: pick(['month', 'quarter'] as const),
        target: pick([null, 0, -5, 30, 1e15, -1e15, 0.5]),
      });
      const sla = pick<SlaContext>([null, { commitments }]);
      for (const result of kpiSeries(definition, months, lookup, sla)) {
        if (result.kind === 'value') values++;
        const bad =
          (result.kind === 'value' && !Number.isFinite(result.value)) ||
          (result.kind === 'noData' && !['missing', 'divideByZero', 'noSignedSla', 'nothingMeasurable'].includes(result.reason)) ||
          !['onTrack', 'atRisk', 'offTrack', 'noData'].includes(kpiStatus(definition, result).status);
        if (bad) failures.push(JSON.stringify({ round, definition, result }));
      }
    }
    expect(failures).toEqual([]);
    // The generator must exercise real values too, not only "no data".
    expect(values).toBeGreaterThan(1_000);
  });

  it('holds for the default KPIs over every month of a random year', () => {
    const next = seededRandom(7);
    const stored = new Map<string, number>();
    const lookup: ValueLookup = (key, period) => stored.get(`${key}|${period}`);
    const results: number[] = [];
    for (const kpiDefinition of defaultKpis('ja', NOW, () => `id${next()}`)) {
      for (let month = 1; month <= 12; month++) {
        const period = `2026-${String(month).padStart(2, '0')}`;
        for (const metric of METRICS) stored.set(`metric:${metric}|${period}`, Math.floor(next() * 3) === 0 ? 0 : Math.round(next() * 1000));
        const result = evaluateKpi(kpiDefinition, period, lookup, null);
        if (result.kind === 'value') results.push(result.value);
      }
    }
    expect(results.length).toBeGreaterThan(40);
    expect(results.filter((item) => !Number.isFinite(item))).toEqual([]);
  });
});
