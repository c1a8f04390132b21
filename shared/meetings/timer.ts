import type { AgendaItem, Meeting } from './records';

/**
 * Run-mode timer math. The running item's time is never ticked into storage: the meeting keeps
 * `runningSince` (when the current run started) and each item its `elapsedMs` before that run, so a
 * reload, a crash or a sleeping laptop lose nothing and the clock stays right.
 */

/** The schema's ceiling for an item's time (a week), so stored values always validate. */
export const MAX_ELAPSED_MS = 7 * 24 * 3_600_000;

const clamp = (ms: number) => Math.min(MAX_ELAPSED_MS, Math.max(0, Math.round(Number.isFinite(ms) ? ms : 0)));

/** Milliseconds since an ISO instant, never negative (a clock moved back counts as no time). */
function since(iso: string, now: number): number {
  const start = Date.parse(iso);
  return Number.isFinite(start) ? Math.max(0, now - start) : 0;
}

/** Time spent on an item, including the run in progress when it is the current one. */
export function itemElapsedMs(meeting: Pick<Meeting, 'currentItemId' | 'runningSince'>, item: Pick<AgendaItem, 'id' | 'elapsedMs'>, now: number): number {
  const running = meeting.runningSince !== null && meeting.currentItemId === item.id ? since(meeting.runningSince, now) : 0;
  return clamp(item.elapsedMs + running);
}

export type TimerView = {
  allottedMs: number;
  elapsedMs: number;
  /** Time left, 0 once over. */
  remainingMs: number;
  /** Time past the allotment, 0 until then. */
  overrunMs: number;
  overrun: boolean;
  /** Share of the allotment used, 0–1 (capped). */
  progress: number;
};

export function timerView(allottedMinutes: number, elapsedMs: number): TimerView {
  const allottedMs = Math.max(0, Math.round(Number.isFinite(allottedMinutes) ? allottedMinutes : 0) * 60_000);
  const elapsed = clamp(elapsedMs);
  return {
    allottedMs,
    elapsedMs: elapsed,
    remainingMs: Math.max(0, allottedMs - elapsed),
    overrunMs: Math.max(0, elapsed - allottedMs),
    overrun: elapsed > allottedMs,
    progress: allottedMs === 0 ? 1 : Math.min(1, elapsed / allottedMs),
  };
}

/** "4:05", "12:00", "1:02:03": whole seconds, rounded up while counting down so 0:00 means over. */
export function formatClock(ms: number, roundUp = false): string {
  const safe = Math.max(0, Number.isFinite(ms) ? ms : 0);
  const total = roundUp ? Math.ceil(safe / 1000) : Math.floor(safe / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** The milliseconds until the running item reaches its allotment (null when not running or already over). */
export function msUntilOverrun(meeting: Meeting, now: number): number | null {
  const item = currentItem(meeting);
  if (!item || meeting.runningSince === null) return null;
  const view = timerView(item.minutes, itemElapsedMs(meeting, item, now));
  return view.overrun ? null : view.remainingMs;
}

export function currentItem(meeting: Pick<Meeting, 'agenda' | 'currentItemId'>): AgendaItem | null {
  return meeting.agenda.find((item) => item.id === meeting.currentItemId) ?? null;
}

/** The running time folded into the current item; the timer is paused afterwards. */
function fold(meeting: Meeting, now: number): Meeting {
  if (meeting.runningSince === null) return meeting;
  const agenda = meeting.agenda.map((item) => (item.id === meeting.currentItemId ? { ...item, elapsedMs: itemElapsedMs(meeting, item, now) } : item));
  return { ...meeting, agenda, runningSince: null };
}

const iso = (now: number) => new Date(now).toISOString();

/** Starts the meeting (state running) on its first item; the timer does not start by itself. */
export function startMeeting(meeting: Meeting, now: number): Meeting {
  if (meeting.state === 'running') return meeting;
  if (meeting.state === 'ended') throw new Error('An ended meeting cannot be run again');
  return {
    ...meeting,
    state: 'running',
    startedAt: meeting.startedAt ?? iso(now),
    currentItemId: currentItem(meeting)?.id ?? meeting.agenda[0]?.id ?? null,
    updatedAt: iso(now),
  };
}

export function startTimer(meeting: Meeting, now: number): Meeting {
  if (meeting.runningSince !== null || meeting.state === 'ended') return meeting;
  const running = meeting.state === 'running' ? meeting : startMeeting(meeting, now);
  if (!currentItem(running)) return running;
  return { ...running, runningSince: iso(now), updatedAt: iso(now) };
}

export function pauseTimer(meeting: Meeting, now: number): Meeting {
  if (meeting.runningSince === null) return meeting;
  return { ...fold(meeting, now), updatedAt: iso(now) };
}

export function toggleTimer(meeting: Meeting, now: number): Meeting {
  return meeting.runningSince === null ? startTimer(meeting, now) : pauseTimer(meeting, now);
}

/** Moves to another item; a running timer keeps running, on the new item. */
export function goToItem(meeting: Meeting, itemId: string, now: number): Meeting {
  if (itemId === meeting.currentItemId || !meeting.agenda.some((item) => item.id === itemId)) return meeting;
  const wasRunning = meeting.runningSince !== null;
  const folded = fold(meeting, now);
  return { ...folded, currentItemId: itemId, runningSince: wasRunning ? iso(now) : null, updatedAt: iso(now) };
}

/** The next item (null at the last one). */
export function nextItemId(meeting: Pick<Meeting, 'agenda' | 'currentItemId'>, step = 1): string | null {
  const index = meeting.agenda.findIndex((item) => item.id === meeting.currentItemId);
  if (index === -1) return meeting.agenda[0]?.id ?? null;
  return meeting.agenda[index + step]?.id ?? null;
}

export function nextItem(meeting: Meeting, now: number): Meeting {
  const next = nextItemId(meeting);
  return next ? goToItem(meeting, next, now) : meeting;
}

export function previousItem(meeting: Meeting, now: number): Meeting {
  const previous = nextItemId(meeting, -1);
  return previous ? goToItem(meeting, previous, now) : meeting;
}

/** Ends the meeting: the timer stops (its time kept), state ended, endedAt now. */
export function endMeeting(meeting: Meeting, now: number): Meeting {
  if (meeting.state === 'ended') return meeting;
  const folded = fold(meeting, now);
  return { ...folded, state: 'ended', startedAt: meeting.startedAt ?? iso(now), endedAt: iso(now), updatedAt: iso(now) };
}

/** Planned, used and over-run minutes of the whole agenda. */
export function agendaTotals(meeting: Meeting, now: number): { plannedMs: number; elapsedMs: number } {
  let plannedMs = 0;
  let elapsedMs = 0;
  for (const item of meeting.agenda) {
    plannedMs += item.minutes * 60_000;
    elapsedMs += itemElapsedMs(meeting, item, now);
  }
  return { plannedMs, elapsedMs };
}
