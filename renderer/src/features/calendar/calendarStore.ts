import { defaultCalendar, WorkingCalendar } from '@shared/calendar/calendar';
import { PUBLIC_HOLIDAY_COUNTRIES } from '@shared/calendar/countries';
import type { Language } from '@shared/settings';
// The texts the app writes into records, not the whole locales (which load per language with i18n;
// issue 12), nor the calendar page's strings (the KPI views read the default calendar).
import { defaultsEn } from '@shared/locales/defaults.en';
import { defaultsJa } from '@shared/locales/defaults.ja';
import { type AlignboardDb, type CalendarRow, db as defaultDb } from '../../db/db';
import { nowIso } from '../../db/ids';
import { writeAll } from '../../db/write';

/**
 * The working calendar of a workspace. A workspace that never saved one uses the default of the
 * UI language (Japanese: Tokyo, Japanese holidays and the year-end closure; English: the machine's
 * time zone and its region's public holidays); saving it, or the first lead-level CSV import,
 * stores it, so from then on figures never depend on the language or the machine.
 */

/** The machine's time zone (the English default's zone). */
export function machineTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function canonicalZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return timeZone;
  }
}

/** ICU's time zones of a region ('America/Toronto', … of 'CA'); none where the engine cannot say. */
function zonesOfRegion(region: string): readonly string[] {
  try {
    const locale = new Intl.Locale(`und-${region}`) as Intl.Locale & { getTimeZones?(): string[]; timeZones?: string[] };
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

/**
 * The country whose public holidays the English default takes: the one the machine's time zone is
 * in, among the countries the app has holidays of (a machine in Toronto is in Canada whatever its
 * locale, and the desktop app's locale is Chromium's, en-US or en-GB for every English speaker);
 * where the zone says nothing (UTC), the region of the locale ('US' of 'en-US'); otherwise none.
 * Found once per zone and locale: every read of a workspace with no saved calendar asks for it.
 */
export function machineRegion(timeZone: string = machineTimeZone(), localeTag: string | undefined = typeof navigator === 'undefined' ? undefined : navigator.language): string | undefined {
  const key = `${timeZone}|${localeTag ?? ''}`;
  if (regionFound?.key !== key) regionFound = { key, region: findRegion(timeZone, localeTag) };
  return regionFound.region;
}
let regionFound: { key: string; region: string | undefined } | null = null;

function findRegion(timeZone: string, localeTag: string | undefined): string | undefined {
  if (timeZone === 'UTC' || timeZone.startsWith('Etc/')) {
    try {
      return localeTag ? new Intl.Locale(localeTag).region : undefined;
    } catch {
      return undefined;
    }
  }
  const zones = PUBLIC_HOLIDAY_COUNTRIES.map((code) => [code, zonesOfRegion(code)] as const);
  const byName = zones.find(([, list]) => list.includes(timeZone));
  if (byName) return byName[0];
  // Another name of the same zone (Asia/Kolkata is ICU's Asia/Calcutta): compared by the engine's own name.
  const zone = canonicalZone(timeZone);
  return zones.find(([, list]) => list.some((other) => canonicalZone(other) === zone))?.[0];
}

/** The default calendar for `language`, its year-end closure named in that language. */
export function defaultCalendarFor(language: Language): WorkingCalendar {
  const strings = language === 'ja' ? defaultsJa : defaultsEn;
  // Only the English default looks for the machine's country (the Japanese one is Japan's).
  return defaultCalendar({ language, timeZone: machineTimeZone(), region: language === 'en' ? machineRegion() : undefined, yearEndName: strings.calendar.yearEnd });
}

export type StoredCalendar = { calendar: WorkingCalendar; saved: boolean; updatedAt: string | null };

export async function loadCalendar(workspaceId: string, language: Language, database: AlignboardDb = defaultDb): Promise<StoredCalendar> {
  const row = await database.calendars.get(workspaceId);
  if (row) return { calendar: row.calendar, saved: true, updatedAt: row.updatedAt };
  return { calendar: defaultCalendarFor(language), saved: false, updatedAt: null };
}

/** What a save replaced (undefined: there was none), for Undo. */
export type CalendarChange = { workspaceId: string; before: CalendarRow | undefined; after: CalendarRow };

/** Stores a workspace's calendar (validated first: a bad one throws a ZodError and nothing is written). */
export async function saveCalendar(workspaceId: string, calendar: WorkingCalendar, database: AlignboardDb = defaultDb): Promise<CalendarChange> {
  const now = nowIso();
  const after: CalendarRow = { workspaceId, calendar: WorkingCalendar.parse(calendar), updatedAt: now };
  return writeAll(database, async () => {
    if (!(await database.workspaces.get(workspaceId))) throw new Error(`workspace ${workspaceId} not found`);
    const before = await database.calendars.get(workspaceId);
    await database.calendars.put(after);
    await database.workspaces.update(workspaceId, { updatedAt: now });
    return { workspaceId, before, after };
  });
}

/** Undo of saveCalendar: the calendar before (or none, back to the default). */
export async function revertCalendar(change: CalendarChange, database: AlignboardDb = defaultDb): Promise<void> {
  const now = nowIso();
  await writeAll(database, async () => {
    if (change.before) await database.calendars.put(change.before);
    else await database.calendars.delete(change.workspaceId);
    await database.workspaces.update(change.workspaceId, { updatedAt: now });
  });
}

/**
 * Inside a write transaction: stores the calendar in use when the workspace has none saved yet, so
 * figures computed from then on do not change with the UI language. Returns whether it wrote.
 */
export async function fixCalendarInTransaction(workspaceId: string, language: Language, database: AlignboardDb): Promise<boolean> {
  if (await database.calendars.get(workspaceId)) return false;
  await database.calendars.put({ workspaceId, calendar: defaultCalendarFor(language), updatedAt: nowIso() });
  return true;
}
