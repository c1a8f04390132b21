import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAllNodes } from '../../shared/board/doc';
import type { StickyNodeData } from '../../shared/board/nodes';
import { zoneOf } from '../../shared/board/personaTemplate';
import { reverseFunnel } from '../../shared/funnel/reverseFunnel';
import { slaAttainment } from '../../shared/kpi/attainment';
import { KPI_TEMPLATES, KpiDefinition, METRICS, PeriodValue, valueId } from '../../shared/kpi/records';
import { checkSla } from '../../shared/sla/checks';
import { diff } from '../../shared/sla/document';
import { SlaVersion, verifyVersion } from '../../shared/sla/versions';
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
import { buildSampleWorkspace, createSampleWorkspace } from '../../renderer/src/db/sample';
import { exportWorkspace, importWorkspace, snapshotWorkspace } from '../../renderer/src/db/workspaceFiles';
import { readPlan, readStages } from '../../renderer/src/features/funnel/funnelDoc';
import { loadKpiData } from '../../renderer/src/features/kpis/kpiStore';
import { kpiSnapshot } from '../../renderer/src/features/kpis/snapshot';
import { currentMonth, kpiLookup, lastCompleteMonth, slaContextOf } from '../../renderer/src/features/kpis/model';
import { funnelOfDocument } from '../../renderer/src/features/sla/SlaPage';
import { commitmentsOf } from '../../renderer/src/features/sla/slaStore';
import { freshDb, numbered } from './helpers';

/** Local times (the app's "today" is the local calendar day), chosen for their calendar edges. */
const DATES: [string, Date][] = [
  ['New Year’s Day', new Date(2027, 0, 1, 0, 5)],
  ['a leap day', new Date(2028, 1, 29, 12, 0)],
  ['New Year’s Eve', new Date(2026, 11, 31, 23, 55)],
  ['the 14th (the meeting falls in the month before)', new Date(2027, 6, 14, 9, 30)],
  ['the 15th (the meeting falls in the same month)', new Date(2027, 2, 15, 18, 0)],
];

const formatDay = (date: string, language: Language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

const strip = <T extends { workspaceId: string }>({ workspaceId: _, ...record }: T) => record;

async function load(database: AlignboardDb, workspaceId: string) {
  const mine = { workspaceId };
  return {
    members: await database.members.where(mine).toArray(),
    kpis: (await database.kpis.where(mine).toArray()).map(strip).sort((a, b) => a.order - b.order),
    values: (await database.kpiValues.where(mine).toArray()).map(strip),
    series: (await database.meetingSeries.where(mine).toArray()).map(strip),
    meetings: (await database.meetings.where(mine).toArray()).map(strip).sort((a, b) => a.date.localeCompare(b.date)),
    actions: (await database.actionItems.where(mine).toArray()).map(strip),
    versions: (await database.slaVersions.where(mine).toArray()).map(strip).sort((a, b) => a.revision - b.revision),
    leadMonths: (await database.leadMonths.where(mine).toArray()).map(strip),
  };
}

describe.each<[Language, typeof en | typeof ja]>([
  ['en', en],
  ['ja', ja],
])('the sample workspace (%s)', (language, strings) => {
  it.each(DATES)('created on %s has a year of KPI values, the regular meeting with two meetings held and the next planned, all valid', async (_label, now) => {
    const database = freshDb();
    const workspaceId = await createSampleWorkspace(language, database, now);
    const { members, kpis, values, series, meetings, actions, versions } = await load(database, workspaceId);
    const today = todayIn(now);
    const memberIds = new Set(members.map((member) => member.id));

    // Every record is what its schema makes of it (nothing missing, nothing invalid).
    for (const member of members) expect(Member.parse(member)).toEqual(member);
    for (const kpi of kpis) expect(KpiDefinition.parse(kpi)).toEqual(kpi);
    for (const value of values) expect(PeriodValue.parse(value)).toEqual(value);
    for (const row of series) expect(MeetingSeries.parse(row)).toEqual(row);
    for (const row of meetings) expect(Meeting.parse(row)).toEqual(row);
    for (const row of actions) expect(ActionItem.parse(row)).toEqual(row);
    for (const row of versions) expect(SlaVersion.parse(row)).toEqual(row);

    // The eight default KPIs, in the workspace's language.
    expect(kpis.map((kpi) => kpi.template)).toEqual([...KPI_TEMPLATES]);
    expect(kpis[0]!.name).toBe(language === 'ja' ? 'MQL数' : 'MQL count');

    // Twelve months of every metric, ending with the last month that has ended; nothing later.
    // Response times are not stored: they are measured from the lead records.
    const last = lastCompleteMonth(now);
    const months = monthRange(addMonths(last, -11), last);
    expect(values.every((value) => value.period < currentMonth(now))).toBe(true);
    const stored = METRICS.filter((metric) => metric !== 'responseHours');
    for (const metric of stored) {
      const rows = values.filter((value) => value.key === `metric:${metric}`).sort((a, b) => a.period.localeCompare(b.period));
      expect({ metric, periods: rows.map((row) => row.period) }).toEqual({ metric, periods: months });
      for (const row of rows) {
        expect(row).toMatchObject({ id: valueId(row.key, row.period), source: 'csv' });
        expect(row.value).toBeGreaterThan(0);
        expect(Date.parse(row.updatedAt)).toBeLessThanOrEqual(now.getTime());
      }
    }
    expect(values.filter((value) => value.key === 'metric:responseHours')).toEqual([]);
    // Plus a year of figures of each commitment the funnel metrics do not measure (quality, attempts, recycling).
    const commitmentKeys = new Set(values.filter((value) => value.key.startsWith('sla:')).map((value) => value.key));
    expect(commitmentKeys.size).toBe(3);
    expect(values).toHaveLength(stored.length * 12 + 3 * 12);
    const data = await loadKpiData(workspaceId, database, { language });
    const lookup = kpiLookup(data);
    const series_ = (metric: string) => months.map((period) => lookup(`metric:${metric}`, period));
    // The story: MQL volume grows, first contact gets faster (medians measured from the records).
    expect(series_('mql').at(-1)!).toBeGreaterThan(series_('mql')[0]!);
    expect(series_('responseHours').every((hours) => hours !== undefined && hours > 0 && hours < 24)).toBe(true);
    expect(series_('responseHours').at(-1)!).toBeLessThan(series_('responseHours')[0]!);

    // The dashboard's month (the last one ended): on track, at risk and off track; nothing without data.
    const dashboard = await kpiSnapshot(workspaceId, last, database);
    expect(new Set(dashboard.map((row) => row.status))).toEqual(new Set(['onTrack', 'atRisk', 'offTrack']));
    expect(dashboard.every((row) => row.value !== null && Number.isFinite(row.value))).toBe(true);

    // A biweekly series; its next meeting is planned on the first date of its cadence after today,
    // and the series points to the one after.
    expect(series).toHaveLength(1);
    const [regular] = series;
    expect(regular).toMatchObject({ name: strings.sample.meeting.seriesName, cadence: 'biweekly' });
    expect(regular!.defaultAttendeeIds.every((id) => memberIds.has(id))).toBe(true);
    expect(meetings.map((meeting) => meeting.state)).toEqual(['ended', 'ended', 'planned']);
    const [earlier, meeting, next] = meetings as [Meeting, Meeting, Meeting];
    expect(earlier).toMatchObject({ seriesId: regular!.id, date: addDays(today, -28), runningSince: null });
    expect(meeting).toMatchObject({ seriesId: regular!.id, date: addDays(today, -14), runningSince: null });
    expect(next.date > today).toBe(true);
    expect(daysBetween(today, next.date)).toBeLessThanOrEqual(14);
    expect(daysBetween(meeting.date, next.date) % 14).toBe(0);
    expect(next).toMatchObject({ seriesId: regular!.id, kpiSnapshot: null, startedAt: null, kpiPeriod: addMonths(next.date.slice(0, 7), -1) });
    expect(next.title).toBe(strings.meetings.meetingTitle.replace('{{series}}', strings.sample.meeting.seriesName).replace('{{date}}', formatDay(next.date, language)));
    expect(regular!.nextDate).toBe(addDays(next.date, 14));

    // The meeting held two weeks ago: from the default agenda, ended, notes on two items, a decision.
    expect(meeting.title).toContain(strings.sample.meeting.seriesName);
    for (const held of [earlier, meeting, next]) {
      expect(held.agenda.map((item) => item.kind)).toEqual(DEFAULT_AGENDA.map((item) => item.kind));
      expect(held.agenda.map((item) => item.title)).toEqual(DEFAULT_AGENDA.map((item) => strings.meetings.agendaKinds[item.kind]));
      expect(held.attendeeIds.length).toBeGreaterThan(0);
      expect(held.attendeeIds.every((id) => memberIds.has(id))).toBe(true);
      expect(held.agenda.every((item) => item.ownerId === null || held.attendeeIds.includes(item.ownerId))).toBe(true);
    }
    expect(meeting.agenda.filter((item) => item.notes !== '').map((item) => item.kind)).toEqual(['kpiReview', 'leadQuality']);
    expect(earlier.agenda.filter((item) => item.notes !== '').map((item) => item.kind)).toEqual(['kpiReview', 'slaAttainment']);
    for (const held of [earlier, meeting]) {
      expect(held.state).toBe('ended');
      expect(Date.parse(held.startedAt!)).toBeLessThan(Date.parse(held.endedAt!));
      expect(Date.parse(held.endedAt!)).toBeLessThan(now.getTime());
      expect(held.decisions).toHaveLength(1);
      // Its KPI snapshot: the month before the meeting, every KPI, as the app computes it.
      expect(held.kpiPeriod).toBe(addMonths(held.date.slice(0, 7), -1));
      expect(months).toContain(held.kpiPeriod);
      expect(held.kpiSnapshot).toHaveLength(8);
      expect(held.kpiSnapshot!.map((row) => row.kpiId)).toEqual(kpis.map((kpi) => kpi.id));
      expect(held.kpiSnapshot).toEqual(await kpiSnapshot(workspaceId, held.kpiPeriod!, database));
      expect(held.kpiSnapshot!.map((row) => row.status)).toContain('onTrack');
      expect(held.kpiSnapshot!.every((row) => row.status !== 'noData')).toBe(true);
    }
    expect(meeting.decisions[0]!.text).toBe(strings.sample.meeting.decision);
    expect(earlier.decisions[0]!.text).toBe(strings.sampleStory.earlierMeeting.decision);
    expect(meeting.kpiSnapshot!.map((row) => row.status)).toContain('offTrack');

    // Five action items: from four weeks ago one closed in the meeting after and one carried
    // forward; from two weeks ago one overdue now, one due next week and one done there.
    expect(actions).toHaveLength(5);
    for (const action of actions) {
      expect(memberIds.has(action.ownerId!)).toBe(true);
      expect(action.department).toBe(departmentOf(members.find((member) => member.id === action.ownerId)));
    }
    expect(actions.filter((action) => action.createdInMeetingId === earlier.id)).toHaveLength(2);
    const overdue = actions.filter((action) => isOverdue(action, today));
    expect(overdue.map((action) => action.title)).toEqual([strings.sample.meeting.actions.rejectedReasons]);
    const nextWeek = actions.filter((action) => isOpen(action) && action.dueDate! > today && daysBetween(today, action.dueDate!) <= 7);
    expect(nextWeek).toHaveLength(1);
    const done = actions.filter((action) => action.status === 'done');
    expect(done).toHaveLength(2);
    for (const action of done) {
      expect(action.closedInMeetingId).toBe(meeting.id);
      expect(Date.parse(action.closedAt!)).toBeLessThanOrEqual(Date.parse(meeting.endedAt!));
    }
    const inMeeting = actionsForMeeting(meeting, actions, meetings);
    expect(inMeeting.map((entry) => entry.origin).sort()).toEqual(['carried', 'carried', 'new', 'new', 'new']);
    expect(inMeeting.filter((entry) => entry.closedHere).map((entry) => entry.action.title).sort()).toEqual(
      [strings.sampleStory.earlierMeeting.actions.crmExport, strings.sample.meeting.actions.webinarList].sort(),
    );
    expect(actions.map((action) => action.title).sort()).toEqual([...Object.values(strings.sample.meeting.actions), ...Object.values(strings.sampleStory.earlierMeeting.actions)].sort());

    // The SLA: revision 1 signed four weeks ago by both heads, revision 2 a draft based on it.
    expect(versions.map((version) => [version.revision, version.state])).toEqual([
      [1, 'signed'],
      [2, 'draft'],
    ]);
    const [signed, draft] = versions as [SlaVersion, SlaVersion];
    expect(await verifyVersion(signed)).toBe(true);
    expect(draft.basedOn).toBe(signed.hash);
    expect(signed.signatures.map((signature) => [signature.name, signature.title, signature.department, signature.date])).toEqual(
      [0, 3].map((index) => [strings.sample.members[index]!.name, strings.sample.members[index]!.title, strings.sample.members[index]!.department, earlier.date]),
    );
    expect(signed.signatures.every((signature) => signature.image.format === 'png' && signature.image.data.startsWith('data:image/png;base64,iVBORw0KGgo'))).toBe(true);
    expect(signed.signatures[0]!.image.data).not.toBe(signed.signatures[1]!.image.data);
    expect(signed.document.validity.from).toBe(earlier.date);
    for (const version of versions) expect(checkSla({ funnel: funnelOfDocument(version.document), commitments: commitmentsOf(version.document) })).toEqual([]);
    const changes = diff(signed.document, draft.document);
    expect(changes.changed).toBe(true);
    expect(changes.sections.map((section) => section.key)).toEqual(expect.arrayContaining(['definitions', 'marketingCommitments', 'handOff']));
  });
});

describe('the sample workspace', () => {
  it.each<[Language, typeof en | typeof ja]>([
    ['en', en],
    ['ja', ja],
  ])('(%s) has a funnel with a revenue plan, a persona with voted notes, and a year of lead records measured per record', async (language, strings) => {
    const now = new Date(2027, 2, 15, 18, 0);
    const file = await buildSampleWorkspace(language, now);
    const doc = (kind: string) => {
      const board = file.boards.find((candidate) => candidate.kind === kind)!;
      const ydoc = new Y.Doc();
      Y.applyUpdateV2(ydoc, board.updateV2!);
      return ydoc;
    };

    // The funnel: every main stage with a target and a rate; the reverse funnel works back from
    // the plan to numbers every target covers.
    const funnel = doc('funnel');
    const stages = readStages(funnel);
    const plan = readPlan(funnel);
    expect(plan).toMatchObject({ revenueTarget: language === 'ja' ? 17_000_000 : 170_000, averageDealSize: language === 'ja' ? 2_500_000 : 25_000, currency: language === 'ja' ? 'JPY' : 'USD' });
    expect(stages.filter((stage) => stage.kind === 'step').every((stage) => stage.targetVolume !== null && stage.targetVolume > 0)).toBe(true);
    const reverse = reverseFunnel(plan, stages);
    if (!reverse.ok) throw new Error(JSON.stringify(reverse.problems));
    expect(reverse.deals).toBe(7);
    expect(reverse.stages.every((stage) => stage.gap === null || stage.gap >= 0)).toBe(true);
    expect(stages.find((stage) => stage.key === 'mql')!.entryDefinition).toBe(strings.sampleStory.funnel.mqlNow);

    // The persona: the card, five zones, every note in a zone, most of them with dots from members.
    const nodes = [...readAllNodes(doc('persona')).values()];
    const zones = nodes.filter((node) => node.type === 'zone');
    const notes = nodes.filter((node): node is StickyNodeData => node.type === 'sticky');
    expect(zones).toHaveLength(5);
    expect(notes).toHaveLength(strings.sample.stickies.length + strings.sampleStory.notes.length);
    expect(notes.every((note) => zoneOf(note, zones as never) !== null)).toBe(true);
    expect(notes.filter((note) => note.votes > 0).length).toBeGreaterThanOrEqual(5);
    const memberIds = new Set(file.members.map((member) => member.id));
    for (const note of notes) {
      expect(note.voters).toHaveLength(note.votes);
      expect(note.voters.every((id) => memberIds.has(id))).toBe(true);
    }

    // The lead records: one CRM export per month, an MQL per record as the MQL count says.
    const mql = new Map(file.kpiValues.filter((value) => value.key === 'metric:mql').map((value) => [value.period, value.value]));
    expect(file.leadMonths.map((month) => month.period)).toEqual([...mql.keys()].sort());
    for (const month of file.leadMonths) expect(month.ids).toHaveLength(mql.get(month.period)!);

    // Measured per record against the signed commitments: first contact met in some months and
    // missed in others, never "no data"; the last month lists its breaches, one lead still waiting.
    const database = freshDb();
    const workspaceId = (await importWorkspace(file, { numbered }, database)).id;
    const data = await loadKpiData(workspaceId, database, { language });
    const context = slaContextOf(data.sla, data.response)!;
    const periods = file.leadMonths.map((month) => month.period);
    const attainment = slaAttainment(context.commitments, periods, kpiLookup(data), context.options);
    const firstContact = attainment.find((row) => row.kind === 'firstContact')!;
    expect(firstContact.rows.every((row) => row.records !== undefined && row.met !== null)).toBe(true);
    expect(firstContact.periodsMet).toBeGreaterThan(0);
    expect(firstContact.periodsMet).toBeLessThan(firstContact.periodsMeasured);
    expect(firstContact.rows.at(-1)!.met).toBe(true);
    expect(firstContact.rows.at(-1)!.records!.breaches.filter((breach) => breach.waiting)).toHaveLength(1);
    for (const kind of ['volume', 'quality', 'attempts', 'acceptReject', 'recycle'] as const) {
      const row = attainment.find((candidate) => candidate.kind === kind)!;
      expect({ kind, measured: row.periodsMeasured }).toEqual({ kind, measured: 12 });
    }
  });

  it('keeps Japanese amounts in yen, on the scale of the default pipeline target', async () => {
    const database = freshDb();
    const now = new Date(2027, 4, 20, 10);
    const enId = await createSampleWorkspace('en', database, now);
    const jaId = await createSampleWorkspace('ja', database, now);
    // The funnel metrics (the commitments' figures are keyed by each sample's own commitment ids).
    const byId = async (id: string) => new Map((await load(database, id)).values.filter((value) => value.key.startsWith('metric:')).map((value) => [value.id, value.value]));
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
    const copy = (await importWorkspace(parsed.file, { numbered }, database)).id;
    const [before, after] = [await snapshotWorkspace(original, database), await snapshotWorkspace(copy, database)];
    const records = ({ members, kpis, kpiValues, meetingSeries, meetings, actionItems, slaVersions, leadMonths, calendar }: typeof before) => ({
      members,
      kpis,
      kpiValues,
      meetingSeries,
      meetings,
      actionItems,
      slaVersions,
      leadMonths,
      calendar,
    });
    expect(records(after)).toEqual(records(before));
    expect(before.kpiValues).toHaveLength((METRICS.length - 1) * 12 + 3 * 12);
    expect(before.slaVersions).toHaveLength(2);
    expect(before.leadMonths).toHaveLength(12);
    expect(before.meetings.filter((meeting) => meeting.kpiSnapshot !== null)).toHaveLength(2);
  });
});
