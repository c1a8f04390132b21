import { dayNumber } from '../kpi/csvCells';
import type { WorkingCalendar } from './calendar';
import { civilOf, dayOff } from './holidays';
import { instantOfWallTime, MS_PER_DAY, offsetTable } from './zone';

/**
 * Business hours between two moments, by a working calendar: only the time that falls inside the
 * working hours of working days counts (the lunch break, weekends, public and company holidays do
 * not). A lead created outside the hours starts its clock at the next opening. Daylight saving
 * time is exact: every opening and closing is placed on the time line through the engine's IANA
 * data, so a working day that straddles a change is as long as it really was.
 *
 * For speed on imports of a million rows, each year of the calendar is worked out once (when
 * first needed) into its days' local midnights, working intervals and running totals; a
 * difference is then two binary searches and a few additions: business(a, c) = business(a, b) +
 * business(b, c) holds exactly, and business(a, b) ≤ b − a.
 */

/** A moment as a CSV cell gives it: a calendar day (days since 1970-01-01), minutes since midnight (−1: no time) and a UTC offset in minutes (null: wall time of the calendar's zone). */
export type Stamp = { day: number; minutes: number; offset: number | null };

const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;

type YearTable = {
  firstDay: number;
  /** Instant of each local midnight, and of the next year's first midnight at the end (days + 1). */
  midnights: Float64Array;
  /** Whether the zone's offset changes during the day (DST): wall times of that day are placed exactly. */
  shifts: Uint8Array;
  /** Working intervals, [start, end) instants, flattened; day i's intervals are spans[starts[i]] … spans[starts[i + 1]] (exclusive). */
  spans: Float64Array;
  starts: Uint32Array;
  /** Business ms of the year before each day (days + 1 entries: the last one is the year's total). */
  before: Float64Array;
};

export class BusinessClock {
  private readonly years = new Map<number, YearTable>();
  /** Each compiled year's offset look-up (kept for wall times of days with a change). */
  private readonly offsetOf = new Map<number, (instant: number) => number>();
  private readonly intervals: [number, number][];

  constructor(readonly calendar: WorkingCalendar) {
    const lunch = calendar.lunch;
    this.intervals = lunch
      ? [
          [calendar.opens, lunch.from],
          [lunch.to, calendar.closes],
        ]
      : [[calendar.opens, calendar.closes]];
  }

  private year(year: number): YearTable {
    let table = this.years.get(year);
    if (table) return table;
    const zone = this.calendar.timeZone;
    const firstDay = dayNumber(year, 1, 1);
    const days = dayNumber(year + 1, 1, 1) - firstDay;
    const midnights = new Float64Array(days + 1);
    const shifts = new Uint8Array(days);
    const spans: number[] = [];
    const starts = new Uint32Array(days + 1);
    const before = new Float64Array(days + 1);
    const offsetOf = offsetTable(zone, (firstDay - 2) * MS_PER_DAY, (firstDay + days + 2) * MS_PER_DAY);
    this.offsetOf.set(year, offsetOf);
    for (let index = 0; index <= days; index++) midnights[index] = instantOfWallTime(zone, firstDay + index, 0, offsetOf);
    let total = 0;
    for (let index = 0; index < days; index++) {
      const day = firstDay + index;
      const length = midnights[index + 1]! - midnights[index]!;
      shifts[index] = length === MS_PER_DAY ? 0 : 1;
      starts[index] = spans.length;
      before[index] = total;
      if (dayOff(this.calendar, day) !== null) continue;
      for (const [from, to] of this.intervals) {
        const start = this.placeWall(midnights[index]!, shifts[index]!, day, from);
        const end = this.placeWall(midnights[index]!, shifts[index]!, day, to);
        if (end > start) {
          spans.push(start, end);
          total += end - start;
        }
      }
    }
    starts[days] = spans.length;
    before[days] = total;
    table = { firstDay, midnights, shifts, spans: Float64Array.from(spans), starts, before };
    this.years.set(year, table);
    return table;
  }

  private placeWall(midnight: number, shifted: number, day: number, minutes: number): number {
    if (!shifted) return midnight + minutes * MS_PER_MINUTE;
    const offsetOf = this.offsetOf.get(civilOf(day).year);
    return minutes >= 1_440 ? instantOfWallTime(this.calendar.timeZone, day + 1, 0, offsetOf) : instantOfWallTime(this.calendar.timeZone, day, minutes, offsetOf);
  }

  /** The year table holding `instant` and the index of its local day. */
  private locate(instant: number): { table: YearTable; index: number } {
    let year = new Date(instant).getUTCFullYear();
    let table = this.year(year);
    // The local year differs from the UTC year only within a day of New Year.
    while (instant < table.midnights[0]!) table = this.year(--year);
    while (instant >= table.midnights[table.midnights.length - 1]!) table = this.year(++year);
    const midnights = table.midnights;
    let low = 0;
    let high = midnights.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (midnights[middle]! <= instant) low = middle;
      else high = middle - 1;
    }
    return { table, index: low };
  }

  /** Business ms of the instant's local year before the instant. */
  private within(table: YearTable, index: number, instant: number): number {
    let sum = table.before[index]!;
    for (let span = table.starts[index]!; span < table.starts[index + 1]!; span += 2) {
      const start = table.spans[span]!;
      const end = table.spans[span + 1]!;
      if (instant <= start) break;
      sum += Math.min(instant, end) - start;
    }
    return sum;
  }

  /** Business milliseconds from `from` to `to` (instants); 0 when `to` is not after `from`. */
  businessMs(from: number, to: number): number {
    if (!(to > from)) return 0;
    if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('businessMs: instants must be finite');
    const a = this.locate(from);
    const b = this.locate(to);
    const startYear = civilOf(a.table.firstDay).year;
    const endYear = civilOf(b.table.firstDay).year;
    if (startYear === endYear) return this.within(b.table, b.index, to) - this.within(a.table, a.index, from);
    let sum = a.table.before[a.table.before.length - 1]! - this.within(a.table, a.index, from);
    for (let year = startYear + 1; year < endYear; year++) {
      const table = this.year(year);
      sum += table.before[table.before.length - 1]!;
    }
    return sum + this.within(b.table, b.index, to);
  }

  /** Business hours from `from` to `to` (instants). */
  businessHours(from: number, to: number): number {
    return this.businessMs(from, to) / MS_PER_HOUR;
  }

  /** The instant of a stamp: its own offset when it has one, else the calendar zone's wall time (a stamp without time: its day's midnight). */
  instantOf(stamp: Stamp): number {
    const minutes = Math.max(stamp.minutes, 0);
    if (stamp.offset !== null) return stamp.day * MS_PER_DAY + (minutes - stamp.offset) * MS_PER_MINUTE;
    const { table, index } = this.dayIndex(stamp.day);
    return this.placeWall(table.midnights[index]!, table.shifts[index]!, stamp.day, minutes);
  }

  /** The local midnight starting the day of an instant. */
  midnightOf(instant: number): number {
    const { table, index } = this.locate(instant);
    return table.midnights[index]!;
  }

  /** The local midnight of a day number. */
  midnightOfDay(day: number): number {
    const { table, index } = this.dayIndex(day);
    return table.midnights[index]!;
  }

  private dayIndex(day: number): { table: YearTable; index: number } {
    const { year } = civilOf(day);
    const table = this.year(year);
    return { table, index: day - table.firstDay };
  }
}

/**
 * Hours from one stamp to another by the calendar. When either stamp has no time of day, both
 * count from the start of their day (whole working days: a 9:00–18:00 day with an hour's lunch is
 * 8 business hours), as clock hours count whole days × 24 then. `business` false: clock hours.
 */
export function hoursBetween(clock: BusinessClock, from: Stamp, to: Stamp, business: boolean): number {
  let start = clock.instantOf(from);
  let end = clock.instantOf(to);
  if (from.minutes < 0 || to.minutes < 0) {
    start = clock.midnightOf(start);
    end = clock.midnightOf(end);
    if (!business) return Math.round((end - start) / MS_PER_DAY) * 24;
  }
  return business ? clock.businessHours(start, end) : (end - start) / MS_PER_HOUR;
}
