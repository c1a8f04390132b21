import * as Y from 'yjs';
import { en } from '@shared/locales/en';
import { ja } from '@shared/locales/ja';
import type { Language } from '@shared/settings';
import { addNodes, newSticky } from '@shared/board/doc';
import { stampBoardDoc } from '@shared/board/docVersion';
import { defaultCalendar, WorkingCalendar } from '@shared/calendar/calendar';
import type { PersonaZone } from '@shared/board/nodes';
import { personaTemplate } from '@shared/board/personaTemplate';
import type { Department } from '@shared/records/member';
import { defaultKpis } from '@shared/kpi/defaults';
import { addMonths, monthOf, monthRange } from '@shared/kpi/periods';
import { type KpiDefinition, type Metric, PeriodValue, valueId } from '@shared/kpi/records';
import { snapshotRows } from '@shared/kpi/snapshot';
import { metricKey } from '@shared/kpi/values';
import type { SlaContext } from '@shared/kpi/formulas';
import { responseBasis, responseFigures, withDerived } from '@shared/kpi/responseFigures';
import { agendaFromTemplate, departmentOf } from '@shared/meetings/agenda';
import { addDays, dayOfMonth, nextDateByCadence, nextDateOnOrAfter, previousMonth, todayIn } from '@shared/meetings/cadence';
import { calendarOfDocument, commitmentsOf } from '@shared/sla/document';
import { ActionItem, Meeting, MeetingSeries } from '@shared/meetings/records';
import type { ParsedWorkspaceFile } from '@shared/workspaceFile';
import { FILE_FORMAT, FILE_VERSION } from '@shared/workspaceFile';
import type { AlignboardDb } from './db';
import { db as defaultDb } from './db';
import { newId } from './ids';
import { sampleFunnel, sampleMeasures, sampleSlaVersions } from './sampleStory';
import { APP_VERSION, importWorkspace } from './workspaceFiles';

type Strings = typeof en | typeof ja;

/** Zone of each of `sample.stickies`, in order (the board's first three notes). */
const SAMPLE_NOTE_ZONES: PersonaZone[] = ['channels', 'triggers', 'objections'];

/** Zone, department and dots (from the last vote) of each of `sampleStory.notes`, in order. */
const SAMPLE_NOTES: readonly { zone: PersonaZone; department: 'sales' | 'marketing' | 'joint'; votes: number }[] = [
  { zone: 'goals', department: 'sales', votes: 3 },
  { zone: 'goals', department: 'marketing', votes: 1 },
  { zone: 'challenges', department: 'sales', votes: 4 },
  { zone: 'challenges', department: 'marketing', votes: 2 },
  { zone: 'triggers', department: 'joint', votes: 2 },
  { zone: 'objections', department: 'sales', votes: 1 },
  { zone: 'channels', department: 'marketing', votes: 0 },
];

/** Where the n-th note of a zone goes: two columns, from the zone's top left below its title. */
function slotIn(zone: { x: number; y: number }, slot: number): { x: number; y: number } {
  return { x: zone.x + 40 + (slot % 2) * 260, y: zone.y + 80 + Math.floor(slot / 2) * 200 };
}

/**
 * The persona board of the sample: the persona template filled in, notes in their zones by both
 * departments, with the dots each got in the last vote (who gave them is kept, as a revealed
 * round does).
 */
function samplePersonaDoc(strings: Strings, members: readonly SampleMember[]): Y.Doc {
  const doc = new Y.Doc();
  stampBoardDoc(doc);
  const p = strings.sample.persona;
  const template = personaTemplate(newId, {
    name: p.name,
    title: p.title,
    industry: p.industry,
    companySize: p.companySize,
    goals: p.goal,
    challenges: p.challenge,
    quote: p.quote,
    department: p.department,
    responsibilities: p.responsibilities,
    triggers: p.triggers,
    objections: p.objections,
    decisionCriteria: p.decisionCriteria,
    channels: p.channels,
    preferredContent: p.preferredContent,
    dayInLife: p.dayInLife,
    buyingRole: 'decision-maker',
  });
  const zones = new Map(
    template.flatMap(({ data }) => (data.type === 'zone' ? [[data.zone, data] as const] : [])),
  );
  const used = new Map<PersonaZone, number>();
  const place = (zone: PersonaZone) => {
    const slot = used.get(zone) ?? 0;
    used.set(zone, slot + 1);
    return slotIn(zones.get(zone)!, slot);
  };
  const ofDepartment = (department: Department) => members.filter((member) => member.department === department);
  const first = (department: Department) => ofDepartment(department)[0]?.id ?? null;
  const voters = members.filter((member) => member.department !== 'other').map((member) => member.id);
  const notes = [
    ...strings.sample.stickies.map((sticky, index) => {
      const department = sticky.department as Department;
      return newSticky({
        ...place(SAMPLE_NOTE_ZONES[index % SAMPLE_NOTE_ZONES.length]!),
        text: sticky.text,
        department: department === 'other' ? 'joint' : department,
        authorId: first(department),
      });
    }),
    ...strings.sampleStory.notes.map((text, index) => {
      const note = SAMPLE_NOTES[index]!;
      const department = note.department;
      // The second person of the department wrote it (joint notes: the one from neither department).
      const author = department === 'joint' ? first('other') : (ofDepartment(department)[1]?.id ?? first(department));
      const dots = voters.filter((_, voter) => (voter + index) % voters.length < note.votes);
      return { ...newSticky({ ...place(note.zone), text, department, authorId: author }), votes: dots.length, voters: dots };
    }),
  ].map((data) => ({ id: newId(), data }));
  addNodes(doc, [...template, ...notes], null);
  return doc;
}

type SampleMember = { id: string; name: string; department: Department };

/**
 * Twelve months of funnel metrics, oldest first, ending with the last month that has ended. The
 * story: MQL volume grows past its target while first contact gets faster (response times come
 * lead by lead, see sampleStory.ts); conversion to SQL
 * slips as volume grows (off track in the last month); one bad month two months ago (big deals
 * lost: win rate and revenue off track). So the dashboard shows on track, at risk and off track
 * in the last month, and the meeting (which reviews the last month or the one before, depending on
 * the day) has KPIs on and off track. Amounts are in dollars; a Japanese workspace's are in yen
 * (×100, the scale of the default pipeline targets).
 */
const SAMPLE_METRICS = {
  leads: [520, 535, 548, 566, 590, 612, 630, 648, 671, 690, 731, 774],
  mql: [142, 148, 151, 158, 163, 170, 176, 181, 188, 192, 204, 216],
  sal: [78, 82, 84, 88, 90, 95, 98, 101, 104, 107, 116, 124],
  sql: [45, 47, 46, 49, 52, 53, 56, 57, 59, 60, 57, 54],
  opportunities: [24, 25, 24, 26, 25, 28, 30, 31, 32, 33, 31, 29],
  opportunitiesClosed: [20, 22, 21, 23, 24, 26, 25, 27, 28, 29, 28, 30],
  won: [6, 6, 5, 6, 7, 7, 7, 7, 8, 8, 5, 7],
  revenue: [146_000, 138_500, 131_000, 152_000, 158_500, 149_000, 163_000, 161_500, 171_000, 168_000, 139_000, 176_500],
  revenueTarget: [140_000, 140_000, 140_000, 150_000, 150_000, 150_000, 160_000, 160_000, 160_000, 170_000, 170_000, 170_000],
  marketingPipeline: [232_000, 248_000, 251_000, 266_000, 274_000, 281_000, 288_000, 296_000, 305_000, 312_000, 298_000, 327_000],
} as const satisfies Record<Exclude<Metric, 'responseHours'>, readonly number[]>;

const SAMPLE_MONTHS = 12;

const CURRENCY_METRICS: ReadonlySet<Metric> = new Set<Metric>(['revenue', 'revenueTarget', 'marketingPipeline']);
const CURRENCY_SCALE: Readonly<Record<Language, number>> = { en: 1, ja: 100 };

/** A local date and time (where the app runs, like the meeting pages' "today") as an ISO timestamp. */
function localIso(date: string, hours: number, minutes = 0): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, hours, minutes).toISOString();
}

const later = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const earliest = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

/** The twelve months of the sample's figures: the year ending with the month before `today`. */
function sampleMonths(today: string): string[] {
  const last = addMonths(monthOf(today), -1);
  return monthRange(addMonths(last, -(SAMPLE_MONTHS - 1)), last);
}

/** When a month's CRM export was imported: first thing the next month (before a meeting that day), never after now. */
function importedAtOf(nowIso: string) {
  return (period: string) => earliest(localIso(`${addMonths(period, 1)}-01`, 8, 30), nowIso);
}

/**
 * The sample's metric values for its twelve months, each as if imported from the CRM first thing
 * the next month. The response-time medians are left out: those months come with lead-level
 * records, which the app measures by the working calendar (as an import of such a file stores them).
 */
function sampleValues(language: Language, months: readonly string[], nowIso: string): PeriodValue[] {
  const importedAt = importedAtOf(nowIso);
  return Object.entries(SAMPLE_METRICS).flatMap(([metric, series]) =>
    months.map((period, index) => {
      const key = metricKey(metric as Metric);
      const value = series[index]! * (CURRENCY_METRICS.has(metric as Metric) ? CURRENCY_SCALE[language] : 1);
      return PeriodValue.parse({ id: valueId(key, period), key, period, value, source: 'csv', updatedAt: importedAt(period) });
    }),
  );
}

function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => values[name] ?? match);
}

/** A calendar date as the meeting pages show it ("Nov 16, 2026" / "2026/11/16"). */
function formatDay(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** What a meeting's KPI table is computed from: the values as the app reads them and the signed SLA. */
type KpiInputs = { kpis: readonly KpiDefinition[]; values: readonly { key: string; period: string; value: number }[]; sla: SlaContext };

type MeetingStory = {
  date: string;
  notes: Partial<Record<string, string>>;
  decision: { text: string; item: string; minute: number };
  /** Minutes actually spent on each item (the rest took their planned time). */
  spent: Partial<Record<string, number>>;
};

/**
 * The regular meeting of the sample: a biweekly series; the meeting held four weeks ago, where both
 * heads signed the SLA; the one held two weeks ago, which raised the MQL threshold; and the next one
 * planned from the default agenda on the cadence's first date after today (the series then points to
 * the one after). Each held meeting has notes on two items, a decision, the KPI table of the month it
 * reviewed and its action items: one closed in the meeting after, one carried forward, one overdue,
 * one due next week and one done on the spot.
 */
function sampleMeetings(strings: Strings, language: Language, members: readonly SampleMember[], kpi: KpiInputs, today: string) {
  const text = strings.sample.meeting;
  const earlier = strings.sampleStory.earlierMeeting;
  // Members by their place in `sample.members` (same order in every language).
  const member = (index: number) => members[index]!;
  const attendees = members.filter((m) => m.department !== 'other');
  const seriesId = newId();
  const titleOf = (date: string) => interpolate(strings.meetings.meetingTitle, { series: text.seriesName, date: formatDay(date, language) });
  const agendaOf = () => agendaFromTemplate({ members: attendees, title: (kind) => strings.meetings.agendaKinds[kind], newId });

  const held = (story: MeetingStory) => {
    const planned = localIso(addDays(story.date, -1), 17);
    const started = localIso(story.date, 10);
    const agenda = agendaOf().map((item) => ({ ...item, notes: story.notes[item.kind] ?? '', elapsedMs: (story.spent[item.kind] ?? item.minutes) * 60_000 }));
    const itemId = (kind: string) => agenda.find((item) => item.kind === kind)!.id;
    const ended = later(started, agenda.reduce((sum, item) => sum + item.elapsedMs / 60_000, 0));
    const kpiPeriod = previousMonth(story.date);
    const meeting = Meeting.parse({
      id: newId(),
      seriesId,
      title: titleOf(story.date),
      date: story.date,
      state: 'ended',
      attendeeIds: attendees.map((m) => m.id),
      agenda,
      decisions: [{ id: newId(), text: story.decision.text, agendaItemId: itemId(story.decision.item), createdAt: later(started, story.decision.minute) }],
      currentItemId: agenda[agenda.length - 1]!.id,
      runningSince: null,
      kpiPeriod,
      kpiSnapshot: snapshotRows(kpi.kpis, kpi.values, kpi.sla, kpiPeriod),
      startedAt: started,
      endedAt: ended,
      createdAt: planned,
      updatedAt: ended,
    });
    return { meeting, started, itemId };
  };

  const first = held({
    date: addDays(today, -28),
    notes: { kpiReview: earlier.kpiNote, slaAttainment: earlier.slaNote },
    decision: { text: earlier.decision, item: 'slaAttainment', minute: 24 },
    spent: { kpiReview: 12, slaAttainment: 17, leadQuality: 10, campaignPlans: 8, personaUpdates: 5, actionsReview: 5 },
  });
  // Every item took about its time; the lead quality discussion ran over.
  const second = held({
    date: addDays(today, -14),
    notes: { kpiReview: text.kpiNote, leadQuality: text.leadQualityNote },
    decision: { text: text.decision, item: 'leadQuality', minute: 38 },
    spent: { kpiReview: 14, slaAttainment: 8, leadQuality: 19, campaignPlans: 9, personaUpdates: 6, actionsReview: 7 },
  });

  const nextDate = nextDateOnOrAfter(second.meeting.date, 'biweekly', addDays(today, 1));
  const plannedAt = localIso(addDays(second.meeting.date, 1), 9);
  const next = Meeting.parse({
    id: newId(),
    seriesId,
    title: titleOf(nextDate),
    date: nextDate,
    state: 'planned',
    attendeeIds: attendees.map((m) => m.id),
    agenda: agendaOf(),
    kpiPeriod: previousMonth(nextDate),
    createdAt: plannedAt,
    updatedAt: plannedAt,
  });
  // Planning a meeting moves the series on to the following date (as planMeeting does).
  const following = nextDateByCadence(nextDate, 'biweekly', dayOfMonth(nextDate));
  const series = MeetingSeries.parse({
    id: seriesId,
    name: text.seriesName,
    cadence: 'biweekly',
    nextDate: following,
    anchorDay: dayOfMonth(nextDate),
    defaultAttendeeIds: attendees.map((m) => m.id),
    createdAt: localIso(addDays(first.meeting.date, -1), 17),
    updatedAt: plannedAt,
  });

  const action = (origin: { meeting: Meeting; itemId(kind: string): string }, fields: { title: string; owner: SampleMember; dueDate: string; agendaItem: string; createdAt: string }) => ({
    id: newId(),
    title: fields.title,
    ownerId: fields.owner.id,
    department: departmentOf(fields.owner),
    dueDate: fields.dueDate,
    status: 'open',
    createdInMeetingId: origin.meeting.id,
    agendaItemId: origin.itemId(fields.agendaItem),
    closedInMeetingId: null,
    closedAt: null,
    createdAt: fields.createdAt,
    updatedAt: fields.createdAt,
  });
  const closedInSecond = later(second.started, 55);
  const webinarListClosed = later(second.started, 58);
  const actionItems = [
    // From four weeks ago: done, and closed when reviewed in the next meeting.
    {
      ...action(first, { title: earlier.actions.crmExport, owner: member(1), dueDate: addDays(first.meeting.date, 7), agendaItem: 'slaAttainment', createdAt: later(first.started, 26) }),
      status: 'done',
      closedInMeetingId: second.meeting.id,
      closedAt: closedInSecond,
      updatedAt: closedInSecond,
    },
    // Still open: carried forward to every meeting since.
    action(first, { title: earlier.actions.caseStudy, owner: member(2), dueDate: addDays(today, 21), agendaItem: 'campaignPlans', createdAt: later(first.started, 40) }),
    // Due a week after the last meeting, so a week overdue now; started but not finished.
    { ...action(second, { title: text.actions.rejectedReasons, owner: member(4), dueDate: addDays(second.meeting.date, 7), agendaItem: 'leadQuality', createdAt: later(second.started, 36) }), status: 'inProgress', updatedAt: localIso(addDays(second.meeting.date, 2), 15) },
    action(second, { title: text.actions.scoringModel, owner: member(1), dueDate: addDays(today, 7), agendaItem: 'leadQuality', createdAt: later(second.started, 39) }),
    // Done on the spot: closed in the same meeting.
    {
      ...action(second, { title: text.actions.webinarList, owner: member(2), dueDate: second.meeting.date, agendaItem: 'campaignPlans', createdAt: later(second.started, 45) }),
      status: 'done',
      closedInMeetingId: second.meeting.id,
      closedAt: webinarListClosed,
      updatedAt: webinarListClosed,
    },
  ].map((item) => ActionItem.parse(item));
  return { series, meetings: [first.meeting, second.meeting, next], actionItems };
}

/**
 * The sample workspace as a workspace file: a fictional company in `language` with its members, a
 * persona board with voted notes, the funnel with its targets and revenue plan, the SLA (revision 1
 * signed by both heads, revision 2 in draft), the eight default KPIs with a year of figures — lead by
 * lead for response times — the working calendar, and the regular meeting (two held, the next
 * planned). Dates are relative to `now` (the local calendar day, as the app's pages use); everything
 * else is fixed. Every record is parsed with its schema, so a schema change shows up in the
 * sample's tests.
 */
export async function buildSampleWorkspace(language: Language, now: Date = new Date()): Promise<ParsedWorkspaceFile> {
  const strings = language === 'ja' ? ja : en;
  const createdAt = now.toISOString();
  const today = todayIn(now);
  const members = strings.sample.members.map((member) => ({
    id: newId(),
    name: member.name,
    department: member.department as Department,
    title: member.title,
    createdAt,
    updatedAt: createdAt,
  }));
  const calendar = sampleCalendar(language);
  const months = sampleMonths(today);
  const kpis = defaultKpis(language, createdAt, newId);
  const funnel = sampleFunnel(strings, language, newId);
  const slaVersions = await sampleSlaVersions({
    strings,
    title: strings.sla.defaultTitle,
    funnel,
    calendar,
    members,
    signedOn: addDays(today, -28),
    revisedOn: addDays(today, -13),
    newId,
  });
  const signed = slaVersions[0]!;
  const commitments = commitmentsOf(signed.document);
  const { leadMonths, commitmentValues } = sampleMeasures({ calendar, months, mql: SAMPLE_METRICS.mql, commitments, now, importedAt: importedAtOf(createdAt) });
  const kpiValues = [...sampleValues(language, months, createdAt), ...commitmentValues];

  // The KPI tables of the meetings, as the app computes them: response times measured from the
  // lead records by the calendar the signed SLA states, attainment of its commitments.
  const response = responseFigures(leadMonths, responseBasis({ commitments, calendar: calendarOfDocument(signed.document) }, calendar));
  const sla: SlaContext = { commitments, options: { stages: funnel.signedStages.map((stage) => ({ id: stage.id, key: stage.key })), records: response.records } };
  const { series, meetings, actionItems } = sampleMeetings(strings, language, members, { kpis, values: withDerived(kpiValues, response.derived), sla }, today);
  const board = (kind: 'persona' | 'funnel', name: string, doc: Y.Doc) => ({ id: newId(), kind, name, agreement: null, createdAt, updatedAt: createdAt, updateV2: Y.encodeStateAsUpdateV2(doc) });
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: createdAt,
    appVersion: APP_VERSION,
    workspace: { id: newId(), name: strings.sample.workspaceName, createdAt, updatedAt: createdAt },
    members,
    boards: [board('persona', strings.sample.personaBoard, samplePersonaDoc(strings, members)), board('funnel', strings.funnel.defaultName, funnel.doc)],
    assets: [],
    slaVersions,
    meetingSeries: [series],
    meetings,
    actionItems,
    kpis,
    kpiValues,
    calendar,
    leadMonths,
  };
}

/**
 * The sample's working calendar: the Japanese company keeps Japan's (Tokyo, 9:00–18:00 with an
 * hour's lunch, national holidays, year-end closure); the English one is a New York office,
 * 9:00–17:00, closed on US public holidays.
 */
function sampleCalendar(language: Language): WorkingCalendar {
  if (language === 'ja') return defaultCalendar({ language, yearEndName: ja.defaults.calendar.yearEnd });
  return WorkingCalendar.parse({ ...defaultCalendar({ language, timeZone: 'America/New_York', region: 'US' }), closes: 17 * 60, lunch: null });
}

/** Creates the sample workspace (a fictional company) in the user's language; dates relative to `now`. */
export async function createSampleWorkspace(language: Language, database: AlignboardDb = defaultDb, now: Date = new Date()): Promise<string> {
  const strings = language === 'ja' ? ja : en;
  const numbered = (name: string, number: number) => interpolate(strings.home.numberedName, { name, number: String(number) });
  return (await importWorkspace(await buildSampleWorkspace(language, now), { numbered }, database)).id;
}
