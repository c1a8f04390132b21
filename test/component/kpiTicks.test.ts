import { describe, expect, it } from 'vitest';
import { monthTicks } from '../../renderer/src/features/kpis/model';

const YEAR = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const all = YEAR.map((_, index) => index);

describe('KPI chart month ticks', () => {
  it('Japanese: the month alone, its year on the first tick and where the year changes', () => {
    expect(monthTicks(YEAR, all, 'ja')).toEqual(['2025年12月', '2026年1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月']);
  });

  it('English: short months, "Jan 2026" where the year changes', () => {
    expect(monthTicks(YEAR, all, 'en')).toEqual(['Dec 2025', 'Jan 2026', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov']);
  });

  it('every other tick shown: the year still appears where it changes between the ticks shown', () => {
    expect(monthTicks(YEAR, [0, 2, 4, 6, 8, 10], 'ja')).toEqual(['2025年12月', '2026年2月', '4月', '6月', '8月', '10月']);
    expect(monthTicks(YEAR, [1, 4, 7, 10], 'en')).toEqual(['Jan 2026', 'Apr', 'Jul', 'Oct']);
  });

  it('an index outside the periods or a period that is not a month gives an empty tick', () => {
    expect(monthTicks(['2026-01', 'Q1'], [0, 1, 5], 'en')).toEqual(['Jan 2026', '', '']);
  });
});
