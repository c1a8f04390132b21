import type { KpiResult } from './formulas';
import type { KpiDefinition, KpiStatus } from './records';

/**
 * On track / at risk / off track, by one rule the UI states in words:
 * "on track when the target is met; at risk when it is missed by at most 10 % of the target;
 * off track beyond that". The band is measured on the target's size, so it also works for negative
 * targets; a target of 0 has no size, so its band is 0.1 in the KPI's unit.
 */

/** Within 10 % of the target (on the wrong side) = at risk. */
export const AT_RISK_TOLERANCE = 0.1;

/** The at-risk band when the target is 0 (in the KPI's unit: 0.1 h, 0.1 %, 0.1 of a count). */
export const ZERO_TARGET_BAND = AT_RISK_TOLERANCE;

/** Why a KPI has its status: the target is met, nearly met, missed, not set, or there is no value. */
export type StatusReason = 'met' | 'near' | 'missed' | 'noTarget' | 'noData';

/** How far a value may miss `target` and still be at risk: 10 % of |target|, or 0.1 when the target is 0. */
export function atRiskBand(target: number): number {
  return target === 0 ? ZERO_TARGET_BAND : Math.abs(target) * AT_RISK_TOLERANCE;
}

/**
 * The status of a KPI's result against its target.
 * - higher is better: value ≥ target → onTrack (met); ≥ target − band → atRisk (near); else offTrack (missed);
 * - lower is better: value ≤ target → onTrack; ≤ target + band → atRisk; else offTrack;
 *   with band = |target| × AT_RISK_TOLERANCE, i.e. target × (1 ∓ 10 %) for positive targets,
 *   and ZERO_TARGET_BAND for a target of 0.
 * A result without a value is { noData, noData } (checked first: there is nothing to judge); a
 * KPI without target is { noData, noTarget }. Comparisons allow for floating-point rounding
 * (a win rate of 3 ÷ 10 × 100 = 30.000000000000004 meets a target of 30).
 */
export function kpiStatus(kpi: Pick<KpiDefinition, 'direction' | 'target'>, result: KpiResult): { status: KpiStatus; reason: StatusReason } {
  if (result.kind !== 'value' || !Number.isFinite(result.value)) return { status: 'noData', reason: 'noData' };
  const target = kpi.target;
  if (target === null || target === undefined || !Number.isFinite(target)) return { status: 'noData', reason: 'noTarget' };
  // Signed shortfall: > 0 when the value is on the wrong side of the target.
  const shortfall = kpi.direction === 'higher' ? target - result.value : result.value - target;
  const epsilon = 1e-9 * Math.max(1, Math.abs(target), Math.abs(result.value));
  if (shortfall <= epsilon) return { status: 'onTrack', reason: 'met' };
  if (shortfall <= atRiskBand(target) + epsilon) return { status: 'atRisk', reason: 'near' };
  return { status: 'offTrack', reason: 'missed' };
}
