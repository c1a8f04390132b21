import { evaluateKpi, type SlaContext } from '../../../../shared/kpi/formulas';
import type { KpiDefinition, PeriodValue } from '../../../../shared/kpi/records';
import { kpiStatus } from '../../../../shared/kpi/status';
import { lookupFrom } from '../../../../shared/kpi/values';
import type { KpiSnapshotRow } from '../../../../shared/meetings/records';
import { type AlignboardDb, db as defaultDb } from '../../db/db';
import { latestSignedSla, listKpis, listValues } from './kpiStore';
import { slaContextOf } from './model';

/**
 * Every KPI as it stands for `period` (YYYY-MM), in the order given: the rows a meeting keeps in its
 * minutes. `value` is null when there is no data (never NaN); `unit` is the KPI's unit code
 * ('count' | 'percent' | 'hours' | 'currency'), translated where shown. `sla` is the signed SLA's
 * context (null: none signed).
 */
export function snapshotRows(kpis: readonly KpiDefinition[], values: readonly PeriodValue[], sla: SlaContext, period: string): KpiSnapshotRow[] {
  const lookup = lookupFrom(values);
  return kpis.map((kpi) => {
    const result = evaluateKpi(kpi, period, lookup, sla);
    return {
      kpiId: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      period,
      value: result.kind === 'value' && Number.isFinite(result.value) ? result.value : null,
      target: kpi.target !== null && Number.isFinite(kpi.target) ? kpi.target : null,
      status: kpiStatus(kpi, result).status,
    };
  });
}

/** The snapshot of a workspace's KPIs (dashboard order, its latest signed SLA) for `period`. */
export async function kpiSnapshot(workspaceId: string, period: string, database: AlignboardDb = defaultDb): Promise<KpiSnapshotRow[]> {
  const [kpis, values, sla] = await Promise.all([listKpis(workspaceId, database), listValues(workspaceId, database), latestSignedSla(workspaceId, database)]);
  return snapshotRows(kpis, values, slaContextOf(sla), period);
}
