import type { SlaVersion } from '@shared/sla/versions';
import { type AlignboardDb, db as defaultDb, type SlaVersionRow } from '../../db/db';

/**
 * Reading SLA versions, without the writes of slaStore.ts (issue 12): the KPI views read the
 * latest signed version on every open, and need neither the funnel board reader nor the version
 * workflow to do it.
 */

export const byRevision = (a: SlaVersion, b: SlaVersion) => a.revision - b.revision;

export async function listVersions(workspaceId: string, database: AlignboardDb = defaultDb): Promise<SlaVersionRow[]> {
  return (await database.slaVersions.where('workspaceId').equals(workspaceId).toArray()).sort(byRevision);
}
