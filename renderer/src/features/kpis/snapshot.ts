import { snapshotRows } from '@shared/kpi/snapshot';
import type { KpiSnapshotRow } from '@shared/meetings/records';
import type { Language } from '@shared/settings';
import { type AlignboardDb, db as defaultDb } from '../../db/db';
import { loadKpiData } from './kpiRead';
import { kpiValuesOf, slaContextOf } from './model';

export { snapshotRows };

/** The snapshot of a workspace's KPIs (dashboard order, its latest signed SLA, lead records measured by the calendar in force) for `period`. */
export async function kpiSnapshot(workspaceId: string, period: string, database: AlignboardDb = defaultDb, language?: Language): Promise<KpiSnapshotRow[]> {
  const data = await loadKpiData(workspaceId, database, { language });
  return snapshotRows(data.kpis, kpiValuesOf(data), slaContextOf(data.sla, data.response), period);
}
