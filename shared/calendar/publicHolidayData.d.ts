/** The module tools/publicHolidays.ts generates at build time from date-holidays (see there for the encoding). */
declare module 'virtual:public-holidays' {
  /** 'date-holidays 3.37.0'. */
  export const SOURCE: string;
  export const FIRST_YEAR: number;
  export const LAST_YEAR: number;
  /** Per country (not JP): the English names of its holidays, and its days (3 base-64 digits each). */
  export const COUNTRIES: Readonly<Record<string, { readonly names: readonly string[]; readonly days: string }>>;
}
