import { defaultKpis } from '../../../../shared/kpi/defaults';
import { KpiDefinition, type KpiDefinitionInput, MAX_KPIS, PeriodValue, type ValueSource, valueId } from '../../../../shared/kpi/records';
import type { AttainmentOptions } from '../../../../shared/kpi/attainment';
import { kpiKey } from '../../../../shared/kpi/values';
import type { Language } from '../../../../shared/settings';
import type { Commitment } from '../../../../shared/sla/commitments';
import { type AlignboardDb, db as defaultDb, type KpiRow, type PeriodValueRow, type SlaVersionRow } from '../../db/db';
import { newId, nowIso } from '../../db/ids';
import { writeAll } from '../../db/write';
import { stagesOf } from '../sla/SlaContent';
import { commitmentsOf, listVersions } from '../sla/slaStore';

/**
 * The KPI data layer: definitions and values per month of a workspace. Every write goes through
 * writeAll (one transaction, all or nothing) and touches the workspace's updatedAt. Functions that
 * destroy or replace something return what they replaced, so the UI can offer Undo.
 */

export class TooManyKpisError extends Error {
  constructor() {
    super(`A workspace can have at most ${MAX_KPIS} KPIs`);
    this.name = 'TooManyKpisError';
  }
}

const byOrder = (a: KpiRow, b: KpiRow) => a.order - b.order || a.createdAt.localeCompare(b.createdAt);

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

function toRow(kpi: KpiDefinition, workspaceId: string): KpiRow {
  return { ...KpiDefinition.parse(kpi), workspaceId };
}

const touch = (database: AlignboardDb, workspaceId: string, now: string) => database.workspaces.update(workspaceId, { updatedAt: now });

/**
 * Creates the eight default KPIs in `language` when the workspace has none. Idempotent: a second
 * call (StrictMode, two windows, a double click) finds them and creates nothing. Returns the KPIs.
 */
export async function createDefaultKpis(workspaceId: string, language: Language, database: AlignboardDb = defaultDb): Promise<{ created: number; kpis: KpiRow[] }> {
  const now = nowIso();
  const rows = defaultKpis(language, now, newId).map((kpi) => toRow(kpi, workspaceId));
  return writeAll(database, async () => {
    const existing = await database.kpis.where('workspaceId').equals(workspaceId).count();
    if (existing > 0) return { created: 0, kpis: (await database.kpis.where('workspaceId').equals(workspaceId).toArray()).sort(byOrder) };
    await database.kpis.bulkAdd(rows);
    await touch(database, workspaceId, now);
    return { created: rows.length, kpis: rows };
  });
}

export type KpiFields = Omit<KpiDefinitionInput, 'id' | 'createdAt' | 'updatedAt' | 'order'>;

/** Adds a KPI at the end of the list. Throws a ZodError for invalid fields, TooManyKpisError past MAX_KPIS. */
export async function addKpi(workspaceId: string, fields: KpiFields, database: AlignboardDb = defaultDb): Promise<KpiRow> {
  const now = nowIso();
  const draft = KpiDefinition.parse({ ...fields, id: newId(), order: 0, createdAt: now, updatedAt: now });
  return writeAll(database, async () => {
    const existing = await database.kpis.where('workspaceId').equals(workspaceId).toArray();
    if (existing.length >= MAX_KPIS) throw new TooManyKpisError();
    const order = existing.reduce((max, row) => Math.max(max, row.order + 1), 0);
    const row = toRow({ ...draft, order }, workspaceId);
    await database.kpis.add(row);
    await touch(database, workspaceId, now);
    return row;
  });
}

/** Replaces a KPI's fields (id, order and createdAt are kept). */
export async function updateKpi(workspaceId: string, id: string, fields: KpiFields, database: AlignboardDb = defaultDb): Promise<KpiRow> {
  const now = nowIso();
  return writeAll(database, async () => {
    const current = await database.kpis.get([workspaceId, id]);
    if (!current) throw new Error(`KPI ${id} does not exist`);
    const row = toRow({ ...KpiDefinition.parse({ ...fields, id, order: current.order, createdAt: current.createdAt, updatedAt: now }) }, workspaceId);
    await database.kpis.put(row);
    await touch(database, workspaceId, now);
    return row;
  });
}

/** What a delete removed: the KPI and its hand-entered values (a manual KPI's `kpi:<id>` values). */
export type DeletedKpi = { kpi: KpiRow; values: PeriodValueRow[] };

export async function deleteKpi(workspaceId: string, id: string, database: AlignboardDb = defaultDb): Promise<DeletedKpi> {
  const now = nowIso();
  return writeAll(database, async () => {
    const kpi = await database.kpis.get([workspaceId, id]);
    if (!kpi) throw new Error(`KPI ${id} does not exist`);
    const key = kpiKey(id);
    const values = await database.kpiValues.where('workspaceId').equals(workspaceId).filter((row) => row.key === key).toArray();
    await database.kpis.delete([workspaceId, id]);
    await database.kpiValues.bulkDelete(values.map((row) => [workspaceId, row.id] as [string, string]));
    await touch(database, workspaceId, now);
    return { kpi, values };
  });
}

/** Undo of deleteKpi: puts the KPI back where it was, with its values. */
export async function restoreKpi(deleted: DeletedKpi, database: AlignboardDb = defaultDb): Promise<void> {
  const now = nowIso();
  const workspaceId = deleted.kpi.workspaceId;
  await writeAll(database, async () => {
    await database.kpis.put(deleted.kpi);
    if (deleted.values.length > 0) await database.kpiValues.bulkPut(deleted.values);
    await touch(database, workspaceId, now);
  });
}

/** Moves a KPI one place up (-1) or down (+1); orders are rewritten 0..n-1. */
export async function moveKpi(workspaceId: string, id: string, delta: -1 | 1, database: AlignboardDb = defaultDb): Promise<void> {
  const now = nowIso();
  await writeAll(database, async () => {
    const kpis = (await database.kpis.where('workspaceId').equals(workspaceId).toArray()).sort(byOrder);
    const from = kpis.findIndex((kpi) => kpi.id === id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= kpis.length) return;
    const [moved] = kpis.splice(from, 1);
    kpis.splice(to, 0, moved!);
    await database.kpis.bulkPut(kpis.map((kpi, order) => ({ ...kpi, order })));
    await touch(database, workspaceId, now);
  });
}

function valueRow(workspaceId: string, key: string, period: string, value: number, source: ValueSource, now: string): PeriodValueRow {
  return { ...PeriodValue.parse({ id: valueId(key, period), key, period, value, source, updatedAt: now }), workspaceId };
}

/** A change to one cell: the value before (undefined = none) so it can be undone. */
export type ValueChange = { workspaceId: string; key: string; period: string; before: PeriodValueRow | undefined };

/**
 * Sets (number) or removes (null) the value of `key` in `period`. Throws a ZodError for a value
 * out of range (the UI checks first). Returns what was there before.
 */
export async function setValue(
  workspaceId: string,
  key: string,
  period: string,
  value: number | null,
  source: ValueSource = 'manual',
  database: AlignboardDb = defaultDb,
): Promise<ValueChange> {
  const now = nowIso();
  const row = value === null ? null : valueRow(workspaceId, key, period, value, source, now);
  return writeAll(database, async () => {
    const before = await database.kpiValues.get([workspaceId, valueId(key, period)]);
    if (row) await database.kpiValues.put(row);
    else if (before) await database.kpiValues.delete([workspaceId, before.id]);
    await touch(database, workspaceId, now);
    return { workspaceId, key, period, before };
  });
}

/** Undo of setValue. */
export async function revertValue(change: ValueChange, database: AlignboardDb = defaultDb): Promise<void> {
  const now = nowIso();
  await writeAll(database, async () => {
    if (change.before) await database.kpiValues.put(change.before);
    else await database.kpiValues.delete([change.workspaceId, valueId(change.key, change.period)]);
    await touch(database, change.workspaceId, now);
  });
}

/** The outcome of an import: what it wrote and what it replaced, for Undo. */
export type ImportResult = { workspaceId: string; written: string[]; replaced: PeriodValueRow[] };

/**
 * Writes the values of a confirmed CSV import in one transaction: every value or none. Each value
 * is validated before the transaction starts (a bad one throws and nothing is written).
 */
export async function writeImportedValues(
  workspaceId: string,
  values: readonly { key: string; period: string; value: number }[],
  database: AlignboardDb = defaultDb,
): Promise<ImportResult> {
  const now = nowIso();
  const rows = values.map((value) => valueRow(workspaceId, value.key, value.period, value.value, 'csv', now));
  return writeAll(database, async () => {
    const existing = await database.kpiValues.bulkGet(rows.map((row) => [workspaceId, row.id] as [string, string]));
    await database.kpiValues.bulkPut(rows);
    await touch(database, workspaceId, now);
    return { workspaceId, written: rows.map((row) => row.id), replaced: existing.filter((row): row is PeriodValueRow => row !== undefined) };
  });
}

/** Undo of an import: removes what it wrote and puts back what it replaced. */
export async function undoImport(result: ImportResult, database: AlignboardDb = defaultDb): Promise<void> {
  const now = nowIso();
  await writeAll(database, async () => {
    await database.kpiValues.bulkDelete(result.written.map((id) => [result.workspaceId, id] as [string, string]));
    if (result.replaced.length > 0) await database.kpiValues.bulkPut(result.replaced);
    await touch(database, result.workspaceId, now);
  });
}

/** The latest signed SLA version of a workspace with its commitments and stages, or null when none is signed. */
export type SignedSla = { version: SlaVersionRow; commitments: Commitment[]; stages: NonNullable<AttainmentOptions['stages']> };

export async function latestSignedSla(workspaceId: string, database: AlignboardDb = defaultDb): Promise<SignedSla | null> {
  const versions = await listVersions(workspaceId, database);
  const signed = versions.filter((version) => version.state === 'signed');
  const version = signed[signed.length - 1];
  if (!version) return null;
  return { version, commitments: commitmentsOf(version.document), stages: stagesOf(version.document).map((stage) => ({ id: stage.id, key: stage.key })) };
}

/** Everything the KPI views read, in one go (one live query). */
export type KpiData = { kpis: KpiRow[]; values: PeriodValueRow[]; sla: SignedSla | null };

export async function loadKpiData(workspaceId: string, database: AlignboardDb = defaultDb): Promise<KpiData> {
  const [kpis, values, sla] = await Promise.all([listKpis(workspaceId, database), listValues(workspaceId, database), latestSignedSla(workspaceId, database)]);
  return { kpis, values, sla };
}
