import { describe, expect, it } from 'vitest';
import { KpiDefinition, valueId } from '../../shared/kpi/records';
import { submitForReview } from '../../shared/sla/versions';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import {
  addKpi,
  createDefaultKpis,
  deleteKpi,
  latestSignedSla,
  listKpis,
  listValues,
  moveKpi,
  NegativeTargetError,
  restoreKpi,
  revertValue,
  applyCell,
  cellStates,
  setValue,
  undoImport,
  updateKpi,
  writeImportedValues,
} from '../../renderer/src/features/kpis/kpiStore';
import { kpiSnapshot } from '../../renderer/src/features/kpis/snapshot';
import { ensureVersion, signVersion, updateVersion } from '../../renderer/src/features/sla/slaStore';
import { freshDb } from './helpers';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function setup() {
  const database = freshDb();
  const workspaceId = await createWorkspace('W', database);
  return { database, workspaceId };
}

describe('KPI store', () => {
  it('creates the eight defaults once, in the language asked, even when asked twice at once', async () => {
    const { database, workspaceId } = await setup();
    const [a, b] = await Promise.all([createDefaultKpis(workspaceId, 'ja', database), createDefaultKpis(workspaceId, 'ja', database)]);
    expect(a.created + b.created).toBe(8);
    const kpis = await listKpis(workspaceId, database);
    expect(kpis).toHaveLength(8);
    expect(kpis.map((kpi) => kpi.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(kpis[0]!.template).toBe('mqlCount');
    expect(kpis[0]!.name).toMatch(/MQL/);
    expect(kpis.map((kpi) => kpi.name).join('')).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect((await createDefaultKpis(workspaceId, 'en', database)).created).toBe(0);
    expect(await listKpis(workspaceId, database)).toHaveLength(8);
  });

  it('adds, edits, reorders, deletes a manual KPI with its values, and restores both', async () => {
    const { database, workspaceId } = await setup();
    await createDefaultKpis(workspaceId, 'en', database);
    const manual = await addKpi(
      workspaceId,
      { name: 'NPS', formula: { type: 'manual' }, unit: 'count', direction: 'higher', target: 30, owner: 'joint', period: 'month', template: null },
      database,
    );
    expect(manual.order).toBe(8);
    await setValue(workspaceId, `kpi:${manual.id}`, '2026-10', 42, 'manual', database);
    const edited = await updateKpi(workspaceId, manual.id, { ...manual, name: 'Net promoter score', target: -5 }, database);
    expect(edited).toMatchObject({ name: 'Net promoter score', target: -5, order: 8, createdAt: manual.createdAt });

    await moveKpi(workspaceId, manual.id, -1, database);
    expect((await listKpis(workspaceId, database)).map((kpi) => kpi.name).slice(6)).toEqual(['Marketing-sourced pipeline', 'Net promoter score', 'Revenue vs target']);
    const order = (await listKpis(workspaceId, database)).map((kpi) => kpi.id);
    expect(order.indexOf(manual.id)).toBe(7);
    // Moving the first one up changes nothing.
    await moveKpi(workspaceId, order[0]!, -1, database);
    expect((await listKpis(workspaceId, database)).map((kpi) => kpi.id)).toEqual(order);

    const deleted = await deleteKpi(workspaceId, manual.id, database);
    expect(deleted.values).toHaveLength(1);
    expect(await listKpis(workspaceId, database)).toHaveLength(8);
    expect(await listValues(workspaceId, database)).toHaveLength(0);
    await restoreKpi(deleted, database);
    const restored = await listKpis(workspaceId, database);
    expect(restored.map((kpi) => kpi.id)).toEqual(order);
    expect((await listValues(workspaceId, database)).map((row) => row.value)).toEqual([42]);
  });

  it('refuses invalid definitions and values without writing anything', async () => {
    const { database, workspaceId } = await setup();
    await expect(
      addKpi(workspaceId, { name: '  ', formula: { type: 'manual' }, unit: 'count', direction: 'higher', target: null, owner: 'joint', period: 'month', template: null }, database),
    ).rejects.toThrow(/too_small|at least 1/i);
    await expect(setValue(workspaceId, 'metric:mql', '2026-13', 5, 'manual', database)).rejects.toThrow(/YYYY-MM/);
    await expect(setValue(workspaceId, 'metric:mql', '2026-01', Number.NaN, 'manual', database)).rejects.toThrow(/number/i);
    await expect(writeImportedValues(workspaceId, [{ key: 'metric:mql', period: '2026-01', value: 1 }, { key: 'metric:mql', period: '2026-02', value: Infinity }], database)).rejects.toThrow(/finite|number/i);
    expect(await listKpis(workspaceId, database)).toHaveLength(0);
    expect(await listValues(workspaceId, database)).toHaveLength(0);
  });

  it('refuses a negative target where the KPI’s values cannot be negative (a metric, a ratio, SLA attainment), takes one for a manual KPI', async () => {
    const { database, workspaceId } = await setup();
    const fields = { unit: 'count', direction: 'higher', owner: 'joint', period: 'month', template: null } as const;
    await expect(addKpi(workspaceId, { ...fields, name: 'MQL', formula: { type: 'metric', metric: 'mql' }, target: -100 }, database)).rejects.toThrow(NegativeTargetError);
    await expect(addKpi(workspaceId, { ...fields, name: 'Win', unit: 'percent', formula: { type: 'ratio', numerator: 'won', denominator: 'opportunitiesClosed' }, target: -250 }, database)).rejects.toThrow(
      NegativeTargetError,
    );
    await expect(addKpi(workspaceId, { ...fields, name: 'SLA', unit: 'percent', formula: { type: 'slaAttainment' }, target: -1 }, database)).rejects.toThrow(NegativeTargetError);
    expect(await listKpis(workspaceId, database)).toHaveLength(0);
    const manual = await addKpi(workspaceId, { ...fields, name: 'Net new customers', formula: { type: 'manual' }, target: -5 }, database);
    expect(manual.target).toBe(-5);
    // Edited into a metric KPI, the negative target is refused and the stored one stays.
    await expect(updateKpi(workspaceId, manual.id, { ...fields, name: 'Net new customers', formula: { type: 'metric', metric: 'won' }, target: -5 }, database)).rejects.toThrow(NegativeTargetError);
    expect((await listKpis(workspaceId, database))[0]).toMatchObject({ formula: { type: 'manual' }, target: -5 });
    // Zero and no target are fine for any KPI.
    await updateKpi(workspaceId, manual.id, { ...fields, name: 'Won', formula: { type: 'metric', metric: 'won' }, target: 0 }, database);
    // A definition written before the rule (a workspace file with such a target) still reads.
    expect(KpiDefinition.parse({ id: 'k', name: 'Old', formula: { type: 'metric', metric: 'mql' }, unit: 'count', direction: 'higher', target: -100, owner: 'joint', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }).target).toBe(-100);
  });

  it('sets, removes and reverts a value', async () => {
    const { database, workspaceId } = await setup();
    const first = await setValue(workspaceId, 'metric:mql', '2026-01', 120, 'manual', database);
    expect(first.before).toBeUndefined();
    const second = await setValue(workspaceId, 'metric:mql', '2026-01', 150, 'manual', database);
    expect(second.before?.value).toBe(120);
    const removal = await setValue(workspaceId, 'metric:mql', '2026-01', null, 'manual', database);
    expect(await listValues(workspaceId, database)).toHaveLength(0);
    await revertValue(removal, database);
    expect((await listValues(workspaceId, database))[0]).toMatchObject({ id: valueId('metric:mql', '2026-01'), value: 150 });
    await revertValue(first, database);
    expect(await listValues(workspaceId, database)).toHaveLength(0);
  });

  it('undoes and redoes a cell where it still holds the value of the step, and refuses where it changed since', async () => {
    const { database, workspaceId } = await setup();
    const change = await setValue(workspaceId, 'metric:mql', '2026-01', 120, 'manual', database);
    const { before, after } = cellStates(change);
    expect(await applyCell(before, after, database)).toBe(true);
    expect(await listValues(workspaceId, database)).toHaveLength(0);
    expect(await applyCell(after, before, database)).toBe(true);
    expect((await listValues(workspaceId, database))[0]?.value).toBe(120);
    // Another window writes the cell: undoing the old step would overwrite it, so nothing is written.
    await setValue(workspaceId, 'metric:mql', '2026-01', 130, 'manual', database);
    expect(await applyCell(before, after, database)).toBe(false);
    expect((await listValues(workspaceId, database))[0]?.value).toBe(130);
  });

  it('writes an import all at once and undoes it, putting replaced values back', async () => {
    const { database, workspaceId } = await setup();
    await setValue(workspaceId, 'metric:mql', '2026-01', 99, 'manual', database);
    const result = await writeImportedValues(
      workspaceId,
      [
        { key: 'metric:mql', period: '2026-01', value: 120 },
        { key: 'metric:mql', period: '2026-02', value: 130 },
        { key: 'metric:sql', period: '2026-02', value: 40 },
      ],
      database,
    );
    expect(result.written).toHaveLength(3);
    expect(result.replaced.map((row) => row.value)).toEqual([99]);
    const stored = await listValues(workspaceId, database);
    expect(stored).toHaveLength(3);
    expect(stored.every((row) => row.source === 'csv')).toBe(true);
    await undoImport(result, database);
    const after = await listValues(workspaceId, database);
    expect(after.map((row) => [row.id, row.value, row.source])).toEqual([[valueId('metric:mql', '2026-01'), 99, 'manual']]);
  });

  it('undoing an import keeps the values typed since (in the seconds before Undo): only what is still the import’s is undone', async () => {
    const { database, workspaceId } = await setup();
    await setValue(workspaceId, 'metric:mql', '2026-01', 99, 'manual', database);
    await setValue(workspaceId, 'metric:sql', '2026-01', 10, 'manual', database);
    const result = await writeImportedValues(
      workspaceId,
      [
        { key: 'metric:mql', period: '2026-01', value: 120 },
        { key: 'metric:sql', period: '2026-01', value: 30 },
        { key: 'metric:mql', period: '2026-02', value: 130 },
        { key: 'metric:sql', period: '2026-02', value: 40 },
      ],
      database,
    );
    // Typed in the grid after the import: a replaced cell and a new one.
    await setValue(workspaceId, 'metric:mql', '2026-01', 125, 'manual', database);
    await setValue(workspaceId, 'metric:mql', '2026-02', 135, 'manual', database);
    await undoImport(result, database);
    const after = (await listValues(workspaceId, database)).map((row) => [row.id, row.value, row.source]).sort();
    expect(after).toEqual(
      [
        [valueId('metric:mql', '2026-01'), 125, 'manual'],
        [valueId('metric:mql', '2026-02'), 135, 'manual'],
        [valueId('metric:sql', '2026-01'), 10, 'manual'],
      ].sort(),
    );
  });

  it('reads the latest signed SLA, and snapshots every KPI for a month (null, never NaN, without data)', async () => {
    const { database, workspaceId } = await setup();
    expect(await latestSignedSla(workspaceId, database)).toBeNull();
    await createDefaultKpis(workspaceId, 'en', database);
    await setValue(workspaceId, 'metric:mql', '2026-10', 220, 'manual', database);
    await setValue(workspaceId, 'metric:sql', '2026-10', 55, 'manual', database);
    await setValue(workspaceId, 'metric:responseHours', '2026-10', 30, 'manual', database);

    let rows = await kpiSnapshot(workspaceId, '2026-10', database);
    expect(rows).toHaveLength(8);
    const byTemplate = (name: string) => rows.find((row) => row.name === name)!;
    expect(byTemplate('MQL count')).toMatchObject({ value: 220, target: 200, status: 'onTrack', unit: 'count', period: '2026-10' });
    expect(byTemplate('MQL → SQL conversion').value).toBeCloseTo(25);
    expect(byTemplate('MQL → SQL conversion').status).toBe('offTrack');
    expect(byTemplate('Lead response time')).toMatchObject({ value: 30, status: 'offTrack' });
    for (const row of rows) expect(row.value === null || Number.isFinite(row.value)).toBe(true);
    expect(rows.find((row) => row.unit === 'percent' && row.value === null && row.status === 'noData')).toBeTruthy();

    // Sign an SLA: attainment now has commitments (MQL volume ≥ 200 met, first contact ≤ 24 h missed).
    const marketing = await addMember(workspaceId, { name: 'M', department: 'marketing', title: 'Head of Marketing' }, database);
    const sales = await addMember(workspaceId, { name: 'S', department: 'sales', title: 'Head of Sales' }, database);
    const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA' }, database);
    await updateVersion(workspaceId, version.id, (current, now) => submitForReview(current, now), database);
    for (const member of [marketing, sales]) {
      await signVersion(workspaceId, version.id, { memberId: member.id, name: member.name, title: member.title, department: member.department, date: '2026-11-30', image: { format: 'png', data: PNG } }, database);
    }
    const signed = await latestSignedSla(workspaceId, database);
    expect(signed?.version.state).toBe('signed');
    expect(signed!.commitments.length).toBeGreaterThan(3);
    rows = await kpiSnapshot(workspaceId, '2026-10', database);
    const attainment = rows.find((row) => row.name === 'SLA attainment')!;
    expect(attainment.value).toBeCloseTo(50);
  });
});
