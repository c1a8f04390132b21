import { z } from 'zod';
import { KpiStatus, PeriodMonth } from '../kpi/records';
import { IsoDate } from '../records/workspace';

/**
 * The regular joint meeting (定例会): a series with a cadence, its meetings (agenda, notes,
 * decisions, timer) and the action items that carry forward from one meeting to the next.
 * Records are stored per workspace (Dexie rows add `workspaceId`) and travel in workspace files.
 */

const Id = z.string().min(1).max(100);
const MemberId = z.string().min(1).max(100);
/** A calendar date, YYYY-MM-DD (meeting dates and due dates have no time zone). */
export const CalendarDate = z.iso.date();

export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export const Cadence = z.enum(CADENCES);
export type Cadence = z.infer<typeof Cadence>;

export const MeetingSeries = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  cadence: Cadence,
  /** The date of the next meeting of the series (advanced by the cadence when one is planned). */
  nextDate: CalendarDate,
  /**
   * The day of the month a monthly series keeps to (set from its first date): 31 January moves to
   * 29 February and back to 31 March, instead of drifting to the 29th for good. Absent: the day of
   * `nextDate`.
   */
  anchorDay: z.number().int().min(1).max(31).optional(),
  /** Members invited by default to each meeting of the series. */
  defaultAttendeeIds: z.array(MemberId).max(1_000).default([]),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type MeetingSeries = z.infer<typeof MeetingSeries>;

/** What an agenda item is for; the template's items have a kind so the app can show the right tool. */
export const AGENDA_KINDS = ['kpiReview', 'slaAttainment', 'leadQuality', 'campaignPlans', 'personaUpdates', 'actionsReview', 'custom'] as const;
export const AgendaKind = z.enum(AGENDA_KINDS);
export type AgendaKind = z.infer<typeof AgendaKind>;

export const MAX_AGENDA_ITEMS = 100;
export const MAX_ITEM_MINUTES = 480;

export const AgendaItem = z.object({
  id: Id,
  kind: AgendaKind.default('custom'),
  title: z.string().trim().min(1).max(200),
  /** Minutes allotted to the item. */
  minutes: z.number().int().min(1).max(MAX_ITEM_MINUTES),
  ownerId: MemberId.nullable().default(null),
  notes: z.string().max(50_000).default(''),
  /** Time spent on the item so far, excluding a run in progress (see Meeting.timer). */
  elapsedMs: z.number().int().min(0).max(7 * 24 * 3_600_000).default(0),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Decision = z.object({
  id: Id,
  text: z.string().trim().min(1).max(5_000),
  agendaItemId: Id.nullable().default(null),
  createdAt: IsoDate,
});
export type Decision = z.infer<typeof Decision>;

export const MEETING_STATES = ['planned', 'running', 'ended'] as const;
export const MeetingState = z.enum(MEETING_STATES);
export type MeetingState = z.infer<typeof MeetingState>;

/** A KPI as it stood when the meeting ended (kept so the minutes never change afterwards). */
export const KpiSnapshotRow = z.object({
  kpiId: Id,
  name: z.string().max(200),
  unit: z.string().max(20),
  period: PeriodMonth,
  value: z.number().finite().nullable(),
  target: z.number().finite().nullable(),
  status: KpiStatus,
});
export type KpiSnapshotRow = z.infer<typeof KpiSnapshotRow>;

/** The longest meeting title. */
export const MAX_MEETING_TITLE = 200;

export const Meeting = z.object({
  id: Id,
  seriesId: Id.nullable().default(null),
  title: z.string().trim().min(1).max(MAX_MEETING_TITLE),
  date: CalendarDate,
  state: MeetingState.default('planned'),
  attendeeIds: z.array(MemberId).max(1_000).default([]),
  agenda: z.array(AgendaItem).max(MAX_AGENDA_ITEMS).default([]),
  decisions: z.array(Decision).max(1_000).default([]),
  /** The agenda item on screen in run mode. */
  currentItemId: Id.nullable().default(null),
  /** Set while the current item's timer runs: elapsed = item.elapsedMs + (now − runningSince). */
  runningSince: IsoDate.nullable().default(null),
  /** The KPI period the meeting reviews (default: the month before the meeting). */
  kpiPeriod: PeriodMonth.nullable().default(null),
  /** Filled when the meeting ends. */
  kpiSnapshot: z.array(KpiSnapshotRow).max(200).nullable().default(null),
  startedAt: IsoDate.nullable().default(null),
  endedAt: IsoDate.nullable().default(null),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Meeting = z.infer<typeof Meeting>;
export type MeetingInput = z.input<typeof Meeting>;

export const ACTION_STATUSES = ['open', 'inProgress', 'done', 'dropped'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['open', 'inProgress'];

export const ACTION_DEPARTMENTS = ['sales', 'marketing', 'joint'] as const;
export const ActionDepartment = z.enum(ACTION_DEPARTMENTS);
export type ActionDepartment = z.infer<typeof ActionDepartment>;

/**
 * An action item. It lives on its own (not inside a meeting) so it can carry forward: every
 * meeting shows the items still open from earlier meetings; closing one records the meeting
 * it was closed in.
 */
export const ActionItem = z.object({
  id: Id,
  title: z.string().trim().min(1).max(500),
  ownerId: MemberId.nullable().default(null),
  department: ActionDepartment,
  dueDate: CalendarDate.nullable().default(null),
  status: ActionStatus.default('open'),
  /** The meeting that created it (null when added outside a meeting). */
  createdInMeetingId: Id.nullable().default(null),
  agendaItemId: Id.nullable().default(null),
  /** The meeting in which it was marked done or dropped (null when closed outside a meeting). */
  closedInMeetingId: Id.nullable().default(null),
  closedAt: IsoDate.nullable().default(null),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type ActionItem = z.infer<typeof ActionItem>;
export type ActionItemInput = z.input<typeof ActionItem>;
