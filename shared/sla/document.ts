import { z } from 'zod';
import { WorkingCalendar } from '../calendar/calendar';
import { type Funnel, RevenuePlan } from '../funnel/plan';
import { reverseFunnel } from '../funnel/reverseFunnel';
import { FunnelDepartment, FunnelPeriod, FUNNEL_DEPARTMENTS, handOffs, outcomeStages, Stage, StageId } from '../funnel/stages';
import { jsonEqual } from './canonical';
import { Commitment, type CommitmentKind, NATURAL_OWNER, RESPONSE_TIME_KINDS, SlaOwner } from './commitments';

/**
 * The SLA document model. Each section (PRODUCT.md order) has a generated part — structured data
 * derived from the funnel and the commitments, rendered by the UI in the reader's language — and a
 * part the users wrote. Regenerating replaces the generated parts and keeps every user text; a
 * section whose generated part changed is flagged so the UI can ask the users to re-read their text.
 * Everything here is JSON data (hashable by canonical.ts once signed).
 */

export const SLA_SECTION_KEYS = [
  'purpose',
  'parties',
  'validity',
  'definitions',
  'marketingCommitments',
  'salesCommitments',
  'handOff',
  'recycling',
  'feedback',
  'reporting',
  'reviewCadence',
  'escalation',
  'signatures',
] as const;
export const SlaSectionKey = z.enum(SLA_SECTION_KEYS);
export type SlaSectionKey = z.infer<typeof SlaSectionKey>;

export const MAX_SECTION_TEXT = 50_000;
export const MAX_TITLE = 200;

/** A department taking part in the funnel, with the stages it owns (section "parties"). */
export const PartyItem = z.object({
  type: z.literal('party'),
  id: z.string(),
  department: FunnelDepartment,
  stageIds: z.array(StageId),
});

/** A stage definition (sections "definitions" and, for outcomes, "recycling"). */
export const StageItem = z.object({ type: z.literal('stage'), id: z.string(), stage: Stage });

/** A commitment, with all its parameters. */
export const CommitmentItem = z.object({ type: z.literal('commitment'), id: z.string(), commitment: Commitment });

/** The volumes worked back from the revenue goal (section "marketing commitments"). */
export const RequiredVolumesItem = z.object({
  type: z.literal('requiredVolumes'),
  id: z.literal('reverse-funnel'),
  plan: RevenuePlan,
  /** Null when the reverse funnel has problems (listed in `problems`). */
  deals: z.number().int().nullable(),
  rows: z.array(
    z.object({
      stageId: StageId,
      required: z.number().nullable(),
      rate: z.number().nullable(),
      target: z.number().nullable(),
      targetPeriod: FunnelPeriod,
      targetInPeriod: z.number().nullable(),
      gap: z.number().nullable(),
    }),
  ),
  problems: z.array(z.object({ code: z.string(), field: z.string(), stageId: StageId.nullable() })),
});

/** A hand-off and the response-time commitments that cover it (section "hand-off"). */
export const HandOffItem = z.object({
  type: z.literal('handOff'),
  id: z.string(),
  fromStageId: StageId,
  toStageId: StageId,
  fromOwner: FunnelDepartment,
  toOwner: FunnelDepartment,
  commitmentIds: z.array(z.string()),
});

export const SCORECARD_METRICS = ['volume', 'data-completeness', 'first-contact-time', 'contact-attempts', 'accept-reject-time'] as const;

/** A scorecard row: target and owner (actual and variance come from KPI values at report time). */
export const ScorecardItem = z.object({
  type: z.literal('scorecard'),
  id: z.string(),
  commitmentId: z.string(),
  owner: SlaOwner.nullable(),
  metric: z.enum(SCORECARD_METRICS),
  target: z.number(),
  unit: z.enum(['records', 'percent', 'hours', 'business-hours', 'attempts']),
  direction: z.enum(['higher', 'lower']),
  /** Per period (volume) or null. */
  per: FunnelPeriod.nullable(),
  /** Within N days (attempts) or null. */
  withinDays: z.number().int().nullable(),
});

/**
 * The working calendar that "business hours" means (section "definitions"): part of the signed
 * content, so a later change of the workspace's calendar is a change of the SLA, not a silent one.
 */
export const CalendarItem = z.object({ type: z.literal('calendar'), id: z.literal('working-calendar'), calendar: WorkingCalendar });

export const GeneratedItem = z.discriminatedUnion('type', [PartyItem, StageItem, CommitmentItem, RequiredVolumesItem, HandOffItem, ScorecardItem, CalendarItem]);
export type GeneratedItem = z.infer<typeof GeneratedItem>;

export const SlaSection = z.object({
  key: SlaSectionKey,
  generated: z.array(GeneratedItem).default([]),
  /** What the users wrote for this section (plain text; never touched by regeneration). */
  text: z.string().max(MAX_SECTION_TEXT).default(''),
  /** The generated part changed since the users last acknowledged it (their text may be stale). */
  generatedChanged: z.boolean().default(false),
});
export type SlaSection = z.infer<typeof SlaSection>;

export const Validity = z.object({ from: z.iso.date().nullable().default(null), until: z.iso.date().nullable().default(null) });
export type Validity = z.infer<typeof Validity>;

export const SlaDocument = z.object({
  schemaVersion: z.literal(1).default(1),
  title: z.string().trim().max(MAX_TITLE).default(''),
  validity: Validity.prefault({}),
  sections: z
    .array(SlaSection)
    .refine((sections) => sections.length === SLA_SECTION_KEYS.length && sections.every((section, i) => section.key === SLA_SECTION_KEYS[i]), {
      message: 'Sections must be exactly the SLA sections, in order',
    }),
});
export type SlaDocument = z.infer<typeof SlaDocument>;

type CommitmentSection = Extract<SlaSectionKey, 'marketingCommitments' | 'salesCommitments' | 'recycling' | 'feedback' | 'reviewCadence'>;

/** The section that lists a commitment: by kind, else by owner (unassigned ones by the kind's usual owner). */
export function sectionOfCommitment(commitment: Pick<Commitment, 'kind' | 'owner'>): CommitmentSection {
  const byKind: Partial<Record<CommitmentKind, CommitmentSection>> = { recycle: 'recycling', feedback: 'feedback', reviewCadence: 'reviewCadence' };
  const section = byKind[commitment.kind];
  if (section) return section;
  return (commitment.owner ?? NATURAL_OWNER[commitment.kind]) === 'marketing' ? 'marketingCommitments' : 'salesCommitments';
}

function scorecardOf(commitment: Commitment): z.infer<typeof ScorecardItem> | null {
  const row = { type: 'scorecard' as const, id: `scorecard:${commitment.id}`, commitmentId: commitment.id, owner: commitment.owner };
  switch (commitment.kind) {
    case 'volume':
      return { ...row, metric: 'volume', target: commitment.count, unit: 'records', direction: 'higher', per: commitment.period, withinDays: null };
    case 'quality':
      return { ...row, metric: 'data-completeness', target: commitment.completenessPercent, unit: 'percent', direction: 'higher', per: null, withinDays: null };
    case 'firstContact':
      return {
        ...row,
        metric: 'first-contact-time',
        target: commitment.withinHours,
        unit: commitment.businessHours ? 'business-hours' : 'hours',
        direction: 'lower',
        per: null,
        withinDays: null,
      };
    case 'attempts':
      return { ...row, metric: 'contact-attempts', target: commitment.attempts, unit: 'attempts', direction: 'higher', per: null, withinDays: commitment.days };
    case 'acceptReject':
      return {
        ...row,
        metric: 'accept-reject-time',
        target: commitment.withinHours,
        unit: commitment.businessHours ? 'business-hours' : 'hours',
        direction: 'lower',
        per: null,
        withinDays: null,
      };
    default:
      return null;
  }
}

/** The working calendar a document states (its definitions), or null when it states none (documents made before calendars existed). */
export function calendarOfDocument(document: SlaDocument): WorkingCalendar | null {
  for (const section of document.sections) {
    for (const item of section.generated) if (item.type === 'calendar') return item.calendar;
  }
  return null;
}

/** The generated part of every section, from the funnel, the commitments and the working calendar (when given). */
export function generateSections(funnel: Funnel, commitments: readonly Commitment[], calendar: WorkingCalendar | null = null): Record<SlaSectionKey, GeneratedItem[]> {
  const sections = Object.fromEntries(SLA_SECTION_KEYS.map((key) => [key, [] as GeneratedItem[]])) as Record<SlaSectionKey, GeneratedItem[]>;
  const clone = <T>(value: T): T => structuredClone(value);

  for (const department of FUNNEL_DEPARTMENTS) {
    const stageIds = funnel.stages.filter((stage) => stage.owner === department).map((stage) => stage.id);
    if (department !== 'joint' || stageIds.length > 0) sections.parties.push({ type: 'party', id: `party:${department}`, department, stageIds });
  }

  for (const stage of funnel.stages) sections.definitions.push({ type: 'stage', id: stage.id, stage: clone(stage) });
  if (calendar) sections.definitions.push({ type: 'calendar', id: 'working-calendar', calendar: clone(calendar) });

  const reverse = reverseFunnel(funnel.plan, funnel.stages);
  sections.marketingCommitments.push({
    type: 'requiredVolumes',
    id: 'reverse-funnel',
    plan: clone(funnel.plan),
    deals: reverse.ok ? reverse.deals : null,
    rows: reverse.ok ? reverse.stages.map((row) => ({ ...row })) : [],
    problems: reverse.ok ? [] : reverse.problems.map((problem) => ({ ...problem })),
  });

  // Recycling: the outcome stages (lost, recycled) first, then the recycle commitments.
  for (const stage of outcomeStages(funnel.stages)) sections.recycling.push({ type: 'stage', id: stage.id, stage: clone(stage) });

  for (const commitment of commitments) {
    sections[sectionOfCommitment(commitment)].push({ type: 'commitment', id: commitment.id, commitment: clone(commitment) });
  }

  const responses = commitments.filter((commitment) => (RESPONSE_TIME_KINDS as readonly string[]).includes(commitment.kind));
  for (const handOff of handOffs(funnel.stages)) {
    const covering = responses.filter((commitment) => {
      const stageId = 'stageId' in commitment ? commitment.stageId : null;
      return (
        commitment.owner !== null &&
        (handOff.toOwner === 'joint' || commitment.owner === handOff.toOwner) &&
        (stageId === null || stageId === handOff.fromStageId || stageId === handOff.toStageId)
      );
    });
    sections.handOff.push({ type: 'handOff', ...handOff, commitmentIds: covering.map((commitment) => commitment.id) });
  }

  for (const commitment of commitments) {
    const row = scorecardOf(commitment);
    if (row) sections.reporting.push(row);
  }
  return sections;
}

export interface NewDocumentOptions {
  title?: string;
  validity?: Partial<Validity>;
  /** The working calendar to state; regenerate keeps the previous document's when undefined. */
  calendar?: WorkingCalendar | null;
}

/**
 * The document regenerated from the funnel and the commitments. From `previous` it keeps the title,
 * the validity and every section's user text, untouched. A section whose generated part differs
 * from the previous one gets `generatedChanged: true` (and keeps it until acknowledged).
 * With `previous` null, a new document with empty texts.
 */
export function regenerate(previous: SlaDocument | null, funnel: Funnel, commitments: readonly Commitment[], options: NewDocumentOptions = {}): SlaDocument {
  const calendar = options.calendar !== undefined ? options.calendar : previous ? calendarOfDocument(previous) : null;
  const generated = generateSections(funnel, commitments, calendar);
  return SlaDocument.parse({
    schemaVersion: 1,
    title: previous ? previous.title : (options.title ?? ''),
    validity: previous ? { ...previous.validity } : { from: null, until: null, ...options.validity },
    sections: SLA_SECTION_KEYS.map((key) => {
      const before = previous?.sections.find((section) => section.key === key);
      const items = generated[key];
      return {
        key,
        generated: items,
        text: before?.text ?? '',
        generatedChanged: before ? before.generatedChanged || !jsonEqual(before.generated, items) : false,
      };
    }),
  });
}

/** A new document (empty user texts). */
export function createDocument(funnel: Funnel, commitments: readonly Commitment[], options: NewDocumentOptions = {}): SlaDocument {
  return regenerate(null, funnel, commitments, options);
}

export function getSection(doc: SlaDocument, key: SlaSectionKey): SlaSection {
  const section = doc.sections.find((candidate) => candidate.key === key);
  if (!section) throw new Error(`Section ${key} missing`);
  return section;
}

function mapSection(doc: SlaDocument, key: SlaSectionKey, update: (section: SlaSection) => SlaSection): SlaDocument {
  return { ...doc, sections: doc.sections.map((section) => (section.key === key ? update(section) : section)) };
}

/** Sets a section's user text (validated length). */
export function setSectionText(doc: SlaDocument, key: SlaSectionKey, text: string): SlaDocument {
  const valid = SlaSection.shape.text.parse(text);
  return mapSection(doc, key, (section) => ({ ...section, text: valid }));
}

/** The users have re-read the section after its generated part changed: clears the flag. */
export function acknowledgeGenerated(doc: SlaDocument, key: SlaSectionKey): SlaDocument {
  return mapSection(doc, key, (section) => ({ ...section, generatedChanged: false }));
}

export function setTitle(doc: SlaDocument, title: string): SlaDocument {
  return { ...doc, title: SlaDocument.shape.title.parse(title) };
}

/** Sets the validity period (YYYY-MM-DD or null). Throws when `until` is before `from`. */
export function setValidity(doc: SlaDocument, validity: Partial<Validity>): SlaDocument {
  const next = Validity.parse({ ...doc.validity, ...validity });
  if (next.from !== null && next.until !== null && next.until < next.from) throw new RangeError('Validity ends before it starts');
  return { ...doc, validity: next };
}

// ---------------------------------------------------------------------------------------------
// Diff: what changed since the last signed version.

export interface FieldChange {
  /** Dot path inside the item (or document field), e.g. `commitment.withinHours`. */
  path: string;
  /** undefined when the field did not exist on that side. */
  before: unknown;
  after: unknown;
}

export interface ItemChange {
  type: GeneratedItem['type'];
  id: string;
  before: GeneratedItem;
  after: GeneratedItem;
  changes: FieldChange[];
}

export type TextLine = { op: 'equal' | 'added' | 'removed'; text: string };

export interface TextChange {
  before: string;
  after: string;
  /** Line diff (longest common subsequence); one removed + one added block for very long texts. */
  lines: TextLine[];
}

export interface SectionDiff {
  key: SlaSectionKey;
  added: GeneratedItem[];
  removed: GeneratedItem[];
  changed: ItemChange[];
  /** Items present on both sides appear in a different order (e.g. stages reordered). */
  reordered: boolean;
  /** Null when the user text is the same. */
  text: TextChange | null;
  /** Document-level fields shown in this section (validity dates in "validity"). */
  fields: FieldChange[];
}

export interface SlaDiff {
  changed: boolean;
  /** Document-level changes not tied to a section (the title). */
  fields: FieldChange[];
  /** Only the sections with a change, in section order. */
  sections: SectionDiff[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaf-level differences between two JSON values (arrays compared as a whole). */
export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => fieldChanges(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (before === undefined && after === undefined) return [];
  if (before !== undefined && after !== undefined && jsonEqual(before, after)) return [];
  return [{ path, before, after }];
}

const MAX_LCS_CELLS = 4_000_000;

/** Line diff of two texts by longest common subsequence. */
export function diffLines(before: string, after: string): TextLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  if (a.length * b.length > MAX_LCS_CELLS) {
    return [...a.map((text) => ({ op: 'removed' as const, text })), ...b.map((text) => ({ op: 'added' as const, text }))];
  }
  // lengths[i][j] = LCS length of a[i..] and b[j..]
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const lines: TextLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ op: 'equal', text: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      lines.push({ op: 'removed', text: a[i]! });
      i++;
    } else {
      lines.push({ op: 'added', text: b[j]! });
      j++;
    }
  }
  for (; i < a.length; i++) lines.push({ op: 'removed', text: a[i]! });
  for (; j < b.length; j++) lines.push({ op: 'added', text: b[j]! });
  return lines;
}

const itemKey = (item: GeneratedItem): string => `${item.type}:${item.id}`;

function diffSection(before: SlaSection, after: SlaSection, fields: FieldChange[]): SectionDiff {
  const beforeByKey = new Map(before.generated.map((item) => [itemKey(item), item]));
  const afterByKey = new Map(after.generated.map((item) => [itemKey(item), item]));
  const added = after.generated.filter((item) => !beforeByKey.has(itemKey(item)));
  const removed = before.generated.filter((item) => !afterByKey.has(itemKey(item)));
  const changed: ItemChange[] = [];
  for (const item of after.generated) {
    const previous = beforeByKey.get(itemKey(item));
    if (!previous) continue;
    const changes = fieldChanges(previous, item);
    if (changes.length > 0) changed.push({ type: item.type, id: item.id, before: previous, after: item, changes });
  }
  const commonBefore = before.generated.map(itemKey).filter((key) => afterByKey.has(key));
  const commonAfter = after.generated.map(itemKey).filter((key) => beforeByKey.has(key));
  const reordered = commonBefore.some((key, i) => key !== commonAfter[i]);
  const text = before.text === after.text ? null : { before: before.text, after: after.text, lines: diffLines(before.text, after.text) };
  return { key: after.key, added, removed, changed, reordered, text, fields };
}

/**
 * What changed from `signed` (the last signed version's document) to `draft`: per section, the
 * generated items added, removed and changed (with their changed fields), reordering, and the user
 * text (with a line diff); plus the title and validity. `generatedChanged` flags are UI state and
 * are not reported.
 */
export function diff(signed: SlaDocument, draft: SlaDocument): SlaDiff {
  const validityChanges = fieldChanges(signed.validity, draft.validity, 'validity');
  const sections = SLA_SECTION_KEYS.map((key) =>
    diffSection(getSection(signed, key), getSection(draft, key), key === 'validity' ? validityChanges : []),
  ).filter((section) => section.added.length + section.removed.length + section.changed.length + section.fields.length > 0 || section.reordered || section.text !== null);
  const fields = fieldChanges({ title: signed.title }, { title: draft.title });
  return { changed: sections.length > 0 || fields.length > 0, fields, sections };
}

/** The commitments stored in a document (its commitment items, in section order). */
export function commitmentsOf(document: SlaDocument): Commitment[] {
  return document.sections.flatMap((section) => section.generated.flatMap((item) => (item.type === 'commitment' ? [item.commitment] : [])));
}

/** The stages a document was generated from (its definitions), for names in every section. */
export function stagesOf(document: SlaDocument): Stage[] {
  const definitions = document.sections.find((section) => section.key === 'definitions');
  return (definitions?.generated ?? []).flatMap((item) => (item.type === 'stage' ? [item.stage] : []));
}
