import type { WorkingCalendar } from '@shared/calendar/calendar';
import type { AttainmentOptions } from '@shared/kpi/attainment';
import { noResponseFigures, type ResponseFigures, responseBasis } from '@shared/kpi/responseBasis';
import type { Language } from '@shared/settings';
import type { Commitment } from '@shared/sla/commitments';
import { calendarOfDocument, commitmentsOf, stagesOf } from '@shared/sla/document';
import { type AlignboardDb, db as defaultDb, type KpiRow, type PeriodValueRow, type SlaVersionRow } from '../../db/db';
import { loadCalendar, type StoredCalendar } from '../calendar/calendarStore';
import { listVersions } from '../sla/slaRead';

/**
 * What the KPI views read (issue 12): the read side of kpiStore.ts, without its writes, the CSV
 * import's and the SLA store's, so the dashboard's code is only what reading and showing needs.
 */

export const byOrder = (a: KpiRow, b: KpiRow) => a.order - b.order || a.createdAt.localeCompare(b.createdAt);

export async function listKpis(workspaceId: string, database: AlignboardDb = defaultDb): Promise<KpiRow[]> {
  return (await database.kpis.where('workspaceId').equals(workspaceId).toArray()).sort(byOrder);
}

export async function listValues(workspaceId: string, database: AlignboardDb = defaultDb): Promise<PeriodValueRow[]> {
  return database.kpiValues.where('workspaceId').equals(workspaceId).toArray();
}

/** Values of the given months only (one indexed range read per key would be more reads for 8 KPIs). */
export async function listValuesBetween(workspaceId: string, from: string, to: string, database: AlignboardDb = defaultDb): Promise<PeriodValueRow[]> {
  return database.kpiValues
    .where('workspaceId')
    .equals(workspaceId)
    .filter((row) => row.period >= from && row.period <= to)
    .toArray();
}

/** The latest signed SLA version of a workspace with its commitments, stages and stated calendar (null: it states none), or null when none is signed. */
export type SignedSla = { version: SlaVersionRow; commitments: Commitment[]; stages: NonNullable<AttainmentOptions['stages']>; calendar: WorkingCalendar | null };

export async function latestSignedSla(workspaceId: string, database: AlignboardDb = defaultDb): Promise<SignedSla | null> {
  const versions = await listVersions(workspaceId, database);
  const signed = versions.filter((version) => version.state === 'signed');
  const version = signed[signed.length - 1];
  if (!version) return null;
  return {
    version,
    commitments: commitmentsOf(version.document),
    stages: stagesOf(version.document).map((stage) => ({ id: stage.id, key: stage.key })),
    calendar: calendarOfDocument(version.document),
  };
}

/**
 * Everything the KPI views read, in one go (one live query). `response`: what the stored lead
 * records measure under the calendar in force (the signed SLA's, else the workspace's): the
 * months' response-time medians (which take the place of stored ones) and per-record results.
 */
export type KpiData = { kpis: KpiRow[]; values: PeriodValueRow[]; sla: SignedSla | null; calendar: StoredCalendar; response: ResponseFigures };

export async function loadKpiData(workspaceId: string, database: AlignboardDb = defaultDb, options: { language?: Language } = {}): Promise<KpiData> {
  const [kpis, values, sla, calendar, leadMonths] = await Promise.all([
    listKpis(workspaceId, database),
    listValues(workspaceId, database),
    latestSignedSla(workspaceId, database),
    loadCalendar(workspaceId, options.language ?? 'ja', database),
    database.leadMonths.where('workspaceId').equals(workspaceId).toArray(),
  ]);
  const basis = responseBasis(sla ? { commitments: sla.commitments, calendar: sla.calendar } : null, calendar.calendar);
  // Measuring lead records needs business hours by the calendar and its holiday data: loaded only
  // when there are records to measure (issue 12).
  const response = leadMonths.length > 0 ? (await import('@shared/kpi/responseFigures')).responseFigures(leadMonths, basis) : noResponseFigures(basis);
  return { kpis, values, sla, calendar, response };
}
