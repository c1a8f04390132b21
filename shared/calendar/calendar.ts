import { z } from 'zod';
import { jsonEqual } from '../sla/canonical';
import { PUBLIC_HOLIDAY_COUNTRIES } from './countries';
import { isTimeZone } from './zone';

/**
 * A workspace's working calendar: what "business hours" means in its SLA. Working days, opening
 * hours with an optional lunch break, the time zone the hours are kept in, the public holidays of
 * a country (from a maintained library, see holidays.ts) and the company's own days off (a date,
 * a range, or a range that recurs every year such as the year-end closure 12/29–1/3).
 *
 * The schema has no defaults on purpose: the calendar is copied into signed SLA documents, whose
 * hash must not change when a later app version parses them (a default would add a field).
 */

/**
 * Public holiday sets the app knows: a country's (countries.ts), or 'none' (only the company's own
 * holidays). A code the app does not know (a file written by a later version that knows more
 * countries, or edited by hand) is refused with a message naming it.
 */
export const PUBLIC_HOLIDAY_SETS = ['none', ...PUBLIC_HOLIDAY_COUNTRIES] as const;
export const PublicHolidaySet = z.enum(PUBLIC_HOLIDAY_SETS, {
  error: (issue) => `Public holidays ${JSON.stringify(issue.input)} are not a set this version knows (${PUBLIC_HOLIDAY_SETS.join(', ')})`,
});
export type PublicHolidaySet = z.infer<typeof PublicHolidaySet>;

export const MAX_COMPANY_HOLIDAYS = 200;
/** Longest one-off closure: a year. */
export const MAX_RANGE_DAYS = 366;

/** Minutes since midnight, 0–1440 (24:00 closes at midnight). */
const Minute = z.number().int().min(0).max(1_440);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!);
}

/** 'MM-DD' of any year (02-29 included: it is only a day off in leap years). */
function isMonthDay(value: string): boolean {
  const match = MONTH_DAY.exec(value);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

const HolidayName = z.string().trim().max(100);
const HolidayId = z.string().min(1).max(100);

/** A one-off day or range of days off (both ends included). */
export const DatesHoliday = z
  .object({
    id: HolidayId,
    kind: z.literal('dates'),
    name: HolidayName,
    from: z.string().refine(isIsoDate, 'A date is YYYY-MM-DD'),
    to: z.string().refine(isIsoDate, 'A date is YYYY-MM-DD'),
  })
  .refine((holiday) => holiday.to >= holiday.from, { message: 'The range ends before it starts', path: ['to'] })
  .refine((holiday) => daysBetween(holiday.from, holiday.to) < MAX_RANGE_DAYS, { message: 'A range is at most a year', path: ['to'] });

/** Days off every year, 'MM-DD' to 'MM-DD'; a range whose end comes before its start runs over New Year (12-29 → 01-03). */
export const YearlyHoliday = z.object({
  id: HolidayId,
  kind: z.literal('yearly'),
  name: HolidayName,
  from: z.string().refine(isMonthDay, 'A yearly date is MM-DD'),
  to: z.string().refine(isMonthDay, 'A yearly date is MM-DD'),
});

export const CompanyHoliday = z.discriminatedUnion('kind', [DatesHoliday, YearlyHoliday]);
export type CompanyHoliday = z.infer<typeof CompanyHoliday>;

export const WorkingCalendar = z
  .object({
    /** IANA time zone the hours are kept in ('Asia/Tokyo', 'America/New_York'). */
    timeZone: z.string().min(1).max(100).refine(isTimeZone, 'Not a time zone the app knows'),
    /** Working weekdays, 0 = Sunday … 6 = Saturday, ascending, at least one. */
    workingDays: z
      .array(z.number().int().min(0).max(6))
      .min(1)
      .max(7)
      .refine((days) => days.every((day, index) => index === 0 || day > days[index - 1]!), 'Working days are listed once each, Sunday first'),
    /** Opening and closing time of a working day, minutes since midnight. */
    opens: Minute,
    closes: Minute,
    /** A break inside the working hours that does not count (lunch), or null. */
    lunch: z.object({ from: Minute, to: Minute }).nullable(),
    publicHolidays: PublicHolidaySet,
    companyHolidays: z.array(CompanyHoliday).max(MAX_COMPANY_HOLIDAYS),
  })
  .superRefine((calendar, ctx) => {
    if (calendar.closes <= calendar.opens) ctx.addIssue({ code: 'custom', path: ['closes'], message: 'Closing time must be after opening time' });
    const lunch = calendar.lunch;
    if (lunch && (lunch.to <= lunch.from || lunch.from <= calendar.opens || lunch.to >= calendar.closes)) {
      ctx.addIssue({ code: 'custom', path: ['lunch'], message: 'The break must lie inside the working hours' });
    }
    if (new Set(calendar.companyHolidays.map((holiday) => holiday.id)).size !== calendar.companyHolidays.length) {
      ctx.addIssue({ code: 'custom', path: ['companyHolidays'], message: 'Holiday ids must be unique' });
    }
  });
export type WorkingCalendar = z.infer<typeof WorkingCalendar>;

/** Days from one YYYY-MM-DD to another (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** Minutes of work in one working day (hours minus the break). */
export function workingMinutesPerDay(calendar: Pick<WorkingCalendar, 'opens' | 'closes' | 'lunch'>): number {
  return calendar.closes - calendar.opens - (calendar.lunch ? calendar.lunch.to - calendar.lunch.from : 0);
}

/** The holiday set of a country code ('US', 'us'), or null when the app has no table for it. */
export function publicHolidaySetOf(region: string | undefined | null): PublicHolidaySet | null {
  const code = region?.toUpperCase();
  return (PUBLIC_HOLIDAY_COUNTRIES as readonly string[]).includes(code ?? '') ? (code as PublicHolidaySet) : null;
}

/**
 * The default calendar: Monday to Friday, 9:00–18:00 with a lunch break 12:00–13:00 (the usual
 * Japanese office day: 8 working hours), in `timeZone`. A Japanese workspace keeps Japan's hours
 * and public holidays. An English one takes the public holidays of the machine's country (`region`:
 * the country of its time zone, or of its locale on UTC; calendarStore.machineRegion) when the app
 * has them, else Japan's on a machine set to Japan's
 * time, else none until the user picks a set. The year-end closure 12/29–1/3 that nearly every
 * Japanese company observes goes with Japan's holidays.
 */
export function defaultCalendar(options: { language: 'ja' | 'en'; timeZone?: string; region?: string; yearEndName?: string }): WorkingCalendar {
  const timeZone = options.language === 'ja' ? 'Asia/Tokyo' : options.timeZone && isTimeZone(options.timeZone) ? options.timeZone : 'UTC';
  const publicHolidays: PublicHolidaySet = options.language === 'ja' ? 'JP' : (publicHolidaySetOf(options.region) ?? (timeZone === 'Asia/Tokyo' ? 'JP' : 'none'));
  return WorkingCalendar.parse({
    timeZone,
    workingDays: [1, 2, 3, 4, 5],
    opens: 9 * 60,
    closes: 18 * 60,
    lunch: { from: 12 * 60, to: 13 * 60 },
    publicHolidays,
    companyHolidays: publicHolidays === 'JP' ? [{ id: 'year-end', kind: 'yearly', name: options.yearEndName ?? '', from: '12-29', to: '01-03' }] : [],
  });
}

/** 'HH:MM' of minutes since midnight (24:00 for 1440). */
export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes since midnight of 'H:MM' / 'HH:MM' (00:00–24:00), or null. */
export function parseMinutes(text: string): number | null {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** Whether two calendars say the same thing (the holidays compared in order, ids ignored). */
export function sameCalendar(a: WorkingCalendar, b: WorkingCalendar): boolean {
  const strip = (calendar: WorkingCalendar) => ({ ...calendar, companyHolidays: calendar.companyHolidays.map(({ id: _, ...holiday }) => holiday) });
  return jsonEqual(strip(a), strip(b));
}
