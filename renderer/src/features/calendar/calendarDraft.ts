import { useCallback, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { CompanyHoliday, formatMinutes, parseMinutes, PublicHolidaySet, type WorkingCalendar } from '@shared/calendar/calendar';
import { CALENDAR_DRAFT_PREFIX, localKeys } from '../../db/workspaceLocal';

/**
 * The calendar page's unsaved edits, per workspace, kept outside the page: leaving the page (the
 * breadcrumb, the sidebar) and coming back finds them as they were, marked unsaved, until they are
 * saved or discarded. As the meeting notes' drafts (NotesField), a synchronous copy is kept in
 * localStorage, so a window closed or reloaded with edits not saved finds them too on the next open.
 * Unlike the notes, nothing is written to the database on unload: the calendar is saved only by
 * its Save button, where the form is checked as a whole and the save can be undone.
 */

/** The form's state: times as typed ('09:00'), everything else as in the calendar. */
export const CalendarDraft = z.object({
  timeZone: z.string().max(100),
  workingDays: z.array(z.number().int().min(0).max(6)).max(7),
  opens: z.string().max(100),
  closes: z.string().max(100),
  lunch: z.boolean(),
  lunchFrom: z.string().max(100),
  lunchTo: z.string().max(100),
  publicHolidays: PublicHolidaySet,
  companyHolidays: z.array(CompanyHoliday),
});
export type CalendarDraft = z.infer<typeof CalendarDraft>;

export function draftOf(calendar: WorkingCalendar): CalendarDraft {
  return {
    timeZone: calendar.timeZone,
    workingDays: [...calendar.workingDays],
    opens: formatMinutes(calendar.opens),
    closes: formatMinutes(calendar.closes),
    lunch: calendar.lunch !== null,
    lunchFrom: formatMinutes(calendar.lunch?.from ?? 12 * 60),
    lunchTo: formatMinutes(calendar.lunch?.to ?? 13 * 60),
    publicHolidays: calendar.publicHolidays,
    companyHolidays: calendar.companyHolidays.map((holiday) => ({ ...holiday })),
  };
}

/**
 * Whether two drafts would save the same calendar: days in any order, times that read as the same
 * minute, the break's times only when there is a break.
 */
export function sameDraft(a: CalendarDraft, b: CalendarDraft): boolean {
  const time = (x: string, y: string) => x === y || (parseMinutes(x) !== null && parseMinutes(x) === parseMinutes(y));
  const days = (draft: CalendarDraft) => [...new Set(draft.workingDays)].sort((x, y) => x - y).join(',');
  return (
    a.timeZone === b.timeZone &&
    days(a) === days(b) &&
    time(a.opens, b.opens) &&
    time(a.closes, b.closes) &&
    a.lunch === b.lunch &&
    (!a.lunch || (time(a.lunchFrom, b.lunchFrom) && time(a.lunchTo, b.lunchTo))) &&
    a.publicHolidays === b.publicHolidays &&
    JSON.stringify(a.companyHolidays) === JSON.stringify(b.companyHolidays)
  );
}

const storageKey = localKeys.calendarDraft;

/** The drafts read so far (null: none), so every read of one returns the same object. */
const drafts = new Map<string, CalendarDraft | null>();
const listeners = new Set<() => void>();

function readStored(workspaceId: string): CalendarDraft | null {
  try {
    const text = localStorage.getItem(storageKey(workspaceId));
    if (text === null) return null;
    const parsed = CalendarDraft.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The unsaved edits of a workspace's calendar, or null when there are none. */
export function readCalendarDraft(workspaceId: string): CalendarDraft | null {
  if (!drafts.has(workspaceId)) drafts.set(workspaceId, readStored(workspaceId));
  return drafts.get(workspaceId) ?? null;
}

/** Keeps (or, with null, forgets) the unsaved edits of a workspace's calendar. */
export function writeCalendarDraft(workspaceId: string, draft: CalendarDraft | null) {
  drafts.set(workspaceId, draft);
  try {
    if (draft === null) localStorage.removeItem(storageKey(workspaceId));
    else localStorage.setItem(storageKey(workspaceId), JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the draft still lasts while the window is open.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  // Another window of the app edited or saved a draft: read it again.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null) drafts.clear();
    else if (event.key.startsWith(CALENDAR_DRAFT_PREFIX)) drafts.delete(event.key.slice(CALENDAR_DRAFT_PREFIX.length));
    else return;
    listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** A workspace's calendar draft and its setter, as state that outlives the page. */
export function useCalendarDraft(workspaceId: string): [CalendarDraft | null, (draft: CalendarDraft | null) => void] {
  const draft = useSyncExternalStore(subscribe, () => readCalendarDraft(workspaceId));
  const set = useCallback((next: CalendarDraft | null) => writeCalendarDraft(workspaceId, next), [workspaceId]);
  return [draft, set];
}
