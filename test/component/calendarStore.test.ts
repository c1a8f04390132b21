import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, type WorkingCalendar } from '../../shared/calendar/calendar';
import { decodeCsvBytes, guessMapping, importCsv, parseCsvText } from '../../shared/kpi/csv';
import { valueId } from '../../shared/kpi/records';
import { metricKey } from '../../shared/kpi/values';
import { calendarOfDocument } from '../../shared/sla/document';
import { submitForReview } from '../../shared/sla/versions';
import { parseWorkspaceFile } from '../../shared/workspaceFile';
import type { AlignboardDb } from '../../renderer/src/db/db';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { addMember, createWorkspace, purgeDeletedWorkspaces, softDeleteWorkspace } from '../../renderer/src/db/workspaces';
import { duplicateWorkspace, exportWorkspace, importWorkspace } from '../../renderer/src/db/workspaceFiles';
import { loadCalendar, revertCalendar, saveCalendar } from '../../renderer/src/features/calendar/calendarStore';
import { createDefaultKpis, loadKpiData, setValue, undoImport, writeImportedValues } from '../../renderer/src/features/kpis/kpiStore';
import { kpiLookup, slaContextOf } from '../../renderer/src/features/kpis/model';
import { kpiSnapshot } from '../../renderer/src/features/kpis/snapshot';
import { commitmentsOf, ensureVersion, loadFunnel, regenerateVersion, signVersion, startNewRevision, updateVersion } from '../../renderer/src/features/sla/slaStore';
import { slaAttainment } from '../../shared/kpi/attainment';
import { freshDb, numbered } from './helpers';

/** The hand-worked corpus file of February 2026 (test/fixtures/csv/expected.json): 11 MQLs in New York. */
function februaryExport() {
  const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'csv', 'good', 'us-median-meets-30pct-breach.csv')));
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) throw new Error(decoded.problem.code);
  const parsed = parseCsvText(decoded.text);
  if (!parsed.ok) throw new Error(parsed.problem.code);
  return importCsv(parsed.table, guessMapping(parsed.table));
}

const NEW_YORK: WorkingCalendar = {
  timeZone: 'America/New_York',
  workingDays: [1, 2, 3, 4, 5],
  opens: 540,
  closes: 1020,
  lunch: null,
  publicHolidays: 'none',
  companyHolidays: [{ id: 'presidents-day', kind: 'dates', name: "Presidents' Day", from: '2026-02-16', to: '2026-02-16' }],
};
const WITH_LUNCH: WorkingCalendar = { ...NEW_YORK, lunch: { from: 720, to: 780 } };

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The current draft submitted and signed by both members. */
async function signCurrent(database: AlignboardDb, workspaceId: string) {
  const versions = await database.slaVersions.where('workspaceId').equals(workspaceId).sortBy('revision');
  const draft = versions.at(-1)!;
  await updateVersion(workspaceId, draft.id, (current, now) => submitForReview(current, now), database);
  for (const member of await database.members.where('workspaceId').equals(workspaceId).toArray()) {
    await signVersion(workspaceId, draft.id, { memberId: member.id, name: member.name, title: member.title, department: member.department, date: '2026-03-05', image: { format: 'png', data: PNG } }, database);
  }
  return draft.id;
}

async function workspaceWithPeople(database: AlignboardDb) {
  const workspaceId = await createWorkspace('Northwind', database);
  await addMember(workspaceId, { name: 'Emma', department: 'marketing', title: 'Head of Marketing' }, database);
  await addMember(workspaceId, { name: 'Noah', department: 'sales', title: 'Head of Sales' }, database);
  return workspaceId;
}

describe('the working calendar of a workspace', () => {
  it('is the default of the UI language until saved; saving touches the workspace; Undo goes back to none', async () => {
    const database = freshDb();
    const workspaceId = await createWorkspace('W', database);
    expect(await loadCalendar(workspaceId, 'ja', database)).toMatchObject({ saved: false, calendar: { timeZone: 'Asia/Tokyo', publicHolidays: 'JP' } });
    expect((await loadCalendar(workspaceId, 'ja', database)).calendar.companyHolidays).toEqual([{ id: 'year-end', kind: 'yearly', name: '年末年始休業', from: '12-29', to: '01-03' }]);
    const before = (await database.workspaces.get(workspaceId))!.updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const change = await saveCalendar(workspaceId, NEW_YORK, database);
    expect(await loadCalendar(workspaceId, 'ja', database)).toMatchObject({ saved: true, calendar: NEW_YORK });
    expect((await database.workspaces.get(workspaceId))!.updatedAt > before).toBe(true);
    const second = await saveCalendar(workspaceId, WITH_LUNCH, database);
    expect(second.before?.calendar).toEqual(NEW_YORK);
    await revertCalendar(second, database);
    expect((await loadCalendar(workspaceId, 'en', database)).calendar).toEqual(NEW_YORK);
    await revertCalendar(change, database);
    expect(await loadCalendar(workspaceId, 'ja', database)).toMatchObject({ saved: false });
  });

  it('refuses a calendar that is not one (nothing written)', async () => {
    const database = freshDb();
    const workspaceId = await createWorkspace('W', database);
    await expect(saveCalendar(workspaceId, { ...NEW_YORK, closes: 480 }, database)).rejects.toThrow(/Closing time must be after opening time/);
    await expect(saveCalendar(workspaceId, { ...NEW_YORK, timeZone: 'Mars/Olympus_Mons' }, database)).rejects.toThrow(/time zone/);
    // A country the app has no public holidays for is named.
    await expect(saveCalendar(workspaceId, { ...NEW_YORK, publicHolidays: 'CN' as never }, database)).rejects.toThrow(/CN\\" are not a set this version knows/);
    expect(await database.calendars.count()).toBe(0);
  });

  it('travels in the workspace file (and so in backups) with the lead records; duplicate keeps them; purge removes them', async () => {
    const database = freshDb();
    const workspaceId = await createWorkspace('W', database);
    await saveCalendar(workspaceId, NEW_YORK, database);
    const preview = februaryExport();
    await writeImportedValues(workspaceId, preview.values, database, { leadMonths: preview.leadMonths, language: 'en' });
    const text = await exportWorkspace(workspaceId, database);
    const parsed = parseWorkspaceFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.file.calendar).toEqual(NEW_YORK);
    expect(parsed.file.leadMonths.map((month) => [month.period, month.ids.length])).toEqual([['2026-02', 11]]);
    const copy = (await importWorkspace(parsed.file, { numbered }, database)).id;
    expect((await database.calendars.get(copy))?.calendar).toEqual(NEW_YORK);
    const [original, imported] = [await database.leadMonths.get([workspaceId, '2026-02']), await database.leadMonths.get([copy, '2026-02'])];
    expect(Array.from(imported!.data)).toEqual(Array.from(original!.data));
    expect(imported!.ids).toEqual(original!.ids);
    // The copy measures the same: the February median in business hours of the New York calendar.
    expect((await loadKpiData(copy, database)).response.derived).toEqual([{ key: metricKey('responseHours'), period: '2026-02', value: 6 }]);
    const duplicate = (await duplicateWorkspace(workspaceId, { name: 'Copy', numbered }, database)).id;
    expect((await database.calendars.get(duplicate))?.calendar).toEqual(NEW_YORK);
    expect(await database.leadMonths.where('workspaceId').equals(duplicate).count()).toBe(1);
    await softDeleteWorkspace(workspaceId, database);
    await purgeDeletedWorkspaces(database, [workspaceId]);
    expect(await database.calendars.get(workspaceId)).toBeUndefined();
    expect(await database.leadMonths.where('workspaceId').equals(workspaceId).count()).toBe(0);
  });

  it('a calendar with US public holidays goes out in the workspace file and comes back the same, measuring the same', async () => {
    const database = freshDb();
    const workspaceId = await createWorkspace('W', database);
    // Presidents' Day is a US public holiday (Washington's Birthday): the same days off as NEW_YORK.
    const us: WorkingCalendar = { ...NEW_YORK, publicHolidays: 'US', companyHolidays: [] };
    await saveCalendar(workspaceId, us, database);
    const preview = februaryExport();
    await writeImportedValues(workspaceId, preview.values, database, { leadMonths: preview.leadMonths, language: 'en' });
    const parsed = parseWorkspaceFile(await exportWorkspace(workspaceId, database));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.file.calendar).toEqual(us);
    const copy = (await importWorkspace(parsed.file, { numbered }, database)).id;
    expect((await database.calendars.get(copy))?.calendar).toEqual(us);
    expect((await loadKpiData(copy, database)).response.derived).toEqual([{ key: metricKey('responseHours'), period: '2026-02', value: 6 }]);
  });

  it('a workspace file without a calendar (made before calendars) imports with none: the default applies', async () => {
    const database = freshDb();
    const workspaceId = await createWorkspace('Old', database);
    const parsed = parseWorkspaceFile(JSON.stringify({ ...JSON.parse(await exportWorkspace(workspaceId, database)), calendar: undefined, leadMonths: undefined }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const copy = (await importWorkspace(parsed.file, { numbered }, database)).id;
    expect(await loadCalendar(copy, 'en', database)).toMatchObject({ saved: false });
  });

  it('the sample workspace has a calendar: Japan’s for the Japanese sample, a New York office with US public holidays for the English one', async () => {
    const database = freshDb();
    const ja = await createSampleWorkspace('ja', database, new Date(2026, 4, 20, 10));
    const en = await createSampleWorkspace('en', database, new Date(2026, 4, 20, 10));
    expect((await database.calendars.get(ja))?.calendar).toEqual(defaultCalendar({ language: 'ja', yearEndName: '年末年始休業' }));
    expect((await database.calendars.get(en))?.calendar).toEqual({ timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 5], opens: 540, closes: 1020, lunch: null, publicHolidays: 'US', companyHolidays: [] });
  });
});

describe('importing lead records', () => {
  it('stores the records, not the clock-hour medians of their months; fixes the calendar in use; Undo takes it all back', async () => {
    const database = freshDb();
    const workspaceId = await createWorkspace('W', database);
    // A monthly figure typed before: the import's records take its place; Undo brings it back.
    await setValue(workspaceId, metricKey('responseHours'), '2026-02', 30, 'manual', database);
    const preview = februaryExport();
    expect(preview.values.find((value) => value.key === metricKey('responseHours'))?.value).toBe(24);
    const result = await writeImportedValues(workspaceId, preview.values, database, { leadMonths: preview.leadMonths, language: 'ja' });
    expect(result.written.sort()).toEqual([valueId('metric:leads', '2026-02'), valueId('metric:leads', '2026-03'), valueId('metric:mql', '2026-02')]);
    expect(result.leadMonths).toEqual({ written: ['2026-02'], replaced: [] });
    // No calendar was saved: the one in use (the Japanese default) is stored with the records.
    expect(result.calendarFixed?.calendar.timeZone).toBe('Asia/Tokyo');
    expect((await database.kpiValues.get([workspaceId, valueId(metricKey('responseHours'), '2026-02')]))?.value).toBe(30);
    // Read back, the month's response time is the records' median, in business hours of Tokyo
    // (the file's naive times read as Tokyo times: 9–18 with lunch, no Presidents' Day).
    const data = await loadKpiData(workspaceId, database);
    expect(kpiLookup(data)(metricKey('responseHours'), '2026-02')).toBe(data.response.derived[0]!.value);
    expect(data.response.basis).toMatchObject({ calendarSource: 'workspace', business: true });

    await undoImport(result, database);
    expect(await database.leadMonths.count()).toBe(0);
    expect(await database.calendars.get(workspaceId)).toBeUndefined();
    expect((await database.kpiValues.where('workspaceId').equals(workspaceId).toArray()).map((row) => [row.id, row.value])).toEqual([[valueId(metricKey('responseHours'), '2026-02'), 30]]);
  });

  it('a second import of the month replaces its records; Undo puts the first ones back; a saved calendar is never replaced', async () => {
    const database = freshDb();
    const workspaceId = await createWorkspace('W', database);
    await saveCalendar(workspaceId, NEW_YORK, database);
    const preview = februaryExport();
    await writeImportedValues(workspaceId, preview.values, database, { leadMonths: preview.leadMonths, language: 'ja' });
    const fewer = preview.leadMonths!.map((month) => ({ ...month, ids: month.ids.slice(0, 2), data: month.data.slice(0, 20) }));
    const second = await writeImportedValues(workspaceId, [], database, { leadMonths: fewer, language: 'ja' });
    expect(second.calendarFixed).toBeUndefined();
    expect((await database.leadMonths.get([workspaceId, '2026-02']))?.ids).toEqual(['L01', 'L02']);
    await undoImport(second, database);
    expect((await database.leadMonths.get([workspaceId, '2026-02']))?.ids).toHaveLength(11);
    expect((await database.calendars.get(workspaceId))?.calendar).toEqual(NEW_YORK);
  });
});

describe('the calendar in force', () => {
  it('is the signed SLA’s: a new workspace calendar moves the figures only once a revision stating it is signed', async () => {
    const database = freshDb();
    const workspaceId = await workspaceWithPeople(database);
    await saveCalendar(workspaceId, NEW_YORK, database);
    const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA' }, database);
    expect(calendarOfDocument(version.document)).toEqual(NEW_YORK);
    await signCurrent(database, workspaceId);
    const preview = februaryExport();
    await writeImportedValues(workspaceId, preview.values, database, { leadMonths: preview.leadMonths, language: 'en' });

    const attainment = async () => {
      const data = await loadKpiData(workspaceId, database);
      const context = slaContextOf(data.sla, data.response)!;
      const firstContact = slaAttainment(context.commitments, ['2026-02'], kpiLookup(data), context.options).find((row) => row.kind === 'firstContact')!;
      return { median: kpiLookup(data)(metricKey('responseHours'), '2026-02'), row: firstContact.rows[0]!, source: data.response.basis.calendarSource };
    };
    // Hand-worked (expected.json): median 6 business hours, 7 of 10 judged within 24 → 70 %, missed.
    expect(await attainment()).toMatchObject({ median: 6, row: { committed: 100, actual: 70, met: false, records: { within: 7, late: 2, waiting: 1, pending: 1 } }, source: 'signed' });

    // The workspace calendar gains a lunch break: saved, but the signed SLA still governs.
    await saveCalendar(workspaceId, WITH_LUNCH, database);
    expect(await attainment()).toMatchObject({ median: 6, row: { actual: 70 } });

    // A revision stating the new calendar, signed: 7 business hours a day now.
    const revision = await startNewRevision(workspaceId, database);
    const { funnel } = await loadFunnel(workspaceId, 'en', database);
    await regenerateVersion(workspaceId, revision.id, funnel, commitmentsOf(revision.document), database, WITH_LUNCH);
    await signCurrent(database, workspaceId);
    expect(await attainment()).toMatchObject({ median: 5, row: { actual: 80, met: false, records: { within: 8, late: 1, waiting: 1 } } });
    // The meeting's KPI snapshot takes the same figures.
    await createDefaultKpis(workspaceId, 'en', database);
    const snapshot = await kpiSnapshot(workspaceId, '2026-02', database, 'en');
    expect(snapshot.find((row) => row.name === 'Lead response time')).toMatchObject({ value: 5, unit: 'hours', status: 'onTrack' });
  });
});
