import { daysBetween } from './cadence';
import { type ActionItem, type ActionStatus, type Meeting, OPEN_ACTION_STATUSES } from './records';

/**
 * Action items and the carry-forward rule: a meeting shows every item still open from earlier
 * meetings, the items created in it, and the items closed in it. The rule is written on the
 * records alone (no clock), so a past meeting's minutes read the same tomorrow as today.
 */

export function isOpen(action: Pick<ActionItem, 'status'>): boolean {
  return OPEN_ACTION_STATUSES.includes(action.status);
}

export function isClosedStatus(status: ActionStatus): boolean {
  return !OPEN_ACTION_STATUSES.includes(status);
}

/** Overdue: still open and due before `today` (YYYY-MM-DD). An item due today is not overdue yet. */
export function isOverdue(action: Pick<ActionItem, 'status' | 'dueDate'>, today: string): boolean {
  return isOpen(action) && action.dueDate !== null && action.dueDate < today;
}

/** Days past due (0 when not overdue). */
export function daysOverdue(action: Pick<ActionItem, 'status' | 'dueDate'>, today: string): number {
  return isOverdue(action, today) ? daysBetween(action.dueDate!, today) : 0;
}

/**
 * Overdue in a meeting's minutes: the item stood open in the meeting (listed by actionsForMeeting
 * and not closed in it: one closed in a later meeting was still open here) and was due before the
 * meeting's own date. The minutes are the record of that day, so they count against it, not
 * against the day they are printed; live pages (the meeting page, run mode, the lists) count
 * against today with isOverdue, and say so where the two days differ.
 */
export function isOverdueInMeeting(entry: Pick<MeetingAction, 'action' | 'closedHere'>, meetingDate: string): boolean {
  return !entry.closedHere && entry.action.dueDate !== null && entry.action.dueDate < meetingDate;
}

type MeetingKey = Pick<Meeting, 'id' | 'date' | 'createdAt'>;

/** Meetings in the order they happen: by date, then by when they were planned, then by id. */
export function compareMeetings(a: MeetingKey, b: MeetingKey): number {
  return a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export function sortMeetings<T extends MeetingKey>(meetings: readonly T[]): T[] {
  return [...meetings].sort(compareMeetings);
}

/** How an action item stands in one meeting. */
export type MeetingAction = {
  action: ActionItem;
  /** 'new': created in this meeting; 'carried': created earlier and still open when it began. */
  origin: 'new' | 'carried';
  /** Marked done or dropped in this meeting. */
  closedHere: boolean;
};

/**
 * The action items of `meeting`, given every action item and every meeting of the workspace:
 *
 * - created in this meeting → 'new';
 * - created before it (in an earlier meeting, or outside any meeting before it started) and not
 *   closed before it → 'carried';
 * - closed before it means: in an earlier meeting, or outside any meeting before it started
 *   (a planned meeting has not started: everything closed so far is before it);
 * - an item closed in this meeting is listed with closedHere; closed in a later meeting, it was
 *   still open here and is listed as open.
 *
 * An item whose meeting was deleted counts as made (or closed) outside a meeting at its time.
 * Order: carried items first (earliest due date first, undated last, then oldest first), then the
 * new ones in the order they were written.
 */
export function actionsForMeeting(
  meeting: Meeting,
  allActions: readonly ActionItem[],
  meetings: readonly Meeting[],
): MeetingAction[] {
  const order = new Map(sortMeetings(meetings.some((m) => m.id === meeting.id) ? meetings : [...meetings, meeting]).map((m, index) => [m.id, index]));
  const here = order.get(meeting.id)!;
  // Outside-a-meeting times are compared with when this meeting began; not begun: after everything.
  const began = meeting.startedAt;
  const before = (time: string) => began === null || time < began;

  const carried: MeetingAction[] = [];
  const created: MeetingAction[] = [];
  for (const action of allActions) {
    const closedHere = action.closedInMeetingId === meeting.id && isClosedStatus(action.status);
    if (action.createdInMeetingId === meeting.id) {
      created.push({ action, origin: 'new', closedHere });
      continue;
    }
    const origin = action.createdInMeetingId === null ? undefined : order.get(action.createdInMeetingId);
    const createdBefore = origin !== undefined ? origin < here : before(action.createdAt);
    if (!createdBefore) continue;
    if (isClosedStatus(action.status) && !closedHere) {
      const closedAt = action.closedInMeetingId === null ? undefined : order.get(action.closedInMeetingId);
      const closedBefore = closedAt !== undefined ? closedAt < here : before(action.closedAt ?? action.updatedAt);
      if (closedBefore) continue;
    }
    carried.push({ action, origin: 'carried', closedHere });
  }
  const byDue = (a: MeetingAction, b: MeetingAction) =>
    (a.action.dueDate ?? '9999-12-31').localeCompare(b.action.dueDate ?? '9999-12-31') ||
    a.action.createdAt.localeCompare(b.action.createdAt) ||
    a.action.id.localeCompare(b.action.id);
  const byCreated = (a: MeetingAction, b: MeetingAction) => a.action.createdAt.localeCompare(b.action.createdAt) || a.action.id.localeCompare(b.action.id);
  return [...carried.sort(byDue), ...created.sort(byCreated)];
}

/**
 * A status change. Closing (done / dropped) records the meeting it happened in (null outside a
 * meeting) and when; reopening clears both.
 */
export function withStatus(action: ActionItem, status: ActionStatus, meetingId: string | null, now: string): ActionItem {
  if (status === action.status) return action;
  if (isClosedStatus(status)) {
    // Done → dropped keeps where and when it was first closed.
    if (isClosedStatus(action.status)) return { ...action, status, updatedAt: now };
    return { ...action, status, closedInMeetingId: meetingId, closedAt: now, updatedAt: now };
  }
  return { ...action, status, closedInMeetingId: null, closedAt: null, updatedAt: now };
}

/** Open items of the workspace, overdue first, then by due date (undated last), then oldest first. */
export function openActions(allActions: readonly ActionItem[], today: string): ActionItem[] {
  return allActions
    .filter(isOpen)
    .sort(
      (a, b) =>
        Number(isOverdue(b, today)) - Number(isOverdue(a, today)) ||
        (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
}
