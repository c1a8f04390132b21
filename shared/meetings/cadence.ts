import type { Cadence } from './records';

/**
 * Calendar arithmetic on YYYY-MM-DD dates. Meeting dates have no time zone, so everything here
 * works on the calendar fields in UTC and never on local midnights (which DST can shift).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): { year: number; month: number; day: number } {
  const match = DATE.exec(date);
  if (!match) throw new Error(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new Error(`Not a calendar date: ${date}`);
  return { year, month, day };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function format(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isCalendarDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = parts(date);
  const next = new Date(Date.UTC(year, month - 1, day + days));
  return format(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/**
 * The same day `months` months later; a day the target month lacks becomes its last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: string, months: number, anchorDay?: number): string {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format(targetYear, targetMonth, Math.min(anchorDay ?? day, daysInMonth(targetYear, targetMonth)));
}

/**
 * The meeting after one on `date`: a week, two weeks or a month later. A monthly series keeps to
 * its `anchorDay` (the day of month it was set up on), so 31 Jan → 29 Feb → 31 Mar rather than
 * drifting to the 29th for ever after one short month.
 */
export function nextDateByCadence(date: string, cadence: Cadence, anchorDay?: number | null): string {
  switch (cadence) {
    case 'weekly':
      return addDays(date, 7);
    case 'biweekly':
      return addDays(date, 14);
    case 'monthly':
      return addMonths(date, 1, anchorDay ?? undefined);
  }
}

/**
 * The first date of the cadence on or after `today`, starting from `date` (a series whose next
 * date has passed without a meeting moves on to the next slot, never into the past).
 */
export function nextDateOnOrAfter(date: string, cadence: Cadence, today: string, anchorDay?: number | null): string {
  let next = date;
  // Bounded: at most ~100 years of weekly slots.
  for (let step = 0; next < today && step < 5_300; step++) next = nextDateByCadence(next, cadence, anchorDay);
  return next;
}

export function dayOfMonth(date: string): number {
  return parts(date).day;
}

/** The KPI period (YYYY-MM) a meeting on `date` reviews by default: the month before. */
export function previousMonth(date: string): string {
  return addMonths(date, -1, 1).slice(0, 7);
}

/** Today's calendar date in the given time zone (default: the machine's), as YYYY-MM-DD. */
export function todayIn(now: Date = new Date(), timeZone?: string): string {
  const fields = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).formatToParts(now);
  const get = (type: string) => fields.find((field) => field.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
