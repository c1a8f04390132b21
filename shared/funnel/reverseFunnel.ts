import { convertVolume, type FunnelPeriod, type Stage } from './stages';

/**
 * Reverse-funnel calculator (PRODUCT.md): from a revenue target and the average deal size, the
 * volume each main-path stage needs per period, using each stage's expected conversion rate to the
 * next stage.
 *
 *   deals            = ceil(revenueTarget / averageDealSize)   (at least 1)
 *   required[stage]  = ceil(required[next stage] / stage.conversionRate)
 *
 * Rounding: **ceil at every step**, not once at the end. Every stage is a count of whole records,
 * and each step answers "how many do we need here so that, at the expected rate, we reach the
 * whole number the next stage needs": `required[i] × rate[i] ≥ required[i + 1]` holds for every
 * link. Ceiling only at the end (deals ÷ product of rates) gives numbers up to one record lower
 * per step that break that promise: 1 deal at 30 % → 4 opportunities, at 50 % → 8 SQL, whereas
 * ceil(1 ÷ 0.15) = 7 SQL, and 7 × 50 % = 3.5 opportunities < 4. Step-wise is never lower than
 * end-only and overshoots by less than one record per step.
 *
 * The ceiling tolerates floating-point noise: a quotient within 1e-12 (relative, and at most 1e-6
 * absolute) of a whole number is that number (21 ÷ 0.7 is 30.000000000000004 in IEEE doubles; 30 SQL
 * are enough, not 31). The absolute cap keeps a genuine fraction (1e12 + 0.4) rounding up.
 *
 * The calculator never throws and never returns NaN or Infinity: bad input (missing, zero,
 * negative, non-finite, rate above 1) comes back as problems naming the field and the stage.
 * Inputs are deliberately loose (`number | null | undefined`) so the UI can call it with the
 * values of a half-filled form.
 */

export const REVERSE_FUNNEL_PROBLEM_CODES = [
  'no-stages',
  'revenue-missing',
  'revenue-not-finite',
  'revenue-not-positive',
  'deal-size-missing',
  'deal-size-not-finite',
  'deal-size-not-positive',
  'rate-missing',
  'rate-not-finite',
  'rate-zero',
  'rate-negative',
  'rate-above-one',
  'too-large',
] as const;
export type ReverseFunnelProblemCode = (typeof REVERSE_FUNNEL_PROBLEM_CODES)[number];

export type ReverseFunnelField = 'revenueTarget' | 'averageDealSize' | 'conversionRate' | 'stages' | 'requiredVolume';

export interface ReverseFunnelProblem {
  code: ReverseFunnelProblemCode;
  field: ReverseFunnelField;
  /** The stage concerned (rate problems, too-large), else null. */
  stageId: string | null;
}

export interface StageRequirement {
  stageId: string;
  /** Records needed per `period` of the plan; null for stages after the deal stage (not derivable). */
  required: number | null;
  /** The stage's conversion rate used for this step (null for the deal stage and after it). */
  rate: number | null;
  /** The stage's own target volume, in its own period, or null when unset/invalid. */
  target: number | null;
  targetPeriod: FunnelPeriod;
  /** The target converted to the plan's period (× 3 or ÷ 3, unrounded), or null. */
  targetInPeriod: number | null;
  /** targetInPeriod − required: negative means the target falls short of what the revenue needs. */
  gap: number | null;
}

export type ReverseFunnelResult =
  | {
      ok: true;
      period: FunnelPeriod;
      deals: number;
      /** The stage whose volume is the number of deals (key `won`, else the last main-path stage). */
      dealStageId: string;
      /** Main-path stages in funnel order. */
      stages: StageRequirement[];
    }
  | { ok: false; problems: [ReverseFunnelProblem, ...ReverseFunnelProblem[]] };

export interface ReverseFunnelPlan {
  revenueTarget: number | null | undefined;
  averageDealSize: number | null | undefined;
  period?: FunnelPeriod;
}

export type ReverseFunnelStage = Pick<Stage, 'id'> & {
  kind?: Stage['kind'];
  key?: Stage['key'];
  conversionRate?: number | null;
  targetVolume?: number | null;
  period?: FunnelPeriod;
};

const RELATIVE_TOLERANCE = 1e-12;
const ABSOLUTE_TOLERANCE = 1e-6;

/** ceil(x), except that x within 1e-12 (relative, ≤ 1e-6 absolute) of a whole number is that number. */
export function ceilTolerant(x: number): number {
  const nearest = Math.round(x);
  const tolerance = Math.min(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.max(1, Math.abs(x)));
  if (Math.abs(x - nearest) <= tolerance) return nearest;
  return Math.ceil(x);
}

function amountProblem(value: unknown, prefix: 'revenue' | 'deal-size', field: ReverseFunnelField): ReverseFunnelProblem | null {
  if (value === null || value === undefined) return { code: `${prefix}-missing`, field, stageId: null };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: `${prefix}-not-finite`, field, stageId: null };
  if (value <= 0) return { code: `${prefix}-not-positive`, field, stageId: null };
  return null;
}

/** Why a conversion rate cannot be used, or null when it is a number in (0, 1]. */
export function rateProblemCode(rate: unknown): Extract<ReverseFunnelProblemCode, `rate-${string}`> | null {
  if (rate === null || rate === undefined) return 'rate-missing';
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return 'rate-not-finite';
  if (rate === 0) return 'rate-zero';
  if (rate < 0) return 'rate-negative';
  if (rate > 1) return 'rate-above-one';
  return null;
}

function validTarget(target: unknown): number | null {
  return typeof target === 'number' && Number.isFinite(target) && target >= 0 ? target : null;
}

/** Index (among main-path stages) of the stage whose volume is the number of deals. */
function dealIndex(steps: readonly ReverseFunnelStage[]): number {
  const won = steps.findIndex((stage) => stage.key === 'won');
  return won >= 0 ? won : steps.length - 1;
}

export function reverseFunnel(plan: ReverseFunnelPlan, stages: readonly ReverseFunnelStage[]): ReverseFunnelResult {
  const period = plan.period ?? 'month';
  const steps = stages.filter((stage) => (stage.kind ?? 'step') === 'step');
  const problems: ReverseFunnelProblem[] = [];
  const revenue = amountProblem(plan.revenueTarget, 'revenue', 'revenueTarget');
  if (revenue) problems.push(revenue);
  const dealSize = amountProblem(plan.averageDealSize, 'deal-size', 'averageDealSize');
  if (dealSize) problems.push(dealSize);
  if (steps.length === 0) problems.push({ code: 'no-stages', field: 'stages', stageId: null });
  const last = dealIndex(steps);
  for (let i = 0; i < last; i++) {
    const stage = steps[i]!;
    const code = rateProblemCode(stage.conversionRate);
    if (code) problems.push({ code, field: 'conversionRate', stageId: stage.id });
  }
  if (problems.length > 0) return { ok: false, problems: problems as [ReverseFunnelProblem, ...ReverseFunnelProblem[]] };

  const required: (number | null)[] = steps.map(() => null);
  const deals = Math.max(1, ceilTolerant((plan.revenueTarget as number) / (plan.averageDealSize as number)));
  if (!Number.isSafeInteger(deals)) {
    return { ok: false, problems: [{ code: 'too-large', field: 'requiredVolume', stageId: steps[last]!.id }] };
  }
  required[last] = deals;
  for (let i = last - 1; i >= 0; i--) {
    const volume = ceilTolerant((required[i + 1] as number) / (steps[i]!.conversionRate as number));
    if (!Number.isSafeInteger(volume)) {
      return { ok: false, problems: [{ code: 'too-large', field: 'requiredVolume', stageId: steps[i]!.id }] };
    }
    required[i] = volume;
  }

  return {
    ok: true,
    period,
    deals,
    dealStageId: steps[last]!.id,
    stages: steps.map((stage, i) => {
      const target = validTarget(stage.targetVolume);
      const targetPeriod = stage.period ?? 'month';
      const targetInPeriod = target === null ? null : convertVolume(target, targetPeriod, period);
      const need = required[i] ?? null;
      return {
        stageId: stage.id,
        required: need,
        rate: i < last ? (stage.conversionRate as number) : null,
        target,
        targetPeriod,
        targetInPeriod,
        gap: targetInPeriod === null || need === null ? null : targetInPeriod - need,
      };
    }),
  };
}

/** The requirement of one stage in an ok result, or undefined. */
export function requirementOf(result: ReverseFunnelResult, stageId: string): StageRequirement | undefined {
  return result.ok ? result.stages.find((stage) => stage.stageId === stageId) : undefined;
}
