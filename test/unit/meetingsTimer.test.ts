import { describe, expect, it } from 'vitest';
import { agendaFromTemplate, DEFAULT_AGENDA, departmentOf, moveAgendaItem, parseMinutes, removeAgendaItem, insertAgendaItem, textProblem, totalMinutes } from '../../shared/meetings/agenda';
import { Meeting } from '../../shared/meetings/records';
import {
  agendaTotals,
  endMeeting,
  formatClock,
  goToItem,
  itemElapsedMs,
  MAX_ELAPSED_MS,
  msUntilOverrun,
  nextItem,
  pauseTimer,
  previousItem,
  startMeeting,
  startTimer,
  timerView,
  toggleTimer,
} from '../../shared/meetings/timer';

const t0 = Date.parse('2026-11-30T09:00:00.000Z');
const sec = (s: number) => t0 + s * 1000;

function planned(): Meeting {
  let n = 0;
  const agenda = agendaFromTemplate({
    members: [
      { id: 'sales-1', department: 'sales' },
      { id: 'mkt-1', department: 'marketing' },
      { id: 'sales-2', department: 'sales' },
    ],
    title: (kind) => `title:${kind}`,
    newId: () => `item-${++n}`,
  });
  return Meeting.parse({ id: 'm', title: 'M', date: '2026-11-30', agenda, createdAt: new Date(t0).toISOString(), updatedAt: new Date(t0).toISOString() });
}

describe('agenda template', () => {
  it('has the six items of the regular meeting with minutes and owners by department', () => {
    const meeting = planned();
    expect(meeting.agenda.map((item) => [item.kind, item.title, item.minutes, item.ownerId])).toEqual([
      ['kpiReview', 'title:kpiReview', 15, 'mkt-1'],
      ['slaAttainment', 'title:slaAttainment', 10, 'sales-1'],
      ['leadQuality', 'title:leadQuality', 15, 'sales-1'],
      ['campaignPlans', 'title:campaignPlans', 10, 'mkt-1'],
      ['personaUpdates', 'title:personaUpdates', 10, 'mkt-1'],
      ['actionsReview', 'title:actionsReview', 10, null],
    ]);
    expect(totalMinutes(meeting.agenda)).toBe(70);
    expect(DEFAULT_AGENDA).toHaveLength(6);
  });

  it('leaves owners empty when a department has no members', () => {
    const agenda = agendaFromTemplate({ members: [], title: (kind) => kind, newId: () => 'x' });
    expect(agenda.every((item) => item.ownerId === null)).toBe(true);
  });

  it('edits: remove with undo position, insert back, move', () => {
    const meeting = planned();
    const { meeting: without, removed } = removeAgendaItem(meeting, 'item-2', 0);
    expect(without.agenda.map((i) => i.id)).toEqual(['item-1', 'item-3', 'item-4', 'item-5', 'item-6']);
    expect(insertAgendaItem(without, removed!.item, removed!.index).agenda.map((i) => i.id)).toEqual(meeting.agenda.map((i) => i.id));
    expect(moveAgendaItem(meeting, 'item-1', -1)).toBe(meeting);
    expect(moveAgendaItem(meeting, 'item-1', 1).agenda.slice(0, 2).map((i) => i.id)).toEqual(['item-2', 'item-1']);
  });

  it('removing the item whose timer runs keeps its time for Undo (the minutes’ “Spent”), and stops the timer', () => {
    const running = startTimer(startMeeting(planned(), sec(0)), sec(60));
    expect(running.currentItemId).toBe('item-1');
    const { meeting: without, removed } = removeAgendaItem(running, 'item-1', sec(60 + 5 * 60));
    expect(without.runningSince).toBeNull();
    expect(without.currentItemId).toBe('item-2');
    expect(removed!.item.elapsedMs).toBe(5 * 60_000);
    const back = insertAgendaItem(without, removed!.item, removed!.index);
    expect(itemElapsedMs(back, back.agenda[0]!, sec(10_000))).toBe(5 * 60_000);
    // Another item than the running one: the timer runs on, nothing folded.
    const other = removeAgendaItem(running, 'item-3', sec(120));
    expect(other.meeting.runningSince).toBe(running.runningSince);
    expect(other.removed!.item).toBe(running.agenda[2]);
  });

  it('validates typed titles and minutes with a reason', () => {
    expect(textProblem('  ', 200)).toBe('required');
    expect(textProblem('x'.repeat(201), 200)).toBe('tooLong');
    expect(textProblem(' ok ', 200)).toBeNull();
    expect(parseMinutes('10')).toEqual({ minutes: 10 });
    expect(parseMinutes('2.5')).toEqual({ problem: 'notWhole' });
    expect(parseMinutes('abc')).toEqual({ problem: 'notWhole' });
    expect(parseMinutes('0')).toEqual({ problem: 'outOfRange' });
    expect(parseMinutes('481')).toEqual({ problem: 'outOfRange' });
  });

  it('gives an action the department of its owner', () => {
    expect(departmentOf({ id: 'a', department: 'sales' })).toBe('sales');
    expect(departmentOf({ id: 'a', department: 'other' })).toBe('joint');
    expect(departmentOf(null)).toBe('joint');
  });
});

describe('run-mode timer', () => {
  it('counts the running item from runningSince, paused items from elapsedMs only', () => {
    let meeting = startMeeting(planned(), sec(0));
    expect(meeting).toMatchObject({ state: 'running', currentItemId: 'item-1', runningSince: null, startedAt: new Date(sec(0)).toISOString() });
    meeting = startTimer(meeting, sec(10));
    expect(itemElapsedMs(meeting, meeting.agenda[0]!, sec(70))).toBe(60_000);
    expect(itemElapsedMs(meeting, meeting.agenda[1]!, sec(70))).toBe(0);
    meeting = pauseTimer(meeting, sec(100));
    expect(meeting.runningSince).toBeNull();
    expect(meeting.agenda[0]!.elapsedMs).toBe(90_000);
    // Paused: time passing changes nothing.
    expect(itemElapsedMs(meeting, meeting.agenda[0]!, sec(10_000))).toBe(90_000);
    meeting = toggleTimer(meeting, sec(200));
    expect(itemElapsedMs(meeting, meeting.agenda[0]!, sec(230))).toBe(120_000);
  });

  it('next item folds the time into the item left and keeps the timer running on the next', () => {
    let meeting = startTimer(startMeeting(planned(), sec(0)), sec(0));
    meeting = nextItem(meeting, sec(30));
    expect(meeting.currentItemId).toBe('item-2');
    expect(meeting.agenda[0]!.elapsedMs).toBe(30_000);
    expect(meeting.runningSince).toBe(new Date(sec(30)).toISOString());
    meeting = pauseTimer(meeting, sec(45));
    meeting = nextItem(meeting, sec(60));
    expect(meeting.runningSince).toBeNull();
    expect(meeting.agenda[1]!.elapsedMs).toBe(15_000);
    meeting = previousItem(meeting, sec(61));
    expect(meeting.currentItemId).toBe('item-2');
    // At the last item "next" does nothing.
    const last = goToItem(meeting, 'item-6', sec(62));
    expect(nextItem(last, sec(63))).toBe(last);
  });

  it('a timer survives a reload: the stored meeting alone gives the same elapsed time', () => {
    const running = startTimer(startMeeting(planned(), sec(0)), sec(5));
    const reloaded = Meeting.parse(JSON.parse(JSON.stringify(running)));
    expect(itemElapsedMs(reloaded, reloaded.agenda[0]!, sec(65))).toBe(60_000);
  });

  it('shows remaining time, then overrun', () => {
    expect(timerView(1, 45_000)).toMatchObject({ remainingMs: 15_000, overrunMs: 0, overrun: false, progress: 0.75 });
    expect(timerView(1, 60_000)).toMatchObject({ remainingMs: 0, overrunMs: 0, overrun: false, progress: 1 });
    expect(timerView(1, 61_500)).toMatchObject({ remainingMs: 0, overrunMs: 1_500, overrun: true, progress: 1 });
    expect(timerView(Number.NaN, Number.POSITIVE_INFINITY)).toMatchObject({ allottedMs: 0, elapsedMs: 0, overrun: false });
    const meeting = startTimer(startMeeting(planned(), sec(0)), sec(0));
    expect(msUntilOverrun(meeting, sec(60))).toBe(14 * 60_000);
    expect(msUntilOverrun(meeting, sec(16 * 60))).toBeNull();
    expect(msUntilOverrun(pauseTimer(meeting, sec(1)), sec(2))).toBeNull();
  });

  it('a clock moved backwards counts as no time; elapsed is capped at the schema maximum', () => {
    const meeting = startTimer(startMeeting(planned(), sec(100)), sec(100));
    expect(itemElapsedMs(meeting, meeting.agenda[0]!, sec(50))).toBe(0);
    expect(itemElapsedMs(meeting, meeting.agenda[0]!, sec(100) + 30 * 24 * 3_600_000)).toBe(MAX_ELAPSED_MS);
    expect(() => Meeting.parse(pauseTimer(meeting, sec(100) + 30 * 24 * 3_600_000))).not.toThrow();
  });

  it('formats clocks', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(59_001, true)).toBe('1:00');
    expect(formatClock(59_001)).toBe('0:59');
    expect(formatClock(Number.NaN)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
  });

  it('ending stops the timer, keeps its time, records endedAt; totals add up', () => {
    let meeting = startTimer(startMeeting(planned(), sec(0)), sec(0));
    meeting = endMeeting(meeting, sec(90));
    expect(meeting).toMatchObject({ state: 'ended', runningSince: null, endedAt: new Date(sec(90)).toISOString() });
    expect(meeting.agenda[0]!.elapsedMs).toBe(90_000);
    expect(agendaTotals(meeting, sec(1000))).toEqual({ plannedMs: 70 * 60_000, elapsedMs: 90_000 });
    expect(endMeeting(meeting, sec(100))).toBe(meeting);
    expect(() => startMeeting(meeting, sec(100))).toThrow(/ended/);
    expect(startTimer(meeting, sec(100))).toBe(meeting);
  });
});
