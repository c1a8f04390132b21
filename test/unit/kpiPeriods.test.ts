import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, isPeriod, monthIndex, monthOf, monthRange, previousMonth, quarterMonths, quarterOf } from '../../shared/kpi/periods';

describe('KPI periods', () => {
  it.each([
    ['2026-03', '2026-03'],
    ['2026-03-15', '2026-03'],
    ['2026-03-31T23:30:00-05:00', '2026-03'],
    ['2026-12-01T00:00:00.000Z', '2026-12'],
    ['2026-01-05 10:30', '2026-01'],
  ])('monthOf(%s) = %s (the calendar date as written, no time-zone shift)', (input, month) => {
    expect(monthOf(input)).toBe(month);
  });

  it.each(['', '2026', '2026-13', '2026-00-01', '26-01', 'March 2026', '2026-1-5', '2026-01-32'])('monthOf rejects %j', (input) => {
    expect(() => monthOf(input)).toThrow(RangeError);
  });

  it('adds months across year boundaries in both directions', () => {
    expect(addMonths('2026-01', 0)).toBe('2026-01');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
    expect(addMonths('2026-06', 30)).toBe('2028-12');
    expect(() => addMonths('2026-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12', 1)).toThrow(RangeError);
  });

  it('lists an inclusive month range, empty when reversed', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-02')).toEqual(['2026-02']);
    expect(monthRange('2026-03', '2026-02')).toEqual([]);
    expect(monthRange('2020-01', '2029-12')).toHaveLength(120);
  });

  it.each([
    ['2026-01', ['2026-01', '2026-02', '2026-03'], '2026-Q1'],
    ['2026-03', ['2026-01', '2026-02', '2026-03'], '2026-Q1'],
    ['2026-05', ['2026-04', '2026-05', '2026-06'], '2026-Q2'],
    ['2026-09-30', ['2026-07', '2026-08', '2026-09'], '2026-Q3'],
    ['2026-12', ['2026-10', '2026-11', '2026-12'], '2026-Q4'],
  ])('quarter of %s', (period, months, quarter) => {
    expect(quarterMonths(period)).toEqual(months);
    expect(quarterOf(period)).toBe(quarter);
  });

  it('previous month of a date or timestamp', () => {
    expect(previousMonth('2026-01-15')).toBe('2025-12');
    expect(previousMonth('2026-03-01T09:00:00+09:00')).toBe('2026-02');
    expect(previousMonth('2026-07')).toBe('2026-06');
  });

  it('validates periods, orders months and counts days', () => {
    expect(isPeriod('2026-01')).toBe(true);
    expect(isPeriod('2026-1')).toBe(false);
    expect(isPeriod('2026-01-01')).toBe(false);
    expect(monthIndex('2026-01') - monthIndex('2025-12')).toBe(1);
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2100-02')).toBe(28);
    expect(daysInMonth('2000-02')).toBe(29);
    expect(daysInMonth('2026-04')).toBe(30);
    expect(daysInMonth('2026-12')).toBe(31);
  });
});
