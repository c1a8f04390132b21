import { snapshotRows } from '../../../../shared/kpi/snapshot';
import type { KpiSnapshotRow } from '../../../../shared/meetings/records';
import { type AlignboardDb, db as defaultDb } from '../../db/db';
import { latestSignedSla, listKpis, listValues } from './kpiStore';
import { slaContextOf } from './model';

export { snapshotRows };

/** The snapshot of a workspace's KPIs (dashboard order, its latest signed SLA) for `period`. */
export async function kpiSnapshot(workspaceId: string, period: string, database: AlignboardDb = defaultDb): Promise<KpiSnapshotRow[]> {
  const [kpis, values, sla] = await Promise.all([listKpis(workspaceId, database), listValues(workspaceId, database), latestSignedSla(workspaceId, database)]);
  return snapshotRows(kpis, values, slaContextOf(sla), period);
}
