import { Dexie } from 'dexie';
import yDexie, { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../renderer/src/db/db';
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
    },
  },
};

/** What each version's data must look like after opening it with the current code. */
const EXPECTED_AGREEMENT: Record<number, unknown> = { 1: null, 2: { date: '2026-02-01', meeting: 'Feb' }, 3: { date: '2026-02-01', meeting: 'Feb' }, 4: { date: '2026-02-01', meeting: 'Feb' } };
const EXPECTED_ASSET_BYTES: Record<number, number[] | null> = { 1: null, 2: [1, 2, 3], 3: [1, 2, 3], 4: [1, 2, 3] };

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
    db.close();
  });
});
