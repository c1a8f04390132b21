import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { PUBLIC_HOLIDAY_COUNTRIES, PUBLIC_HOLIDAY_DIGITS as DIGITS, PUBLIC_HOLIDAYS_FIRST_YEAR, PUBLIC_HOLIDAYS_LAST_YEAR } from '../shared/calendar/countries.ts';

/**
 * `virtual:public-holidays`: every country's public holidays but Japan's (holiday-jp has those),
 * generated when the app is built, in Node, from date-holidays (a devDependency: its rule parser
 * pulls moment-timezone and astronomia, 1.4 MB minified, which the renderer does not carry). What
 * ships is the result: per country the days (1970–2050), a table of their English names, and the
 * Japanese names of those date-holidays has one for.
 *
 * Every `type: 'public'` holiday of the country as a whole (no states or regions), in date-holidays'
 * English (en-us for the US: "Labor Day"); substitute and observed days as date-holidays gives them
 * ("Boxing Day (substitute day)"), a holiday of several days (Tết) as each of its days, two on one
 * day as one named "A / B".
 *
 * Japanese: date-holidays keeps it under its own code `jp` (not ISO `ja`), and outside Japan
 * (holiday-jp's) has it only for a few shared holidays (3.37.0: 元日, クリスマス, 大晦日; none for Hong
 * Kong). A name is given in Japanese only when every holiday of its day has a Japanese name (no
 * "Independence Day（振替休日）" half and half); the rest stay English in the Japanese UI. Only those
 * names are stored (`ja`: index in `names` → name), so the table grows by a few hundred bytes, not
 * by a second copy of every name; the app's other language is English, which `names` is.
 *
 * Encoding (decoded by holidays.ts): `days` is 3 characters per holiday, in date order: two
 * base-64 digits of the days since the one before (the first: since 1 January of the first year,
 * which is day 0 of the count), then one base-64 digit indexing `names`.
 *
 * Generating takes ~10 s (date-holidays evaluates its rules year by year), so the module is kept in
 * node_modules/.cache, keyed by the installed versions of date-holidays and of every package it
 * depends on (its rule parser, astronomia, moment-timezone…: they work the dates out, and a
 * lockfile update can move them without a new date-holidays), the country list, the years and FORMAT.
 */

export const PUBLIC_HOLIDAYS_MODULE = 'virtual:public-holidays';
const RESOLVED = `\0${PUBLIC_HOLIDAYS_MODULE}`;

/** Bumped when the generated module's shape or content rules change (the cache key). */
const FORMAT = 2;

const DAY_MS = 86_400_000;

/** `ja`: the Japanese name of `names[index]`, for the indexes date-holidays has one for (absent when none). */
export type GeneratedCountry = { names: string[]; days: string; ja?: Record<number, string> };

/** date-holidays' code for Japanese (its data says `jp`, not ISO 639-1 `ja`). */
const DATE_HOLIDAYS_JAPANESE = 'jp';
/** What a substitute day adds to a Japanese name (date-holidays' own word for it). */
const SUBSTITUTE_JA = '（振替休日）';
export type GeneratedHolidays = { source: string; firstYear: number; lastYear: number; countries: Record<string, GeneratedCountry> };

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function digit(value: number): string {
  const char = DIGITS[value];
  if (char === undefined) throw new Error(`public holidays: ${value} does not fit one base-64 digit`);
  return char;
}

type HolidaysApi = {
  getCountries(lang?: string): Record<string, string>;
  getLanguages(): string[];
  getHolidays(year: number, lang?: string): { date: string; start: Date; end: Date; name: string; type: string; rule?: string; substitute?: boolean }[];
  getRule?(rule: string): { name?: string | Record<string, string> } | undefined;
};

/** Reads date-holidays (and its version) from the project's node_modules. */
async function loadDateHolidays(root: string): Promise<{ Holidays: new (country?: string) => HolidaysApi; version: string }> {
  const require = createRequire(join(root, 'package.json'));
  const { version } = JSON.parse(await readFile(join(dirname(require.resolve('date-holidays')), '..', 'package.json'), 'utf8')) as { version: string };
  const Holidays = require('date-holidays') as new (country?: string) => HolidaysApi;
  return { Holidays, version };
}

/**
 * Runs `work` with the process's time zone set to UTC, then puts it back (synchronous: nothing else
 * runs meanwhile). date-holidays works its dates out partly in the machine's local time, so the
 * table followed the build machine's zone where a zone skipped a whole day: built in Pacific/Apia
 * (no 30 December 2011) the Philippines' Rizal Day 2011 moved to the 31st; in Pacific/Kiritimati
 * (no 31 December 1994) Thailand's New Year's Eve 1994 was lost.
 */
function inUtc<T>(work: () => T): T {
  const zone = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    return work();
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
}

/** The table of `countries` (never 'JP': holiday-jp's) for the years first–last, the same whatever the build machine's time zone. */
export async function generatePublicHolidays(root: string, countries: readonly string[], firstYear: number, lastYear: number): Promise<GeneratedHolidays> {
  const { Holidays, version } = await loadDateHolidays(root);
  return inUtc(() => generateTable(Holidays, version, countries, firstYear, lastYear));
}

function generateTable(Holidays: new (country?: string) => HolidaysApi, version: string, countries: readonly string[], firstYear: number, lastYear: number): GeneratedHolidays {
  const known = new Holidays().getCountries('en');
  const base = dayNumber(firstYear, 1, 1);
  const last = dayNumber(lastYear, 12, 31);
  const out: Record<string, GeneratedCountry> = {};
  for (const code of countries) {
    if (code === 'JP') throw new Error('public holidays: Japan comes from @holiday-jp/holiday_jp, not date-holidays');
    if (!(code in known)) throw new Error(`public holidays: date-holidays ${version} does not know the country ${code}`);
    const holidays = new Holidays(code);
    // English as the country writes it where date-holidays has a variant ("en-us": Labor Day).
    const language = holidays.getLanguages().find((lang) => lang.startsWith('en-')) ?? 'en';
    const byDay = new Map<number, string[]>();
    // The day's Japanese names, in the order of its English ones; null once one of them has none.
    const japaneseByDay = new Map<number, string[] | null>();
    for (let year = firstYear; year <= lastYear; year++) {
      for (const holiday of holidays.getHolidays(year, language)) {
        if (holiday.type !== 'public') continue;
        const translations = holiday.rule === undefined ? undefined : holidays.getRule?.(holiday.rule)?.name;
        const japaneseBase = typeof translations === 'object' ? translations[DATE_HOLIDAYS_JAPANESE] : undefined;
        const japanese = japaneseBase === undefined ? undefined : holiday.substitute ? japaneseBase + SUBSTITUTE_JA : japaneseBase;
        const [y, m, d] = holiday.date.slice(0, 10).split('-').map(Number) as [number, number, number];
        const first = dayNumber(y, m, d);
        // Whole days in the country's time (a DST change makes one 23 or 25 hours long).
        const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
        for (let day = first; day < first + span; day++) {
          if (day < base || day > last) continue;
          const names = byDay.get(day) ?? [];
          const japaneseNames = japaneseByDay.has(day) ? japaneseByDay.get(day)! : [];
          if (!names.includes(holiday.name)) {
            names.push(holiday.name);
            japaneseByDay.set(day, japanese === undefined || japaneseNames === null ? null : [...japaneseNames, japanese]);
          }
          byDay.set(day, names);
        }
      }
    }
    const names: string[] = [];
    const ja: Record<number, string> = {};
    let days = '';
    let previous = base;
    for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
      const name = byDay.get(day)!.join(' / ');
      let index = names.indexOf(name);
      if (index < 0) {
        index = names.push(name) - 1;
        const japanese = japaneseByDay.get(day);
        if (japanese) ja[index] = japanese.join(' / ');
      }
      const gap = day - previous;
      days += digit(Math.floor(gap / 64)) + digit(gap % 64) + digit(index);
      previous = day;
    }
    if (days === '') throw new Error(`public holidays: date-holidays ${version} has no public holidays for ${code}`);
    out[code] = Object.keys(ja).length > 0 ? { names, days, ja } : { names, days };
  }
  return { source: `date-holidays ${version}`, firstYear, lastYear, countries: out };
}

/** The JavaScript of the virtual module. */
export function moduleSource(table: GeneratedHolidays): string {
  return [
    `// Generated by tools/publicHolidays.ts from ${table.source} (ISC; holiday data CC BY-SA 3.0, from Wikipedia articles). Do not edit.`,
    `export const SOURCE = ${JSON.stringify(table.source)};`,
    `export const FIRST_YEAR = ${table.firstYear};`,
    `export const LAST_YEAR = ${table.lastYear};`,
    `export const COUNTRIES = ${JSON.stringify(table.countries)};`,
    '',
  ].join('\n');
}

/** The folder of package `name` as Node resolves it from `from` (its own node_modules, then each parent's), or null. */
async function packageDir(name: string, from: string): Promise<string | null> {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    try {
      await access(join(candidate, 'package.json'));
      return candidate;
    } catch {
      if (dirname(dir) === dir) return null;
    }
  }
}

/** `name@version` of date-holidays and of every package it depends on, as installed under `root` (sorted). */
async function installedVersions(root: string): Promise<string[]> {
  const seen = new Map<string, string>();
  const visit = async (name: string, from: string) => {
    const dir = await packageDir(name, from);
    if (dir === null || seen.has(dir)) return;
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string> };
    seen.set(dir, `${pkg.name}@${pkg.version}`);
    for (const dependency of Object.keys(pkg.dependencies ?? {})) await visit(dependency, dir);
  };
  await visit('date-holidays', root);
  return [...seen.values()].sort();
}

/** The module's source, from the cache when date-holidays and its dependencies, the list and the years are the same. */
export async function publicHolidaysSource(root: string, countries: readonly string[] = PUBLIC_HOLIDAY_COUNTRIES.filter((code) => code !== 'JP')): Promise<string> {
  const versions = await installedVersions(root);
  const key = createHash('sha256')
    .update(JSON.stringify({ FORMAT, DIGITS, versions, countries, PUBLIC_HOLIDAYS_FIRST_YEAR, PUBLIC_HOLIDAYS_LAST_YEAR }))
    .digest('hex')
    .slice(0, 16);
  const cacheDir = join(root, 'node_modules/.cache/alignboard-public-holidays');
  const cached = join(cacheDir, `${key}.js`);
  try {
    return await readFile(cached, 'utf8');
  } catch {
    // Not generated yet.
  }
  const source = moduleSource(await generatePublicHolidays(root, countries, PUBLIC_HOLIDAYS_FIRST_YEAR, PUBLIC_HOLIDAYS_LAST_YEAR));
  try {
    await mkdir(cacheDir, { recursive: true });
    // Written beside and renamed, so a build running alongside never reads half a file.
    const partial = `${cached}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(partial, source);
    await rename(partial, cached);
  } catch {
    // A read-only node_modules: generate again next time.
  }
  return source;
}

/** The Vite plugin serving `virtual:public-holidays` (vite.config.ts, vite.server.config.ts, the bench build). */
export function publicHolidays(root: string): Plugin {
  let source: Promise<string> | null = null;
  return {
    name: 'alignboard-public-holidays',
    resolveId(id) {
      return id === PUBLIC_HOLIDAYS_MODULE ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      source ??= publicHolidaysSource(root);
      return source;
    },
  };
}
