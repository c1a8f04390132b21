import type { Messages } from './en';

/** Japanese strings of the KPI feature (merged into `ja.kpi`). */
export const kpiJa: Messages['kpi'] = {
  title: '共通 KPI',
};
