import japaneseHolidays from '@holiday-jp/holiday_jp/lib/holidays';
import { COUNTRIES, FIRST_YEAR, LAST_YEAR, SOURCE } from 'virtual:public-holidays';
import { dayNumber } from '../kpi/csvCells';
import type { CompanyHoliday, PublicHolidaySet, WorkingCalendar } from './calendar';
import { PUBLIC_HOLIDAY_DIGITS as DIGITS, PUBLIC_HOLIDAYS_FIRST_YEAR, PUBLIC_HOLIDAYS_LAST_YEAR } from './countries';

/**
 * Days off of a working calendar: public holidays and the company's own.
 *
 * Public holidays are tables, looked up synchronously, for the countries of countries.ts, all for
 * the years 1970–2050; `publicHolidaysKnown` says so outside them instead of pretending a year has
 * none.
 * - Japan: @holiday-jp/holiday_jp (MIT, no dependencies, ~150 KB of data, fully offline), the
 *   table the holiday-jp project keeps from the Cabinet Office's list, substitute holidays
 *   (振替休日) and the citizens' holiday (国民の休日) included, and one-off moves such as the
 *   2020/2021 Olympics; Japanese and English names.
 * - Every other country: `virtual:public-holidays`, generated at build time from date-holidays'
 *   rules (tools/publicHolidays.ts): every public holiday of the country as a whole, substitute
 *   and observed days included, English names, and Japanese ones where date-holidays has them
 *   (元日, クリスマス…: a few per country); elsewhere the Japanese UI shows the English name. Religious holidays that follow a lunar or Islamic calendar
 *   are computed, so an announced date may differ by a day. date-holidays itself stays out of the
 *   renderer: its parser alone pulls moment-timezone and astronomia (1.4 MB minified); the
 *   generated table is ~70 KB (~16 KB gzip) and loads with the code that measures business hours,
 *   not with the home page.
 */

/** Where the generated tables come from ('date-holidays 3.37.0'). */
export const PUBLIC_HOLIDAYS_SOURCE = SOURCE;

/** `name.ja` is the English name where the data has no Japanese one (then `name.ja === name.en`). */
export type PublicHoliday = { date: string; name: { ja: string; en: string } };

type HolidayTable = Readonly<Record<string, { readonly date: string; readonly name: string; readonly name_en: string }>>;
const JAPAN = japaneseHolidays as unknown as HolidayTable;

if (FIRST_YEAR !== PUBLIC_HOLIDAYS_FIRST_YEAR || LAST_YEAR !== PUBLIC_HOLIDAYS_LAST_YEAR) {
  throw new Error(`The generated public holidays cover ${FIRST_YEAR}–${LAST_YEAR}, not ${PUBLIC_HOLIDAYS_FIRST_YEAR}–${PUBLIC_HOLIDAYS_LAST_YEAR}: rebuild`);
}

/** Each country's holidays by day number, decoded the first time the country is asked for. */
const byCountry = new Map<PublicHolidaySet, Map<number, PublicHoliday>>();

function japanDays(): Map<number, PublicHoliday> {
  const days = new Map<number, PublicHoliday>();
  for (const entry of Object.values(JAPAN)) days.set(dayOfIso(entry.date), { date: entry.date, name: { ja: entry.name, en: entry.name_en } });
  return days;
}

/** Decodes a generated country (tools/publicHolidays.ts describes the encoding). */
function generatedDays(code: string): Map<number, PublicHoliday> {
  const days = new Map<number, PublicHoliday>();
  const country = COUNTRIES[code];
  if (!country) return days;
  let day = dayNumber(FIRST_YEAR, 1, 1);
  for (let at = 0; at + 2 < country.days.length; at += 3) {
    day += DIGITS.indexOf(country.days[at]!) * 64 + DIGITS.indexOf(country.days[at + 1]!);
    const index = DIGITS.indexOf(country.days[at + 2]!);
    const name = country.names[index] ?? '';
    days.set(day, { date: isoOfDay(day), name: { ja: country.ja?.[index] ?? name, en: name } });
  }
  return days;
}

function daysOf(set: PublicHolidaySet): Map<number, PublicHoliday> | null {
  if (set === 'none') return null;
  let days = byCountry.get(set);
  if (!days) {
    days = set === 'JP' ? japanDays() : generatedDays(set);
    byCountry.set(set, days);
  }
  return days;
}

/** Whether the holiday set has data for `year` (every country: 1970–2050; 'none' has nothing to know). */
export function publicHolidaysKnown(set: PublicHolidaySet, year: number): boolean {
  return set === 'none' || (year >= PUBLIC_HOLIDAYS_FIRST_YEAR && year <= PUBLIC_HOLIDAYS_LAST_YEAR);
}

/** The public holiday on a day (days since 1970-01-01), if any. */
export function publicHolidayOn(set: PublicHolidaySet, day: number): PublicHoliday | undefined {
  return daysOf(set)?.get(day);
}

/** The public holidays of a year, in date order. */
export function publicHolidaysOf(set: PublicHolidaySet, year: number): PublicHoliday[] {
  const days = daysOf(set);
  if (!days) return [];
  const out: PublicHoliday[] = [];
  for (let day = dayNumber(year, 1, 1), last = dayNumber(year, 12, 31); day <= last; day++) {
    const holiday = days.get(day);
    if (holiday) out.push(holiday);
  }
  return out;
}

/** Year, month and day of a day number (exact integer arithmetic, the inverse of dayNumber). */
export function civilOf(day: number): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** 'YYYY-MM-DD' of a day number. */
export function isoOfDay(day: number): string {
  const civil = civilOf(day);
  return `${String(civil.year).padStart(4, '0')}-${String(civil.month).padStart(2, '0')}-${String(civil.day).padStart(2, '0')}`;
}

/** Day number of 'YYYY-MM-DD' (validated by the calendar schema before it gets here). */
export function dayOfIso(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return dayNumber(year, month, day);
}

/** Weekday of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Whether a company holiday covers the day. */
export function coversDay(holiday: CompanyHoliday, day: number): boolean {
  if (holiday.kind === 'dates') return day >= dayOfIso(holiday.from) && day <= dayOfIso(holiday.to);
  const civil = civilOf(day);
  const monthDay = civil.month * 100 + civil.day;
  const [fromMonth, fromDay] = holiday.from.split('-').map(Number) as [number, number];
  const [toMonth, toDay] = holiday.to.split('-').map(Number) as [number, number];
  const from = fromMonth * 100 + fromDay;
  const to = toMonth * 100 + toDay;
  return from <= to ? monthDay >= from && monthDay <= to : monthDay >= from || monthDay <= to;
}

/** Why a day is not a working day, or null when it is one. */
export type DayOff = { kind: 'weekend' } | { kind: 'public'; holiday: PublicHoliday } | { kind: 'company'; holiday: CompanyHoliday };

export function dayOff(calendar: WorkingCalendar, day: number): DayOff | null {
  const company = calendar.companyHolidays.find((holiday) => coversDay(holiday, day));
  if (company) return { kind: 'company', holiday: company };
  const holiday = publicHolidayOn(calendar.publicHolidays, day);
  if (holiday) return { kind: 'public', holiday };
  if (!calendar.workingDays.includes(weekdayOf(day))) return { kind: 'weekend' };
  return null;
}

/** Every day off of a year that falls on a working weekday (public and company holidays), in date order. */
export function holidaysOfYear(calendar: WorkingCalendar, year: number): { day: number; date: string; off: Exclude<DayOff, { kind: 'weekend' }> }[] {
  const out: { day: number; date: string; off: Exclude<DayOff, { kind: 'weekend' }> }[] = [];
  for (let day = dayNumber(year, 1, 1), last = dayNumber(year, 12, 31); day <= last; day++) {
    if (!calendar.workingDays.includes(weekdayOf(day))) continue;
    const off = dayOff(calendar, day);
    if (off && off.kind !== 'weekend') out.push({ day, date: isoOfDay(day), off });
  }
  return out;
}
