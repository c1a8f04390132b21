import { describe, expect, it } from 'vitest';
import { BusinessClock, hoursBetween, type Stamp } from '../../shared/calendar/businessHours';
import { type WorkingCalendar, WorkingCalendar as CalendarSchema, defaultCalendar } from '../../shared/calendar/calendar';
import { dayOff, weekdayOf } from '../../shared/calendar/holidays';
import { wallTimeOf } from '../../shared/calendar/zone';
import { parseCsvDate } from '../../shared/kpi/csv';
import { dayNumber } from '../../shared/kpi/csvCells';
import { seededRandom } from '../fixtures/csv/generate';

/** The default Japanese calendar: Mon–Fri 9:00–18:00, lunch 12:00–13:00, Asia/Tokyo, Japanese holidays, 12/29–1/3 closed. */
const japan = defaultCalendar({ language: 'ja', yearEndName: '年末年始休業' });
const japanClock = new BusinessClock(japan);

/** A stamp from a CSV cell ('2026-01-09 17:00', '2026-03-06T21:00:00Z', '2026-01-09'). */
function stamp(text: string): Stamp {
  const parts = parseCsvDate(text);
  if (!parts) throw new Error(`not a date: ${text}`);
  return { day: dayNumber(parts.year, parts.month, parts.day), minutes: parts.minutes, offset: parts.offset };
}

const business = (calendar: WorkingCalendar | BusinessClock, from: string, to: string) =>
  hoursBetween(calendar instanceof BusinessClock ? calendar : new BusinessClock(calendar), stamp(from), stamp(to), true);
const clock = (calendar: WorkingCalendar, from: string, to: string) => hoursBetween(new BusinessClock(calendar), stamp(from), stamp(to), false);

describe('business hours between two moments (default Japanese calendar)', () => {
  it('the default is Mon–Fri 9:00–18:00 with an hour for lunch, in Tokyo, with Japanese holidays and the year-end closure', () => {
    expect(japan).toMatchObject({ timeZone: 'Asia/Tokyo', workingDays: [1, 2, 3, 4, 5], opens: 540, closes: 1080, lunch: { from: 720, to: 780 }, publicHolidays: 'JP' });
    expect(japan.companyHolidays).toEqual([{ id: 'year-end', kind: 'yearly', name: '年末年始休業', from: '12-29', to: '01-03' }]);
    expect(defaultCalendar({ language: 'en', timeZone: 'America/New_York' })).toMatchObject({ timeZone: 'America/New_York', publicHolidays: 'none', companyHolidays: [] });
  });

  it('same day: the lunch break does not count', () => {
    expect(business(japanClock, '2026-01-13 10:00', '2026-01-13 15:00')).toBe(4);
    expect(business({ ...japan, lunch: null }, '2026-01-13 10:00', '2026-01-13 15:00')).toBe(5);
    expect(business(japanClock, '2026-01-13 12:10', '2026-01-13 12:50')).toBe(0);
  });

  it('overnight: evening and next morning only', () => {
    expect(business(japanClock, '2026-01-13 17:00', '2026-01-14 10:00')).toBe(2);
    expect(clock(japan, '2026-01-13 17:00', '2026-01-14 10:00')).toBe(17);
  });

  it('over a weekend: Friday 17:00 to Monday 10:00 is 2 business hours, 65 clock hours', () => {
    expect(business(japanClock, '2026-01-16 17:00', '2026-01-19 10:00')).toBe(2);
    expect(clock(japan, '2026-01-16 17:00', '2026-01-19 10:00')).toBe(65);
  });

  it('a holiday Monday (成人の日, 2026-01-12) does not count; without public holidays it does', () => {
    expect(dayOff(japan, dayNumber(2026, 1, 12))).toMatchObject({ kind: 'public', holiday: { name: { ja: '成人の日' } } });
    expect(business(japanClock, '2026-01-09 17:00', '2026-01-13 10:00')).toBe(2);
    expect(business({ ...japan, publicHolidays: 'none' }, '2026-01-09 17:00', '2026-01-13 10:00')).toBe(10);
  });

  it('Golden Week 2026: 4/29 and 5/3–5/6 (the 6th is the substitute holiday for Sunday 5/3) do not count', () => {
    // Tue 4/28 17–18 (1) + Thu 4/30 (8) + Fri 5/1 (8) + Thu 5/7 9–10 (1).
    expect(business(japanClock, '2026-04-28 17:00', '2026-05-07 10:00')).toBe(18);
    expect(dayOff(japan, dayNumber(2026, 5, 6))).toMatchObject({ kind: 'public' });
    expect(clock(japan, '2026-04-28 17:00', '2026-05-07 10:00')).toBe(209);
  });

  it('the year-end closure 12/29–1/3 (a yearly company holiday) does not count, across the new year', () => {
    // Mon 12/28 17–18 and Mon 1/4 9–10; the closure runs over New Year.
    expect(business(japanClock, '2026-12-28 17:00', '2027-01-04 10:00')).toBe(2);
    // Without the closure: Tue–Thu 12/29–31 are working days (3 × 8); 1/1 is 元日, 1/2–3 a weekend.
    expect(business({ ...japan, companyHolidays: [] }, '2026-12-28 17:00', '2027-01-04 10:00')).toBe(26);
    // A one-off range (summer closure) by dates.
    const summer: WorkingCalendar = { ...japan, companyHolidays: [{ id: 's', kind: 'dates', name: '夏季休業', from: '2026-08-12', to: '2026-08-14' }] };
    // Tue 8/11 is 山の日; Wed–Fri 8/12–14 closed: Mon 8/10 17–18 + Mon 8/17 9–10.
    expect(business(summer, '2026-08-10 17:00', '2026-08-17 10:00')).toBe(2);
    expect(business(japanClock, '2026-08-10 17:00', '2026-08-17 10:00')).toBe(26);
  });

  it('a lead created outside working hours starts the clock at the next opening', () => {
    expect(business(japanClock, '2026-01-13 07:30', '2026-01-13 09:45')).toBe(0.75);
    expect(business(japanClock, '2026-01-13 20:00', '2026-01-14 09:30')).toBe(0.5);
    // Saturday's lead, called Monday 9:30.
    expect(business(japanClock, '2026-01-17 11:00', '2026-01-19 09:30')).toBe(0.5);
    // In the lunch break: the clock starts at 13:00.
    expect(business(japanClock, '2026-01-13 12:30', '2026-01-13 13:15')).toBe(0.25);
    // Contacted before opening: no business time at all.
    expect(business(japanClock, '2026-01-13 07:00', '2026-01-13 08:30')).toBe(0);
  });

  it('a missing time of day counts whole working days from the start of each day', () => {
    // Fri 1/9 (8 h); Mon 1/12 is a holiday; the count stops at the start of Tue 1/13.
    expect(business(japanClock, '2026-01-09', '2026-01-13')).toBe(8);
    expect(business(japanClock, '2026-01-09', '2026-01-09')).toBe(0);
    // One side without a time: both count from the start of their day.
    expect(business(japanClock, '2026-01-09 17:00', '2026-01-13')).toBe(8);
    expect(business(japanClock, '2026-01-13', '2026-01-14 17:30')).toBe(8);
    // Clock hours keep the day × 24 rule.
    expect(clock(japan, '2026-01-09', '2026-01-13')).toBe(96);
  });

  it('a stamp with a UTC offset is placed on the time line, then read in the calendar zone', () => {
    // 2026-01-16T08:00Z is 17:00 in Tokyo; 2026-01-19T01:00Z is 10:00.
    expect(business(japanClock, '2026-01-16T08:00:00Z', '2026-01-19T10:00:00+09:00')).toBe(2);
  });
});

describe('daylight saving time (a US calendar)', () => {
  const newYork = CalendarSchema.parse({ timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 5], opens: 540, closes: 1020, lunch: null, publicHolidays: 'none', companyHolidays: [] });

  it('clocks go forward on Sunday 2026-03-08: Friday 16:00 EST to Monday 10:00 EDT is 2 business hours, 65 clock hours', () => {
    expect(business(newYork, '2026-03-06 16:00', '2026-03-09 10:00')).toBe(2);
    expect(clock(newYork, '2026-03-06 16:00', '2026-03-09 10:00')).toBe(65);
    // The same moments with their UTC offsets: Monday 10:00 EDT is 14:00Z (a fixed −5 h would put it at 9:00).
    expect(business(newYork, '2026-03-06T21:00:00Z', '2026-03-09T14:00:00Z')).toBe(2);
    expect(business(newYork, '2026-03-09T13:30:00Z', '2026-03-09T14:00:00Z')).toBe(0.5);
  });

  it('clocks go back on Sunday 2026-11-01: Friday 16:00 EDT to Monday 10:00 EST is 2 business hours, 67 clock hours', () => {
    expect(business(newYork, '2026-10-30 16:00', '2026-11-02 10:00')).toBe(2);
    expect(clock(newYork, '2026-10-30 16:00', '2026-11-02 10:00')).toBe(67);
    expect(business(newYork, '2026-10-30T20:00:00Z', '2026-11-02T15:00:00Z')).toBe(2);
  });

  it('a working day that straddles the change is as long as it really was (23 and 25 hours)', () => {
    const always = { ...newYork, workingDays: [0, 1, 2, 3, 4, 5, 6], opens: 0, closes: 1_440 };
    expect(business(always, '2026-03-08 00:00', '2026-03-09 00:00')).toBe(23);
    expect(business(always, '2026-11-01 00:00', '2026-11-02 00:00')).toBe(25);
    expect(business(always, '2026-03-07 00:00', '2026-03-08 00:00')).toBe(24);
  });
});

/** A random valid calendar: zone with or without DST, any working days, hours, break and holidays. */
function randomCalendar(next: () => number): WorkingCalendar {
  const zones = ['Asia/Tokyo', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'America/Santiago', 'Asia/Kolkata', 'UTC'];
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const workingDays = [0, 1, 2, 3, 4, 5, 6].filter(() => next() < 0.7);
  const opens = Math.floor(next() * 12) * 60 + pick([0, 15, 30]);
  const closes = Math.min(1_440, opens + 60 + Math.floor(next() * 14) * 60);
  const lunchFrom = opens + 30 + Math.floor((next() * Math.max(1, closes - opens - 90)) / 15) * 15;
  const lunch = next() < 0.5 && lunchFrom + 30 < closes ? { from: lunchFrom, to: lunchFrom + 30 } : null;
  const companyHolidays: WorkingCalendar['companyHolidays'] = [];
  if (next() < 0.5) companyHolidays.push({ id: 'y', kind: 'yearly', name: '', from: '12-29', to: '01-03' });
  if (next() < 0.5) companyHolidays.push({ id: 'd', kind: 'dates', name: '', from: '2026-08-12', to: '2026-08-16' });
  return CalendarSchema.parse({
    timeZone: pick(zones),
    workingDays: workingDays.length > 0 ? workingDays : [3],
    opens,
    closes,
    lunch,
    publicHolidays: next() < 0.5 ? 'JP' : 'none',
    companyHolidays,
  });
}

/**
 * Quarter-hour by quarter-hour through Intl: the slow, obviously right count of working minutes in
 * [from, to) for quarter-hour-aligned moments and calendars (zones change offset on the half hour).
 */
function referenceMinutes(calendar: WorkingCalendar, from: number, to: number): number {
  let count = 0;
  for (let instant = from; instant < to; instant += 15 * 60_000) {
    const wall = wallTimeOf(calendar.timeZone, instant);
    if (dayOff(calendar, wall.day) !== null || !calendar.workingDays.includes(weekdayOf(wall.day))) continue;
    const minute = wall.minutes;
    if (minute < calendar.opens || minute >= calendar.closes) continue;
    if (calendar.lunch && minute >= calendar.lunch.from && minute < calendar.lunch.to) continue;
    count += 15;
  }
  return count;
}

/** A guard against a hang on a loaded machine, not a speed target (the runs compile calendar years through Intl). */
const PROPERTY_TIMEOUT = 60_000;

describe('properties (seeded, replayable)', () => {
  const START = Date.UTC(2025, 0, 1);
  const SPAN = Date.UTC(2028, 0, 1) - START;

  it('business hours ≤ clock hours, never negative, and additive across any split point', () => {
    const next = seededRandom(16);
    for (let run = 0; run < 300; run++) {
      const calendar = randomCalendar(next);
      const timer = new BusinessClock(calendar);
      const points = [0, 1, 2].map(() => START + Math.floor(next() * SPAN / 60_000) * 60_000 + (next() < 0.3 ? Math.floor(next() * 60_000) : 0)).sort((a, b) => a - b);
      // Near points too: splits within a day and a week.
      if (run % 3 === 0) points[2] = points[0]! + Math.floor(next() * 7 * 86_400_000);
      if (run % 3 === 1) points[1] = points[0]! + Math.floor(next() * (points[2]! - points[0]!));
      const [a, b, c] = points.sort((x, y) => x - y) as [number, number, number];
      const whole = timer.businessMs(a, c);
      expect(whole).toBeGreaterThanOrEqual(0);
      expect(whole).toBeLessThanOrEqual(c - a);
      expect(timer.businessMs(a, b) + timer.businessMs(b, c)).toBe(whole);
      expect(timer.businessMs(c, a)).toBe(0);
    }
  }, PROPERTY_TIMEOUT);

  it('agrees with a quarter-hour by quarter-hour count through Intl (spans of up to four days, DST changes included)', () => {
    const next = seededRandom(1_616);
    // Around the 2026 changes in New York, Berlin, Sydney and Santiago, and anywhere else.
    const anchors = [Date.UTC(2026, 2, 8), Date.UTC(2026, 2, 29), Date.UTC(2026, 3, 5), Date.UTC(2026, 8, 6), Date.UTC(2026, 9, 25), Date.UTC(2026, 10, 1), Date.UTC(2026, 11, 31)];
    for (let run = 0; run < 40; run++) {
      const random = randomCalendar(next);
      // Around the changes, work every day from the small hours, so the changed hour is worked time.
      const calendar = run < 28 ? { ...random, workingDays: [0, 1, 2, 3, 4, 5, 6], opens: Math.floor(next() * 4) * 30, lunch: null } : random;
      const anchor = run < 28 ? anchors[run % anchors.length]! : START + Math.floor(next() * SPAN);
      const quarter = 15 * 60_000;
      const from = Math.floor((anchor - 2 * 86_400_000 + next() * 2 * 86_400_000) / quarter) * quarter;
      const to = from + Math.floor(next() * 4 * 96) * quarter;
      expect(new BusinessClock(calendar).businessMs(from, to) / 60_000, `${JSON.stringify(calendar)} ${new Date(from).toISOString()} → ${new Date(to).toISOString()}`).toBe(
        referenceMinutes(calendar, from, to),
      );
    }
  }, PROPERTY_TIMEOUT);
});
