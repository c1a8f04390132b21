import { Dexie } from 'dexie';
import yDexie, { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from '../../renderer/src/db/db';
import { defaultCalendar } from '../../shared/calendar/calendar';
import { BOARD_NODES } from '../../shared/records/board';

/**
 * Every schema version the app ever shipped, as it was declared then, with a writer for data of
 * that version. When version N+1 is added, add its entry here: the test opens a database written
 * by each older version with the current code and checks the data came through.
 */
const HISTORY: Record<number, { stores: Record<string, string>; write(db: Dexie): Promise<void> }> = {
  1: {
    stores: SCHEMA_V1,
    async write(db) {
      const doc = new Y.Doc();
      const node = new Y.Map<unknown>();
      node.set('type', 'sticky');
      node.set('text', '予算は第4四半期に決まる');
      doc.getMap(BOARD_NODES).set('n1', node);
      await db.table('workspaces').add({ id: 'w1', name: 'Old', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', deletedAt: null });
      await db.table('members').add({ workspaceId: 'w1', id: 'm1', name: '田中', department: 'sales', title: '営業部長', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
      await db.table('boards').add({ workspaceId: 'w1', id: 'b1', kind: 'persona', name: 'P', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', doc });
    },
  },
  2: {
    stores: SCHEMA_V2,
    async write(db) {
      await HISTORY[1]!.write(db);
      await db.table('boards').update(['w1', 'b1'], { agreement: { date: '2026-02-01', meeting: 'Feb' } });
      await db.table('assets').add({ workspaceId: 'w1', id: 'a1', mime: 'image/png', bytes: new Uint8Array([1, 2, 3]), width: 1, height: 1, createdAt: '2026-01-01T00:00:00.000Z' });
    },
  },
  3: {
    stores: SCHEMA_V3,
    async write(db) {
      await HISTORY[2]!.write(db);
    },
  },
  4: {
    stores: SCHEMA_V4,
    async write(db) {
      await HISTORY[3]!.write(db);
      await db.table('kpiValues').add({ workspaceId: 'w1', id: 'metric:mql|2026-01', key: 'metric:mql', period: '2026-01', value: 210, source: 'csv', updatedAt: '2026-02-01T00:00:00.000Z' });
    },
  },
  5: {
    stores: SCHEMA_V5,
    async write(db) {
      await HISTORY[4]!.write(db);
      await db.table('calendars').add({ workspaceId: 'w1', calendar: CALENDAR, updatedAt: '2026-02-01T00:00:00.000Z' });
      await db.table('leadMonths').add({ workspaceId: 'w1', ...LEAD_MONTH });
    },
  },
};

const CALENDAR = defaultCalendar({ language: 'ja', yearEndName: '年末年始休業' });
const LEAD_MONTH = {
  id: '2026-01',
  period: '2026-01',
  measures: { firstContact: true, acceptReject: false },
  ids: ['L1'],
  data: Int32Array.from([2, 20_458, 600, -2_147_483_648, 20_458, 690, -2_147_483_648, -2_147_483_648, -1, -2_147_483_648]),
  asOf: { day: 20_458, minutes: 690 },
  importedAt: '2026-02-01T00:00:00.000Z',
};

/** What each version's data must look like after opening it with the current code. */
const EXPECTED_AGREEMENT: Record<number, unknown> = { 1: null, 2: { date: '2026-02-01', meeting: 'Feb' }, 3: { date: '2026-02-01', meeting: 'Feb' }, 4: { date: '2026-02-01', meeting: 'Feb' }, 5: { date: '2026-02-01', meeting: 'Feb' } };
const EXPECTED_ASSET_BYTES: Record<number, number[] | null> = { 1: null, 2: [1, 2, 3], 3: [1, 2, 3], 4: [1, 2, 3], 5: [1, 2, 3] };
/** v5 added the working calendar and lead records: older databases have none (the default calendar applies). */
const EXPECTED_MQL: Record<number, number | undefined> = { 1: undefined, 2: undefined, 3: undefined, 4: 210, 5: 210 };
const EXPECTED_CALENDAR: Record<number, unknown> = { 1: null, 2: null, 3: null, 4: null, 5: { workspaceId: 'w1', calendar: CALENDAR, updatedAt: '2026-02-01T00:00:00.000Z' } };
const EXPECTED_LEAD_DATA: Record<number, unknown> = { 1: null, 2: null, 3: null, 4: null, 5: ['[object Int32Array]', ...Array.from(LEAD_MONTH.data)] };

describe('database migrations', () => {
  it('has a history entry for every version up to the current one', () => {
    const current = openDb('migration-probe');
    const versions = Object.keys(HISTORY).map(Number);
    expect(Math.max(...versions)).toBe(current.verno);
    current.close();
  });

  it.each(Object.keys(HISTORY).map(Number))('opens a database written by version %i', async (version) => {
    const name = `migration-v${version}-${Math.random()}`;
    const old = new Dexie(name, { addons: [yDexie] });
    for (let v = 1; v <= version; v++) old.version(v).stores(HISTORY[v]!.stores);
    await HISTORY[version]!.write(old);
    old.close();

    const db = openDb(name);
    expect(await db.workspaces.get('w1')).toMatchObject({ name: 'Old' });
    expect(await db.members.get(['w1', 'm1'])).toMatchObject({ name: '田中', department: 'sales' });
    const board = await db.boards.get(['w1', 'b1']);
    // v1 → v2: boards gain `agreement` (null until a persona is agreed).
    expect(board!.agreement).toEqual(EXPECTED_AGREEMENT[version]);
    const asset = await db.assets.get(['w1', 'a1']);
    expect(asset ? [...asset.bytes] : null).toEqual(EXPECTED_ASSET_BYTES[version]);
    const provider = DexieYProvider.load(board!.doc);
    await provider.whenLoaded;
    expect(board!.doc.getMap(BOARD_NODES).toJSON()).toEqual({ n1: { type: 'sticky', text: '予算は第4四半期に決まる' } });
    DexieYProvider.release(board!.doc);
    // v4 → v5: KPI values come through; the working calendar and lead records are new tables.
    expect((await db.kpiValues.get(['w1', 'metric:mql|2026-01']))?.value).toBe(EXPECTED_MQL[version]);
    const calendar = await db.calendars.get('w1');
    expect(calendar ?? null).toEqual(EXPECTED_CALENDAR[version]);
    const month = await db.leadMonths.get(['w1', '2026-01']);
    // Stored as a typed array (the test's realm differs from fake-indexeddb's, hence no instanceof).
    expect(month ? [Object.prototype.toString.call(month.data), ...Array.from(month.data)] : null).toEqual(EXPECTED_LEAD_DATA[version]);
    // Both new tables are written and read with the current code.
    await db.calendars.put({ workspaceId: 'w1', calendar: { ...CALENDAR, publicHolidays: 'none' }, updatedAt: '2026-03-01T00:00:00.000Z' });
    expect((await db.calendars.get('w1'))?.calendar.publicHolidays).toBe('none');
    expect(await db.leadMonths.where('workspaceId').equals('w1').count()).toBe(EXPECTED_LEAD_DATA[version] === null ? 0 : 1);
    db.close();
  });
});
