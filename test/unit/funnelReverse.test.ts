import { describe, expect, it } from 'vitest';
import {
  ceilTolerant,
  rateProblemCode,
  requirementOf,
  reverseFunnel,
  type ReverseFunnelResult,
  type ReverseFunnelStage,
} from '../../shared/funnel/reverseFunnel';
import { createDefaultStages, mainStages, type Stage, updateStage } from '../../shared/funnel/stages';

function defaults(): Stage[] {
  let n = 0;
  return createDefaultStages({ language: 'en', newId: () => `s${++n}` });
}

function expectOk(result: ReverseFunnelResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result;
}

function expectProblems(result: ReverseFunnelResult) {
  if (result.ok) throw new Error('expected problems, got ok');
  return result.problems;
}

const requiredBy = (result: ReverseFunnelResult): Record<string, number | null> =>
  Object.fromEntries(expectOk(result).stages.map((row) => [row.stageId, row.required]));

/** Every number anywhere in a value is finite (no NaN or Infinity leaks out). */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

const chain = (...rates: (number | null | undefined)[]): ReverseFunnelStage[] => [
  ...rates.map((conversionRate, i) => ({ id: `c${i}`, conversionRate })),
  { id: 'won', key: 'won' as const, conversionRate: null },
];

describe('reverseFunnel: a realistic plan (PRODUCT.md)', () => {
  // Default rates: prospect→lead 10 %, lead→MQL 25 %, MQL→SAL 70 %, SAL→SQL 50 %, SQL→opp 60 %, opp→won 25 %.
  it('works ¥36M/month at ¥3M per deal back to 229 MQL a month (≥ 200)', () => {
    const result = expectOk(reverseFunnel({ revenueTarget: 36_000_000, averageDealSize: 3_000_000, period: 'month' }, defaults()));
    expect(result.deals).toBe(12);
    expect(result.dealStageId).toBe('s7');
    expect(result.period).toBe('month');
    // won 12 ← opp 12/0.25 = 48 ← SQL 48/0.6 = 80 ← SAL 80/0.5 = 160 ← MQL ceil(160/0.7 = 228.57) = 229
    // ← leads 229/0.25 = 916 ← prospects 916/0.1 = 9160
    expect(requiredBy(result)).toEqual({ s1: 9160, s2: 916, s3: 229, s4: 160, s5: 80, s6: 48, s7: 12 });
    expect(requiredBy(result).s3).toBeGreaterThanOrEqual(200);
  });

  it('lists main-path stages only, in order, with the rate used for each step', () => {
    const result = expectOk(reverseFunnel({ revenueTarget: 36_000_000, averageDealSize: 3_000_000 }, defaults()));
    expect(result.stages.map((row) => row.stageId)).toEqual(mainStages(defaults()).map((s) => s.id));
    expect(result.stages.map((row) => row.rate)).toEqual([0.1, 0.25, 0.7, 0.5, 0.6, 0.25, null]);
  });

  it('reports each stage target against what is required (gap = target − required)', () => {
    let stages = defaults();
    stages = updateStage(stages, 's3', { targetVolume: 200 }) as Stage[]; // 200 MQL/month: 29 short
    stages = updateStage(stages, 's6', { targetVolume: 150, period: 'quarter' }) as Stage[]; // 50 opp/month: 2 spare
    const result = expectOk(reverseFunnel({ revenueTarget: 36_000_000, averageDealSize: 3_000_000, period: 'month' }, stages));
    expect(requirementOf(result, 's3')).toMatchObject({ target: 200, targetPeriod: 'month', targetInPeriod: 200, required: 229, gap: -29 });
    expect(requirementOf(result, 's6')).toMatchObject({ target: 150, targetPeriod: 'quarter', targetInPeriod: 50, required: 48, gap: 2 });
    expect(requirementOf(result, 's1')).toMatchObject({ target: null, targetInPeriod: null, gap: null });
  });

  it('converts monthly targets into a quarterly plan', () => {
    const stages = updateStage(defaults(), 's3', { targetVolume: 250 }) as Stage[];
    const result = expectOk(reverseFunnel({ revenueTarget: 108_000_000, averageDealSize: 3_000_000, period: 'quarter' }, stages));
    expect(result.deals).toBe(36);
    expect(requirementOf(result, 's3')).toMatchObject({ targetInPeriod: 750, required: 686, gap: 64 });
  });
});

describe('reverseFunnel: rounding', () => {
  it('rounds up at every step so each stage feeds the next one whole (documented choice)', () => {
    // 1 deal; 30 % opp→won needs ceil(3.33) = 4 opportunities; 50 % SQL→opp needs 8 SQL.
    // Rounding only at the end would say ceil(1 / 0.15) = 7 SQL, and 7 × 50 % = 3.5 < 4 opportunities.
    const result = expectOk(reverseFunnel({ revenueTarget: 1, averageDealSize: 1 }, chain(0.5, 0.3)));
    expect(requiredBy(result)).toEqual({ c0: 8, c1: 4, won: 1 });
    expect(Math.ceil(1 / (0.5 * 0.3))).toBe(7);
  });

  it('keeps required × rate ≥ next required on every link', () => {
    const rates = [0.13, 0.37, 0.71, 0.29, 0.55, 0.9, 0.05];
    const result = expectOk(reverseFunnel({ revenueTarget: 987_654, averageDealSize: 12_345 }, chain(...rates)));
    const required = result.stages.map((row) => row.required as number);
    for (let i = 0; i < rates.length; i++) {
      expect(required[i]! * rates[i]!).toBeGreaterThanOrEqual(required[i + 1]! - 1e-9);
      expect(Number.isInteger(required[i])).toBe(true);
      // and never more than one record above the exact need of that step
      expect(required[i]! - required[i + 1]! / rates[i]!).toBeLessThan(1);
    }
  });

  it('does not add a record for floating-point noise (21 ÷ 0.7 = 30.000000000000004)', () => {
    expect(21 / 0.7).toBeGreaterThan(30);
    expect(requiredBy(reverseFunnel({ revenueTarget: 21, averageDealSize: 1 }, chain(0.7)))).toEqual({ c0: 30, won: 21 });
    // 0.3 / 0.1 = 2.9999999999999996 deals is 3
    expect(expectOk(reverseFunnel({ revenueTarget: 0.3, averageDealSize: 0.1 }, chain())).deals).toBe(3);
  });

  it('rounds the number of deals up, and needs at least one deal for any positive target', () => {
    expect(expectOk(reverseFunnel({ revenueTarget: 10_000_001, averageDealSize: 1_000_000 }, chain())).deals).toBe(11);
    expect(expectOk(reverseFunnel({ revenueTarget: 100, averageDealSize: 1_000_000 }, chain())).deals).toBe(1);
    expect(expectOk(reverseFunnel({ revenueTarget: 1, averageDealSize: 1e300 }, chain())).deals).toBe(1);
  });

  it('treats a rate of 1 (100 %) as passing every record on', () => {
    expect(requiredBy(reverseFunnel({ revenueTarget: 5, averageDealSize: 1 }, chain(1, 1)))).toEqual({ c0: 5, c1: 5, won: 5 });
  });
});

describe('ceilTolerant', () => {
  it.each([
    [0, 0],
    [5, 5],
    [2.9999999999999996, 3],
    [30.000000000000004, 30],
    [30.1, 31],
    [30.000001, 31],
    [0.4, 1],
    [1e12 + 0.4, 1e12 + 1],
    [228.57142857142858, 229],
  ])('ceilTolerant(%d) = %d', (input, expected) => {
    expect(ceilTolerant(input)).toBe(expected);
  });
});

describe('reverseFunnel: problems instead of NaN or Infinity', () => {
  const funnel = defaults();

  it.each([
    [null, 'revenue-missing'],
    [undefined, 'revenue-missing'],
    [Number.NaN, 'revenue-not-finite'],
    [Number.POSITIVE_INFINITY, 'revenue-not-finite'],
    [Number.NEGATIVE_INFINITY, 'revenue-not-finite'],
    [0, 'revenue-not-positive'],
    [-0, 'revenue-not-positive'],
    [-1_000_000, 'revenue-not-positive'],
    ['1000' as unknown as number, 'revenue-not-finite'],
  ])('revenue target %s → %s', (revenueTarget, code) => {
    expect(expectProblems(reverseFunnel({ revenueTarget, averageDealSize: 1_000 }, funnel))).toEqual([{ code, field: 'revenueTarget', stageId: null }]);
  });

  it.each([
    [null, 'deal-size-missing'],
    [undefined, 'deal-size-missing'],
    [Number.NaN, 'deal-size-not-finite'],
    [Number.POSITIVE_INFINITY, 'deal-size-not-finite'],
    [0, 'deal-size-not-positive'],
    [-5, 'deal-size-not-positive'],
  ])('average deal size %s → %s', (averageDealSize, code) => {
    expect(expectProblems(reverseFunnel({ revenueTarget: 1_000, averageDealSize }, funnel))).toEqual([{ code, field: 'averageDealSize', stageId: null }]);
  });

  it.each([
    [null, 'rate-missing'],
    [undefined, 'rate-missing'],
    [Number.NaN, 'rate-not-finite'],
    [Number.POSITIVE_INFINITY, 'rate-not-finite'],
    [Number.NEGATIVE_INFINITY, 'rate-not-finite'],
    [0, 'rate-zero'],
    [-0, 'rate-zero'],
    [-0.2, 'rate-negative'],
    [1.0000001, 'rate-above-one'],
    [1.5, 'rate-above-one'],
    [50, 'rate-above-one'],
  ])('conversion rate %s → %s, naming the stage', (rate, code) => {
    const bad: ReverseFunnelStage[] = [
      { id: 'a', conversionRate: 0.5 },
      { id: 'b', conversionRate: rate },
      { id: 'c', conversionRate: 0.5 },
      { id: 'won', key: 'won', conversionRate: null },
    ];
    expect(expectProblems(reverseFunnel({ revenueTarget: 1_000, averageDealSize: 10 }, bad))).toEqual([{ code, field: 'conversionRate', stageId: 'b' }]);
    expect(rateProblemCode(rate)).toBe(code);
  });

  it('accepts rates in (0, 1]', () => {
    for (const rate of [Number.MIN_VALUE, 0.01, 0.5, 1]) expect(rateProblemCode(rate)).toBeNull();
  });

  it('lists every problem at once, inputs first then stages in order', () => {
    const problems = expectProblems(
      reverseFunnel({ revenueTarget: null, averageDealSize: -1 }, [
        { id: 'a', conversionRate: 0 },
        { id: 'b', conversionRate: 0.5 },
        { id: 'c', conversionRate: null },
        { id: 'won', key: 'won' },
      ]),
    );
    expect(problems.map((p) => [p.code, p.stageId])).toEqual([
      ['revenue-missing', null],
      ['deal-size-not-positive', null],
      ['rate-zero', 'a'],
      ['rate-missing', 'c'],
    ]);
  });

  it('reports a funnel without main-path stages', () => {
    expect(expectProblems(reverseFunnel({ revenueTarget: 1, averageDealSize: 1 }, []))).toEqual([{ code: 'no-stages', field: 'stages', stageId: null }]);
    const outcomesOnly: ReverseFunnelStage[] = [{ id: 'lost', kind: 'outcome' }];
    expect(expectProblems(reverseFunnel({ revenueTarget: 1, averageDealSize: 1 }, outcomesOnly))[0]?.code).toBe('no-stages');
  });

  it('reports volumes too large to count instead of overflowing', () => {
    expect(expectProblems(reverseFunnel({ revenueTarget: 1e300, averageDealSize: 1 }, chain(0.5)))).toEqual([
      { code: 'too-large', field: 'requiredVolume', stageId: 'won' },
    ]);
    expect(expectProblems(reverseFunnel({ revenueTarget: 1e308, averageDealSize: 1e-308 }, chain()))[0]?.code).toBe('too-large');
    expect(expectProblems(reverseFunnel({ revenueTarget: 1e12, averageDealSize: 1 }, chain(1e-6, 0.5)))).toEqual([
      { code: 'too-large', field: 'requiredVolume', stageId: 'c0' },
    ]);
  });

  it('never returns NaN or Infinity, whatever the input', () => {
    const weird = [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, -1, 1e-320, 1e-9, 0.5, 1, 1.5, 1e308];
    let seed = 42;
    const pick = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return weird[seed % weird.length];
    };
    for (let round = 0; round < 2_000; round++) {
      const stages: ReverseFunnelStage[] = Array.from({ length: 1 + (round % 6) }, (_, i) => ({
        id: `x${i}`,
        conversionRate: pick(),
        targetVolume: pick(),
      }));
      const result = reverseFunnel({ revenueTarget: pick(), averageDealSize: pick() }, stages);
      expect(allFinite(result)).toBe(true);
      const required = result.ok ? result.stages.map((row) => row.required ?? 0) : [];
      expect(required.every((volume) => Number.isSafeInteger(volume) && volume >= 0)).toBe(true);
    }
  });

  it('ignores invalid targets (no gap) rather than failing the calculation', () => {
    const stages: ReverseFunnelStage[] = [
      { id: 'a', conversionRate: 0.5, targetVolume: Number.NaN },
      { id: 'b', conversionRate: 0.5, targetVolume: -3 },
      { id: 'won', key: 'won', targetVolume: Number.POSITIVE_INFINITY },
    ];
    const result = expectOk(reverseFunnel({ revenueTarget: 10, averageDealSize: 1 }, stages));
    expect(result.stages.map((row) => [row.target, row.gap])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });
});

describe('reverseFunnel: which stage is the deal stage', () => {
  it('uses the stage keyed won even when stages follow it; those get no requirement and their rates are not needed', () => {
    const stages: ReverseFunnelStage[] = [
      { id: 'a', conversionRate: 0.5 },
      { id: 'won', key: 'won', conversionRate: null },
      { id: 'renewal', conversionRate: null, targetVolume: 3 },
    ];
    const result = expectOk(reverseFunnel({ revenueTarget: 4, averageDealSize: 1 }, stages));
    expect(result.dealStageId).toBe('won');
    expect(requiredBy(result)).toEqual({ a: 8, won: 4, renewal: null });
    expect(requirementOf(result, 'renewal')).toMatchObject({ rate: null, gap: null, target: 3 });
  });

  it('uses the last main-path stage when no stage is keyed won, ignoring outcomes', () => {
    const stages: ReverseFunnelStage[] = [
      { id: 'a', conversionRate: 0.5 },
      { id: 'closed', conversionRate: null },
      { id: 'lost', kind: 'outcome', conversionRate: null },
    ];
    const result = expectOk(reverseFunnel({ revenueTarget: 3, averageDealSize: 1 }, stages));
    expect(result.dealStageId).toBe('closed');
    expect(requiredBy(result)).toEqual({ a: 6, closed: 3 });
  });

  it('needs no rate at all for a single-stage funnel', () => {
    const result = expectOk(reverseFunnel({ revenueTarget: 10, averageDealSize: 3 }, [{ id: 'only' }]));
    expect(requiredBy(result)).toEqual({ only: 4 });
  });

  it('defaults the period to month', () => {
    expect(expectOk(reverseFunnel({ revenueTarget: 1, averageDealSize: 1 }, [{ id: 'only' }])).period).toBe('month');
  });
});

describe('requirementOf', () => {
  it('finds a stage row of an ok result, undefined otherwise', () => {
    const ok = reverseFunnel({ revenueTarget: 2, averageDealSize: 1 }, chain(0.5));
    expect(requirementOf(ok, 'c0')?.required).toBe(4);
    expect(requirementOf(ok, 'nope')).toBeUndefined();
    expect(requirementOf(reverseFunnel({ revenueTarget: null, averageDealSize: 1 }, chain(0.5)), 'c0')).toBeUndefined();
  });
});
