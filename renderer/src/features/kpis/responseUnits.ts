import type { TFunction } from 'i18next';
import { monthsOf } from '@shared/kpi/formulas';
import type { KpiDefinition } from '@shared/kpi/records';
import type { KpiData } from './kpiRead';

/**
 * Which unit a response-time figure is in, so the dashboard can say it: business or clock hours
 * measured from imported lead records, or a monthly figure as entered (hand-typed or a monthly
 * sheet), which the app takes as it is.
 */
export type ResponseUnit = 'business' | 'clock' | 'entered' | 'mixed';

/** Whether a KPI's formula reads the response-time metric. */
export function usesResponseHours(kpi: Pick<KpiDefinition, 'formula'>): boolean {
  const formula = kpi.formula;
  if (formula.type === 'metric') return formula.metric === 'responseHours';
  if (formula.type === 'ratio') return formula.numerator === 'responseHours' || formula.denominator === 'responseHours';
  return false;
}

/** The unit of a KPI's response-time figure for `period` (its months, for a quarter KPI). */
export function responseUnits(response: KpiData['response'], period: string, kpi: Pick<KpiDefinition, 'period'>): ResponseUnit {
  const measured = new Set(response.derived.map((value) => value.period));
  const units = new Set(monthsOf(kpi, period).map((month) => (measured.has(month) ? (response.basis.business ? 'business' : 'clock') : 'entered')));
  return units.size === 1 ? [...units][0]! : 'mixed';
}

/** The card's line saying what unit its figures are in (over the months shown with a value). */
export function responseUnitNote(t: TFunction, units: readonly (ResponseUnit | null)[], response: KpiData['response'], signedRevision: number | null): string | null {
  const present = new Set(units.filter((unit): unit is ResponseUnit => unit !== null));
  if (present.size === 0) return null;
  const calendar = response.basis.calendarSource === 'signed' && signedRevision !== null ? t('calendar.kpi.signedCalendar', { revision: signedRevision }) : t('calendar.kpi.workspaceCalendar');
  const measured = response.basis.business ? 'business' : 'clock';
  if (present.size === 1 && !present.has('mixed')) {
    const only = [...present][0]!;
    if (only === 'business') return t('calendar.kpi.unitBusiness', { calendar });
    if (only === 'clock') return t('calendar.kpi.unitClock');
    return t('calendar.kpi.unitEntered');
  }
  return t('calendar.kpi.unitMixed', { unit: measured === 'business' ? t('calendar.kpi.unitBusinessShort') : t('calendar.kpi.unitClockShort') });
}
