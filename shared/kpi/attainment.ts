import { convertVolume } from '../funnel/stages';
import type { DefaultStageKey } from '../funnel/stages';
import { type Commitment, type CommitmentKind, complianceOf, NATURAL_OWNER, type SlaOwner } from '../sla/commitments';
import { meetsCompliance, type MonthResponse } from './leadResponse';
import type { Metric } from './records';
import { finiteLookup, metricKey, slaKey, type ValueLookup } from './values';

/**
 * SLA attainment: for each commitment of the signed SLA and each month, the committed figure,
 * the actual and whether it was met. Actuals come from the funnel metrics where the app has them
 * (MQL volume, response hours) and otherwise from values typed by hand or imported for the
 * commitment (`sla:<commitmentId>`). Commitments with nothing numeric to compare (feedback
 * channel, review rhythm) are listed as not measured rather than guessed.
 *
 * Time-window commitments (first contact, accept/reject) promise a response to every record.
 * Where the month has lead-level records (a CRM import with dates per lead), they are measured
 * per record — the share handled within the window, in business hours by the working calendar
 * when the commitment says business hours — and met when that share reaches the commitment's
 * compliance level (100 % unless it says e.g. 95 %). Months with monthly figures only keep the
 * comparison of the month's median with the window, and say so.
 */

/** How the actual must compare with the committed figure to meet the commitment. */
export type Comparator = 'atLeast' | 'atMost';

/** The unit of a commitment's committed figure and actual. */
export type AttainmentUnit = 'count' | 'hours' | 'percent' | 'attempts' | 'days';

/**
 * One month of one commitment; `met` is null when there is no actual (or nothing to compare).
 * With `records` (measured per record) `committed` is the compliance level and `actual` the share
 * of records within the window, both in percent; otherwise they are in the commitment's unit.
 */
export type AttainmentRow = { period: string; committed: number | null; actual: number | null; met: boolean | null; records?: MonthResponse };

/** A commitment's attainment over the requested months. */
export type CommitmentAttainment = {
  commitmentId: string;
  kind: CommitmentKind;
  /** The owing department; the kind's natural owner while the commitment is unassigned. */
  owner: SlaOwner;
  /** false: nothing numeric to compare (e.g. feedback channel) → shown as "not measured". */
  measurable: boolean;
  /** Where the actual comes from: 'metric:mql', 'metric:responseHours' or 'sla:<commitmentId>'. */
  key: string | null;
  comparator: Comparator | null;
  unit: AttainmentUnit | null;
  /** One per requested period, in the same order. */
  rows: AttainmentRow[];
  periodsMeasured: number;
  periodsMet: number;
  /** periodsMet ÷ periodsMeasured × 100; null when no period was measured (never NaN). */
  percentMet: number | null;
};

/** What a commitment is measured against, or null when it has nothing numeric to compare. */
export type AttainmentRule = { key: string; comparator: Comparator; unit: AttainmentUnit; committedPerMonth: number };

/** Per-record results of a time-window commitment in a month, where lead-level data exists. */
export type RecordLookup = (commitment: Commitment, period: string) => MonthResponse | null | undefined;

/**
 * Optional context: the funnel's stages, so a volume commitment on a stage reads that stage's
 * metric; `records`, the per-record results of time-window commitments.
 */
export type AttainmentOptions = { stages?: readonly { id: string; key: DefaultStageKey | null }[]; records?: RecordLookup };

/** Kinds measured per record where lead-level data exists. */
const RECORD_KINDS: ReadonlySet<CommitmentKind> = new Set<CommitmentKind>(['firstContact', 'acceptReject']);

const STAGE_METRIC: Partial<Record<DefaultStageKey, Metric>> = {
  lead: 'leads',
  mql: 'mql',
  sal: 'sal',
  sql: 'sql',
  opportunity: 'opportunities',
  won: 'won',
};

/**
 * The actual's key of a volume commitment. No stage (the default) means the MQL stage. When the
 * funnel's stages are given, a default stage reads its metric (SQL stage → metric:sql) and a stage
 * the app has no metric for (one the users added, prospects, lost) is typed by hand. Without
 * the stages the app cannot tell which stage an id is; the SLA's volume commitment is the MQL
 * volume (PRODUCT.md), so it reads metric:mql.
 */
function volumeKey(commitment: Extract<Commitment, { kind: 'volume' }>, options: AttainmentOptions): string {
  if (commitment.stageId === null || options.stages === undefined) return metricKey('mql');
  const stage = options.stages.find((candidate) => candidate.id === commitment.stageId);
  const metric = stage?.key ? STAGE_METRIC[stage.key] : undefined;
  return metric ? metricKey(metric) : slaKey(commitment.id);
}

/**
 * How a commitment is measured per month:
 * - volume: metric:mql (or the stage's metric) ≥ count, a quarterly count divided by 3 (not rounded);
 * - firstContact: metric:responseHours (median hours MQL → first contact) ≤ withinHours (months
 *   with lead-level records are measured per record instead, see slaAttainment);
 * - quality: sla:<id> (% of hand-overs complete) ≥ completenessPercent;
 * - attempts: sla:<id> (attempts made per record within the window) ≥ attempts;
 * - acceptReject: sla:<id> (hours to accept or reject) ≤ withinHours (per record likewise);
 * - recycle: sla:<id> (days recycled records were nurtured) ≥ nurtureDays;
 * - feedback, reviewCadence: nothing numeric → null (not measured).
 * A median typed or imported as a monthly figure is compared as entered (it should be in business
 * hours when that is the promise); medians the app derives from lead records are in the
 * commitment's unit already.
 */
export function attainmentRule(commitment: Commitment, options: AttainmentOptions = {}): AttainmentRule | null {
  switch (commitment.kind) {
    case 'volume':
      return { key: volumeKey(commitment, options), comparator: 'atLeast', unit: 'count', committedPerMonth: convertVolume(commitment.count, commitment.period, 'month') };
    case 'firstContact':
      return { key: metricKey('responseHours'), comparator: 'atMost', unit: 'hours', committedPerMonth: commitment.withinHours };
    case 'quality':
      return { key: slaKey(commitment.id), comparator: 'atLeast', unit: 'percent', committedPerMonth: commitment.completenessPercent };
    case 'attempts':
      return { key: slaKey(commitment.id), comparator: 'atLeast', unit: 'attempts', committedPerMonth: commitment.attempts };
    case 'acceptReject':
      return { key: slaKey(commitment.id), comparator: 'atMost', unit: 'hours', committedPerMonth: commitment.withinHours };
    case 'recycle':
      return { key: slaKey(commitment.id), comparator: 'atLeast', unit: 'days', committedPerMonth: commitment.nurtureDays };
    case 'feedback':
    case 'reviewCadence':
      return null;
  }
}

/** Whether `actual` meets `committed` under `comparator` (exact comparison; equal meets). */
export function meets(comparator: Comparator, actual: number, committed: number): boolean {
  return comparator === 'atLeast' ? actual >= committed : actual <= committed;
}

/** One month of a measurable commitment: per record where `options.records` has the month, else by its rule. */
function attainmentRow(commitment: Commitment, rule: AttainmentRule, period: string, read: ValueLookup, options: AttainmentOptions): AttainmentRow {
  const records = RECORD_KINDS.has(commitment.kind) ? options.records?.(commitment, period) : undefined;
  if (records) {
    const committed = complianceOf(commitment as { compliancePercent?: number });
    return { period, committed, actual: records.share, met: records.share === null ? null : meetsCompliance(records, committed), records };
  }
  const actual = read(rule.key, period) ?? null;
  if (actual === null) return { period, committed: rule.committedPerMonth, actual: null, met: null };
  return { period, committed: rule.committedPerMonth, actual, met: meets(rule.comparator, actual, rule.committedPerMonth) };
}

/**
 * Attainment of each commitment over `periods` (months). Values that are not finite count as
 * absent. Commitments keep their order; unmeasurable ones get rows with nulls and percentMet null.
 */
export function slaAttainment(
  commitments: readonly Commitment[],
  periods: readonly string[],
  lookup: ValueLookup,
  options: AttainmentOptions = {},
): CommitmentAttainment[] {
  const read = finiteLookup(lookup);
  return commitments.map((commitment) => {
    const rule = attainmentRule(commitment, options);
    const owner = commitment.owner ?? NATURAL_OWNER[commitment.kind];
    if (!rule) {
      return {
        commitmentId: commitment.id,
        kind: commitment.kind,
        owner,
        measurable: false,
        key: null,
        comparator: null,
        unit: null,
        rows: periods.map((period) => ({ period, committed: null, actual: null, met: null })),
        periodsMeasured: 0,
        periodsMet: 0,
        percentMet: null,
      };
    }
    let periodsMeasured = 0;
    let periodsMet = 0;
    const rows = periods.map((period): AttainmentRow => {
      const row = attainmentRow(commitment, rule, period, read, options);
      if (row.met !== null) {
        periodsMeasured++;
        if (row.met) periodsMet++;
      }
      return row;
    });
    return {
      commitmentId: commitment.id,
      kind: commitment.kind,
      owner,
      measurable: true,
      key: rule.key,
      comparator: rule.comparator,
      unit: rule.unit,
      rows,
      periodsMeasured,
      periodsMet,
      percentMet: periodsMeasured === 0 ? null : (periodsMet / periodsMeasured) * 100,
    };
  });
}

/**
 * How many commitments were met in one month, out of those measured (measurable and with an
 * actual). The slaAttainment KPI is met ÷ measured; measured 0 means "nothing measurable".
 */
export function attainmentShare(
  commitments: readonly Commitment[],
  period: string,
  lookup: ValueLookup,
  options: AttainmentOptions = {},
): { met: number; measured: number } {
  const read = finiteLookup(lookup);
  let met = 0;
  let measured = 0;
  for (const commitment of commitments) {
    const rule = attainmentRule(commitment, options);
    if (!rule) continue;
    const row = attainmentRow(commitment, rule, period, read, options);
    if (row.met === null) continue;
    measured++;
    if (row.met) met++;
  }
  return { met, measured };
}
