import { MAX_VALUE } from './records';

/**
 * Reading one CSV cell as a number, a date or a month, the way CRM exports and hand-made sheets
 * write them in Japan, the US and Europe. Used by csv.ts on every cell of a file of up to a
 * million rows, so the common shapes ('1234', '2026-01-15') take a fast path and nothing here
 * allocates more than it must. Parsing never throws and never yields NaN or Infinity: a cell is
 * a value, blank, 'bad' (unreadable) or 'range' (readable but impossible: year 1850, 10^20 yen).
 */

/** The decimal separator of a file: '.' (Japan, US) or ',' (most of Europe). */
export type DecimalSeparator = '.' | ',';

/** How to read numeric dates without a leading year: 01/02/2026 is Jan 2 (mdy) or 1 Feb (dmy). */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/** Years accepted in dates; anything else is a typo or a placeholder (1900-01-01) → 'outOfRange'. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** Full-width ASCII (０-９, ，．％￥ …), the ideographic space and the minus sign, as ASCII. */
export function toHalfWidth(text: string): string {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000 || code === 0x2212 || code === 0xffe5) {
      return text.replace(/[\uff01-\uff5e\u3000\u2212\uffe5]/g, (char) => {
        const c = char.charCodeAt(0);
        if (c === 0x3000) return ' ';
        if (c === 0x2212) return '-';
        if (c === 0xffe5) return '¥';
        return String.fromCharCode(c - 0xfee0);
      });
    }
  }
  return text;
}

function isBlank(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 0x3000 && code !== 0xa0) return false;
  }
  return true;
}

function digitsAt(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Plain digits only (the common case, parsed without regular expressions). */
function plainDigits(text: string): boolean {
  if (text.length === 0 || text.length > 15) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

const NUMBER =
  /^([-+▲△]?)\s*(?:[¥$€£]|jpy|usd|eur|gbp)?\s*([-+]?)\s*(\d[\d.,'\s\u00a0\u202f]*|[.,]\d+)\s*(万|億|千)?\s*(?:円|jpy|usd|eur|gbp|[¥$€£%件人社]|時間|h(?:rs?|ours?)?)?$/i;
const GROUPED_DOT = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const GROUPED_COMMA = /^(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?$/;
const MULTIPLIER_EXPONENT: Readonly<Record<string, string>> = { 千: 'e3', 万: 'e4', 億: 'e8' };

/** A number cell: the value, null when blank, 'bad' when unreadable, 'range' beyond ±MAX_VALUE. */
export type NumberCell = number | null | 'bad' | 'range';

/**
 * Reads an amount or count as people type it: '1234', '1,234', '１２３４', '¥1,234', '1,234円',
 * '$1,234.50', '-1,234', '(1,234)' and '▲1,234' (negative), '12%' (12, in percent units),
 * '1.2万円' (12,000), '3.5h', and with decimal ',' '1.234,5' or '1 234,5'. Thousands groups must
 * be groups of three, so '1,5' with decimal '.' is 'bad' rather than silently 15.
 */
export function readNumberCell(raw: string, decimal: DecimalSeparator): NumberCell {
  if (plainDigits(raw)) return Number(raw);
  if (isBlank(raw)) return null;
  let text = toHalfWidth(raw).trim();
  let negative = false;
  if (text.length > 2 && text.charCodeAt(0) === 40 && text.charCodeAt(text.length - 1) === 41) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const match = NUMBER.exec(text);
  if (!match) return 'bad';
  const signs = `${match[1]}${match[2]}`;
  if (signs.length > 1) return 'bad';
  if (signs === '-' || signs === '▲' || signs === '△') negative = !negative;
  let body = match[3]!.replace(/[\s'\u00a0\u202f]/g, '');
  if (decimal === '.') {
    if (!GROUPED_DOT.test(body)) return 'bad';
    body = body.replace(/,/g, '');
  } else {
    if (!GROUPED_COMMA.test(body)) return 'bad';
    body = body.replace(/\./g, '').replace(',', '.');
  }
  if (body === '' || body === '.') return 'bad';
  const exponent = match[4] ? MULTIPLIER_EXPONENT[match[4]]! : '';
  const value = Number(`${body}${exponent}`);
  if (!Number.isFinite(value)) return 'range';
  if (value > MAX_VALUE) return 'range';
  return negative && value !== 0 ? -value : value;
}

/** A number in a CSV cell (see readNumberCell), or null when blank or unreadable. */
export function parseCsvNumber(text: string, decimal: DecimalSeparator = '.'): number | null {
  const value = readNumberCell(text, decimal);
  return typeof value === 'number' ? value : null;
}

/** The parts of a date cell. `minutes` is the time of day (−1 when none), `offset` the UTC offset in minutes (null when none). */
export type DateParts = { year: number; month: number; day: number; minutes: number; offset: number | null };

/** A reusable DateParts, filled by readDateCell (one per import, not one per cell). */
export function dateScratch(): DateParts {
  return { year: 0, month: 0, day: 0, minutes: -1, offset: null };
}

const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/;
const SLASH_YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(.*)$/;
const KANJI_YMD = /^(令和|平成|R|H)?\s*(\d{1,4}|元)年\s*(\d{1,2})月\s*(\d{1,2})日(.*)$/;
const NUMERIC_XXY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(.*)$/;
const NAME_DMY = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s,-]+(\d{4})(.*)$/i;
const NAME_MDY = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(.*)$/i;
const TIME =
  /^(?:[T\s]\s*)?(午前|午後)?\s*(\d{1,2})(?::|時)(\d{1,2})(?:(?::|分)(\d{1,2})(?:\.\d+)?秒?)?分?\s*(am|pm|午前|午後)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/i;
const WEEKDAY = /^\s*[(（][^)）]{1,9}[)）]/;

/** Gregorian year of a Japanese era year (令和元年 = 2019, 平成元年 = 1989). */
function eraYear(era: string | undefined, year: string): number {
  const n = year === '元' ? 1 : Number(year);
  if (era === '令和' || era === 'R') return 2018 + n;
  if (era === '平成' || era === 'H') return 1988 + n;
  return n;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads the time after a date ('', ' 10:30', 'T10:30:00Z', ' 3:05 PM', ' 10時30分', '(木) 10:30'). */
function readTime(rest: string, into: DateParts): boolean {
  into.minutes = -1;
  into.offset = null;
  let text = rest;
  const weekday = WEEKDAY.exec(text);
  if (weekday) text = text.slice(weekday[0].length);
  text = text.trim();
  if (text === '') return true;
  const match = TIME.exec(text);
  if (!match) return false;
  let hour = Number(match[2]);
  const minute = Number(match[3]);
  const second = match[4] === undefined ? 0 : Number(match[4]);
  const meridiem = (match[1] ?? match[5] ?? '').toLowerCase();
  if (meridiem !== '') {
    if (hour < 1 || hour > 12) return false;
    const afternoon = meridiem === 'pm' || meridiem === '午後';
    hour = (hour % 12) + (afternoon ? 12 : 0);
  }
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute > 0 || second > 0))) return false;
  into.minutes = hour * 60 + minute;
  const zone = match[6];
  if (zone) {
    const upper = zone.toUpperCase();
    if (upper === 'Z' || upper === 'UTC' || upper === 'GMT') into.offset = 0;
    else {
      const digits = zone.replace(':', '');
      const offset = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
      into.offset = digits[0] === '-' ? -offset : offset;
    }
  }
  return true;
}

function finish(year: number, month: number, day: number, rest: string, into: DateParts): 'ok' | 'bad' | 'range' {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return 'bad';
  if (!readTime(rest, into)) return 'bad';
  if (year < MIN_YEAR || year > MAX_YEAR) return 'range';
  into.year = year;
  into.month = month;
  into.day = day;
  return 'ok';
}

/** Month and day of an ambiguous a/b/yyyy date: decided by a value over 12, else by `order`. */
function ambiguous(a: number, b: number, order: DateOrder): [month: number, day: number] {
  if (order === 'dmy') return [b, a];
  if (order === 'mdy') return [a, b];
  return a > 12 ? [b, a] : [a, b];
}

/**
 * Reads a date cell into `into`: '2026-01-15', '2026/1/15', '2026.01.15', '2026年1月15日',
 * '令和8年1月15日', '01/15/2026' (mdy) or '15/01/2026' and '15.01.2026' (dmy), 'Jan 15, 2026',
 * '15 Jan 2026', each with an optional weekday '(木)' and time ('10:30', '10:30:15', '3:05 PM',
 * '10時30分', ISO 'T10:30:00+09:00'). Returns 'blank', 'ok', 'bad' or 'range' (a year outside
 * MIN_YEAR–MAX_YEAR). With order 'ymd' a numeric date without leading year is read as m/d/y
 * unless its first number is over 12.
 */
export function readDateCell(raw: string, order: DateOrder, into: DateParts): 'blank' | 'ok' | 'bad' | 'range' {
  if (isBlank(raw)) return 'blank';
  // Fast path: YYYY-MM-DD (what most CRMs write).
  if (raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45 && digitsAt(raw, 0, 4) && digitsAt(raw, 5, 7) && digitsAt(raw, 8, 10)) {
    return finish(Number(raw.slice(0, 4)), Number(raw.slice(5, 7)), Number(raw.slice(8, 10)), '', into);
  }
  const text = toHalfWidth(raw).trim();
  let match = ISO_DATE.exec(text) ?? SLASH_YMD.exec(text);
  if (match) return finish(Number(match[1]), Number(match[2]), Number(match[3]), match[4]!, into);
  match = KANJI_YMD.exec(text);
  if (match) return finish(eraYear(match[1], match[2]!), Number(match[3]), Number(match[4]), match[5]!, into);
  match = NUMERIC_XXY.exec(text);
  if (match) {
    const [month, day] = ambiguous(Number(match[1]), Number(match[2]), order);
    return finish(Number(match[3]), month, day, match[4]!, into);
  }
  match = NAME_DMY.exec(text);
  if (match) {
    const month = MONTH_NAMES[match[2]!.toLowerCase()];
    return month === undefined ? 'bad' : finish(Number(match[3]), month, Number(match[1]), match[4]!, into);
  }
  match = NAME_MDY.exec(text);
  if (match) {
    const month = MONTH_NAMES[match[1]!.toLowerCase()];
    return month === undefined ? 'bad' : finish(Number(match[3]), month, Number(match[2]), match[4]!, into);
  }
  return 'bad';
}

/** A date in a CSV cell as its parts, or null when blank, unreadable or out of range. */
export function parseCsvDate(text: string, order: DateOrder = 'ymd'): DateParts | null {
  const into = dateScratch();
  return readDateCell(text, order, into) === 'ok' ? into : null;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian; exact integer arithmetic). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const YM = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?度?$/;
const ERA_YM = /^(令和|平成|R|H)\s*(\d{1,2}|元)年\s*(\d{1,2})月度?$/;
const MY = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/;
const NAME_Y = /^([a-z]{3,9})\.?[\s,-]+(\d{4}|\d{2})$/i;
const Y_NAME = /^(\d{4})[\s-]([a-z]{3,9})\.?$/i;

/** A month cell: months since year 0 (year × 12 + month − 1), null when blank, or 'bad' / 'range'. */
export type MonthCell = number | null | 'bad' | 'range';

function monthResult(year: number, month: number): MonthCell {
  if (month < 1 || month > 12) return 'bad';
  if (year < MIN_YEAR || year > MAX_YEAR) return 'range';
  return year * 12 + month - 1;
}

/**
 * Reads the month of a periods sheet row: '2026-01', '2026/1', '2026年1月', '2026年1月度', '令和8年1月',
 * '01/2026', '01.2026', 'Jan 2026', 'January 2026', 'Jan-26' (Excel's mmm-yy), '2026 Jan', or any
 * date readDateCell accepts (its month).
 */
export function readMonthCell(raw: string, order: DateOrder, scratch: DateParts = dateScratch()): MonthCell {
  if (isBlank(raw)) return null;
  const text = toHalfWidth(raw).trim();
  let match = YM.exec(text);
  if (match) return monthResult(Number(match[1]), Number(match[2]));
  match = ERA_YM.exec(text);
  if (match) return monthResult(eraYear(match[1], match[2]!), Number(match[3]));
  match = MY.exec(text);
  if (match) return monthResult(Number(match[2]), Number(match[1]));
  match = NAME_Y.exec(text);
  if (match) {
    const month = MONTH_NAMES[match[1]!.toLowerCase()];
    const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
    return month === undefined ? 'bad' : monthResult(year, month);
  }
  match = Y_NAME.exec(text);
  if (match) {
    const month = MONTH_NAMES[match[2]!.toLowerCase()];
    return month === undefined ? 'bad' : monthResult(Number(match[1]), month);
  }
  const date = readDateCell(text, order, scratch);
  if (date === 'ok') return scratch.year * 12 + scratch.month - 1;
  return date === 'blank' ? null : date;
}

/** 'YYYY-MM' of a month index (year × 12 + month − 1). */
export function periodOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}
