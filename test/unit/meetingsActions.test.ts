import { describe, expect, it } from 'vitest';
import { actionsForMeeting, daysOverdue, isOverdue, isOverdueInMeeting, openActions, withStatus } from '../../shared/meetings/actions';
import { ActionItem, type ActionItemInput, Meeting, type MeetingInput } from '../../shared/meetings/records';

const T = (day: number, hour = 10) => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

function meeting(id: string, date: string, extra: Partial<MeetingInput> = {}): Meeting {
  return Meeting.parse({ id, title: id, date, createdAt: T(1), updatedAt: T(1), ...extra });
}
function action(id: string, extra: Partial<ActionItemInput> = {}): ActionItem {
  return ActionItem.parse({ id, title: id, department: 'joint', createdAt: T(1), updatedAt: T(1), ...extra });
}
const ids = (list: ReturnType<typeof actionsForMeeting>) => list.map((entry) => `${entry.action.id}:${entry.origin}${entry.closedHere ? ':closedHere' : ''}`);

// Three meetings a week apart: m1 and m2 have happened, m3 is planned.
const m1 = meeting('m1', '2026-11-02', { state: 'ended', startedAt: T(2), endedAt: T(2, 11) });
const m2 = meeting('m2', '2026-11-09', { state: 'ended', startedAt: T(9), endedAt: T(9, 11) });
const m3 = meeting('m3', '2026-11-16');
const meetings = [m3, m1, m2];

describe('carry-forward of action items', () => {
  it('a meeting lists open items from earlier meetings (carried), then its own (new)', () => {
    const actions = [action('a', { createdInMeetingId: 'm1', createdAt: T(2, 10) }), action('b', { createdInMeetingId: 'm2', createdAt: T(9, 10) })];
    expect(ids(actionsForMeeting(m1, actions, meetings))).toEqual(['a:new']);
    expect(ids(actionsForMeeting(m2, actions, meetings))).toEqual(['a:carried', 'b:new']);
    expect(ids(actionsForMeeting(m3, actions, meetings))).toEqual(['a:carried', 'b:carried']);
  });

  it('a closed item leaves the list after the meeting that closed it, and shows there as closed', () => {
    const a = withStatus(action('a', { createdInMeetingId: 'm1', createdAt: T(2, 10) }), 'done', 'm2', T(9, 10));
    expect(a).toMatchObject({ status: 'done', closedInMeetingId: 'm2', closedAt: T(9, 10) });
    expect(ids(actionsForMeeting(m1, [a], meetings))).toEqual(['a:new']);
    expect(ids(actionsForMeeting(m2, [a], meetings))).toEqual(['a:carried:closedHere']);
    expect(ids(actionsForMeeting(m3, [a], meetings))).toEqual([]);
  });

  it('an item closed in a later meeting was still open in the earlier ones (the minutes do not change)', () => {
    const a = withStatus(action('a', { createdInMeetingId: 'm1', createdAt: T(2, 10) }), 'dropped', 'm3', T(16));
    expect(ids(actionsForMeeting(m2, [a], meetings))).toEqual(['a:carried']);
    expect(ids(actionsForMeeting(m3, [a], meetings))).toEqual(['a:carried:closedHere']);
  });

  it('items closed outside a meeting: gone from meetings that start after, kept in those before', () => {
    const a = withStatus(action('a', { createdInMeetingId: 'm1', createdAt: T(2, 10) }), 'done', null, T(5));
    expect(a.closedInMeetingId).toBeNull();
    expect(ids(actionsForMeeting(m1, [a], meetings))).toEqual(['a:new']);
    expect(ids(actionsForMeeting(m2, [a], meetings))).toEqual([]);
    expect(ids(actionsForMeeting(m3, [a], meetings))).toEqual([]);
    // Closed outside any meeting after m2 began: m2 still showed it open.
    const late = withStatus(action('b', { createdInMeetingId: 'm1', createdAt: T(2, 10) }), 'done', null, T(12));
    expect(ids(actionsForMeeting(m2, [late], meetings))).toEqual(['b:carried']);
    expect(ids(actionsForMeeting(m3, [late], meetings))).toEqual([]);
  });

  it('items created outside a meeting are carried into meetings that begin after they were made', () => {
    const a = action('a', { createdAt: T(5) });
    expect(ids(actionsForMeeting(m1, [a], meetings))).toEqual([]);
    expect(ids(actionsForMeeting(m2, [a], meetings))).toEqual(['a:carried']);
    expect(ids(actionsForMeeting(m3, [a], meetings))).toEqual(['a:carried']);
  });

  it('an item whose meeting was deleted is treated as made outside a meeting at its time', () => {
    const a = action('a', { createdInMeetingId: 'gone', createdAt: T(3) });
    expect(ids(actionsForMeeting(m2, [a], meetings))).toEqual(['a:carried']);
    expect(ids(actionsForMeeting(m1, [a], meetings))).toEqual([]);
  });

  it('meetings on the same date are ordered by when they were planned', () => {
    const early = meeting('early', '2026-11-20', { createdAt: T(10) });
    const late = meeting('late', '2026-11-20', { createdAt: T(11) });
    const a = action('a', { createdInMeetingId: 'early', createdAt: T(20) });
    expect(ids(actionsForMeeting(late, [a], [late, early]))).toEqual(['a:carried']);
    expect(ids(actionsForMeeting(early, [a], [late, early]))).toEqual(['a:new']);
  });

  it('orders carried items by due date (undated last), then age; new items as written', () => {
    const actions = [
      action('undated', { createdInMeetingId: 'm1', createdAt: T(2, 10) }),
      action('late', { createdInMeetingId: 'm1', dueDate: '2026-12-01', createdAt: T(2, 11) }),
      action('soon', { createdInMeetingId: 'm2', dueDate: '2026-11-10', createdAt: T(9, 12) }),
      action('sameDueOlder', { createdInMeetingId: 'm1', dueDate: '2026-11-10', createdAt: T(2, 9) }),
      action('new2', { createdInMeetingId: 'm3', createdAt: T(16, 12) }),
      action('new1', { createdInMeetingId: 'm3', createdAt: T(16, 11) }),
    ];
    expect(ids(actionsForMeeting(m3, actions, meetings))).toEqual(['sameDueOlder:carried', 'soon:carried', 'late:carried', 'undated:carried', 'new1:new', 'new2:new']);
  });

  it('works for a meeting missing from the list given (a new one)', () => {
    const fresh = meeting('fresh', '2026-11-23');
    expect(ids(actionsForMeeting(fresh, [action('a', { createdInMeetingId: 'm2' })], meetings))).toEqual(['a:carried']);
  });
});

describe('status changes', () => {
  it('reopening clears where and when it was closed; done → dropped keeps them', () => {
    const done = withStatus(action('a'), 'done', 'm2', T(9));
    const dropped = withStatus(done, 'dropped', 'm3', T(16));
    expect(dropped).toMatchObject({ status: 'dropped', closedInMeetingId: 'm2', closedAt: T(9), updatedAt: T(16) });
    expect(withStatus(dropped, 'inProgress', 'm3', T(17))).toMatchObject({ status: 'inProgress', closedInMeetingId: null, closedAt: null });
    const same = action('b');
    expect(withStatus(same, 'open', 'm1', T(3))).toBe(same);
  });
});

describe('overdue', () => {
  const today = '2026-11-30';
  it.each([
    ['open', '2026-11-29', true, 1],
    ['inProgress', '2026-10-31', true, 30],
    ['open', '2026-11-30', false, 0],
    ['open', '2026-12-01', false, 0],
    ['open', null, false, 0],
    ['done', '2026-11-01', false, 0],
    ['dropped', '2026-11-01', false, 0],
  ] as const)('%s due %s → overdue %s (%i days)', (status, dueDate, overdue, days) => {
    const item = action('a', { status, dueDate });
    expect(isOverdue(item, today)).toBe(overdue);
    expect(daysOverdue(item, today)).toBe(days);
  });

  it('in a meeting’s minutes: against the meeting’s own date, as the item stood in the meeting (not today, not its status now)', () => {
    // Today is 2026-11-10: m2 (11-09) has happened, m3 (11-16) is coming.
    const now = '2026-11-10';
    const dueBeforeM3 = action('due-12th', { createdInMeetingId: 'm2', createdAt: T(9, 10), dueDate: '2026-11-12' });
    const dueOnM3 = action('due-16th', { createdInMeetingId: 'm2', createdAt: T(9, 10), dueDate: '2026-11-16' });
    const closedInM2 = withStatus(action('closed-in-m2', { createdInMeetingId: 'm1', createdAt: T(2, 10), dueDate: '2026-11-03' }), 'done', 'm2', T(9, 10));
    const closedLater = withStatus(action('closed-later', { createdInMeetingId: 'm1', createdAt: T(2, 10), dueDate: '2026-11-05' }), 'done', 'm3', T(16, 10));
    const overdueIn = (m: Meeting) =>
      actionsForMeeting(m, [dueBeforeM3, dueOnM3, closedInM2, closedLater], meetings)
        .filter((entry) => isOverdueInMeeting(entry, m.date))
        .map((entry) => entry.action.id);
    // The coming meeting's minutes: due on the 12th is overdue by the 16th, though not yet today.
    expect(overdueIn(m3)).toEqual(['due-12th']);
    expect(isOverdue(dueBeforeM3, now)).toBe(false);
    // Due on the meeting's day is not overdue in it (as due today is not overdue today).
    expect(isOverdueInMeeting({ action: dueOnM3, closedHere: false }, '2026-11-16')).toBe(false);
    // m2's minutes: the item closed in m2 is not overdue there; the one closed in m3 was still
    // open in m2 and overdue, though it is done now.
    expect(overdueIn(m2)).toEqual(['closed-later']);
    expect(isOverdue(closedLater, now)).toBe(false);
  });

  it('lists open items overdue first, then by due date', () => {
    const list = openActions(
      [
        action('future', { dueDate: '2026-12-10' }),
        action('done', { status: 'done', dueDate: '2026-11-01' }),
        action('undated'),
        action('overdue', { dueDate: '2026-11-20' }),
        action('today', { dueDate: today }),
      ],
      today,
    );
    expect(list.map((a) => a.id)).toEqual(['overdue', 'today', 'future', 'undated']);
  });
});
