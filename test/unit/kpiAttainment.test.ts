import { describe, expect, it } from 'vitest';
import { attainmentRule, attainmentShare, meets, slaAttainment } from '../../shared/kpi/attainment';
import { lookupFrom, type ValueLookup } from '../../shared/kpi/values';
import { COMMITMENT_KINDS, type Commitment, createCommitment, defaultCommitments } from '../../shared/sla/commitments';

const PERIODS = ['2026-01', '2026-02', '2026-03'];

function table(data: Record<string, Record<string, number>>): ValueLookup {
  return lookupFrom(Object.entries(data).flatMap(([key, byPeriod]) => Object.entries(byPeriod).map(([period, value]) => ({ key, period, value }))));
}

function one(commitment: Commitment, lookup: ValueLookup, periods = PERIODS) {
  const [result] = slaAttainment([commitment], periods, lookup);
  return result!;
}

describe('slaAttainment: one case per commitment kind', () => {
  it('volume (per month): metric:mql ≥ count', () => {
    const result = one(createCommitment('volume', { id: 'v', count: 200 }), table({ 'metric:mql': { '2026-01': 210, '2026-02': 200, '2026-03': 199 } }));
    expect(result).toMatchObject({ commitmentId: 'v', kind: 'volume', owner: 'marketing', measurable: true, key: 'metric:mql', comparator: 'atLeast', unit: 'count' });
    expect(result.rows).toEqual([
      { period: '2026-01', committed: 200, actual: 210, met: true },
      { period: '2026-02', committed: 200, actual: 200, met: true },
      { period: '2026-03', committed: 200, actual: 199, met: false },
    ]);
    expect(result).toMatchObject({ periodsMeasured: 3, periodsMet: 2 });
    expect(result.percentMet).toBeCloseTo(66.667, 3);
  });

  it('volume (per quarter): the count is converted to a month (÷ 3, not rounded)', () => {
    const result = one(createCommitment('volume', { id: 'v', count: 100, period: 'quarter' }), table({ 'metric:mql': { '2026-01': 33, '2026-02': 34 } }));
    expect(result.rows.map((row) => row.committed)).toEqual([100 / 3, 100 / 3, 100 / 3]);
    expect(result.rows.map((row) => row.met)).toEqual([false, true, null]);
    expect(result).toMatchObject({ periodsMeasured: 2, periodsMet: 1, percentMet: 50 });
  });

  it('volume on a stage: reads the stage’s metric when the funnel’s stages are given', () => {
    const commitment = createCommitment('volume', { id: 'v', count: 50, stageId: 'st-sql' });
    const lookup = table({ 'metric:mql': { '2026-01': 500 }, 'metric:sql': { '2026-01': 40 }, 'sla:v': { '2026-01': 60 } });
    const stages = [
      { id: 'st-mql', key: 'mql' as const },
      { id: 'st-sql', key: 'sql' as const },
      { id: 'st-custom', key: null },
    ];
    const [onSql] = slaAttainment([commitment], ['2026-01'], lookup, { stages });
    expect(onSql).toMatchObject({ key: 'metric:sql', rows: [{ actual: 40, met: false }] });
    const [onCustom] = slaAttainment([{ ...commitment, stageId: 'st-custom' }], ['2026-01'], lookup, { stages });
    expect(onCustom).toMatchObject({ key: 'sla:v', rows: [{ actual: 60, met: true }] });
    // Without the stages the volume commitment is the MQL volume (PRODUCT.md).
    expect(one(commitment, lookup, ['2026-01']).key).toBe('metric:mql');
  });

  it('firstContact: metric:responseHours ≤ withinHours', () => {
    const result = one(createCommitment('firstContact', { id: 'f', withinHours: 24 }), table({ 'metric:responseHours': { '2026-01': 12, '2026-02': 24, '2026-03': 30.5 } }));
    expect(result).toMatchObject({ owner: 'sales', key: 'metric:responseHours', comparator: 'atMost', unit: 'hours', periodsMeasured: 3, periodsMet: 2 });
    expect(result.rows.map((row) => row.met)).toEqual([true, true, false]);
  });

  it('quality: sla:<id> percent complete ≥ completenessPercent', () => {
    const result = one(createCommitment('quality', { id: 'q', completenessPercent: 90 }), table({ 'sla:q': { '2026-01': 92.5, '2026-03': 80 } }));
    expect(result).toMatchObject({ key: 'sla:q', comparator: 'atLeast', unit: 'percent', periodsMeasured: 2, periodsMet: 1, percentMet: 50 });
    expect(result.rows[1]).toEqual({ period: '2026-02', committed: 90, actual: null, met: null });
  });

  it('attempts: sla:<id> attempts ≥ committed attempts', () => {
    const result = one(createCommitment('attempts', { id: 'a', attempts: 6, days: 14 }), table({ 'sla:a': { '2026-01': 6, '2026-02': 4.5 } }));
    expect(result).toMatchObject({ key: 'sla:a', comparator: 'atLeast', unit: 'attempts', periodsMeasured: 2, periodsMet: 1 });
  });

  it('acceptReject: sla:<id> hours ≤ withinHours', () => {
    const result = one(createCommitment('acceptReject', { id: 'r', withinHours: 8 }), table({ 'sla:r': { '2026-01': 7, '2026-02': 9, '2026-03': 8 } }));
    expect(result).toMatchObject({ key: 'sla:r', comparator: 'atMost', unit: 'hours', periodsMeasured: 3, periodsMet: 2 });
  });

  it('recycle: sla:<id> nurture days ≥ nurtureDays', () => {
    const result = one(createCommitment('recycle', { id: 'y', nurtureDays: 90 }), table({ 'sla:y': { '2026-02': 120 } }));
    expect(result).toMatchObject({ key: 'sla:y', comparator: 'atLeast', unit: 'days', periodsMeasured: 1, periodsMet: 1, percentMet: 100 });
  });

  it.each(['feedback', 'reviewCadence'] as const)('%s: nothing numeric → not measured, percentMet null', (kind) => {
    const commitment = createCommitment(kind, { id: 'x' });
    const result = one(commitment, table({ 'sla:x': { '2026-01': 1 } }));
    expect(result).toMatchObject({ kind, measurable: false, key: null, comparator: null, unit: null, periodsMeasured: 0, periodsMet: 0, percentMet: null });
    expect(result.rows).toEqual(PERIODS.map((period) => ({ period, committed: null, actual: null, met: null })));
    expect(attainmentRule(commitment)).toBeNull();
  });

  it('covers every commitment kind', () => {
    const measurable = COMMITMENT_KINDS.filter((kind) => attainmentRule(createCommitment(kind, { id: kind })) !== null);
    expect(measurable).toEqual(['volume', 'quality', 'firstContact', 'attempts', 'acceptReject', 'recycle']);
  });
});

describe('slaAttainment: no data and edge cases', () => {
  it('nothing measured → periodsMeasured 0 and percentMet null, never NaN', () => {
    const results = slaAttainment(defaultCommitments({ newId: (() => { let n = 0; return () => `c${++n}`; })() }), PERIODS, table({}));
    for (const result of results) {
      expect(result.periodsMeasured).toBe(0);
      expect(result.percentMet).toBeNull();
      expect(result.rows.every((row) => row.met === null && row.actual === null)).toBe(true);
    }
  });

  it('ignores non-finite actuals', () => {
    const lookup: ValueLookup = () => Number.NaN;
    const result = one(createCommitment('volume', { id: 'v' }), lookup);
    expect(result).toMatchObject({ periodsMeasured: 0, percentMet: null });
  });

  it('uses the natural owner while a commitment is unassigned, and keeps the input order', () => {
    const results = slaAttainment(
      [createCommitment('firstContact', { id: 'f', owner: null }), createCommitment('volume', { id: 'v', owner: 'sales' })],
      PERIODS,
      table({}),
    );
    expect(results.map((result) => [result.commitmentId, result.owner])).toEqual([
      ['f', 'sales'],
      ['v', 'sales'],
    ]);
  });

  it('returns empty rows for no periods', () => {
    expect(one(createCommitment('volume', { id: 'v' }), table({}), []).rows).toEqual([]);
  });

  it('meets: equal meets in both directions', () => {
    expect(meets('atLeast', 5, 5)).toBe(true);
    expect(meets('atMost', 5, 5)).toBe(true);
    expect(meets('atLeast', 4, 5)).toBe(false);
    expect(meets('atMost', 6, 5)).toBe(false);
  });
});

describe('attainmentShare', () => {
  const commitments = [
    createCommitment('volume', { id: 'v', count: 200 }),
    createCommitment('firstContact', { id: 'f', withinHours: 24 }),
    createCommitment('quality', { id: 'q', completenessPercent: 90 }),
    createCommitment('feedback', { id: 'b' }),
  ];

  it('counts measured commitments and those met in one month', () => {
    const lookup = table({ 'metric:mql': { '2026-01': 250 }, 'metric:responseHours': { '2026-01': 30 }, 'sla:b': { '2026-01': 1 } });
    expect(attainmentShare(commitments, '2026-01', lookup)).toEqual({ met: 1, measured: 2 });
    expect(attainmentShare(commitments, '2026-02', lookup)).toEqual({ met: 0, measured: 0 });
    expect(attainmentShare([], '2026-01', lookup)).toEqual({ met: 0, measured: 0 });
  });

  it('agrees with slaAttainment month by month', () => {
    const lookup = table({
      'metric:mql': { '2026-01': 250, '2026-02': 100 },
      'metric:responseHours': { '2026-02': 10, '2026-03': 40 },
      'sla:q': { '2026-01': 95, '2026-03': 95 },
    });
    const detail = slaAttainment(commitments, PERIODS, lookup);
    for (const [index, period] of PERIODS.entries()) {
      const rows = detail.map((item) => item.rows[index]!);
      expect(attainmentShare(commitments, period, lookup)).toEqual({
        met: rows.filter((row) => row.met === true).length,
        measured: rows.filter((row) => row.met !== null).length,
      });
    }
  });
});
