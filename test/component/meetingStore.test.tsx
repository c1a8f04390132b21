import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { actionsForMeeting } from '../../shared/meetings/actions';
import { addDecision, agendaFromTemplate, updateDecision } from '../../shared/meetings/agenda';
import { startMeeting, startTimer } from '../../shared/meetings/timer';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { exportWorkspace } from '../../renderer/src/db/workspaceFiles';
import { newId } from '../../renderer/src/db/ids';
import {
  addAction,
  createSeries,
  deleteAction,
  deleteMeeting,
  deleteSeries,
  finishMeeting,
  listActions,
  listMeetings,
  listSeries,
  planMeeting,
  restoreAction,
  restoreMeeting,
  restoreSeries,
  setActionStatus,
  updateMeeting,
  updateSeries,
} from '../../renderer/src/features/meetings/meetingStore';
import { parseWorkspaceFile } from '../../shared/workspaceFile';
import { freshDb } from './helpers';

async function setup() {
  const database = freshDb();
  const workspaceId = await createWorkspace('W', database);
  const marketing = await addMember(workspaceId, { name: '佐藤 花子', department: 'marketing', title: 'マーケティング部長' }, database);
  const sales = await addMember(workspaceId, { name: '鈴木 一郎', department: 'sales', title: '営業部長' }, database);
  const series = await createSeries(workspaceId, { name: '定例会', cadence: 'monthly', nextDate: '2027-01-31', defaultAttendeeIds: [marketing.id, sales.id] }, database);
  const plan = (date: string) =>
    planMeeting(
      workspaceId,
      {
        seriesId: series.id,
        title: `定例会 ${date}`,
        date,
        attendeeIds: [marketing.id, sales.id],
        agenda: agendaFromTemplate({ members: [marketing, sales], title: (kind) => kind, newId }),
        kpiPeriod: null,
      },
      database,
    );
  return { database, workspaceId, marketing, sales, series, plan };
}

describe('meeting store', () => {
  it('planning a meeting moves the series on by its cadence, keeping the day of month', async () => {
    const { database, workspaceId, plan } = await setup();
    await plan('2027-01-31');
    expect((await listSeries(workspaceId, database))[0]).toMatchObject({ nextDate: '2027-02-28', anchorDay: 31 });
    await plan('2027-02-28');
    expect((await listSeries(workspaceId, database))[0]!.nextDate).toBe('2027-03-31');
    // An extra meeting before the next date does not move the series.
    await plan('2027-03-10');
    expect((await listSeries(workspaceId, database))[0]!.nextDate).toBe('2027-03-31');
    expect((await listMeetings(workspaceId, database)).map((meeting) => meeting.date)).toEqual(['2027-01-31', '2027-02-28', '2027-03-10']);
  });

  it('a new next date set by hand becomes the anchor; cadence changes apply from then on', async () => {
    const { database, workspaceId, series, plan } = await setup();
    await updateSeries(workspaceId, series.id, { nextDate: '2027-02-10', cadence: 'biweekly' }, database);
    await plan('2027-02-10');
    expect((await listSeries(workspaceId, database))[0]).toMatchObject({ nextDate: '2027-02-24', anchorDay: 10, cadence: 'biweekly' });
  });

  it('a weekly or biweekly series turned monthly keeps to the day of its next date, not the day it was set up on', async () => {
    const { database, workspaceId, series, plan } = await setup();
    await updateSeries(workspaceId, series.id, { nextDate: '2026-11-09', cadence: 'biweekly' }, database);
    for (const date of ['2026-11-09', '2026-11-23', '2026-12-07', '2026-12-21']) await plan(date);
    expect((await listSeries(workspaceId, database))[0]).toMatchObject({ nextDate: '2027-01-04', anchorDay: 9 });
    // The schedule form saves every field; only the cadence changes.
    await updateSeries(workspaceId, series.id, { name: '定例会', cadence: 'monthly', nextDate: '2027-01-04' }, database);
    await plan('2027-01-04');
    expect((await listSeries(workspaceId, database))[0]).toMatchObject({ nextDate: '2027-02-04', anchorDay: 4, cadence: 'monthly' });
  });

  it('refuses invalid input with the schema error and writes nothing', async () => {
    const { database, workspaceId, series } = await setup();
    await expect(
      planMeeting(workspaceId, { seriesId: series.id, title: '   ', date: '2027-01-31', attendeeIds: [], agenda: [], kpiPeriod: null }, database),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(addAction(workspaceId, { title: '', department: 'sales' }, database)).rejects.toBeInstanceOf(ZodError);
    await expect(addAction(workspaceId, { title: 'x', department: 'sales', dueDate: '2027-02-30' }, database)).rejects.toBeInstanceOf(ZodError);
    // An action for a meeting that does not exist is refused inside the transaction.
    await expect(addAction(workspaceId, { title: 'x', department: 'sales', createdInMeetingId: 'nope' }, database)).rejects.toThrow(/does not exist/);
    expect(await listMeetings(workspaceId, database)).toEqual([]);
    expect(await listActions(workspaceId, database)).toEqual([]);
    expect((await listSeries(workspaceId, database))[0]!.nextDate).toBe('2027-01-31');
  });

  it('updates compute from the stored row: timer and notes written together are both kept', async () => {
    const { database, workspaceId, plan } = await setup();
    const meeting = await plan('2027-01-31');
    const itemId = meeting.agenda[0]!.id;
    await Promise.all([
      updateMeeting(workspaceId, meeting.id, (m, now) => startTimer(startMeeting(m, now), now), database),
      updateMeeting(workspaceId, meeting.id, (m) => ({ ...m, agenda: m.agenda.map((item) => (item.id === itemId ? { ...item, notes: 'メモ' } : item)) }), database),
    ]);
    const stored = (await listMeetings(workspaceId, database))[0]!;
    expect(stored.state).toBe('running');
    expect(stored.runningSince).not.toBeNull();
    expect(stored.agenda[0]!.notes).toBe('メモ');
    // A change that returns the meeting as it was writes nothing.
    const before = stored.updatedAt;
    await updateMeeting(workspaceId, meeting.id, (m) => m, database);
    expect((await listMeetings(workspaceId, database))[0]!.updatedAt).toBe(before);
  });

  it('ending stores state, endedAt and the KPI snapshot; a running meeting cannot be deleted', async () => {
    const { database, workspaceId, plan } = await setup();
    const meeting = await plan('2027-01-31');
    await updateMeeting(workspaceId, meeting.id, (m, now) => startTimer(startMeeting(m, now), now), database);
    await expect(deleteMeeting(workspaceId, meeting.id, database)).rejects.toThrow(/running/);
    const snapshot = [{ kpiId: 'k', name: 'MQL', unit: 'count', period: '2026-12', value: 180, target: 200, status: 'atRisk' as const }];
    const ended = await finishMeeting(workspaceId, meeting.id, snapshot, database);
    expect(ended).toMatchObject({ state: 'ended', runningSince: null, kpiSnapshot: snapshot });
    expect(ended.endedAt).not.toBeNull();
    // Deleted and restored (undo), with everything in it.
    const removed = await deleteMeeting(workspaceId, meeting.id, database);
    expect(await listMeetings(workspaceId, database)).toEqual([]);
    await restoreMeeting(removed!, database);
    expect(await listMeetings(workspaceId, database)).toEqual([ended]);
  });

  it('action items carry forward; closing records the meeting; delete has an undo', async () => {
    const { database, workspaceId, plan, sales } = await setup();
    const first = await plan('2027-01-31');
    const a = await addAction(workspaceId, { title: '失注理由を共有', ownerId: sales.id, department: 'sales', dueDate: '2027-02-14', createdInMeetingId: first.id }, database);
    const b = await addAction(workspaceId, { title: 'ナーチャリングの見直し', department: 'marketing', createdInMeetingId: first.id }, database);
    await finishMeeting(workspaceId, first.id, null, database);
    const second = await plan('2027-02-28');
    const all = () => Promise.all([listMeetings(workspaceId, database), listActions(workspaceId, database)]);
    let [meetings, actions] = await all();
    expect(actionsForMeeting(meetings[1]!, actions, meetings).map((entry) => [entry.action.title, entry.origin])).toEqual([
      ['失注理由を共有', 'carried'],
      ['ナーチャリングの見直し', 'carried'],
    ]);
    const closed = await setActionStatus(workspaceId, a.id, 'done', second.id, database);
    expect(closed).toMatchObject({ status: 'done', closedInMeetingId: second.id });
    [meetings, actions] = await all();
    expect(actionsForMeeting(meetings[1]!, actions, meetings).map((entry) => entry.closedHere)).toEqual([true, false]);
    const third = await plan('2027-03-31');
    [meetings, actions] = await all();
    expect(actionsForMeeting(meetings.find((m) => m.id === third.id)!, actions, meetings).map((entry) => entry.action.id)).toEqual([b.id]);

    const removed = await deleteAction(workspaceId, b.id, database);
    expect((await listActions(workspaceId, database)).map((action) => action.id)).toEqual([a.id]);
    await restoreAction(removed!, database);
    expect((await listActions(workspaceId, database)).map((action) => action.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('deleting a series keeps its meetings and action items untouched; undo restores the row exactly', async () => {
    const { database, workspaceId, plan, series } = await setup();
    const meeting = await plan('2027-01-31');
    await updateMeeting(workspaceId, meeting.id, (m) => addDecision(m, { id: 'd1', text: '閾値を60に', agendaItemId: null, createdAt: m.createdAt }), database);
    await addAction(workspaceId, { title: '失注理由を共有', department: 'sales', createdInMeetingId: meeting.id }, database);
    const before = await database.meetingSeries.get([workspaceId, series.id]);
    expect(before!.nextDate).toBe('2027-02-28');
    const meetingsBefore = await listMeetings(workspaceId, database);
    const actionsBefore = await listActions(workspaceId, database);

    const removed = await deleteSeries(workspaceId, series.id, database);
    expect(removed).toEqual(before);
    expect(await listSeries(workspaceId, database)).toEqual([]);
    // Nothing else changed: the meeting keeps its (now dangling) seriesId, the action stays.
    expect(await listMeetings(workspaceId, database)).toEqual(meetingsBefore);
    expect(meetingsBefore[0]!.seriesId).toBe(series.id);
    expect(await listActions(workspaceId, database)).toEqual(actionsBefore);
    // Planning from the deleted series is refused.
    await expect(plan('2027-02-28')).rejects.toThrow(/does not exist/);
    expect(await deleteSeries(workspaceId, series.id, database)).toBeNull();

    await restoreSeries(removed!, database);
    expect(await database.meetingSeries.get([workspaceId, series.id])).toEqual(before);
    expect(await listMeetings(workspaceId, database)).toEqual(meetingsBefore);
    expect(await listActions(workspaceId, database)).toEqual(actionsBefore);
  });

  it('after a series is deleted, the workspace file still parses, its meeting keeping the old seriesId', async () => {
    const { database, workspaceId, plan, series } = await setup();
    const meeting = await plan('2027-01-31');
    await deleteSeries(workspaceId, series.id, database);
    const parsed = parseWorkspaceFile(await exportWorkspace(workspaceId, database));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.meetingSeries).toEqual([]);
    expect(parsed.file.meetings.map((m) => [m.id, m.seriesId])).toEqual([[meeting.id, series.id]]);
  });

  it('a decision edit changes its text only; an empty text is refused by the schema', async () => {
    const { database, workspaceId, plan } = await setup();
    const meeting = await plan('2027-01-31');
    const at = meeting.createdAt;
    await updateMeeting(workspaceId, meeting.id, (m) => addDecision(addDecision(m, { id: 'd1', text: 'A', agendaItemId: null, createdAt: at }), { id: 'd2', text: 'B', agendaItemId: m.agenda[0]!.id, createdAt: at }), database);
    const edited = await updateMeeting(workspaceId, meeting.id, (m) => updateDecision(m, 'd2', '  B, from January  '), database);
    expect(edited.decisions).toEqual([
      { id: 'd1', text: 'A', agendaItemId: null, createdAt: at },
      { id: 'd2', text: 'B, from January', agendaItemId: meeting.agenda[0]!.id, createdAt: at },
    ]);
    await expect(updateMeeting(workspaceId, meeting.id, (m) => updateDecision(m, 'd2', '   '), database)).rejects.toThrow(ZodError);
    expect((await listMeetings(workspaceId, database))[0]!.decisions[1]!.text).toBe('B, from January');
  });

  it('series, meetings and actions travel in the workspace file', async () => {
    const { database, workspaceId, plan } = await setup();
    const meeting = await plan('2027-01-31');
    await addAction(workspaceId, { title: 'x', department: 'joint', createdInMeetingId: meeting.id }, database);
    const parsed = parseWorkspaceFile(await exportWorkspace(workspaceId, database));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.meetingSeries).toHaveLength(1);
    expect(parsed.file.meetingSeries[0]!.anchorDay).toBe(31);
    expect(parsed.file.meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(parsed.file.actionItems).toHaveLength(1);
  });
});
