import { defaultKpis } from '@shared/kpi/defaults';
import type { LeadMonth } from '@shared/kpi/leadRecords';
import { valuesToStore } from '@shared/kpi/responseBasis';
import { KpiDefinition, type KpiDefinitionInput, MAX_KPIS, PeriodValue, targetAllowed, type ValueSource, valueId } from '@shared/kpi/records';
import { kpiKey } from '@shared/kpi/values';
import type { Language } from '@shared/settings';
import { type AlignboardDb, type CalendarRow, db as defaultDb, type KpiRow, type LeadMonthRow, type PeriodValueRow } from '../../db/db';
import { newId, nowIso } from '../../db/ids';
import { writeAll } from '../../db/write';
import { defaultCalendarFor } from '../calendar/calendarStore';
import { byOrder } from './kpiRead';

// The reads live in kpiRead.ts (the dashboard loads them without the writes below).
export { type KpiData, latestSignedSla, listKpis, listValues, listValuesBetween, loadKpiData, type SignedSla } from './kpiRead';

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

/** A negative target for a KPI whose values are never negative (shared/kpi/records targetAllowed). */
export class NegativeTargetError extends Error {
  constructor() {
    super('Only a manual KPI can have a negative target');
    this.name = 'NegativeTargetError';
  }
}

function checkTarget(kpi: KpiDefinition): KpiDefinition {
  if (!targetAllowed(kpi.formula, kpi.target)) throw new NegativeTargetError();
  return kpi;
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

/**
 * Adds a KPI at the end of the list. Throws a ZodError for invalid fields, NegativeTargetError for
 * a negative target on a KPI whose values cannot be negative, TooManyKpisError past MAX_KPIS.
 */
export async function addKpi(workspaceId: string, fields: KpiFields, database: AlignboardDb = defaultDb): Promise<KpiRow> {
  const now = nowIso();
  const draft = checkTarget(KpiDefinition.parse({ ...fields, id: newId(), order: 0, createdAt: now, updatedAt: now }));
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

/** Replaces a KPI's fields (id, order and createdAt are kept); the same checks as addKpi. */
export async function updateKpi(workspaceId: string, id: string, fields: KpiFields, database: AlignboardDb = defaultDb): Promise<KpiRow> {
  const now = nowIso();
  return writeAll(database, async () => {
    const current = await database.kpis.get([workspaceId, id]);
    if (!current) throw new Error(`KPI ${id} does not exist`);
    const row = toRow(checkTarget(KpiDefinition.parse({ ...fields, id, order: current.order, createdAt: current.createdAt, updatedAt: now })), workspaceId);
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

/** A change to one cell: the value before and after (undefined = none) so it can be undone and redone. */
export type ValueChange = { workspaceId: string; key: string; period: string; before: PeriodValueRow | undefined; after: PeriodValueRow | undefined };

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
    return { workspaceId, key, period, before, after: row ?? undefined };
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

/** One cell as it stood (row undefined: empty), a step's before or after in the values grid's history. */
export type CellState = { workspaceId: string; key: string; period: string; row: PeriodValueRow | undefined };

export function cellStates(change: ValueChange): { before: CellState; after: CellState } {
  const { workspaceId, key, period } = change;
  return { before: { workspaceId, key, period, row: change.before }, after: { workspaceId, key, period, row: change.after } };
}

/**
 * Undo or redo of setValue (the values grid's history): writes `to` into the cell where it still
 * holds `from`'s value. False, writing nothing, when the cell has changed since (another window, an import).
 */
export async function applyCell(to: CellState, from: CellState, database: AlignboardDb = defaultDb): Promise<boolean> {
  const now = nowIso();
  return writeAll(database, async () => {
    const id = valueId(to.key, to.period);
    const stored = await database.kpiValues.get([to.workspaceId, id]);
    if (stored?.value !== from.row?.value) return false;
    if (to.row) await database.kpiValues.put(to.row);
    else if (stored) await database.kpiValues.delete([to.workspaceId, id]);
    await touch(database, to.workspaceId, now);
    return true;
  });
}

/** The outcome of an import: what it wrote and what it replaced, for Undo. */
export type ImportResult = {
  workspaceId: string;
  /** When the import wrote its values (their updatedAt): a value changed since is not the import's any more. */
  importedAt: string;
  written: string[];
  replaced: PeriodValueRow[];
  /** Lead records written (month ids) and the months' records they replaced. */
  leadMonths?: { written: string[]; replaced: LeadMonthRow[] };
  /** The calendar the import stored because none was saved (Undo removes it again, unless edited since). */
  calendarFixed?: CalendarRow;
};

/** What is stored of these months' lead records (what an import of them would replace), in month order. */
export async function storedLeadMonths(
  workspaceId: string,
  periods: readonly string[],
  database: AlignboardDb = defaultDb,
): Promise<{ period: string; records: number; importedAt: string }[]> {
  const rows = await database.leadMonths.bulkGet(periods.map((period) => [workspaceId, period] as [string, string]));
  return rows
    .filter((row): row is LeadMonthRow => row !== undefined)
    .map((row) => ({ period: row.period, records: row.ids.length, importedAt: row.importedAt }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

/**
 * Writes the values of a confirmed CSV import in one transaction: every value or none. Each value
 * is validated before the transaction starts (a bad one throws and nothing is written).
 *
 * `leadMonths` (lead-level response records) replace the stored records of their months; the
 * months' response-time medians are then measured from them (in business hours by the working
 * calendar), so the file's clock-hour medians of those months are not stored. A workspace that
 * has not saved a calendar gets the one in use (`language`'s default) stored with them, so the
 * figures do not change with the UI language later.
 */
export async function writeImportedValues(
  workspaceId: string,
  values: readonly { key: string; period: string; value: number }[],
  database: AlignboardDb = defaultDb,
  extra: { leadMonths?: readonly Omit<LeadMonth, 'importedAt'>[]; language?: Language } = {},
): Promise<ImportResult> {
  const now = nowIso();
  const months = extra.leadMonths ?? [];
  const rows = valuesToStore(values, months).map((value) => valueRow(workspaceId, value.key, value.period, value.value, 'csv', now));
  const monthRows: LeadMonthRow[] = months.map((month) => ({ ...month, importedAt: now, workspaceId }));
  const calendar = months.length > 0 ? defaultCalendarFor(extra.language ?? 'ja') : null;
  return writeAll(database, async () => {
    const existing = await database.kpiValues.bulkGet(rows.map((row) => [workspaceId, row.id] as [string, string]));
    await database.kpiValues.bulkPut(rows);
    const result: ImportResult = { workspaceId, importedAt: now, written: rows.map((row) => row.id), replaced: existing.filter((row): row is PeriodValueRow => row !== undefined) };
    if (monthRows.length > 0) {
      const before = await database.leadMonths.bulkGet(monthRows.map((row) => [workspaceId, row.id] as [string, string]));
      await database.leadMonths.bulkPut(monthRows);
      result.leadMonths = { written: monthRows.map((row) => row.id), replaced: before.filter((row): row is LeadMonthRow => row !== undefined) };
      if (calendar && !(await database.calendars.get(workspaceId))) {
        const fixed: CalendarRow = { workspaceId, calendar, updatedAt: now };
        await database.calendars.put(fixed);
        result.calendarFixed = fixed;
      }
    }
    await touch(database, workspaceId, now);
    return result;
  });
}

/**
 * Undo of an import: removes what it wrote and puts back what it replaced — except values changed
 * since (typed in the grid in the seconds before Undo): those are the user's, and stay.
 */
export async function undoImport(result: ImportResult, database: AlignboardDb = defaultDb): Promise<void> {
  const now = nowIso();
  await writeAll(database, async () => {
    const keys = result.written.map((id) => [result.workspaceId, id] as [string, string]);
    const current = await database.kpiValues.bulkGet(keys);
    const changedSince = new Set(
      current.filter((row): row is PeriodValueRow => row !== undefined && (row.source !== 'csv' || row.updatedAt !== result.importedAt)).map((row) => row.id),
    );
    await database.kpiValues.bulkDelete(keys.filter(([, id]) => !changedSince.has(id)));
    const replaced = result.replaced.filter((row) => !changedSince.has(row.id));
    if (replaced.length > 0) await database.kpiValues.bulkPut(replaced);
    if (result.leadMonths) {
      await database.leadMonths.bulkDelete(result.leadMonths.written.map((id) => [result.workspaceId, id] as [string, string]));
      if (result.leadMonths.replaced.length > 0) await database.leadMonths.bulkPut(result.leadMonths.replaced);
    }
    if (result.calendarFixed && (await database.calendars.get(result.workspaceId))?.updatedAt === result.calendarFixed.updatedAt) {
      await database.calendars.delete(result.workspaceId);
    }
    await touch(database, result.workspaceId, now);
  });
}

