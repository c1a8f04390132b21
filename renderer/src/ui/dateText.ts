/**
 * Dates and months as the person reads and types them, in the app's language (not the OS's):
 * ja `2026/12/07` and `2026年12月`, en `Dec 7, 2026` and `Dec 2026`. Values are ISO strings
 * (`YYYY-MM-DD`, `YYYY-MM`); every computation is on calendar days (UTC), never on local time.
 */

import { daysInMonth } from '@shared/meetings/cadence';
import { intlFormatter } from './intlCache';

export type DateMode = 'date' | 'month';

/** What a typed text is: nothing, a value, or the reason it is not one. */
export type ParsedDateText =
  | { kind: 'empty' }
  | { kind: 'ok'; value: string }
  | { kind: 'unreadable' }
  | { kind: 'noSuchMonth'; month: number }
  | { kind: 'noSuchDay'; year: number; month: number; day: number };

/** The Intl locale of an app language (en is US English: `Dec 7, 2026`). */
export function intlLocale(language: string): string {
  return language.startsWith('ja') ? 'ja-JP' : 'en-US';
}

/** Monday in Japanese, Sunday in English (0 = Sunday). */
export function weekStart(language: string): 0 | 1 {
  return language.startsWith('ja') ? 1 : 0;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isoMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** `{ year, month, day }` of an ISO date or month (day 1 for a month); null when it is not one. */
export function isoParts(value: string, mode: DateMode): { year: number; month: number; day: number } | null {
  const match = mode === 'date' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = mode === 'date' ? Number(match[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** A UTC Date for a calendar day (for Intl with timeZone UTC and for day arithmetic). */
export function utcDay(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}


function displayFormat(language: string, mode: DateMode): Intl.DateTimeFormat {
  return intlFormatter(`dateText|${language}|${mode}`, () => {
    const locale = intlLocale(language);
    const ja = locale.startsWith('ja');
    const options: Intl.DateTimeFormatOptions =
      mode === 'date'
        ? ja
          ? { year: 'numeric', month: '2-digit', day: '2-digit' }
          : { year: 'numeric', month: 'short', day: 'numeric' }
        : { year: 'numeric', month: ja ? 'long' : 'short' };
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  });
}

/** An ISO value as shown in the field; text that is not a value is shown as it is. */
export function formatDateText(value: string, mode: DateMode, language: string): string {
  const parts = isoParts(value, mode);
  if (!parts) return value;
  return displayFormat(language, mode).format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day)));
}

/** The example shown in messages: 7 December 2026 in the display format (`2026/12/07`, `Dec 7, 2026`). */
export function exampleText(mode: DateMode, language: string): string {
  return formatDateText(mode === 'date' ? '2026-12-07' : '2026-12', mode, language);
}

/**
 * English month names, long and short ("sept" too), to their number. Built on first use, with one
 * formatter per style: 24 Intl.DateTimeFormat at module load cost every page importing a date
 * field ~25 ms before its first paint (issue 12, the KPI dashboard's ending month).
 */
let enMonths: ReadonlyMap<string, number> | null = null;
function enMonth(name: string): number | undefined {
  if (!enMonths) {
    const names = new Map<string, number>();
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat('en-US', { month: style, timeZone: 'UTC' });
      for (let month = 1; month <= 12; month++) names.set(format.format(new Date(Date.UTC(2026, month - 1, 1))).toLowerCase(), month);
    }
    names.set('sept', 9);
    enMonths = names;
  }
  return enMonths.get(name);
}

function check(year: number, month: number, day: number | null): ParsedDateText {
  if (year < 1000 || year > 9999) return { kind: 'unreadable' };
  if (month < 1 || month > 12) return { kind: 'noSuchMonth', month };
  if (day === null) return { kind: 'ok', value: isoMonth(year, month) };
  if (day < 1 || day > daysInMonth(year, month)) return { kind: 'noSuchDay', year, month, day };
  return { kind: 'ok', value: isoDate(year, month, day) };
}

/**
 * Reads what was typed: ISO (`2026-12-07`, `2026-12`), `2026/12/7`, `2026.12.7`, `2026年12月7日`
 * (a weekday in brackets after it is ignored), English `Dec 7, 2026`, `December 7 2026`,
 * `7 Dec 2026`, `Dec 2026`; full-width digits and separators too. Either language's forms are
 * read whichever language the app is in.
 */
export function parseDateText(text: string, mode: DateMode): ParsedDateText {
  const normalized = text
    .normalize('NFKC')
    .trim()
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/\s+/g, ' ');
  if (normalized === '') return { kind: 'empty' };
  const lower = normalized.toLowerCase();
  if (mode === 'date') {
    let match = /^(\d{4}) ?[-/.] ?(\d{1,2}) ?[-/.] ?(\d{1,2})$/.exec(lower) ?? /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日?$/.exec(lower);
    if (match) return check(Number(match[1]), Number(match[2]), Number(match[3]));
    match = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(lower);
    let month = match ? enMonth(match[1]!) : undefined;
    if (match && month !== undefined) return check(Number(match[3]), month, Number(match[2]));
    match = /^(\d{1,2}) ([a-z]+)\.?,? (\d{4})$/.exec(lower);
    month = match ? enMonth(match[2]!) : undefined;
    if (match && month !== undefined) return check(Number(match[3]), month, Number(match[1]));
    return { kind: 'unreadable' };
  }
  let match = /^(\d{4}) ?[-/.] ?(\d{1,2})$/.exec(lower) ?? /^(\d{4}) ?年 ?(\d{1,2}) ?月?$/.exec(lower);
  if (match) return check(Number(match[1]), Number(match[2]), null);
  match = /^([a-z]+)\.?,? (\d{4})$/.exec(lower);
  const month = match ? enMonth(match[1]!) : undefined;
  if (match && month !== undefined) return check(Number(match[2]), month, null);
  return { kind: 'unreadable' };
}

/** A month (YYYY-MM) as the calendar and the field's messages name it: `2026年12月`, `December 2026`. */
export function monthLabel(month: string, language: string, style: 'long' | 'short' = 'long'): string {
  const format = intlFormatter(`monthLabel|${language}|${style}`, () => new Intl.DateTimeFormat(intlLocale(language), { year: 'numeric', month: style, timeZone: 'UTC' }));
  return format.format(utcDay(`${month}-01`));
}
