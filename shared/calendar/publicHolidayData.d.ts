/** The module tools/publicHolidays.ts generates at build time from date-holidays (see there for the encoding). */
declare module 'virtual:public-holidays' {
  /** 'date-holidays 3.37.0'. */
  export const SOURCE: string;
  export const FIRST_YEAR: number;
  export const LAST_YEAR: number;
  /**
   * Per country (not JP): the English names of its holidays, its days (3 base-64 digits each), and
   * the Japanese names date-holidays has (index in `names` → name; absent when it has none).
   */
  export const COUNTRIES: Readonly<Record<string, { readonly names: readonly string[]; readonly days: string; readonly ja?: Readonly<Record<number, string>> }>>;
}
