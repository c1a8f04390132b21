/**
 * The countries whose public holidays a working calendar can exclude (ISO 3166-1 alpha-2), and the
 * years their tables cover. Japan's table is @holiday-jp/holiday_jp's; every other country's is
 * generated at build time from date-holidays (tools/publicHolidays.ts reads this list). No imports:
 * the build tooling and the calendar schema read it without loading any holiday data.
 *
 * A country is listed when date-holidays keeps its national public holidays well at country level.
 * China is left out: date-holidays types group holidays (Women's Day, Youth Day, Army Day) as public
 * and does not know the weekend days the State Council makes working days around Golden Weeks.
 */
export const PUBLIC_HOLIDAY_COUNTRIES = [
  'JP',
  'US',
  'GB',
  'CA',
  'AU',
  'NZ',
  'IE',
  'SG',
  'IN',
  'DE',
  'FR',
  'NL',
  'ES',
  'IT',
  'KR',
  'TW',
  'HK',
  'PH',
  'TH',
  'VN',
  'ID',
  'MY',
] as const;
export type PublicHolidayCountry = (typeof PUBLIC_HOLIDAY_COUNTRIES)[number];

/** The first and last year every country's table covers (holiday-jp's range; the others are generated for the same years). */
export const PUBLIC_HOLIDAYS_FIRST_YEAR = 1970;
export const PUBLIC_HOLIDAYS_LAST_YEAR = 2050;

/** The base-64 digits of the generated tables' encoding (tools/publicHolidays.ts writes it, holidays.ts reads it). */
export const PUBLIC_HOLIDAY_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
