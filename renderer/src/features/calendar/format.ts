import type { TFunction } from 'i18next';
import { type CompanyHoliday, PUBLIC_HOLIDAY_SETS, type PublicHolidaySet, type WorkingCalendar, workingMinutesPerDay } from '@shared/calendar/calendar';
import { formatTimeText } from '../../ui/timeText';

/** Weekday and date wording of the working calendar, through Intl; the sentence the SLA states. */

/** Weekday names, index 0 = Sunday ('Sun' / '日'). */
export function weekdayNames(language: string, width: 'short' | 'long' = 'short'): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2023, 0, 1 + day))));
}

/** Monday first, as calendars in Japan and most offices list the week. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const dash = (language: string) => (language === 'ja' ? '〜' : '–');

/** 'Mon–Fri', 'Mon–Wed, Fri', '月〜金': runs of three or more days as a range. */
export function daysText(days: readonly number[], language: string): string {
  const names = weekdayNames(language);
  const chosen = WEEK_ORDER.filter((day) => days.includes(day));
  const runs: number[][] = [];
  for (const day of chosen) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous !== undefined && WEEK_ORDER.indexOf(day as (typeof WEEK_ORDER)[number]) === WEEK_ORDER.indexOf(previous as (typeof WEEK_ORDER)[number]) + 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) => (run.length >= 3 ? [`${names[run[0]!]}${dash(language)}${names[run[run.length - 1]!]}`] : run.map((day) => names[day]!)));
  return parts.join(language === 'ja' ? '・' : ', ');
}

/** '9:00', '18:30', '24:00' (24-hour clock in both languages, as the time fields show them). */
export const timeText = formatTimeText;

/**
 * 'Asia/Tokyo, Japan Standard Time' in English; in Japanese the zone's Japanese name alone
 * ('日本標準時', '米国東部時間'), as a Japanese document names it. The id where the engine has no
 * name but an offset.
 */
export function zoneText(timeZone: string, language: string): string {
  let name = '';
  try {
    name = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date(Date.UTC(2026, 0, 15))).find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    name = '';
  }
  if (name === '' || /^(GMT|UTC)([+-−]|$)/.test(name) || name === timeZone) return timeZone;
  return language === 'ja' ? name : `${timeZone}, ${name}`;
}

/** A calendar date 'YYYY-MM-DD' as the reader writes it (the day itself, whatever the zone). */
export function dateText(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** A yearly day 'MM-DD' ('Dec 29' / '12/29'). */
export function monthDayText(monthDay: string, language: string): string {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  // 2024 is a leap year, so 02-29 has a date.
  return new Intl.DateTimeFormat(language, { month: language === 'ja' ? 'numeric' : 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month - 1, day)));
}

/** When a company holiday is: 'Aug 12, 2026', 'Aug 12, 2026 – Aug 14, 2026', 'Dec 29 – Jan 3 every year'. */
export function holidayWhen(t: TFunction, holiday: CompanyHoliday, language: string): string {
  if (holiday.kind === 'dates') {
    return holiday.from === holiday.to ? dateText(holiday.from, language) : t('calendar.range', { from: dateText(holiday.from, language), to: dateText(holiday.to, language) });
  }
  return holiday.from === holiday.to
    ? t('calendar.dayYearly', { day: monthDayText(holiday.from, language) })
    : t('calendar.rangeYearly', { from: monthDayText(holiday.from, language), to: monthDayText(holiday.to, language) });
}

function list(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}

/** The company holiday as the sentence names it: 'Year-end holidays (Dec 29 – Jan 3 every year)'. */
function holidayPhrase(t: TFunction, holiday: CompanyHoliday, language: string): string {
  const when = holidayWhen(t, holiday, language);
  return holiday.name ? `${holiday.name}${language === 'ja' ? '（' : ' ('}${when}${language === 'ja' ? '）' : ')'}` : when;
}

/**
 * The calendar in one sentence, as the SLA's definitions state it: "Business hours: Mon–Fri,
 * 9:00–18:00 (Asia/Tokyo, Japan Standard Time), except 12:00–13:00; Japanese public holidays and
 * company holidays Year-end holidays (Dec 29 – Jan 3 every year) excluded."
 */
export function calendarSentence(t: TFunction, language: string, calendar: WorkingCalendar): string {
  let text = t('calendar.sentence.hours', { days: daysText(calendar.workingDays, language), from: timeText(calendar.opens), to: timeText(calendar.closes), zone: zoneText(calendar.timeZone, language) });
  if (calendar.lunch) text += t('calendar.sentence.lunch', { from: timeText(calendar.lunch.from), to: timeText(calendar.lunch.to) });
  const excluded: string[] = [];
  if (calendar.publicHolidays !== 'none') excluded.push(t(`calendar.sentence.publicOf.${calendar.publicHolidays}`));
  if (calendar.companyHolidays.length > 0) excluded.push(t('calendar.sentence.company', { list: list(calendar.companyHolidays.map((holiday) => holidayPhrase(t, holiday, language)), language) }));
  return text + (excluded.length > 0 ? t('calendar.sentence.excluded', { list: list(excluded, language) }) : t('calendar.sentence.nothingExcluded'));
}

/** A country's name in the reader's language ('United States' / 'アメリカ合衆国'), through Intl; the code where the engine has none. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The public holiday sets as a select offers them: 'none' first, then the countries by name in the reader's collation. */
export function holidaySetOptions(t: TFunction, language: string): { value: PublicHolidaySet; label: string }[] {
  const collator = new Intl.Collator(language);
  const countries = PUBLIC_HOLIDAY_SETS.filter((set) => set !== 'none')
    .map((set) => ({ value: set as PublicHolidaySet, label: countryName(set, language) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return [{ value: 'none', label: t('calendar.publicHolidaySets.none') }, ...countries];
}

/** Business hours per working day, as a number for the reader ('8', '7.5'). */
export function hoursPerDayText(calendar: WorkingCalendar, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(workingMinutesPerDay(calendar) / 60);
}
