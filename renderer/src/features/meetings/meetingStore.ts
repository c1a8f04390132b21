import { isClosedStatus, sortMeetings, withStatus } from '@shared/meetings/actions';
import { dayOfMonth, nextDateByCadence } from '@shared/meetings/cadence';
import {
  ActionItem,
  type ActionItemInput,
  type ActionStatus,
  type AgendaItem,
  type Cadence,
  type KpiSnapshotRow,
  Meeting,
  MeetingSeries,
} from '@shared/meetings/records';
import { endMeeting } from '@shared/meetings/timer';
import { type ActionItemRow, type AlignboardDb, db as defaultDb, type MeetingRow, type MeetingSeriesRow } from '../../db/db';
import { newId, nowIso } from '../../db/ids';
import { writeAll } from '../../db/write';

/**
 * The meetings data layer: series, meetings and action items of a workspace. Every write parses
 * the record with its zod schema first (nothing half-valid is stored) and goes through writeAll
 * (one transaction; a full disk becomes StorageFullError). Changes to a meeting are computed from
 * the row read inside the transaction, so two quick edits (a note and a timer tick) never
 * overwrite each other.
 */

export class MeetingNotFoundError extends Error {
  constructor(id: string) {
    super(`Meeting ${id} does not exist`);
    this.name = 'MeetingNotFoundError';
  }
}

const strip = <T extends { workspaceId: string }>({ workspaceId: _, ...record }: T): Omit<T, 'workspaceId'> => record;

async function touch(database: AlignboardDb, workspaceId: string, now: string) {
  await database.workspaces.update(workspaceId, { updatedAt: now });
}

// ---------------------------------------------------------------------------------------------
// Series

export async function listSeries(workspaceId: string, database: AlignboardDb = defaultDb): Promise<MeetingSeriesRow[]> {
  return (await database.meetingSeries.where('workspaceId').equals(workspaceId).toArray()).sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

export type SeriesInput = { name: string; cadence: Cadence; nextDate: string; defaultAttendeeIds: string[] };

export async function createSeries(workspaceId: string, input: SeriesInput, database: AlignboardDb = defaultDb): Promise<MeetingSeriesRow> {
  const now = nowIso();
  const series = MeetingSeries.parse({ id: newId(), ...input, anchorDay: dayOfMonth(input.nextDate), createdAt: now, updatedAt: now });
  const row = { ...series, workspaceId };
  await writeAll(database, async () => {
    await database.meetingSeries.add(row);
    await touch(database, workspaceId, now);
  });
  return row;
}

export async function updateSeries(workspaceId: string, id: string, patch: Partial<SeriesInput>, database: AlignboardDb = defaultDb): Promise<MeetingSeriesRow> {
  const now = nowIso();
  return writeAll(database, async () => {
    const current = await database.meetingSeries.get([workspaceId, id]);
    if (!current) throw new Error(`Meeting series ${id} does not exist`);
    // A new next date set by hand becomes the monthly anchor; so does the next date of a series
    // that turns monthly (a weekly series moved on from the day it was set up on: its old anchor
    // would put the meeting after 4 January on 9 February).
    const dateChanged = patch.nextDate !== undefined && patch.nextDate !== current.nextDate;
    const turnsMonthly = patch.cadence === 'monthly' && current.cadence !== 'monthly';
    const anchorDay = dateChanged || turnsMonthly ? dayOfMonth(patch.nextDate ?? current.nextDate) : current.anchorDay;
    const row = { ...MeetingSeries.parse({ ...strip(current), ...patch, anchorDay, updatedAt: now }), workspaceId };
    await database.meetingSeries.put(row);
    await touch(database, workspaceId, now);
    return row;
  });
}

/**
 * Deletes a series. Its meetings and action items stay as they are (meetings keep their
 * `seriesId`, which then names no series); planning new meetings needs a series again.
 * Returns the deleted row for restoreSeries (undo), null when there was none.
 */
export async function deleteSeries(workspaceId: string, id: string, database: AlignboardDb = defaultDb): Promise<MeetingSeriesRow | null> {
  return writeAll(database, async () => {
    const current = await database.meetingSeries.get([workspaceId, id]);
    if (!current) return null;
    await database.meetingSeries.delete([workspaceId, id]);
    await touch(database, workspaceId, nowIso());
    return current;
  });
}

/** Undo of deleteSeries: the row exactly as it was (nothing when the workspace is gone meanwhile). */
export async function restoreSeries(row: MeetingSeriesRow, database: AlignboardDb = defaultDb): Promise<void> {
  await writeAll(database, async () => {
    if (!(await database.workspaces.get(row.workspaceId))) return;
    await database.meetingSeries.put(row);
    await touch(database, row.workspaceId, nowIso());
  });
}

// ---------------------------------------------------------------------------------------------
// Meetings

export async function listMeetings(workspaceId: string, database: AlignboardDb = defaultDb): Promise<MeetingRow[]> {
  return sortMeetings(await database.meetings.where('workspaceId').equals(workspaceId).toArray());
}

export async function getMeeting(workspaceId: string, id: string, database: AlignboardDb = defaultDb): Promise<MeetingRow | null> {
  return (await database.meetings.get([workspaceId, id])) ?? null;
}

export type PlanInput = {
  seriesId: string | null;
  title: string;
  date: string;
  attendeeIds: string[];
  agenda: AgendaItem[];
  kpiPeriod: string | null;
};

/**
 * Plans a meeting. When it belongs to a series and is on or after the series' next date, the
 * series moves on to the following date of its cadence.
 */
export async function planMeeting(workspaceId: string, input: PlanInput, database: AlignboardDb = defaultDb): Promise<MeetingRow> {
  const now = nowIso();
  const meeting = Meeting.parse({ id: newId(), ...input, state: 'planned', createdAt: now, updatedAt: now });
  const row = { ...meeting, workspaceId };
  await writeAll(database, async () => {
    if (input.seriesId) {
      const series = await database.meetingSeries.get([workspaceId, input.seriesId]);
      if (!series) throw new Error(`Meeting series ${input.seriesId} does not exist`);
      if (input.date >= series.nextDate) {
        const nextDate = nextDateByCadence(input.date, series.cadence, series.anchorDay);
        await database.meetingSeries.put({ ...series, nextDate, updatedAt: now });
      }
    }
    await database.meetings.add(row);
    await touch(database, workspaceId, now);
  });
  return row;
}

/**
 * Applies `change` to the stored meeting inside one transaction and writes the parsed result.
 * `now` is the transaction's clock in milliseconds (the timer functions take it).
 */
export async function updateMeeting(
  workspaceId: string,
  id: string,
  change: (meeting: Meeting, now: number) => Meeting,
  database: AlignboardDb = defaultDb,
): Promise<MeetingRow> {
  return writeAll(database, async () => {
    const current = await database.meetings.get([workspaceId, id]);
    if (!current) throw new MeetingNotFoundError(id);
    const now = Date.now();
    const base = strip(current);
    const changed = change(base, now);
    if (changed === base) return current;
    const row = { ...Meeting.parse({ ...changed, id, updatedAt: new Date(now).toISOString() }), workspaceId };
    await database.meetings.put(row);
    await touch(database, workspaceId, row.updatedAt);
    return row;
  });
}

/**
 * Ends a meeting: the timer stops with its time kept, state 'ended', endedAt now, and the KPI
 * snapshot (computed by the caller, outside the transaction) stored so the minutes never change.
 */
export function finishMeeting(workspaceId: string, id: string, kpiSnapshot: KpiSnapshotRow[] | null, database: AlignboardDb = defaultDb) {
  return updateMeeting(workspaceId, id, (meeting, now) => ({ ...endMeeting(meeting, now), kpiSnapshot: kpiSnapshot ?? meeting.kpiSnapshot }), database);
}

/** Deletes a meeting (not a running one). Its action items stay, as items made outside a meeting. */
export async function deleteMeeting(workspaceId: string, id: string, database: AlignboardDb = defaultDb): Promise<MeetingRow | null> {
  return writeAll(database, async () => {
    const current = await database.meetings.get([workspaceId, id]);
    if (!current) return null;
    if (current.state === 'running') throw new Error('A running meeting cannot be deleted; end it first');
    await database.meetings.delete([workspaceId, id]);
    await touch(database, workspaceId, nowIso());
    return current;
  });
}

/** Undo of deleteMeeting. */
export async function restoreMeeting(row: MeetingRow, database: AlignboardDb = defaultDb): Promise<void> {
  await writeAll(database, async () => {
    if (!(await database.workspaces.get(row.workspaceId))) return;
    await database.meetings.put(row);
    await touch(database, row.workspaceId, nowIso());
  });
}

// ---------------------------------------------------------------------------------------------
// Action items

export async function listActions(workspaceId: string, database: AlignboardDb = defaultDb): Promise<ActionItemRow[]> {
  return database.actionItems.where('workspaceId').equals(workspaceId).toArray();
}

export type ActionInput = Pick<ActionItemInput, 'title' | 'ownerId' | 'department' | 'dueDate'> & {
  createdInMeetingId?: string | null;
  agendaItemId?: string | null;
};

export async function addAction(workspaceId: string, input: ActionInput, database: AlignboardDb = defaultDb): Promise<ActionItemRow> {
  const now = nowIso();
  const row = { ...ActionItem.parse({ id: newId(), ...input, status: 'open', createdAt: now, updatedAt: now }), workspaceId };
  await writeAll(database, async () => {
    if (input.createdInMeetingId && !(await database.meetings.get([workspaceId, input.createdInMeetingId]))) {
      throw new MeetingNotFoundError(input.createdInMeetingId);
    }
    await database.actionItems.add(row);
    await touch(database, workspaceId, now);
  });
  return row;
}

export async function updateAction(
  workspaceId: string,
  id: string,
  change: (action: ActionItem, now: string) => ActionItem,
  database: AlignboardDb = defaultDb,
): Promise<ActionItemRow> {
  return writeAll(database, async () => {
    const current = await database.actionItems.get([workspaceId, id]);
    if (!current) throw new Error(`Action item ${id} does not exist`);
    const now = nowIso();
    const row = { ...ActionItem.parse({ ...change(strip(current), now), id, updatedAt: now }), workspaceId };
    await database.actionItems.put(row);
    await touch(database, workspaceId, now);
    return row;
  });
}

/** Sets the status; closing records `meetingId` (null: outside a meeting) and the time. */
export function setActionStatus(workspaceId: string, id: string, status: ActionStatus, meetingId: string | null, database: AlignboardDb = defaultDb) {
  return updateAction(workspaceId, id, (action, now) => withStatus(action, status, meetingId, now), database);
}

/**
 * Undo of a status change: the status, and where and when the item was closed, exactly as in
 * `before` (setting the old status again would record this meeting and now as where it was closed,
 * and the minutes of the meeting it was really closed in would list it as still open).
 */
export function restoreActionStatus(workspaceId: string, before: Pick<ActionItem, 'id' | 'status' | 'closedInMeetingId' | 'closedAt'>, database: AlignboardDb = defaultDb) {
  return updateAction(
    workspaceId,
    before.id,
    (action) => ({ ...action, status: before.status, closedInMeetingId: before.closedInMeetingId, closedAt: before.closedAt }),
    database,
  );
}

export function isClosed(action: ActionItem): boolean {
  return isClosedStatus(action.status);
}

export async function deleteAction(workspaceId: string, id: string, database: AlignboardDb = defaultDb): Promise<ActionItemRow | null> {
  return writeAll(database, async () => {
    const current = await database.actionItems.get([workspaceId, id]);
    if (!current) return null;
    await database.actionItems.delete([workspaceId, id]);
    await touch(database, workspaceId, nowIso());
    return current;
  });
}

/** Undo of deleteAction (nothing when the workspace is gone meanwhile). */
export async function restoreAction(row: ActionItemRow, database: AlignboardDb = defaultDb): Promise<void> {
  await writeAll(database, async () => {
    if (!(await database.workspaces.get(row.workspaceId))) return;
    await database.actionItems.put(row);
    await touch(database, row.workspaceId, nowIso());
  });
}
