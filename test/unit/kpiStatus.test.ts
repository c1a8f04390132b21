import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../shared/kpi/formulas';
import { AT_RISK_TOLERANCE, atRiskBand, kpiStatus, ZERO_TARGET_BAND } from '../../shared/kpi/status';

const value = (v: number): KpiResult => ({ kind: 'value', value: v });

describe('kpiStatus', () => {
  it('uses a 10 % tolerance', () => {
    expect(AT_RISK_TOLERANCE).toBe(0.1);
  });

  it.each([
    [200, 250, 'onTrack', 'met'],
    [200, 200, 'onTrack', 'met'],
    [200, 199.99, 'atRisk', 'near'],
    [200, 180, 'atRisk', 'near'],
    [200, 179.99, 'offTrack', 'missed'],
    [200, 0, 'offTrack', 'missed'],
    [200, -10, 'offTrack', 'missed'],
  ] as const)('higher is better, target %d, value %d → %s', (target, v, status, reason) => {
    expect(kpiStatus({ direction: 'higher', target }, value(v))).toEqual({ status, reason });
  });

  it.each([
    [24, 10, 'onTrack', 'met'],
    [24, 24, 'onTrack', 'met'],
    [24, 26.4, 'atRisk', 'near'],
    [24, 26.41, 'offTrack', 'missed'],
    [24, 0, 'onTrack', 'met'],
  ] as const)('lower is better, target %d, value %d → %s', (target, v, status, reason) => {
    expect(kpiStatus({ direction: 'lower', target }, value(v))).toEqual({ status, reason });
  });

  it('measures the band on |target| for negative targets', () => {
    // Higher is better with target −100 (e.g. a loss no worse than 100): band 10.
    expect(kpiStatus({ direction: 'higher', target: -100 }, value(-50)).status).toBe('onTrack');
    expect(kpiStatus({ direction: 'higher', target: -100 }, value(-110)).status).toBe('atRisk');
    expect(kpiStatus({ direction: 'higher', target: -100 }, value(-111)).status).toBe('offTrack');
    expect(kpiStatus({ direction: 'lower', target: -100 }, value(-120)).status).toBe('onTrack');
    expect(kpiStatus({ direction: 'lower', target: -100 }, value(-90)).status).toBe('atRisk');
    expect(kpiStatus({ direction: 'lower', target: -100 }, value(-89)).status).toBe('offTrack');
    expect(atRiskBand(-100)).toBe(10);
  });

  it('uses an absolute band of 0.1 for a zero target', () => {
    expect(ZERO_TARGET_BAND).toBe(0.1);
    expect(atRiskBand(0)).toBe(0.1);
    expect(kpiStatus({ direction: 'lower', target: 0 }, value(0)).status).toBe('onTrack');
    expect(kpiStatus({ direction: 'lower', target: 0 }, value(0.05)).status).toBe('atRisk');
    expect(kpiStatus({ direction: 'lower', target: 0 }, value(1)).status).toBe('offTrack');
    expect(kpiStatus({ direction: 'higher', target: 0 }, value(-0.1)).status).toBe('atRisk');
    expect(kpiStatus({ direction: 'higher', target: 0 }, value(-3)).status).toBe('offTrack');
    expect(kpiStatus({ direction: 'higher', target: 0 }, value(0)).status).toBe('onTrack');
  });

  it('tolerates floating-point rounding at the boundaries', () => {
    expect(kpiStatus({ direction: 'higher', target: 30 }, value((3 / 10) * 100))).toEqual({ status: 'onTrack', reason: 'met' });
    expect(kpiStatus({ direction: 'higher', target: 0.3 }, value(0.1 + 0.2))).toEqual({ status: 'onTrack', reason: 'met' });
    expect(kpiStatus({ direction: 'higher', target: 100 }, value(90 - 1e-12))).toEqual({ status: 'atRisk', reason: 'near' });
  });

  it('has no status without a value, then without a target', () => {
    expect(kpiStatus({ direction: 'higher', target: 10 }, { kind: 'noData', reason: 'missing', missing: ['metric:mql'] })).toEqual({ status: 'noData', reason: 'noData' });
    expect(kpiStatus({ direction: 'higher', target: null }, { kind: 'noData', reason: 'divideByZero' })).toEqual({ status: 'noData', reason: 'noData' });
    expect(kpiStatus({ direction: 'higher', target: null }, value(10))).toEqual({ status: 'noData', reason: 'noTarget' });
    expect(kpiStatus({ direction: 'lower', target: 5 }, value(Number.NaN))).toEqual({ status: 'noData', reason: 'noData' });
  });
});
