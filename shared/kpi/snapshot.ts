import type { KpiSnapshotRow } from '../meetings/records';
import { evaluateKpi, type SlaContext } from './formulas';
import type { KpiDefinition } from './records';
import { kpiStatus } from './status';
import { lookupFrom } from './values';

/**
 * Every KPI as it stands for `period` (YYYY-MM), in the order given: the rows a meeting keeps in its
 * minutes. `value` is null when there is no data (never NaN); `unit` is the KPI's unit code
 * ('count' | 'percent' | 'hours' | 'currency'), translated where shown. `sla` is the signed SLA's
 * context (null: none signed).
 */
export function snapshotRows(kpis: readonly KpiDefinition[], values: readonly { key: string; period: string; value: number }[], sla: SlaContext, period: string): KpiSnapshotRow[] {
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
