import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, daysInMonth, isCalendarDate, nextDateByCadence, nextDateOnOrAfter, previousMonth, todayIn } from '../../shared/meetings/cadence';

describe('meeting dates by cadence', () => {
  it.each([
    ['2026-01-01', 'weekly', '2026-01-08'],
    ['2026-12-28', 'weekly', '2027-01-04'],
    ['2026-02-22', 'weekly', '2026-03-01'],
    ['2024-02-22', 'weekly', '2024-02-29'],
    ['2026-12-21', 'biweekly', '2027-01-04'],
    ['2024-02-20', 'biweekly', '2024-03-05'],
    ['2026-01-15', 'monthly', '2026-02-15'],
    ['2026-12-15', 'monthly', '2027-01-15'],
    ['2026-01-31', 'monthly', '2026-02-28'],
    ['2024-01-31', 'monthly', '2024-02-29'],
    ['2026-03-31', 'monthly', '2026-04-30'],
  ] as const)('%s %s → %s', (date, cadence, expected) => {
    expect(nextDateByCadence(date, cadence)).toBe(expected);
  });

  it('a monthly series keeps its day of month after a short month (no drift to the 28th)', () => {
    let date = '2024-01-31';
    const dates: string[] = [];
    for (let i = 0; i < 4; i++) {
      date = nextDateByCadence(date, 'monthly', 31);
      dates.push(date);
    }
    expect(dates).toEqual(['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    // Without the anchor the day drifts: that is why the series remembers it.
    expect(nextDateByCadence('2024-02-29', 'monthly')).toBe('2024-03-29');
  });

  it('knows leap years (divisible by 4, not by 100 unless by 400)', () => {
    expect([2024, 2025, 1900, 2000, 2100].map((year) => daysInMonth(year, 2))).toEqual([29, 28, 28, 29, 28]);
    expect(addMonths('2100-01-29', 1)).toBe('2100-02-28');
    expect(addMonths('2000-01-29', 1)).toBe('2000-02-29');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
  });

  it('moves a passed next date to the first slot on or after today', () => {
    expect(nextDateOnOrAfter('2026-11-02', 'weekly', '2026-11-30')).toBe('2026-11-30');
    expect(nextDateOnOrAfter('2026-11-02', 'weekly', '2026-12-01')).toBe('2026-12-07');
    expect(nextDateOnOrAfter('2026-12-10', 'monthly', '2026-11-30')).toBe('2026-12-10');
    expect(nextDateOnOrAfter('2026-08-31', 'monthly', '2026-11-30', 31)).toBe('2026-11-30');
  });

  it('defaults the KPI period to the month before the meeting', () => {
    expect(previousMonth('2026-11-30')).toBe('2026-10');
    expect(previousMonth('2027-01-05')).toBe('2026-12');
    expect(previousMonth('2024-03-31')).toBe('2024-02');
  });

  it('rejects what is not a calendar date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-1', '', 'tomorrow']) {
      expect(isCalendarDate(bad)).toBe(false);
      expect(() => nextDateByCadence(bad, 'weekly')).toThrow(/calendar date/);
    }
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });

  it('counts days between dates and gives today in a time zone', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
    const instant = new Date('2026-11-30T20:00:00Z');
    expect(todayIn(instant, 'Asia/Tokyo')).toBe('2026-12-01');
    expect(todayIn(instant, 'UTC')).toBe('2026-11-30');
  });
});
