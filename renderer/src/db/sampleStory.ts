import { stampBoardDoc } from '@shared/board/docVersion';
import * as Y from 'yjs';
import { BusinessClock } from '@shared/calendar/businessHours';
import type { WorkingCalendar } from '@shared/calendar/calendar';
import { civilOf, dayOff, dayOfIso } from '@shared/calendar/holidays';
import { Funnel, type RevenuePlan } from '@shared/funnel/plan';
import { createDefaultStages, type DefaultStageKey, type Stage } from '@shared/funnel/stages';
import { F, type LeadMonth, NONE, RECORD_STRIDE } from '@shared/kpi/leadRecords';
import { PeriodValue, valueId } from '@shared/kpi/records';
import { slaKey } from '@shared/kpi/values';
import type { Language } from '@shared/settings';
import type { Member } from '@shared/records/member';
import { type Commitment, type CommitmentKind, defaultCommitments } from '@shared/sla/commitments';
import { commitmentsOf, createDocument, regenerate, setSectionText, type SlaDocument } from '@shared/sla/document';
import { addSignature, createVersion, defaultSigners, type SlaVersion, startRevision, submitForReview, updateDocument } from '@shared/sla/versions';
import { addDays, addMonths as addCalendarMonths } from '@shared/meetings/cadence';
import { planMap, writeStages } from '../features/funnel/funnelDoc';
import { SAMPLE_SIGNATURES } from './sampleSignatures';

/**
 * The parts of the sample workspace that make the funnel, the SLA and SLA attainment visible from
 * the first start: a funnel with targets, rates and a revenue plan; revision 1 of the SLA signed by
 * both heads (drawn signatures) four weeks ago; revision 2 in draft since the last meeting raised
 * the MQL threshold; and what the signed commitments are measured against — a year of CRM exports
 * with a date and time per lead (first contact and accept/reject measured per record in business
 * hours) and the monthly figures of the commitments the app has no metric for. Everything is
 * computed from the story's fixed figures and `today`; nothing random.
 */

type Strings = { sampleStory: { funnel: { mqlSigned: string; mqlNow: string }; sla: { purpose: string; escalation: string; handOffChange: string } } };

/** Per stage of the default funnel: target volume a month and expected conversion to the next stage. */
const FUNNEL_FIGURES: Partial<Record<DefaultStageKey, { target: number; rate: number | null }>> = {
  prospect: { target: 7_000, rate: 0.1 },
  lead: { target: 700, rate: 0.28 },
  mql: { target: 200, rate: 0.6 },
  sal: { target: 120, rate: 0.5 },
  sql: { target: 60, rate: 0.55 },
  opportunity: { target: 30, rate: 0.25 },
  won: { target: 7, rate: null },
};

/** The revenue plan a month: dollars for the English company, yen (×100) for the Japanese one. */
const PLAN: Readonly<Record<Language, Pick<RevenuePlan, 'revenueTarget' | 'averageDealSize' | 'currency'>>> = {
  en: { revenueTarget: 170_000, averageDealSize: 25_000, currency: 'USD' },
  ja: { revenueTarget: 17_000_000, averageDealSize: 2_500_000, currency: 'JPY' },
};

export type SampleFunnel = { stages: Stage[]; signedStages: Stage[]; funnel: Funnel; signedFunnel: Funnel; doc: Y.Doc };

/**
 * The funnel: the default stages with the story's targets and rates and the revenue plan, so the
 * reverse funnel shows numbers (7 deals → 28 opportunities → … → 170 MQLs, under every target).
 * The board holds the MQL definition decided in the last meeting (60 points); revision 1 was
 * generated when it said 50.
 */
export function sampleFunnel(strings: Strings, language: Language, newId: () => string): SampleFunnel {
  const stages = createDefaultStages({ language, newId }).map((stage) => {
    const figures = stage.key ? FUNNEL_FIGURES[stage.key] : undefined;
    const entryDefinition = stage.key === 'mql' ? strings.sampleStory.funnel.mqlNow : stage.entryDefinition;
    return figures ? { ...stage, targetVolume: figures.target, conversionRate: figures.rate, entryDefinition } : { ...stage, entryDefinition };
  });
  const signedStages = stages.map((stage) => (stage.key === 'mql' ? { ...stage, entryDefinition: strings.sampleStory.funnel.mqlSigned } : stage));
  const plan = { ...PLAN[language], period: 'month' as const };
  const doc = new Y.Doc();
  // Written as the template is (no tracked origin): nothing of it is an undoable user edit.
  writeStages(doc, stages, null);
  stampBoardDoc(doc);
  doc.transact(() => {
    const map = planMap(doc);
    for (const [key, value] of Object.entries(plan)) map.set(key, value);
  }, null);
  return { stages, signedStages, funnel: Funnel.parse({ stages, plan }), signedFunnel: Funnel.parse({ stages: signedStages, plan }), doc };
}

/** A local date and time as an ISO timestamp (the meeting pages' clock). */
function localIso(date: string, hours: number, minutes = 0): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, hours, minutes).toISOString();
}

export type SampleSlaInput = {
  strings: Strings;
  title: string;
  funnel: SampleFunnel;
  calendar: WorkingCalendar;
  members: readonly Pick<Member, 'id' | 'name' | 'title' | 'department'>[];
  /** The meeting where both heads signed revision 1, and the one after which revision 2 was started. */
  signedOn: string;
  revisedOn: string;
  newId: () => string;
};

/**
 * Revision 1, signed by both heads on `signedOn` with the signatures they drew, and revision 2
 * started the day after the last meeting: the MQL threshold raised to 60 points (the funnel's
 * definition), 180 MQLs a month instead of 200, and the reason in the hand-off section's text.
 */
export async function sampleSlaVersions(input: SampleSlaInput): Promise<SlaVersion[]> {
  const { strings, funnel, calendar, newId } = input;
  const text = strings.sampleStory.sla;
  const mql = funnel.stages.find((stage) => stage.key === 'mql')!;
  const commitments = defaultCommitments({ mqlStageId: mql.id, newId }).map((commitment): Commitment => {
    // Time windows for nearly every MQL, as teams sign them: 90 % first contacted within 24
    // business hours, 95 % accepted or rejected within 24.
    if (commitment.kind === 'firstContact') return { ...commitment, compliancePercent: 90 };
    if (commitment.kind === 'acceptReject') return { ...commitment, compliancePercent: 95 };
    return commitment;
  });
  let document: SlaDocument = createDocument(funnel.signedFunnel, commitments, {
    title: input.title,
    calendar,
    validity: { from: input.signedOn, until: addDays(addCalendarMonths(input.signedOn, 12), -1) },
  });
  document = setSectionText(document, 'purpose', text.purpose);
  document = setSectionText(document, 'escalation', text.escalation);

  const drafted = localIso(addDays(input.signedOn, -7), 16);
  let first = createVersion({ id: newId(), document, signers: defaultSigners(input.members), now: drafted });
  first = submitForReview(first, localIso(addDays(input.signedOn, -1), 17));
  for (const [index, memberId] of first.signers.entries()) {
    const member = input.members.find((candidate) => candidate.id === memberId)!;
    first = await addSignature(
      first,
      {
        memberId,
        name: member.name,
        title: member.title,
        department: member.department,
        date: input.signedOn,
        image: { format: 'png', data: SAMPLE_SIGNATURES[index % SAMPLE_SIGNATURES.length]! },
      },
      localIso(input.signedOn, 10, 35 + index * 4),
    );
  }

  const started = localIso(input.revisedOn, 9, 30);
  const second = startRevision(first, { id: newId(), now: started });
  const revised = commitmentsOf(second.document).map((commitment) => (commitment.kind === 'volume' ? { ...commitment, count: 180 } : commitment));
  const regenerated = regenerate(second.document, funnel.funnel, revised, { calendar });
  const edited = localIso(input.revisedOn, 9, 50);
  return [first, updateDocument(second, setSectionText(regenerated, 'handOff', text.handOffChange), edited)];
}


// ---------------------------------------------------------------------------------------------
// What the signed commitments are measured against
// ---------------------------------------------------------------------------------------------

/**
 * Per month, oldest first (the same twelve months as the funnel metrics): the share of MQLs first
 * contacted within the window, and of those accepted or rejected within theirs (percent). First
 * contact improves past the 90 % the SLA asks for in the last months; accept/reject hovers around
 * its 95 %. The delay of the answers in time shrinks over the year (the lead response time KPI).
 */
const FIRST_CONTACT_SHARE = [80, 82, 84, 86, 85, 88, 89, 91, 92, 89, 93, 95];
const DECISION_SHARE = [90, 91, 93, 92, 94, 96, 96, 94, 96, 97, 95, 97];
/** How far into the window an answer in time comes, at most (share of the window), per month. */
const PROMPTNESS = [0.95, 0.92, 0.9, 0.86, 0.82, 0.78, 0.74, 0.7, 0.66, 0.62, 0.58, 0.55];

/** Monthly figures of the commitments the funnel metrics do not measure, oldest first. */
const COMMITMENT_FIGURES: Partial<Record<CommitmentKind, readonly number[]>> = {
  // % of hand-overs with every required field: missed last month (a web form lost its phone field).
  quality: [84, 86, 88, 87, 89, 91, 90, 92, 93, 91, 92, 88],
  // Contact attempts per MQL within 14 days.
  attempts: [4.8, 5.1, 5.3, 5.6, 5.8, 6.1, 6, 6.2, 6.4, 6.3, 6.5, 6.6],
  // Days recycled leads were nurtured.
  recycle: [90, 90, 95, 90, 92, 90, 94, 90, 91, 93, 90, 95],
};

/** A small deterministic generator (the same sample every time). */
function sequence(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

type Wall = { day: number; minutes: number };

/** The working intervals of a day in minutes since midnight (none on a day off). */
function workingIntervals(calendar: WorkingCalendar, day: number): [number, number][] {
  if (dayOff(calendar, day) !== null) return [];
  return calendar.lunch
    ? [
        [calendar.opens, calendar.lunch.from],
        [calendar.lunch.to, calendar.closes],
      ]
    : [[calendar.opens, calendar.closes]];
}

/** The wall time `hours` business hours after `from` (which lies in working time), by the calendar's days and hours. */
function afterBusinessHours(calendar: WorkingCalendar, from: Wall, hours: number): Wall {
  let left = Math.round(hours * 60);
  let { day, minutes } = from;
  for (let guard = 0; guard < 400; guard++) {
    for (const [start, end] of workingIntervals(calendar, day)) {
      if (end <= minutes) continue;
      const begin = Math.max(start, minutes);
      if (begin + left <= end) return { day, minutes: begin + left };
      left -= end - begin;
      minutes = end;
    }
    day++;
    minutes = 0;
  }
  throw new Error('afterBusinessHours: no working time within 400 days');
}

/** The working days of a month (day numbers). */
function workingDaysOf(calendar: WorkingCalendar, period: string): number[] {
  const first = dayOfIso(`${period}-01`);
  const days: number[] = [];
  for (let day = first; civilOf(day).month === civilOf(first).month; day++) if (workingIntervals(calendar, day).length > 0) days.push(day);
  return days;
}

export type SampleMeasures = { leadMonths: LeadMonth[]; commitmentValues: PeriodValue[] };

/**
 * A year of lead-level CRM exports (one per month, `mql[i]` MQLs each) and the commitments'
 * monthly figures. Each MQL arrives in working time; `FIRST_CONTACT_SHARE` of them are contacted
 * within 24 business hours (the rest later, a few not at all yet), and likewise for the decision.
 * Nothing lies after `now`: an answer that would is left out (the lead still waits).
 */
export function sampleMeasures(input: {
  calendar: WorkingCalendar;
  months: readonly string[];
  mql: readonly number[];
  commitments: readonly Commitment[];
  now: Date;
  importedAt: (period: string) => string;
}): SampleMeasures {
  const { calendar, months } = input;
  const clock = new BusinessClock(calendar);
  const nowMs = input.now.getTime();
  const leadMonths = months.map((period, monthIndex): LeadMonth => {
    const random = sequence(0x5eed + monthIndex * 7_919);
    const count = input.mql[monthIndex]!;
    const days = workingDaysOf(calendar, period);
    const intervals = workingIntervals(calendar, days[0]!);
    const data = new Int32Array(count * RECORD_STRIDE);
    const ids: string[] = [];
    let latest: Wall = { day: days[0]!, minutes: 0 };
    const within = (share: number) => Math.round((count * share) / 100);
    const contactInTime = within(FIRST_CONTACT_SHARE[monthIndex]!);
    const decidedInTime = within(DECISION_SHARE[monthIndex]!);
    const past = (wall: Wall) => clock.instantOf({ ...wall, offset: null }) <= nowMs;
    const note = (wall: Wall) => {
      if (wall.day > latest.day || (wall.day === latest.day && wall.minutes > latest.minutes)) latest = wall;
    };
    for (let index = 0; index < count; index++) {
      // Spread over the month's working days and hours (lunch included in no interval).
      const day = days[Math.floor((index * days.length) / count)]!;
      const [start, end] = intervals[index % intervals.length]!;
      const mql: Wall = { day, minutes: start + Math.floor(random() * (end - start - 1)) };
      // The late ones are scattered through the month, not bunched at its end.
      const order = (index * 7) % count;
      const answer = (inTime: boolean, window: number): Wall | null => {
        const hours = inTime ? 0.25 + random() * (window * PROMPTNESS[monthIndex]! - 0.25) : window + 1 + random() * 30;
        const wall = afterBusinessHours(calendar, mql, hours);
        return past(wall) ? wall : null;
      };
      // One MQL of the last month was never contacted: it shows as still waiting.
      const forgotten = monthIndex === months.length - 1 && index === 1;
      const contact = forgotten ? null : answer(order < contactInTime, 24);
      const decision = forgotten ? null : answer(order < decidedInTime, 24);
      const base = index * RECORD_STRIDE;
      data[base + F.line] = index + 2;
      for (const [at, wall] of [
        [F.mqlDay, mql],
        [F.contactDay, contact],
        [F.decisionDay, decision],
      ] as const) {
        data[base + at] = wall ? wall.day : NONE;
        data[base + at + 1] = wall ? wall.minutes : -1;
        data[base + at + 2] = NONE;
        if (wall) note(wall);
      }
      ids.push(`NW-${period.replace('-', '')}-${String(index + 1).padStart(4, '0')}`);
    }
    return { id: period, period, measures: { firstContact: true, acceptReject: true }, ids, data, asOf: { ...latest }, importedAt: input.importedAt(period) };
  });

  const commitmentValues = input.commitments.flatMap((commitment) => {
    const figures = COMMITMENT_FIGURES[commitment.kind];
    if (!figures) return [];
    const key = slaKey(commitment.id);
    return months.map((period, index) => PeriodValue.parse({ id: valueId(key, period), key, period, value: figures[index]!, source: 'csv', updatedAt: input.importedAt(period) }));
  });
  return { leadMonths, commitmentValues };
}
