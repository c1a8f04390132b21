import { evaluateKpi } from '../../../../shared/kpi/formulas';
import { kpiStatus } from '../../../../shared/kpi/status';
import { lookupFrom } from '../../../../shared/kpi/values';
import type { KpiSnapshotRow } from '../../../../shared/meetings/records';
import { type AlignboardDb, db as defaultDb } from '../../db/db';
import { latestSignedSla, listKpis, listValues } from './kpiStore';
import { slaContextOf } from './model';

/**
 * Every KPI of a workspace as it stands for `period` (YYYY-MM), in dashboard order: the meeting
 * keeps these rows in its minutes. `value` is null when there is no data (never NaN); `unit` is
 * the KPI's unit code ('count' | 'percent' | 'hours' | 'currency'), translated where shown.
 */
export async function kpiSnapshot(workspaceId: string, period: string, database: AlignboardDb = defaultDb): Promise<KpiSnapshotRow[]> {
  const [kpis, values, sla] = await Promise.all([listKpis(workspaceId, database), listValues(workspaceId, database), latestSignedSla(workspaceId, database)]);
  const lookup = lookupFrom(values);
  const context = slaContextOf(sla);
  return kpis.map((kpi) => {
    const result = evaluateKpi(kpi, period, lookup, context);
    const { status } = kpiStatus(kpi, result);
    return {
      kpiId: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      period,
      value: result.kind === 'value' && Number.isFinite(result.value) ? result.value : null,
      target: kpi.target !== null && Number.isFinite(kpi.target) ? kpi.target : null,
      status,
    };
  });
}
