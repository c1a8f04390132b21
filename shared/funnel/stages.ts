import { z } from 'zod';
import { defaultsEn } from '../locales/defaults.en';
import { defaultsJa } from '../locales/defaults.ja';
import type { Language } from '../settings';

/**
 * Funnel stage records and the pure, immutable helpers that edit a funnel.
 *
 * A funnel is an ordered `Stage[]`. Stages of kind `step` form the main path in array order
 * (潜在顧客 → リード → MQL → SAL → SQL → 商談 → 受注); stages of kind `outcome` (失注 Lost,
 * リサイクル Recycled) are terminal/side outcomes: they are listed in the funnel and the SLA
 * definitions but are not links of the conversion chain.
 */

export const FUNNEL_DEPARTMENTS = ['marketing', 'sales', 'joint'] as const;
export const FunnelDepartment = z.enum(FUNNEL_DEPARTMENTS);
export type FunnelDepartment = z.infer<typeof FunnelDepartment>;

export const FUNNEL_PERIODS = ['month', 'quarter'] as const;
export const FunnelPeriod = z.enum(FUNNEL_PERIODS);
export type FunnelPeriod = z.infer<typeof FunnelPeriod>;

/** Months in each period (volumes are converted between periods by this factor, never rounded). */
export const MONTHS_PER_PERIOD: Readonly<Record<FunnelPeriod, number>> = { month: 1, quarter: 3 };

/**
 * Converts a volume per `from` period into the same rate per `to` period (× 3 or ÷ 3, exact: a
 * quarter target of 100 is 33.33… a month). Never rounds, so comparisons stay exact.
 */
export function convertVolume(value: number, from: FunnelPeriod, to: FunnelPeriod): number {
  if (from === to) return value;
  return (value * MONTHS_PER_PERIOD[to]) / MONTHS_PER_PERIOD[from];
}

export const STAGE_KINDS = ['step', 'outcome'] as const;
export const StageKind = z.enum(STAGE_KINDS);
export type StageKind = z.infer<typeof StageKind>;

/** Semantic roles of the default stages. Survives renaming, so checks can find "the MQL stage". */
export const DEFAULT_STAGE_KEYS = ['prospect', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'won', 'lost', 'recycled'] as const;
export const DefaultStageKey = z.enum(DEFAULT_STAGE_KEYS);
export type DefaultStageKey = z.infer<typeof DefaultStageKey>;

/**
 * Names and entry definitions of the default stages, from the locale files: a default stage's name
 * is shown in the reader's language until the users type one.
 */
const DEFAULT_STAGE_TEXT = { ja: defaultsJa.stages, en: defaultsEn.stages } as const satisfies Record<Language, Record<DefaultStageKey, unknown>>;

export const MAX_STAGES = 50;
export const MAX_STAGE_NAME = 100;
export const MAX_ENTRY_DEFINITION = 5_000;

export const StageId = z.string().min(1).max(100);

/**
 * One funnel stage. `name` is what the users typed; an empty name means "the default name of
 * `key` in the reader's language" (see {@link stageName}), so the default funnel reads in Japanese
 * for a Japanese user and in English for an English one.
 */
export const Stage = z.object({
  id: StageId,
  /** Which default stage this is (kept when renamed); null for stages the users added. */
  key: DefaultStageKey.nullable().default(null),
  kind: StageKind.default('step'),
  name: z.string().trim().max(MAX_STAGE_NAME).default(''),
  owner: FunnelDepartment.default('marketing'),
  /** What makes a record enter this stage (e.g. the MQL scoring threshold). */
  entryDefinition: z.string().max(MAX_ENTRY_DEFINITION).default(''),
  /** Target volume per `period`; null when not set. Whole records. */
  targetVolume: z.number().int().nonnegative().nullable().default(null),
  /** Expected conversion rate to the next main-path stage, 0–1; null when not set. */
  conversionRate: z.number().min(0).max(1).nullable().default(null),
  period: FunnelPeriod.default('month'),
});
export type Stage = z.infer<typeof Stage>;
export type StageInput = z.input<typeof Stage>;

/** Fields a user may change on an existing stage (id and key are identity). */
export const StagePatch = Stage.omit({ id: true, key: true }).partial().strict();
export type StagePatch = z.input<typeof StagePatch>;

interface DefaultStageSpec {
  key: DefaultStageKey;
  kind: StageKind;
  owner: FunnelDepartment;
  conversionRate: number | null;
}

/**
 * The default funnel (PRODUCT.md). Ownership passes from marketing to sales between MQL and SAL
 * (sales accepts or rejects each MQL). Rates are typical B2B figures, meant to be edited.
 */
const DEFAULT_STAGE_SPECS: readonly DefaultStageSpec[] = [
  {
    key: 'prospect',
    kind: 'step',
    owner: 'marketing',
    conversionRate: 0.1,
  },
  {
    key: 'lead',
    kind: 'step',
    owner: 'marketing',
    conversionRate: 0.25,
  },
  {
    key: 'mql',
    kind: 'step',
    owner: 'marketing',
    conversionRate: 0.7,
  },
  {
    key: 'sal',
    kind: 'step',
    owner: 'sales',
    conversionRate: 0.5,
  },
  {
    key: 'sql',
    kind: 'step',
    owner: 'sales',
    conversionRate: 0.6,
  },
  {
    key: 'opportunity',
    kind: 'step',
    owner: 'sales',
    conversionRate: 0.25,
  },
  {
    key: 'won',
    kind: 'step',
    owner: 'sales',
    conversionRate: null,
  },
  {
    key: 'lost',
    kind: 'outcome',
    owner: 'sales',
    conversionRate: null,
  },
  {
    key: 'recycled',
    kind: 'outcome',
    owner: 'marketing',
    conversionRate: null,
  },
];

export interface DefaultStagesOptions {
  /** Language of the entry definitions written into the new stages (they are user text from then on). */
  language: Language;
  /** Id factory; `crypto.randomUUID` by default. */
  newId?: () => string;
  period?: FunnelPeriod;
}

/** The default stages, in order, with empty names (shown in the reader's language). */
export function createDefaultStages({ language, newId = () => crypto.randomUUID(), period = 'month' }: DefaultStagesOptions): Stage[] {
  return DEFAULT_STAGE_SPECS.map((spec) =>
    Stage.parse({
      id: newId(),
      key: spec.key,
      kind: spec.kind,
      owner: spec.owner,
      conversionRate: spec.conversionRate,
      entryDefinition: DEFAULT_STAGE_TEXT[language][spec.key].entryDefinition,
      period,
    }),
  );
}

/** The name to show: what the users typed, else the default name of the stage's key, else ''. */
export function stageName(stage: Pick<Stage, 'name' | 'key'>, language: Language): string {
  const typed = stage.name.trim();
  if (typed) return typed;
  return stage.key ? DEFAULT_STAGE_TEXT[language][stage.key].name : '';
}

/** Main-path stages (kind `step`) in funnel order. */
export function mainStages<S extends Pick<Stage, 'kind'>>(stages: readonly S[]): S[] {
  return stages.filter((stage) => stage.kind === 'step');
}

/** Side/terminal outcomes (kind `outcome`) in funnel order. */
export function outcomeStages<S extends Pick<Stage, 'kind'>>(stages: readonly S[]): S[] {
  return stages.filter((stage) => stage.kind === 'outcome');
}

export function findStage<S extends Pick<Stage, 'id'>>(stages: readonly S[], id: string): S | undefined {
  return stages.find((stage) => stage.id === id);
}

/**
 * Applies a validated patch to one stage. Returns the input array itself when no stage has that id
 * (a peer may have removed it meanwhile), so callers can skip the write. Throws a ZodError when the
 * patch is invalid (unknown field, rate > 1, negative volume, …).
 */
export function updateStage(stages: readonly Stage[], id: string, patch: StagePatch): readonly Stage[] {
  const index = stages.findIndex((stage) => stage.id === id);
  if (index < 0) return stages;
  const parsed = StagePatch.parse(patch);
  // Keep only the fields the patch names (the schema would fill the others with their defaults).
  const valid = Object.fromEntries(Object.entries(parsed).filter(([field]) => Object.hasOwn(patch, field)));
  const next = stages.slice();
  next[index] = Stage.parse({ ...stages[index], ...valid });
  return next;
}

/** Renames a stage; an empty name brings back the default name of its key. */
export function renameStage(stages: readonly Stage[], id: string, name: string): readonly Stage[] {
  return updateStage(stages, id, { name });
}

export interface AddStageOptions {
  /**
   * Insert after this stage. Default: after the last main-path stage (before the outcomes) for a
   * `step`, at the very end for an `outcome`. `null` inserts at the start.
   */
  after?: string | null;
  newId?: () => string;
}

/** Adds a stage (defaults filled in by the schema). Throws when the funnel is full or `after` is unknown. */
export function addStage(stages: readonly Stage[], input: Omit<StageInput, 'id'> & { id?: string }, options: AddStageOptions = {}): Stage[] {
  if (stages.length >= MAX_STAGES) throw new RangeError(`A funnel has at most ${MAX_STAGES} stages`);
  const stage = Stage.parse({ ...input, id: input.id ?? (options.newId ?? (() => crypto.randomUUID()))() });
  if (stages.some((existing) => existing.id === stage.id)) throw new Error(`Duplicate stage id ${stage.id}`);
  let at: number;
  if (options.after === null) {
    at = 0;
  } else if (options.after !== undefined) {
    const index = stages.findIndex((existing) => existing.id === options.after);
    if (index < 0) throw new Error(`Unknown stage ${options.after}`);
    at = index + 1;
  } else if (stage.kind === 'outcome') {
    at = stages.length;
  } else {
    const lastStep = stages.findLastIndex((existing) => existing.kind === 'step');
    at = lastStep + 1;
  }
  return [...stages.slice(0, at), stage, ...stages.slice(at)];
}

/** Removes a stage; returns the input array itself when the id is unknown. */
export function removeStage(stages: readonly Stage[], id: string): readonly Stage[] {
  const index = stages.findIndex((stage) => stage.id === id);
  if (index < 0) return stages;
  return [...stages.slice(0, index), ...stages.slice(index + 1)];
}

/**
 * Moves a stage to `toIndex` in the whole array (clamped to its bounds). Returns the input array
 * itself when the id is unknown or the stage is already there.
 */
export function moveStage(stages: readonly Stage[], id: string, toIndex: number): readonly Stage[] {
  const from = stages.findIndex((stage) => stage.id === id);
  if (from < 0) return stages;
  const to = Math.max(0, Math.min(stages.length - 1, Math.trunc(Number.isFinite(toIndex) ? toIndex : from)));
  if (to === from) return stages;
  const next = stages.slice();
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as Stage);
  return next;
}

/** Puts the stages in the order of `ids`, which must be a permutation of their ids (else throws). */
export function reorderStages(stages: readonly Stage[], ids: readonly string[]): Stage[] {
  const byId = new Map(stages.map((stage) => [stage.id, stage]));
  if (ids.length !== stages.length || new Set(ids).size !== ids.length || ids.some((id) => !byId.has(id))) {
    throw new Error('reorderStages: ids must list every stage exactly once');
  }
  return ids.map((id) => byId.get(id) as Stage);
}

/** A point where ownership passes between two consecutive main-path stages. */
export interface HandOff {
  /** `${fromStageId}->${toStageId}`, stable while both stages exist and stay adjacent. */
  id: string;
  fromStageId: string;
  toStageId: string;
  fromOwner: FunnelDepartment;
  toOwner: FunnelDepartment;
}

export function handOffId(fromStageId: string, toStageId: string): string {
  return `${fromStageId}->${toStageId}`;
}

/** Hand-offs: consecutive main-path stages whose owner departments differ, in funnel order. */
export function handOffs(stages: readonly Pick<Stage, 'id' | 'kind' | 'owner'>[]): HandOff[] {
  const steps = mainStages(stages);
  const result: HandOff[] = [];
  for (let i = 1; i < steps.length; i++) {
    const from = steps[i - 1]!;
    const to = steps[i]!;
    if (from.owner !== to.owner) {
      result.push({ id: handOffId(from.id, to.id), fromStageId: from.id, toStageId: to.id, fromOwner: from.owner, toOwner: to.owner });
    }
  }
  return result;
}
