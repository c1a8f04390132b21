/**
 * Calendar months as KPI periods ('YYYY-MM'). Pure string arithmetic on the calendar date as
 * written, never through `Date` and the local time zone, so '2026-03-31T23:30:00-05:00' is March
 * on every machine (the month the record was made in where it was made), and a quarter is always
 * Jan–Mar, Apr–Jun, Jul–Sep or Oct–Dec.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])(?:$|-(0[1-9]|[12]\d|3[01])(?:$|[T ]))/;

/** True when `value` is a period 'YYYY-MM' (month 01–12). */
export function isPeriod(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

function parts(dateOrIso: string): { year: number; month: number } {
  const match = MONTH.exec(dateOrIso);
  if (!match) throw new RangeError(`Not a month, date or ISO timestamp: ${JSON.stringify(dateOrIso)}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

function format(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** A month as a whole number of months since year 0 (for ordering and distances). */
export function monthIndex(period: string): number {
  const { year, month } = parts(period);
  return year * 12 + (month - 1);
}

function fromIndex(index: number): string {
  const year = Math.floor(index / 12);
  if (year < 0 || year > 9999) throw new RangeError(`Month out of range: year ${year}`);
  return format(year, index - year * 12 + 1);
}

/**
 * The month of a period, date or ISO timestamp: '2026-03', '2026-03-15' and
 * '2026-03-15T10:00:00Z' all give '2026-03'. Throws a RangeError on anything else (callers pass
 * validated records; user input goes through the CSV parser).
 */
export function monthOf(dateOrIso: string): string {
  const { year, month } = parts(dateOrIso);
  return format(year, month);
}

/** The month `n` months after `period` (n may be negative; must be an integer). */
export function addMonths(period: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addMonths needs a whole number of months, got ${n}`);
  return fromIndex(monthIndex(period) + n);
}

/** Months from `from` to `to`, both included; [] when `from` is after `to`. */
export function monthRange(from: string, to: string): string[] {
  const start = monthIndex(from);
  const end = monthIndex(to);
  const months: string[] = [];
  for (let index = start; index <= end; index++) months.push(fromIndex(index));
  return months;
}

/** The three months of the calendar quarter `period` (a month, date or ISO timestamp) falls in. */
export function quarterMonths(period: string): [string, string, string] {
  const { year, month } = parts(period);
  const first = month - ((month - 1) % 3);
  return [format(year, first), format(year, first + 1), format(year, first + 2)];
}

/** The calendar quarter of a month as 'YYYY-Qn' (labels, grouping). */
export function quarterOf(period: string): string {
  const { year, month } = parts(period);
  return `${String(year).padStart(4, '0')}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The month before the month of `dateOrIso` (the period a monthly meeting reviews). */
export function previousMonth(dateOrIso: string): string {
  return addMonths(monthOf(dateOrIso), -1);
}

/** Number of days in a period's month (Gregorian). */
export function daysInMonth(period: string): number {
  const { year, month } = parts(period);
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
