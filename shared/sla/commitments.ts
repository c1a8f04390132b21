import { z } from 'zod';
import { FunnelPeriod, StageId } from '../funnel/stages';

/**
 * SLA commitment records: a discriminated union on `kind`, one schema per kind, each with its
 * measurable parameters. The schemas reject impossible values (negative or non-integer counts,
 * hours above 720, percentages above 100, …). Values that parse but leave a commitment
 * unenforceable — no owner, attempts over 0 days, accept/reject without reason codes, quality
 * without required fields — are accepted here and reported by the consistency checks
 * (`checks.ts`), so a half-filled commitment node on the board still loads and shows what is
 * missing instead of disappearing.
 */

export const SLA_OWNERS = ['marketing', 'sales'] as const;
export const SlaOwner = z.enum(SLA_OWNERS);
export type SlaOwner = z.infer<typeof SlaOwner>;

export const COMMITMENT_KINDS = ['volume', 'quality', 'firstContact', 'attempts', 'acceptReject', 'recycle', 'feedback', 'reviewCadence'] as const;
export const CommitmentKind = z.enum(COMMITMENT_KINDS);
export type CommitmentKind = z.infer<typeof CommitmentKind>;

/** One month of calendar hours: the longest response time a commitment may promise. */
export const MAX_HOURS = 720;
export const MAX_VOLUME = 1_000_000_000;
export const MAX_ATTEMPTS = 100;
export const MAX_ATTEMPT_DAYS = 365;
export const MAX_NURTURE_DAYS = 3_650;
export const MAX_LIST_ITEMS = 50;
export const MAX_COMMITMENTS = 200;
export const MAX_RULES_CHARS = 5_000;

/**
 * The numeric parameters' rules, as the schemas below apply them, for forms to say what they want:
 * whole numbers from `min` to `max`, or numbers above 0 up to `max` (both ends inclusive).
 */
export type NumberRule = { integer: true; min: number; max: number } | { integer: false; min: null; max: number };
export const NUMBER_RULES = {
  count: { integer: true, min: 1, max: MAX_VOLUME },
  completenessPercent: { integer: false, min: null, max: 100 },
  withinHours: { integer: false, min: null, max: MAX_HOURS },
  compliancePercent: { integer: false, min: null, max: 100 },
  attempts: { integer: true, min: 1, max: MAX_ATTEMPTS },
  days: { integer: true, min: 0, max: MAX_ATTEMPT_DAYS },
  nurtureDays: { integer: true, min: 1, max: MAX_NURTURE_DAYS },
} as const satisfies Record<string, NumberRule>;
export type NumberField = keyof typeof NUMBER_RULES;
export const NUMBER_FIELDS = Object.keys(NUMBER_RULES) as NumberField[];

/** The schema of a numeric parameter, from its rule (the one truth the forms' messages read too). */
function numberSchema(rule: NumberRule) {
  return rule.integer ? z.number().int().min(rule.min).max(rule.max) : z.number().positive().max(rule.max);
}
const Hours = numberSchema(NUMBER_RULES.withinHours);

/**
 * The share of records that must be handled within the window for the commitment to be met in a
 * month (95 means "at least 95 % of MQLs"). Optional, never defaulted: absent means every record
 * (100 %), and SLAs signed before the field existed keep their exact content and hash.
 */
const CompliancePercent = numberSchema(NUMBER_RULES.compliancePercent).optional();

/** The compliance level of a time-window commitment: its own, else 100 (every record). */
export function complianceOf(commitment: { compliancePercent?: number | undefined }): number {
  return commitment.compliancePercent ?? 100;
}

/** A short code or field name (trimmed, 1–100 characters). */
export const MAX_CODE_CHARS = 100;
const Code = z.string().trim().min(1).max(MAX_CODE_CHARS);
const uniqueList = z
  .array(Code)
  .max(MAX_LIST_ITEMS)
  .refine((items) => new Set(items).size === items.length, { message: 'Items must be unique' });

const base = {
  id: z.string().min(1).max(100),
  /** The department that owes this commitment; null while unassigned (a check reports it). */
  owner: SlaOwner.nullable().default(null),
};

/** "≥ N records of the stage per period, meeting the stage's entry definition" (usually MQL). */
export const VolumeCommitment = z.object({
  ...base,
  kind: z.literal('volume'),
  /** The stage whose volume is committed; null = the MQL stage (key `mql`). */
  stageId: StageId.nullable().default(null),
  count: numberSchema(NUMBER_RULES.count),
  period: FunnelPeriod.default('month'),
});

/** Data quality: share of hand-over records with every required field filled in. */
export const QualityCommitment = z.object({
  ...base,
  kind: z.literal('quality'),
  completenessPercent: numberSchema(NUMBER_RULES.completenessPercent),
  /** Field codes passed with each lead (e.g. `company`, `email`); translated by the UI when known. */
  requiredFields: uniqueList.default([]),
});

/** First contact with every record entering the stage within X (business) hours. */
export const FirstContactCommitment = z.object({
  ...base,
  kind: z.literal('firstContact'),
  /** The stage whose new records are contacted; null = every hand-off received by the owner. */
  stageId: StageId.nullable().default(null),
  withinHours: Hours,
  businessHours: z.boolean().default(true),
  compliancePercent: CompliancePercent,
});

/** At least N contact attempts within D days. */
export const AttemptsCommitment = z.object({
  ...base,
  kind: z.literal('attempts'),
  attempts: numberSchema(NUMBER_RULES.attempts),
  /** 0 parses (a form being filled in) and is reported as an error by the checks. */
  days: numberSchema(NUMBER_RULES.days),
});

/** Accept or reject each handed-over record within H hours; rejections carry a reason code. */
export const AcceptRejectCommitment = z.object({
  ...base,
  kind: z.literal('acceptReject'),
  stageId: StageId.nullable().default(null),
  withinHours: Hours,
  businessHours: z.boolean().default(true),
  compliancePercent: CompliancePercent,
  reasonCodes: uniqueList.default([]),
});

/** Recycling / disqualification rules and how long recycled records are nurtured. */
export const RecycleCommitment = z.object({
  ...base,
  kind: z.literal('recycle'),
  rules: z.string().max(MAX_RULES_CHARS).default(''),
  nurtureDays: numberSchema(NUMBER_RULES.nurtureDays),
});

export const FEEDBACK_CADENCES = ['daily', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export const FEEDBACK_CHANNELS = ['meeting', 'crm', 'chat', 'email', 'dashboard'] as const;

/** Closed-loop feedback on lead quality and outcomes: how often and through which channel. */
export const FeedbackCommitment = z.object({
  ...base,
  kind: z.literal('feedback'),
  cadence: z.enum(FEEDBACK_CADENCES),
  channel: z.enum(FEEDBACK_CHANNELS),
});

export const REVIEW_CADENCES = ['weekly-dashboard', 'monthly-retrospective', 'quarterly-recalibration'] as const;
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];

/** A review of the SLA itself; one commitment per rhythm (owner = who runs it). */
export const ReviewCadenceCommitment = z.object({
  ...base,
  kind: z.literal('reviewCadence'),
  cadence: z.enum(REVIEW_CADENCES),
});

export const Commitment = z.discriminatedUnion('kind', [
  VolumeCommitment,
  QualityCommitment,
  FirstContactCommitment,
  AttemptsCommitment,
  AcceptRejectCommitment,
  RecycleCommitment,
  FeedbackCommitment,
  ReviewCadenceCommitment,
]);
export type Commitment = z.infer<typeof Commitment>;
export type CommitmentInput = z.input<typeof Commitment>;
export type CommitmentOf<K extends CommitmentKind> = Extract<Commitment, { kind: K }>;
export type CommitmentInputOf<K extends CommitmentKind> = Extract<CommitmentInput, { kind: K }>;

/**
 * A parsed commitment without an `undefined` compliance level: zod keeps a key given as undefined,
 * and canonical JSON (the signed hash) refuses undefined, so "every record" is the key's absence.
 */
function parseCommitment(input: unknown): Commitment {
  const parsed = Commitment.parse(input);
  if ('compliancePercent' in parsed && parsed.compliancePercent === undefined) delete parsed.compliancePercent;
  return parsed;
}

/** A list of commitments with unique ids. */
export const Commitments = z
  .array(Commitment)
  .max(MAX_COMMITMENTS)
  .refine((items) => new Set(items.map((item) => item.id)).size === items.length, { message: 'Commitment ids must be unique' });

/** Kinds that promise a response to records handed over (they cover a hand-off on the receiving side). */
export const RESPONSE_TIME_KINDS = ['firstContact', 'acceptReject'] as const satisfies readonly CommitmentKind[];

/** The department that usually owes each kind (default owner; SLA section of unassigned ones). */
export const NATURAL_OWNER: Readonly<Record<CommitmentKind, SlaOwner>> = {
  volume: 'marketing',
  quality: 'marketing',
  firstContact: 'sales',
  attempts: 'sales',
  acceptReject: 'sales',
  recycle: 'marketing',
  feedback: 'sales',
  reviewCadence: 'marketing',
};

/** Reason codes offered by default for rejected leads (codes; the UI translates them). */
export const DEFAULT_REASON_CODES = ['not-a-fit', 'no-budget', 'not-now', 'no-contact', 'duplicate', 'competitor', 'bad-data'] as const;

/** Field codes passed with each lead by default. */
export const DEFAULT_REQUIRED_FIELDS = ['company', 'contactName', 'jobTitle', 'email', 'phone', 'leadSource', 'score'] as const;

/** Parameters of a new commitment of each kind (PRODUCT.md's examples). */
const KIND_DEFAULTS: { [K in CommitmentKind]: Omit<CommitmentInputOf<K>, 'id' | 'owner' | 'kind'> } = {
  volume: { count: 200, period: 'month', stageId: null },
  quality: { completenessPercent: 90, requiredFields: [...DEFAULT_REQUIRED_FIELDS] },
  firstContact: { withinHours: 24, businessHours: true, stageId: null },
  attempts: { attempts: 6, days: 14 },
  acceptReject: { withinHours: 24, businessHours: true, reasonCodes: [...DEFAULT_REASON_CODES], stageId: null },
  recycle: { rules: '', nurtureDays: 90 },
  feedback: { cadence: 'weekly', channel: 'crm' },
  reviewCadence: { cadence: 'monthly-retrospective' },
};

/**
 * A new commitment of `kind` with PRODUCT.md's default parameters and the kind's natural owner,
 * overridden by `overrides`. Throws a ZodError when the result is invalid.
 */
export function createCommitment<K extends CommitmentKind>(
  kind: K,
  overrides: Partial<Omit<CommitmentInputOf<K>, 'kind'>> = {},
  newId: () => string = () => crypto.randomUUID(),
): CommitmentOf<K> {
  const defaults = KIND_DEFAULTS[kind] as Record<string, unknown>;
  const input = { ...structuredClone(defaults), owner: NATURAL_OWNER[kind], ...overrides, kind };
  if (input.id === undefined) input.id = newId();
  return parseCommitment(input) as CommitmentOf<K>;
}

/**
 * The SLA of PRODUCT.md: marketing delivers ≥ 200 MQL/month (on `mqlStageId` when given) with 90 %
 * complete data; sales contacts every MQL within 24 business hours, makes 6 attempts in 14 days,
 * accepts or rejects within 24 h with a reason code and gives weekly feedback; recycled leads are
 * nurtured 90 days; weekly dashboard, monthly retrospective, quarterly recalibration.
 */
export function defaultCommitments(options: { mqlStageId?: string | null; newId?: () => string } = {}): Commitment[] {
  const newId = options.newId ?? (() => crypto.randomUUID());
  return [
    createCommitment('volume', { stageId: options.mqlStageId ?? null }, newId),
    createCommitment('quality', {}, newId),
    createCommitment('firstContact', {}, newId),
    createCommitment('attempts', {}, newId),
    createCommitment('acceptReject', {}, newId),
    createCommitment('recycle', {}, newId),
    createCommitment('feedback', {}, newId),
    ...REVIEW_CADENCES.map((cadence) => createCommitment('reviewCadence', { cadence }, newId)),
  ];
}

/**
 * Applies a validated patch to one commitment (id and kind cannot change). Returns the input array
 * itself when the id is unknown; throws a ZodError when the patched commitment is invalid.
 */
export function updateCommitment(commitments: readonly Commitment[], id: string, patch: Readonly<Record<string, unknown>>): readonly Commitment[] {
  const index = commitments.findIndex((commitment) => commitment.id === id);
  if (index < 0) return commitments;
  const current = commitments[index]!;
  if (('id' in patch && patch.id !== current.id) || ('kind' in patch && patch.kind !== current.kind)) {
    throw new Error('updateCommitment: id and kind cannot change');
  }
  const next = commitments.slice();
  next[index] = parseCommitment({ ...current, ...patch });
  return next;
}

/** Appends a commitment (validated). Throws on a duplicate id or a full list. */
export function addCommitment(commitments: readonly Commitment[], commitment: CommitmentInput): Commitment[] {
  if (commitments.length >= MAX_COMMITMENTS) throw new RangeError(`An SLA has at most ${MAX_COMMITMENTS} commitments`);
  const parsed = parseCommitment(commitment);
  if (commitments.some((existing) => existing.id === parsed.id)) throw new Error(`Duplicate commitment id ${parsed.id}`);
  return [...commitments, parsed];
}

/** Removes a commitment; returns the input array itself when the id is unknown. */
export function removeCommitment(commitments: readonly Commitment[], id: string): readonly Commitment[] {
  const next = commitments.filter((commitment) => commitment.id !== id);
  return next.length === commitments.length ? commitments : next;
}

/**
 * Moves a commitment `steps` places among the commitments of its own lane (same owner; the
 * unassigned ones form a lane too), keeping every other commitment where it was. The order is the
 * order of the document's commitment lists and of the board's cards. Returns the input array
 * itself when the id is unknown or the commitment is already at that end of its lane.
 */
export function moveCommitmentInLane(commitments: readonly Commitment[], id: string, steps: number): readonly Commitment[] {
  const moving = commitments.find((commitment) => commitment.id === id);
  if (!moving || !Number.isInteger(steps) || steps === 0) return commitments;
  const lane = commitments.filter((commitment) => commitment.owner === moving.owner);
  const from = lane.indexOf(moving);
  const to = Math.max(0, Math.min(lane.length - 1, from + steps));
  if (to === from) return commitments;
  const reordered = lane.slice();
  reordered.splice(from, 1);
  reordered.splice(to, 0, moving);
  // The lane's slots in the full list stay where they were; they are refilled in the new order.
  let next = 0;
  return commitments.map((commitment) => (commitment.owner === moving.owner ? reordered[next++]! : commitment));
}

/**
 * Moves a commitment just before `beforeId` (a card of the lane it is dropped on), or to the end
 * of `owner`'s lane when `beforeId` is null; its owner becomes the lane's. Within its own lane the
 * lane's slots in the full list are kept (as {@link moveCommitmentInLane}); into another lane it
 * goes just before `beforeId`, or after that lane's last card. Returns the input array itself
 * when nothing changes.
 */
export function placeCommitment(commitments: readonly Commitment[], id: string, owner: SlaOwner | null, beforeId: string | null): readonly Commitment[] {
  const moving = commitments.find((commitment) => commitment.id === id);
  if (!moving || id === beforeId) return commitments;
  if (moving.owner === owner) {
    const lane = commitments.filter((commitment) => commitment.owner === owner && commitment.id !== id);
    const before = beforeId === null ? -1 : lane.findIndex((commitment) => commitment.id === beforeId);
    lane.splice(before < 0 ? lane.length : before, 0, moving);
    let next = 0;
    const reordered = commitments.map((commitment) => (commitment.owner === owner ? lane[next++]! : commitment));
    return reordered.every((commitment, i) => commitment === commitments[i]) ? commitments : reordered;
  }
  const rest = commitments.filter((commitment) => commitment.id !== id);
  let index = beforeId === null ? -1 : rest.findIndex((commitment) => commitment.id === beforeId && commitment.owner === owner);
  if (index < 0) {
    const lastOfLane = rest.map((commitment) => commitment.owner).lastIndexOf(owner);
    index = lastOfLane < 0 ? rest.length : lastOfLane + 1;
  }
  return [...rest.slice(0, index), { ...moving, owner }, ...rest.slice(index)];
}
