/** English strings of the kpi feature (merged into `en.kpi`); `kpi.ja.ts` has the same keys. */
export const kpiEn = {
  title: 'Shared KPIs',
};
