import { z } from 'zod';

/**
 * Board node types, declared once. A board's Y.Doc holds `nodes: Y.Map<id, Y.Map<field, value>>`;
 * each node map has `type`, `x`, `y` plus the fields of its type. These schemas read a node map's
 * JSON leniently (unknown fields are kept by the Y.Map, defaults fill the gaps), so a board written
 * by a newer or older version still opens.
 */
export const STICKY_DEPARTMENTS = ['sales', 'marketing', 'joint'] as const;
export const StickyDepartment = z.enum(STICKY_DEPARTMENTS);
export type StickyDepartment = z.infer<typeof StickyDepartment>;

export const BUYING_ROLES = ['decision-maker', 'influencer', 'user', 'gatekeeper'] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

/** Persona card fields in display order; long ones are multi-line. */
export const PERSONA_TEXT_FIELDS = [
  'name',
  'title',
  'industry',
  'companySize',
  'department',
  'responsibilities',
  'goals',
  'challenges',
  'triggers',
  'objections',
  'decisionCriteria',
  'channels',
  'preferredContent',
  'quote',
  'dayInLife',
] as const;
export type PersonaTextField = (typeof PERSONA_TEXT_FIELDS)[number];
export const MULTILINE_PERSONA_FIELDS: readonly PersonaTextField[] = [
  'responsibilities',
  'goals',
  'challenges',
  'triggers',
  'objections',
  'decisionCriteria',
  'channels',
  'preferredContent',
  'dayInLife',
];

/** Zones of the persona template; each maps to the persona field its notes are promoted into. */
export const PERSONA_ZONES = ['goals', 'challenges', 'triggers', 'objections', 'channels'] as const;
export type PersonaZone = (typeof PERSONA_ZONES)[number];

const finite = (fallback: number) => z.number().finite().catch(fallback);
const text = z.string().max(20_000).catch('');

const base = { x: finite(0), y: finite(0) };

export const StickyNodeData = z.object({
  type: z.literal('sticky'),
  ...base,
  text,
  department: StickyDepartment.catch('joint'),
  authorId: z.string().nullable().catch(null),
  /** Persona field this note was promoted into (the note stays, marked). */
  promotedTo: z.enum(PERSONA_TEXT_FIELDS).nullable().catch(null),
  /** Dots received in revealed votes, summed. */
  votes: z.number().int().nonnegative().catch(0),
  /**
   * Member ids of who gave those dots, one entry per dot, in reveal order (a member appears twice
   * after two rounds). Anonymous rounds add to `votes` only, so this may be shorter than `votes`.
   */
  voters: z.array(z.string().max(100)).max(10_000).catch([]),
});
export type StickyNodeData = z.infer<typeof StickyNodeData>;

export const PersonaNodeData = z.object({
  type: z.literal('persona'),
  ...base,
  ...(Object.fromEntries(PERSONA_TEXT_FIELDS.map((field) => [field, text])) as Record<PersonaTextField, typeof text>),
  buyingRole: z.enum(BUYING_ROLES).nullable().catch(null),
  /** Key of a resized photo in the `assets` table, or null for initials. */
  photoId: z.string().nullable().catch(null),
});
export type PersonaNodeData = z.infer<typeof PersonaNodeData>;

export const ZoneNodeData = z.object({
  type: z.literal('zone'),
  ...base,
  zone: z.enum(PERSONA_ZONES),
  width: finite(560),
  height: finite(420),
});
export type ZoneNodeData = z.infer<typeof ZoneNodeData>;

export const BoardNodeData = z.discriminatedUnion('type', [StickyNodeData, PersonaNodeData, ZoneNodeData]);
export type BoardNodeData = z.infer<typeof BoardNodeData>;
export type BoardNodeType = BoardNodeData['type'];

/** Parses a node map's JSON; null for unknown types (dropped from view, kept in the doc). */
export function readNodeData(json: unknown): BoardNodeData | null {
  const parsed = BoardNodeData.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * World size of a sticky note. Notes are this wide; their height grows with the text, so geometry
 * that has no measured height (pure code, a co-editor's view) uses this as the height.
 */
export const STICKY_SIZE = { width: 260, height: 160 } as const;

/** The persona field the notes of each template zone are promoted into by default. */
export const ZONE_FIELD: Record<PersonaZone, PersonaTextField> = {
  goals: 'goals',
  challenges: 'challenges',
  triggers: 'triggers',
  objections: 'objections',
  channels: 'channels',
};

/**
 * A funnel stage on a funnel board (`shared/funnel/stages.ts` holds the stage record and its
 * rules). The node map's key is the stage id; `order` puts the stages in funnel order; `x`/`y` are
 * unused (the funnel is laid out automatically). Deliberately not part of `BoardNodeData`: the
 * persona board engine ignores stage nodes (unknown types are dropped from view, kept in the doc),
 * and funnel boards are drawn by the funnel view (renderer/src/features/funnel).
 */
export const StageNodeData = z.object({
  type: z.literal('stage'),
  ...base,
  order: finite(0),
  key: z.enum(['prospect', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'won', 'lost', 'recycled']).nullable().catch(null),
  kind: z.enum(['step', 'outcome']).catch('step'),
  name: z.string().max(100).catch(''),
  owner: z.enum(['marketing', 'sales', 'joint']).catch('marketing'),
  entryDefinition: z.string().max(5_000).catch(''),
  targetVolume: z.number().int().nonnegative().nullable().catch(null),
  conversionRate: z.number().min(0).max(1).nullable().catch(null),
  period: z.enum(['month', 'quarter']).catch('month'),
});
export type StageNodeData = z.infer<typeof StageNodeData>;
