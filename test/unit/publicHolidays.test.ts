import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { COUNTRIES, FIRST_YEAR, LAST_YEAR, SOURCE } from 'virtual:public-holidays';
import { BusinessClock, hoursBetween, type Stamp } from '../../shared/calendar/businessHours';
import { defaultCalendar, PUBLIC_HOLIDAY_SETS, publicHolidaySetOf, WorkingCalendar } from '../../shared/calendar/calendar';
import { dayOff, holidaysOfYear, publicHolidayOn, publicHolidaysKnown, publicHolidaysOf } from '../../shared/calendar/holidays';
import { PUBLIC_HOLIDAY_COUNTRIES, PUBLIC_HOLIDAY_DIGITS } from '../../shared/calendar/countries';
import { parseCsvDate } from '../../shared/kpi/csv';
import { dayNumber } from '../../shared/kpi/csvCells';
import { FILE_FORMAT, FILE_VERSION, encodeWorkspaceFile, parseWorkspaceFile } from '../../shared/workspaceFile';
import { generatePublicHolidays, type GeneratedCountry, publicHolidaysSource } from '../../tools/publicHolidays';

/** A New York office, 9:00–17:00, with US public holidays. */
const newYork = WorkingCalendar.parse({ timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 5], opens: 540, closes: 1020, lunch: null, publicHolidays: 'US', companyHolidays: [] });

function stamp(text: string): Stamp {
  const parts = parseCsvDate(text);
  if (!parts) throw new Error(`not a date: ${text}`);
  return { day: dayNumber(parts.year, parts.month, parts.day), minutes: parts.minutes, offset: parts.offset };
}
const business = (calendar: WorkingCalendar, from: string, to: string) => hoursBetween(new BusinessClock(calendar), stamp(from), stamp(to), true);
const day = (iso: string) => dayNumber(...(iso.split('-').map(Number) as [number, number, number]));

describe('public holidays of other countries (generated from date-holidays at build time)', () => {
  it('the generated module has exactly the listed countries but Japan, for the same years as Japan', () => {
    expect(SOURCE).toBe('date-holidays 3.37.0');
    expect([FIRST_YEAR, LAST_YEAR]).toEqual([1970, 2050]);
    expect(Object.keys(COUNTRIES).sort()).toEqual(PUBLIC_HOLIDAY_COUNTRIES.filter((code) => code !== 'JP').sort());
    expect(PUBLIC_HOLIDAY_SETS).toEqual(['none', ...PUBLIC_HOLIDAY_COUNTRIES]);
  });

  it('every listed country has public holidays in every year 1970–2050', () => {
    for (const code of PUBLIC_HOLIDAY_COUNTRIES) {
      for (let year = 1970; year <= 2050; year++) expect({ code, year, some: publicHolidaysOf(code, year).length > 0 }).toEqual({ code, year, some: true });
    }
  });

  it('decodes to what date-holidays says for each country (2026, and the first and last year): every public day, with its English name', () => {
    for (const code of PUBLIC_HOLIDAY_COUNTRIES.filter((country) => country !== 'JP')) {
      const holidays = new Holidays(code);
      const language = holidays.getLanguages().find((lang) => lang.startsWith('en-')) ?? 'en';
      for (const year of [1970, 2026, 2050]) {
        const expected = new Map<string, string[]>();
        for (const holiday of holidays.getHolidays(year, language)) {
          if (holiday.type !== 'public') continue;
          const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
          for (let offset = 0; offset < span; offset++) {
            const date = new Date(Date.parse(`${holiday.date.slice(0, 10)}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
            expected.set(date, [...(expected.get(date) ?? []), holiday.name]);
          }
        }
        const ours = publicHolidaysOf(code, year).map((holiday) => [holiday.date, holiday.name.en]);
        const theirs = [...expected].filter(([date]) => date.startsWith(`${year}`)).sort(([a], [b]) => a.localeCompare(b)).map(([date, names]) => [date, [...new Set(names)].join(' / ')]);
        expect({ code, year, holidays: ours }).toEqual({ code, year, holidays: theirs });
      }
    }
  });

  it('names in Japanese where the data has them: all of Japan’s (holiday-jp), date-holidays’ few elsewhere; English otherwise', () => {
    // Japan: holiday-jp, Japanese and English names.
    expect(publicHolidayOn('JP', day('2026-11-03'))).toEqual({ date: '2026-11-03', name: { ja: '文化の日', en: 'National Culture Day' } });
    expect(publicHolidayOn('JP', day('2026-05-06'))?.name).toEqual({ ja: 'こどもの日 振替休日', en: 'Holiday in lieu' });
    // Other countries: date-holidays' Japanese (its code `jp`) where it has one, a substitute day too.
    expect(publicHolidayOn('US', day('2026-12-25'))?.name).toEqual({ ja: 'クリスマス', en: 'Christmas Day' });
    expect(publicHolidayOn('US', day('2022-12-26'))?.name).toEqual({ ja: 'クリスマス（振替休日）', en: 'Christmas Day (substitute day)' });
    expect(publicHolidayOn('DE', day('2026-01-01'))?.name).toEqual({ ja: '元日', en: "New Year's Day" });
    // No Japanese name: the English one, whole (no "Independence Day（振替休日）").
    expect(publicHolidayOn('US', day('2026-11-26'))?.name).toEqual({ ja: 'Thanksgiving Day', en: 'Thanksgiving Day' });
    expect(publicHolidayOn('US', day('2026-07-03'))?.name).toEqual({ ja: 'Independence Day (substitute day)', en: 'Independence Day (substitute day)' });
    expect(publicHolidayOn('GB', day('2026-12-26'))?.name.ja).toBe('Boxing Day');
    // Hong Kong: date-holidays has no Japanese names at all.
    expect(COUNTRIES.HK!.ja).toBeUndefined();
    expect(publicHolidaysOf('HK', 2026).every((holiday) => holiday.name.ja === holiday.name.en)).toBe(true);
  });

  it('the Japanese names cost little: only names date-holidays has in Japanese are stored, not a second copy of every name', () => {
    let stored = 0;
    for (const [code, country] of Object.entries(COUNTRIES)) {
      for (const [index, name] of Object.entries(country.ja ?? {})) {
        // Japanese text, for a name the table has.
        expect({ code, name, japanese: /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー（）・ /]+$/u.test(name) }).toEqual({ code, name, japanese: true });
        expect(country.names[Number(index)]).toBeDefined();
        stored += index.length + name.length + 6;
      }
    }
    const english = Object.values(COUNTRIES).reduce((sum, country) => sum + JSON.stringify(country.names).length, 0);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(english / 10);
  });

  it('US 2026: Martin Luther King Jr. Day (1/19), Thanksgiving (11/26) and Independence Day observed on Friday 7/3', () => {
    expect(publicHolidayOn('US', day('2026-01-19'))).toEqual({ date: '2026-01-19', name: { ja: 'Martin Luther King Jr. Day', en: 'Martin Luther King Jr. Day' } });
    expect(publicHolidayOn('US', day('2026-11-26'))?.name.en).toBe('Thanksgiving Day');
    expect(publicHolidayOn('US', day('2026-07-03'))?.name.en).toBe('Independence Day (substitute day)');
    expect(publicHolidayOn('US', day('2026-11-27'))).toBeUndefined();
    expect(publicHolidaysOf('US', 2026).map((holiday) => holiday.date)).toEqual([
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-07-04', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
    ]);
    expect(dayOff(newYork, day('2026-01-19'))).toMatchObject({ kind: 'public', holiday: { name: { en: 'Martin Luther King Jr. Day' } } });
  });

  it('business hours skip US holidays: over MLK weekend and over Thanksgiving', () => {
    // Fri 1/16 17:00 (closing) → Tue 1/20 10:00: Monday is Martin Luther King Jr. Day, so 1 hour; without public holidays 9.
    expect(business(newYork, '2026-01-16 17:00', '2026-01-20 10:00')).toBe(1);
    expect(business({ ...newYork, publicHolidays: 'none' }, '2026-01-16 17:00', '2026-01-20 10:00')).toBe(9);
    // Wed 11/25 16:00 → Fri 11/27 10:00: Wednesday's last hour and Friday's first (Thursday is Thanksgiving).
    expect(business(newYork, '2026-11-25 16:00', '2026-11-27 10:00')).toBe(2);
    expect(business({ ...newYork, publicHolidays: 'none' }, '2026-11-25 16:00', '2026-11-27 10:00')).toBe(10);
  });

  it('GB 2026: Boxing Day falls on a Saturday, so Monday 12/28 is its substitute', () => {
    expect(publicHolidayOn('GB', day('2026-12-26'))?.name.en).toBe('Boxing Day');
    expect(publicHolidayOn('GB', day('2026-12-28'))).toEqual({ date: '2026-12-28', name: { ja: 'Boxing Day (substitute day)', en: 'Boxing Day (substitute day)' } });
    const london = { ...newYork, timeZone: 'Europe/London', publicHolidays: 'GB' as const };
    expect(holidaysOfYear(london, 2026).map((entry) => entry.date)).toContain('2026-12-28');
    // Thu 12/24 17:00 → Tue 12/29 10:00: Friday is Christmas, Monday the substitute: 1 hour.
    expect(business(london, '2026-12-24 17:00', '2026-12-29 10:00')).toBe(1);
  });

  it('a holiday of several days counts each of them (Vietnam, Tết 2026)', () => {
    const tet = publicHolidaysOf('VN', 2026).filter((holiday) => holiday.date >= '2026-02-14' && holiday.date <= '2026-02-22');
    expect(tet.length).toBeGreaterThanOrEqual(5);
  });

  it('the generated table does not follow the build machine’s time zone (Pacific/Apia skipped 30 December 2011: Rizal Day stays on it)', async () => {
    const decode = (country: GeneratedCountry, firstYear: number) => {
      const out: string[] = [];
      let at = day(`${firstYear}-01-01`);
      for (let index = 0; index < country.days.length; index += 3) {
        at += PUBLIC_HOLIDAY_DIGITS.indexOf(country.days[index]!) * 64 + PUBLIC_HOLIDAY_DIGITS.indexOf(country.days[index + 1]!);
        out.push(`${new Date(at * 86_400_000).toISOString().slice(0, 10)} ${country.names[PUBLIC_HOLIDAY_DIGITS.indexOf(country.days[index + 2]!)]}`);
      }
      return out;
    };
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Apia';
      const apia = await generatePublicHolidays(process.cwd(), ['PH'], 2011, 2011);
      expect(process.env.TZ).toBe('Pacific/Apia');
      process.env.TZ = 'UTC';
      const utc = await generatePublicHolidays(process.cwd(), ['PH'], 2011, 2011);
      expect(decode(apia.countries.PH!, 2011)).toContain('2011-12-30 Rizal Day');
      expect(decode(apia.countries.PH!, 2011)).toEqual(decode(utc.countries.PH!, 2011));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('the cached table is made again when a package date-holidays depends on changes, though date-holidays’ own version does not', async () => {
    // A stand-in date-holidays whose one public holiday a day comes from its rules package, as date-holidays' come from date-holidays-parser.
    const root = mkdtempSync(join(tmpdir(), 'review-holidays-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    const rules = (version: string, monthDay: string) => {
      write('node_modules/stand-in-rules/package.json', JSON.stringify({ name: 'stand-in-rules', version, main: 'index.js' }));
      write('node_modules/stand-in-rules/index.js', `module.exports = { monthDay: '${monthDay}' };`);
      const cache = createRequire(import.meta.url).cache;
      for (const path of Object.keys(cache)) if (path.startsWith(root)) delete cache[path];
    };
    try {
      write('node_modules/date-holidays/package.json', JSON.stringify({ name: 'date-holidays', version: '3.37.0', main: 'lib/index.js', dependencies: { 'stand-in-rules': '^1.0.0' } }));
      write(
        'node_modules/date-holidays/lib/index.js',
        `const rules = require('stand-in-rules');
        module.exports = class {
          getCountries() { return { US: 'United States' }; }
          getLanguages() { return ['en']; }
          getHolidays(year) {
            const start = new Date(\`\${year}-\${rules.monthDay}T00:00:00Z\`);
            return [{ date: \`\${year}-\${rules.monthDay} 00:00:00\`, start, end: new Date(start.getTime() + 86400000), name: 'Rule Day', type: 'public' }];
          }
        };`,
      );
      rules('1.0.0', '07-04');
      const before = await publicHolidaysSource(root, ['US']);
      expect(await publicHolidaysSource(root, ['US'])).toBe(before);
      rules('1.0.1', '07-05');
      const after = await publicHolidaysSource(root, ['US']);
      expect(after).not.toBe(before);
      const usDays = (source: string) => (JSON.parse(/COUNTRIES = (.*);/.exec(source)![1]!) as Record<string, GeneratedCountry>).US!.days.slice(0, 2);
      // The first holiday: 4 July 1970 is day 184 of the count, 5 July day 185.
      expect([usDays(before), usDays(after)]).toEqual([PUBLIC_HOLIDAY_DIGITS[2]! + PUBLIC_HOLIDAY_DIGITS[56]!, PUBLIC_HOLIDAY_DIGITS[2]! + PUBLIC_HOLIDAY_DIGITS[57]!]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('publicHolidaysKnown: 1970–2050 for every country, always for none', () => {
    for (const set of ['US', 'GB', 'JP'] as const) {
      expect([1969, 1970, 2050, 2051].map((year) => publicHolidaysKnown(set, year))).toEqual([false, true, true, false]);
      expect(publicHolidaysOf(set, 2051)).toEqual([]);
      expect(publicHolidaysOf(set, 1969)).toEqual([]);
    }
    expect(publicHolidaysKnown('none', 2099)).toBe(true);
    expect(publicHolidaysOf('none', 2026)).toEqual([]);
  });
});

describe('the holiday set in the calendar schema', () => {
  it('accepts every listed country and none; refuses an unlisted code, naming it', () => {
    for (const set of PUBLIC_HOLIDAY_SETS) expect(WorkingCalendar.safeParse({ ...newYork, publicHolidays: set }).success).toBe(true);
    for (const code of ['CN', 'us', 'XX', '']) {
      const result = WorkingCalendar.safeParse({ ...newYork, publicHolidays: code });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ['publicHolidays'], message: expect.stringContaining(`"${code}"`) });
      expect(result.error?.issues[0]?.message).toContain('US');
    }
  });

  it('the English default takes the region of the machine’s locale when listed, else Japan’s on Tokyo time, else none', () => {
    expect(defaultCalendar({ language: 'en', timeZone: 'America/New_York', region: 'US' })).toMatchObject({ publicHolidays: 'US', companyHolidays: [] });
    expect(defaultCalendar({ language: 'en', timeZone: 'Europe/London', region: 'GB' })).toMatchObject({ publicHolidays: 'GB' });
    expect(defaultCalendar({ language: 'en', timeZone: 'Asia/Shanghai', region: 'CN' })).toMatchObject({ publicHolidays: 'none' });
    expect(defaultCalendar({ language: 'en', timeZone: 'Asia/Tokyo' })).toMatchObject({ publicHolidays: 'JP', companyHolidays: [{ id: 'year-end' }] });
    expect(defaultCalendar({ language: 'en', timeZone: 'America/Chicago' })).toMatchObject({ publicHolidays: 'none' });
    // The Japanese UI keeps Japan's, whatever the machine.
    expect(defaultCalendar({ language: 'ja', region: 'US' })).toMatchObject({ timeZone: 'Asia/Tokyo', publicHolidays: 'JP' });
    expect([publicHolidaySetOf('us'), publicHolidaySetOf('CN'), publicHolidaySetOf(undefined), publicHolidaySetOf('none')]).toEqual(['US', null, null, null]);
  });
});

describe('a workspace file with a country’s holidays', () => {
  const date = '2026-01-01T00:00:00.000Z';
  const file = (publicHolidays: string) =>
    JSON.stringify({
      format: FILE_FORMAT,
      version: FILE_VERSION,
      exportedAt: date,
      appVersion: '0.1.0',
      workspace: { id: 'w', name: 'Northwind', createdAt: date, updatedAt: date },
      members: [],
      boards: [],
      calendar: { ...newYork, publicHolidays },
    });

  it('round-trips US public holidays', () => {
    const parsed = parseWorkspaceFile(file('US'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.file.calendar).toEqual(newYork);
    const again = parseWorkspaceFile(JSON.stringify(encodeWorkspaceFile(parsed.file)));
    expect(again.ok && again.file.calendar).toEqual(newYork);
  });

  it('old files (Japan’s or no public holidays) still read', () => {
    expect(parseWorkspaceFile(file('JP')).ok).toBe(true);
    expect(parseWorkspaceFile(file('none')).ok).toBe(true);
  });

  it('refuses a country this version does not know, naming the code and where it is', () => {
    expect(parseWorkspaceFile(file('BR'))).toEqual({
      ok: false,
      problem: { kind: 'invalid', path: 'calendar.publicHolidays', detail: expect.stringContaining('"BR" are not a set this version knows') },
    });
  });
});
