import * as Y from 'yjs';
import { en } from '../../../shared/locales/en';
import { ja } from '../../../shared/locales/ja';
import type { Language } from '../../../shared/settings';
import { addNodes, newSticky } from '../../../shared/board/doc';
import { stampBoardDoc } from '../../../shared/board/docVersion';
import { defaultCalendar, WorkingCalendar } from '../../../shared/calendar/calendar';
import type { PersonaZone } from '../../../shared/board/nodes';
import { personaTemplate } from '../../../shared/board/personaTemplate';
import type { Department } from '../../../shared/records/member';
import { defaultKpis } from '../../../shared/kpi/defaults';
import { addMonths, monthOf, monthRange } from '../../../shared/kpi/periods';
import { type KpiDefinition, type Metric, PeriodValue, valueId } from '../../../shared/kpi/records';
import { snapshotRows } from '../../../shared/kpi/snapshot';
import { metricKey } from '../../../shared/kpi/values';
import { agendaFromTemplate, departmentOf } from '../../../shared/meetings/agenda';
import { addDays, dayOfMonth, nextDateOnOrAfter, previousMonth, todayIn } from '../../../shared/meetings/cadence';
import { ActionItem, Meeting, MeetingSeries } from '../../../shared/meetings/records';
import type { ParsedWorkspaceFile } from '../../../shared/workspaceFile';
import { FILE_FORMAT, FILE_VERSION } from '../../../shared/workspaceFile';
import type { AlignboardDb } from './db';
import { db as defaultDb } from './db';
import { newId } from './ids';
import { APP_VERSION, importWorkspace } from './workspaces';

type Strings = typeof en | typeof ja;

/** Zone each sample note belongs to, in the order of `sample.stickies`. */
const SAMPLE_NOTE_ZONES: PersonaZone[] = ['channels', 'triggers', 'objections'];

/** The persona board of the sample: the persona template filled in, with notes in their zones. */
function samplePersonaDoc(strings: Strings, memberIds: Map<Department, string>): Y.Doc {
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
  const notes = strings.sample.stickies.map((sticky, index) => {
    const zone = zones.get(SAMPLE_NOTE_ZONES[index % SAMPLE_NOTE_ZONES.length]!)!;
    const department = sticky.department as Department;
    return {
      id: newId(),
      data: newSticky({
        x: zone.x + 40,
        y: zone.y + 80,
        text: sticky.text,
        department: department === 'other' ? 'joint' : department,
        authorId: memberIds.get(department) ?? null,
      }),
    };
  });
  addNodes(doc, [...template, ...notes], null);
  return doc;
}

type SampleMember = { id: string; name: string; department: Department };

/**
 * Twelve months of funnel metrics, oldest first, ending with the last month that has ended. The
 * story: MQL volume grows past its target while first contact gets faster; conversion to SQL
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
  responseHours: [41.5, 39, 37.5, 36, 33.5, 31, 30, 28.5, 27, 26, 23.5, 21],
} as const satisfies Record<Metric, readonly number[]>;

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

/** The sample's metric values for the 12 months ending with the month before `today`, each as if imported from the CRM first thing the next month (before a meeting that day). */
function sampleValues(language: Language, today: string, nowIso: string): PeriodValue[] {
  const last = addMonths(monthOf(today), -1);
  const months = monthRange(addMonths(last, -(SAMPLE_MONTHS - 1)), last);
  return Object.entries(SAMPLE_METRICS).flatMap(([metric, series]) =>
    months.map((period, index) => {
      const key = metricKey(metric as Metric);
      const value = series[index]! * (CURRENCY_METRICS.has(metric as Metric) ? CURRENCY_SCALE[language] : 1);
      const importedAt = earliest(localIso(`${addMonths(period, 1)}-01`, 8, 30), nowIso);
      return PeriodValue.parse({ id: valueId(key, period), key, period, value, source: 'csv', updatedAt: importedAt });
    }),
  );
}

/** Every KPI as it stood for `period`, like the app's snapshot when a meeting ends (the sample has no signed SLA). */
function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => values[name] ?? match);
}

/** A calendar date as the meeting pages show it ("Nov 16, 2026" / "2026/11/16"). */
function formatDay(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * The regular meeting of the sample: a biweekly series whose next date is the first one on its
 * cadence after today, and the meeting held two weeks ago, ended, with notes on two items, one
 * decision, the KPI snapshot of the month it reviewed and three action items made in it (one now
 * overdue, one due next week, one done and closed in that meeting).
 */
function sampleMeetings(strings: Strings, language: Language, members: readonly SampleMember[], kpis: readonly KpiDefinition[], values: readonly PeriodValue[], today: string) {
  const text = strings.sample.meeting;
  // Members by their place in `sample.members` (same order in every language).
  const member = (index: number) => members[index]!;
  const attendees = members.filter((m) => m.department !== 'other');
  const date = addDays(today, -14);
  const planned = localIso(addDays(date, -1), 17);
  const started = localIso(date, 10);

  const seriesId = newId();
  const nextDate = nextDateOnOrAfter(date, 'biweekly', addDays(today, 1));
  const series = MeetingSeries.parse({
    id: seriesId,
    name: text.seriesName,
    cadence: 'biweekly',
    nextDate,
    anchorDay: dayOfMonth(nextDate),
    defaultAttendeeIds: attendees.map((m) => m.id),
    createdAt: planned,
    updatedAt: planned,
  });

  // Every item took about its time; the lead quality discussion ran over.
  const spent: Partial<Record<string, number>> = { kpiReview: 14, slaAttainment: 8, leadQuality: 19, campaignPlans: 9, personaUpdates: 6, actionsReview: 7 };
  const agenda = agendaFromTemplate({ members: attendees, title: (kind) => strings.meetings.agendaKinds[kind], newId }).map((item) => ({
    ...item,
    notes: item.kind === 'kpiReview' ? text.kpiNote : item.kind === 'leadQuality' ? text.leadQualityNote : '',
    elapsedMs: (spent[item.kind] ?? item.minutes) * 60_000,
  }));
  const itemId = (kind: string) => agenda.find((item) => item.kind === kind)!.id;
  const ended = later(started, agenda.reduce((sum, item) => sum + item.elapsedMs / 60_000, 0));
  const meetingId = newId();
  const kpiPeriod = previousMonth(date);
  const meeting = Meeting.parse({
    id: meetingId,
    seriesId,
    title: interpolate(strings.meetings.meetingTitle, { series: text.seriesName, date: formatDay(date, language) }),
    date,
    state: 'ended',
    attendeeIds: attendees.map((m) => m.id),
    agenda,
    decisions: [{ id: newId(), text: text.decision, agendaItemId: itemId('leadQuality'), createdAt: later(started, 38) }],
    currentItemId: agenda[agenda.length - 1]!.id,
    runningSince: null,
    kpiPeriod,
    kpiSnapshot: snapshotRows(kpis, values, null, kpiPeriod),
    startedAt: started,
    endedAt: ended,
    createdAt: planned,
    updatedAt: ended,
  });

  const action = (fields: { title: string; owner: SampleMember; dueDate: string; agendaItem: string; createdAt: string }) => ({
    id: newId(),
    title: fields.title,
    ownerId: fields.owner.id,
    department: departmentOf(fields.owner),
    dueDate: fields.dueDate,
    status: 'open',
    createdInMeetingId: meetingId,
    agendaItemId: itemId(fields.agendaItem),
    closedInMeetingId: null,
    closedAt: null,
    createdAt: fields.createdAt,
    updatedAt: fields.createdAt,
  });
  const webinarListClosed = later(started, 58);
  const actionItems = [
    // Due a week after the meeting, so a week overdue now; started but not finished.
    { ...action({ title: text.actions.rejectedReasons, owner: member(4), dueDate: addDays(date, 7), agendaItem: 'leadQuality', createdAt: later(started, 36) }), status: 'inProgress', updatedAt: localIso(addDays(date, 2), 15) },
    action({ title: text.actions.scoringModel, owner: member(1), dueDate: addDays(today, 7), agendaItem: 'leadQuality', createdAt: later(started, 39) }),
    // Done on the spot: closed in the same meeting.
    {
      ...action({ title: text.actions.webinarList, owner: member(2), dueDate: date, agendaItem: 'campaignPlans', createdAt: later(started, 45) }),
      status: 'done',
      closedInMeetingId: meetingId,
      closedAt: webinarListClosed,
      updatedAt: webinarListClosed,
    },
  ].map((item) => ActionItem.parse(item));
  return { series, meeting, actionItems };
}

/**
 * The sample workspace as a workspace file: a fictional company in `language` with its members, a
 * persona board, the eight default KPIs with a year of metric values and a regular meeting with
 * one meeting held. Dates are relative to `now` (the local calendar day, as the app's pages use);
 * everything else is fixed. Every record is parsed with its schema, so a schema change shows up in
 * the sample's tests.
 */
export function buildSampleWorkspace(language: Language, now: Date = new Date()): ParsedWorkspaceFile {
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
  const firstOf = new Map<Department, string>();
  for (const member of members) if (!firstOf.has(member.department)) firstOf.set(member.department, member.id);
  const kpis = defaultKpis(language, createdAt, newId);
  const kpiValues = sampleValues(language, today, createdAt);
  const { series, meeting, actionItems } = sampleMeetings(strings, language, members, kpis, kpiValues, today);
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: createdAt,
    appVersion: APP_VERSION,
    workspace: { id: newId(), name: strings.sample.workspaceName, createdAt, updatedAt: createdAt },
    members,
    boards: [
      {
        id: newId(),
        kind: 'persona',
        name: strings.sample.personaBoard,
        agreement: null,
        createdAt,
        updatedAt: createdAt,
        updateV2: Y.encodeStateAsUpdateV2(samplePersonaDoc(strings, firstOf)),
      },
    ],
    assets: [],
    slaVersions: [],
    meetingSeries: [series],
    meetings: [meeting],
    actionItems,
    kpis,
    kpiValues,
    calendar: sampleCalendar(language),
    leadMonths: [],
  };
}

/**
 * The sample's working calendar: the Japanese company keeps Japan's (Tokyo, 9:00–18:00 with an
 * hour's lunch, national holidays, year-end closure); the English one is a New York office,
 * 9:00–17:00, closed on New Year's Day, Independence Day and Christmas every year.
 */
function sampleCalendar(language: Language): WorkingCalendar {
  const strings = language === 'ja' ? ja : en;
  if (language === 'ja') return defaultCalendar({ language, yearEndName: strings.calendar.defaults.yearEnd });
  const names = strings.calendar.sampleHolidays;
  return WorkingCalendar.parse({
    ...defaultCalendar({ language, timeZone: 'America/New_York' }),
    closes: 17 * 60,
    lunch: null,
    companyHolidays: [
      { id: 'new-year', kind: 'yearly', name: names.newYear, from: '01-01', to: '01-01' },
      { id: 'independence-day', kind: 'yearly', name: names.independence, from: '07-04', to: '07-04' },
      { id: 'christmas', kind: 'yearly', name: names.christmas, from: '12-25', to: '12-25' },
    ],
  });
}

/** Creates the sample workspace (a fictional company) in the user's language; dates relative to `now`. */
export async function createSampleWorkspace(language: Language, database: AlignboardDb = defaultDb, now: Date = new Date()): Promise<string> {
  return importWorkspace(buildSampleWorkspace(language, now), {}, database);
}
