import { describe, expect, it } from 'vitest';
import { KPI_TEMPLATES, KpiDefinition, METRICS, PeriodValue, valueId } from '../../shared/kpi/records';
import { addMonths, monthRange } from '../../shared/kpi/periods';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { actionsForMeeting, isOpen, isOverdue } from '../../shared/meetings/actions';
import { DEFAULT_AGENDA, departmentOf } from '../../shared/meetings/agenda';
import { addDays, daysBetween, todayIn } from '../../shared/meetings/cadence';
import { ActionItem, Meeting, MeetingSeries } from '../../shared/meetings/records';
import { Member } from '../../shared/records/member';
import type { Language } from '../../shared/settings';
import { parseWorkspaceFile } from '../../shared/workspaceFile';
import type { AlignboardDb } from '../../renderer/src/db/db';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { exportWorkspace, importWorkspace, snapshotWorkspace } from '../../renderer/src/db/workspaces';
import { kpiSnapshot } from '../../renderer/src/features/kpis/snapshot';
import { currentMonth, lastCompleteMonth } from '../../renderer/src/features/kpis/model';
import { freshDb } from './helpers';

/** Local times (the app's "today" is the local calendar day), chosen for their calendar edges. */
const DATES: [string, Date][] = [
  ['New Year’s Day', new Date(2027, 0, 1, 0, 5)],
  ['a leap day', new Date(2028, 1, 29, 12, 0)],
  ['New Year’s Eve', new Date(2026, 11, 31, 23, 55)],
  ['the 14th (the meeting falls in the month before)', new Date(2027, 6, 14, 9, 30)],
  ['the 15th (the meeting falls in the same month)', new Date(2027, 2, 15, 18, 0)],
];

const strip = <T extends { workspaceId: string }>({ workspaceId: _, ...record }: T) => record;

async function load(database: AlignboardDb, workspaceId: string) {
  const mine = { workspaceId };
  return {
    members: await database.members.where(mine).toArray(),
    kpis: (await database.kpis.where(mine).toArray()).map(strip).sort((a, b) => a.order - b.order),
    values: (await database.kpiValues.where(mine).toArray()).map(strip),
    series: (await database.meetingSeries.where(mine).toArray()).map(strip),
    meetings: (await database.meetings.where(mine).toArray()).map(strip),
    actions: (await database.actionItems.where(mine).toArray()).map(strip),
  };
}

describe.each<[Language, typeof en | typeof ja]>([
  ['en', en],
  ['ja', ja],
])('the sample workspace (%s)', (language, strings) => {
  it.each(DATES)('created on %s has a year of KPI values, a regular meeting and a meeting held, all valid', async (_label, now) => {
    const database = freshDb();
    const workspaceId = await createSampleWorkspace(language, database, now);
    const { members, kpis, values, series, meetings, actions } = await load(database, workspaceId);
    const today = todayIn(now);
    const memberIds = new Set(members.map((member) => member.id));

    // Every record is what its schema makes of it (nothing missing, nothing invalid).
    for (const member of members) expect(Member.parse(member)).toEqual(member);
    for (const kpi of kpis) expect(KpiDefinition.parse(kpi)).toEqual(kpi);
    for (const value of values) expect(PeriodValue.parse(value)).toEqual(value);
    for (const row of series) expect(MeetingSeries.parse(row)).toEqual(row);
    for (const row of meetings) expect(Meeting.parse(row)).toEqual(row);
    for (const row of actions) expect(ActionItem.parse(row)).toEqual(row);

    // The eight default KPIs, in the workspace's language.
    expect(kpis.map((kpi) => kpi.template)).toEqual([...KPI_TEMPLATES]);
    expect(kpis[0]!.name).toBe(language === 'ja' ? 'MQL数' : 'MQL count');

    // Twelve months of every metric, ending with the last month that has ended; nothing later.
    const last = lastCompleteMonth(now);
    const months = monthRange(addMonths(last, -11), last);
    expect(values.every((value) => value.period < currentMonth(now))).toBe(true);
    for (const metric of METRICS) {
      const rows = values.filter((value) => value.key === `metric:${metric}`).sort((a, b) => a.period.localeCompare(b.period));
      expect({ metric, periods: rows.map((row) => row.period) }).toEqual({ metric, periods: months });
      for (const row of rows) {
        expect(row).toMatchObject({ id: valueId(row.key, row.period), source: 'csv' });
        expect(row.value).toBeGreaterThan(0);
        expect(Date.parse(row.updatedAt)).toBeLessThanOrEqual(now.getTime());
      }
    }
    expect(values).toHaveLength(METRICS.length * 12);
    const series_ = (metric: string) => months.map((period) => values.find((value) => value.id === valueId(`metric:${metric}`, period))!.value);
    // The story: MQL volume grows, first contact gets faster.
    expect(series_('mql').at(-1)!).toBeGreaterThan(series_('mql')[0]!);
    expect(series_('responseHours').at(-1)!).toBeLessThan(series_('responseHours')[0]!);

    // The dashboard's month (the last one ended) shows every status.
    const dashboard = await kpiSnapshot(workspaceId, last, database);
    expect(new Set(dashboard.map((row) => row.status))).toEqual(new Set(['onTrack', 'atRisk', 'offTrack', 'noData']));
    expect(dashboard.every((row) => row.value === null || Number.isFinite(row.value))).toBe(true);

    // A biweekly series whose next meeting is the first date on its cadence after today.
    expect(series).toHaveLength(1);
    const [regular] = series;
    expect(regular).toMatchObject({ name: strings.sample.meeting.seriesName, cadence: 'biweekly' });
    expect(regular!.nextDate > today).toBe(true);
    expect(regular!.defaultAttendeeIds.every((id) => memberIds.has(id))).toBe(true);

    // One meeting, held two weeks ago on that cadence, ended, from the default agenda.
    expect(meetings).toHaveLength(1);
    const [meeting] = meetings;
    expect(meeting).toMatchObject({ seriesId: regular!.id, state: 'ended', date: addDays(today, -14), runningSince: null });
    expect(daysBetween(meeting!.date, regular!.nextDate) % 14).toBe(0);
    expect(addDays(regular!.nextDate, -14) <= today).toBe(true);
    expect(meeting!.title).toContain(strings.sample.meeting.seriesName);
    expect(meeting!.agenda.map((item) => item.kind)).toEqual(DEFAULT_AGENDA.map((item) => item.kind));
    expect(meeting!.agenda.map((item) => item.title)).toEqual(DEFAULT_AGENDA.map((item) => strings.meetings.agendaKinds[item.kind]));
    expect(meeting!.agenda.filter((item) => item.notes !== '').map((item) => item.kind)).toEqual(['kpiReview', 'leadQuality']);
    expect(meeting!.attendeeIds.length).toBeGreaterThan(0);
    expect(meeting!.attendeeIds.every((id) => memberIds.has(id))).toBe(true);
    expect(meeting!.agenda.every((item) => item.ownerId === null || meeting!.attendeeIds.includes(item.ownerId))).toBe(true);
    expect(Date.parse(meeting!.startedAt!)).toBeLessThan(Date.parse(meeting!.endedAt!));
    expect(Date.parse(meeting!.endedAt!)).toBeLessThan(now.getTime());
    expect(meeting!.decisions).toHaveLength(1);
    expect(meeting!.decisions[0]!.text).toBe(strings.sample.meeting.decision);

    // Its KPI snapshot: the month before the meeting, every KPI, as the app computes it.
    expect(meeting!.kpiPeriod).toBe(addMonths(meeting!.date.slice(0, 7), -1));
    expect(months).toContain(meeting!.kpiPeriod);
    const snapshot = meeting!.kpiSnapshot!;
    expect(snapshot).toHaveLength(8);
    expect(snapshot.map((row) => row.kpiId)).toEqual(kpis.map((kpi) => kpi.id));
    expect(snapshot).toEqual(await kpiSnapshot(workspaceId, meeting!.kpiPeriod!, database));
    const statuses = snapshot.map((row) => row.status);
    expect(statuses).toContain('onTrack');
    expect(statuses).toContain('offTrack');

    // Three action items made in the meeting: one overdue now, one due next week, one done there.
    expect(actions).toHaveLength(3);
    for (const action of actions) {
      expect(action.createdInMeetingId).toBe(meeting!.id);
      expect(memberIds.has(action.ownerId!)).toBe(true);
      expect(action.department).toBe(departmentOf(members.find((member) => member.id === action.ownerId)));
    }
    const overdue = actions.filter((action) => isOverdue(action, today));
    expect(overdue).toHaveLength(1);
    const nextWeek = actions.filter((action) => isOpen(action) && action.dueDate! > today && daysBetween(today, action.dueDate!) <= 7);
    expect(nextWeek).toHaveLength(1);
    const done = actions.filter((action) => action.status === 'done');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ closedInMeetingId: meeting!.id });
    expect(Date.parse(done[0]!.closedAt!)).toBeLessThanOrEqual(Date.parse(meeting!.endedAt!));
    const inMeeting = actionsForMeeting(meeting!, actions, meetings);
    expect(inMeeting.map((entry) => entry.origin)).toEqual(['new', 'new', 'new']);
    expect(inMeeting.filter((entry) => entry.closedHere).map((entry) => entry.action.id)).toEqual([done[0]!.id]);
    expect(actions.map((action) => action.title).sort()).toEqual(Object.values(strings.sample.meeting.actions).sort());
  });
});

describe('the sample workspace', () => {
  it('keeps Japanese amounts in yen, on the scale of the default pipeline target', async () => {
    const database = freshDb();
    const now = new Date(2027, 4, 20, 10);
    const enId = await createSampleWorkspace('en', database, now);
    const jaId = await createSampleWorkspace('ja', database, now);
    const byId = async (id: string) => new Map((await load(database, id)).values.map((value) => [value.id, value.value]));
    const [enValues, jaValues] = [await byId(enId), await byId(jaId)];
    const inYen = new Map([...enValues].map(([id, value]) => [id, /^metric:(revenue|revenueTarget|marketingPipeline)\|/.test(id) ? value * 100 : value]));
    expect(jaValues).toEqual(inYen);
    const jaSeries = (await load(database, jaId)).series[0]!;
    expect(jaSeries.name).toBe('営業×マーケティング定例会');
  });

  it('survives export and import unchanged', async () => {
    const database = freshDb();
    const original = await createSampleWorkspace('en', database, new Date(2028, 1, 29, 8));
    const parsed = parseWorkspaceFile(await exportWorkspace(original, database));
    if (!parsed.ok) throw new Error(`the exported sample does not parse: ${JSON.stringify(parsed.problem)}`);
    const copy = await importWorkspace(parsed.file, {}, database);
    const [before, after] = [await snapshotWorkspace(original, database), await snapshotWorkspace(copy, database)];
    const records = ({ members, kpis, kpiValues, meetingSeries, meetings, actionItems }: typeof before) => ({ members, kpis, kpiValues, meetingSeries, meetings, actionItems });
    expect(records(after)).toEqual(records(before));
    expect(before.kpiValues).toHaveLength(METRICS.length * 12);
    expect(before.meetings[0]!.kpiSnapshot).toHaveLength(8);
  });
});
