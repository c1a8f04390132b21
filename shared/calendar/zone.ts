/**
 * Time-zone arithmetic through the engine's own IANA database (Intl), so daylight saving time is
 * right wherever the app runs and no time-zone library ships with it. Instants are milliseconds
 * since 1970 (UTC); a wall time is a day number (days since 1970-01-01 in the zone's calendar)
 * and minutes since that day's midnight.
 */

const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether the engine knows `timeZone` (an IANA name such as 'Asia/Tokyo', or 'UTC'). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '' || timeZone.length > 100) return false;
  try {
    formatOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `instant`, in minutes (Tokyo +540, New York −300 or −240). */
export function offsetAt(timeZone: string, instant: number): number {
  const parts = formatOf(timeZone).formatToParts(new Date(instant));
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of parts) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value === 'BC' || part.value === 'B';
        break;
      default:
        break;
    }
  }
  const date = new Date(0);
  date.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const whole = Math.floor(instant / 1_000) * 1_000;
  return Math.round((date.getTime() - whole) / MS_PER_MINUTE);
}

/**
 * The instant of a wall time in `timeZone`. A wall time that does not exist (the hour skipped when
 * clocks go forward) is moved forward by the gap, and one that occurs twice (the hour repeated
 * when clocks go back) is the earlier one — what Temporal calls 'compatible'.
 */
export function instantOfWallTime(timeZone: string, day: number, minutes: number, offsetOf: (instant: number) => number = (instant) => offsetAt(timeZone, instant)): number {
  const wall = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
  // The offsets a day either side (zones change offset at most once in two days): the wall time
  // read with each; a reading is real when the zone has that offset at the instant it gives.
  const before = offsetOf(wall - MS_PER_DAY);
  const after = offsetOf(wall + MS_PER_DAY);
  const early = wall - before * MS_PER_MINUTE;
  if (before === after) return early;
  const late = wall - after * MS_PER_MINUTE;
  const earlyReal = offsetOf(early) === before;
  const lateReal = offsetOf(late) === after;
  if (earlyReal && lateReal) return Math.min(early, late);
  if (lateReal) return late;
  // In the gap (or both real only one way): the old offset, which moves the time forward by the gap.
  return early;
}

/**
 * The zone's offsets over [from, to] as a fast look-up: sampled every few days through Intl, each
 * change then found to the minute by bisection (a year of a zone with daylight saving time costs
 * about 80 Intl calls instead of one per day). Assumes no zone changes its offset twice within
 * the sampling step, which no zone in the IANA data has done since 1970.
 */
export function offsetTable(timeZone: string, from: number, to: number, stepDays = 5): (instant: number) => number {
  const step = stepDays * MS_PER_DAY;
  const start = from - step;
  const times: number[] = [];
  const values: number[] = [];
  let previous = offsetAt(timeZone, start);
  const initial = previous;
  for (let at = start + step; at <= to + step; at += step) {
    const offset = offsetAt(timeZone, at);
    if (offset === previous) continue;
    // The first minute with the new offset, between at − step and at.
    let low = at - step;
    let high = at;
    while (high - low > MS_PER_MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (offsetAt(timeZone, middle) === previous) low = middle;
      else high = middle;
    }
    times.push(high);
    values.push(offset);
    previous = offset;
  }
  if (times.length === 0) return () => initial;
  return (instant) => {
    if (instant < start || instant > to + step) return offsetAt(timeZone, instant);
    let result = initial;
    for (let index = 0; index < times.length && times[index]! <= instant; index++) result = values[index]!;
    return result;
  };
}

/** The wall time of an instant in `timeZone`: its day number and minutes since that day's midnight (fractional below a minute). */
export function wallTimeOf(timeZone: string, instant: number): { day: number; minutes: number } {
  const local = instant + offsetAt(timeZone, instant) * MS_PER_MINUTE;
  const day = Math.floor(local / MS_PER_DAY);
  return { day, minutes: (local - day * MS_PER_DAY) / MS_PER_MINUTE };
}

/** Every time zone the engine lists (Intl.supportedValuesOf), with UTC; sorted. */
export function timeZones(): string[] {
  const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...list])].sort();
}
