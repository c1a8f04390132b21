import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BOARD_NODES } from '../../shared/records/board';
import { parseWorkspaceFile, type ParsedWorkspaceFile } from '../../shared/workspaceFile';
import { TABLE_LIST } from '../../shared/workspaceTables';
import type { AlignboardDb } from '../../renderer/src/db/db';
import { createWorkspace, purgeDeletedWorkspaces, softDeleteWorkspace } from '../../renderer/src/db/workspaces';
import { duplicateWorkspace, exportWorkspace, importWorkspace, snapshotWorkspace } from '../../renderer/src/db/workspaceFiles';
import { fileWithOneOfEach } from '../fixtures/oneOfEachTable';
import { countDocUpdates, freshDb, numbered } from './helpers';

function parsed(text: string): ParsedWorkspaceFile {
  const result = parseWorkspaceFile(text);
  if (!result.ok) throw new Error(`unexpected problem ${JSON.stringify(result.problem)}`);
  return result.file;
}

/** Every table's content of a snapshot, board documents as the JSON of their notes. */
function tablesOf(file: ParsedWorkspaceFile) {
  const tables: Record<string, unknown> = {};
  for (const table of TABLE_LIST) tables[table.key] = file[table.key];
  tables.boards = file.boards.map(({ updateV2, ...board }) => {
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, updateV2);
    return { ...board, nodes: doc.getMap(BOARD_NODES).toJSON() };
  });
  return tables;
}

async function rowCounts(database: AlignboardDb, workspaceId: string) {
  const counts: Record<string, number> = {};
  for (const table of TABLE_LIST) counts[table.table] = await database.table(table.table).where('workspaceId').equals(workspaceId).count();
  return counts;
}

describe('every table of the list (shared/workspaceTables.ts)', () => {
  const file = () => parsed(JSON.stringify(fileWithOneOfEach()));

  it('is declared in the database, and nothing else but y-dexie’s board updates', () => {
    const database = freshDb();
    expect(database.tables.map((table) => table.name).sort()).toEqual(
      ['workspaces', '$boards.doc_updates', ...TABLE_LIST.map((table) => table.table)].sort(),
    );
  });

  it('goes through import, snapshot, export and duplicate unchanged', async () => {
    const database = freshDb();
    const original = file();
    // One entry in every table: records tables hold one, a single table's value is there.
    const sizes = TABLE_LIST.map((table) => [table.key, table.shape === 'records' ? (original[table.key] as unknown[]).length : Number(original[table.key] !== null)]);
    expect(sizes).toEqual(TABLE_LIST.map((table) => [table.key, 1]));

    const id = (await importWorkspace(original, { numbered }, database)).id;
    expect(Object.values(await rowCounts(database, id))).toEqual(TABLE_LIST.map(() => 1));
    expect(tablesOf(await snapshotWorkspace(id, database))).toEqual(tablesOf(original));

    const exported = parsed(await exportWorkspace(id, database));
    expect(tablesOf(exported)).toEqual(tablesOf(original));

    const copy = (await duplicateWorkspace(id, { name: 'Copy', numbered }, database)).id;
    expect(tablesOf(await snapshotWorkspace(copy, database))).toEqual(tablesOf(original));
  });

  it('is purged with its workspace, the board documents included, and only that workspace’s', async () => {
    const database = freshDb();
    const doomed = (await importWorkspace(file(), { numbered }, database)).id;
    const kept = (await importWorkspace(file(), { numbered }, database)).id;
    const updatesPerWorkspace = (await countDocUpdates(database)) / 2;
    expect(updatesPerWorkspace).toBeGreaterThan(0);

    await softDeleteWorkspace(doomed, database);
    expect(await purgeDeletedWorkspaces(database)).toBe(1);
    expect(Object.values(await rowCounts(database, doomed))).toEqual(TABLE_LIST.map(() => 0));
    expect(Object.values(await rowCounts(database, kept))).toEqual(TABLE_LIST.map(() => 1));
    expect(await countDocUpdates(database)).toBe(updatesPerWorkspace);
    expect(await database.workspaces.get(doomed)).toBeUndefined();

    // The kept workspace's board still loads.
    const [board] = await database.boards.where('workspaceId').equals(kept).toArray();
    const provider = DexieYProvider.load(board!.doc);
    await provider.whenLoaded;
    expect(Object.keys(board!.doc.getMap(BOARD_NODES).toJSON())).toEqual(['n1']);
    DexieYProvider.release(board!.doc);
  });

  it('is empty in a new workspace, and a snapshot of it has every table, empty', async () => {
    const database = freshDb();
    const id = await createWorkspace('Empty', database);
    const snapshot = await snapshotWorkspace(id, database);
    expect(TABLE_LIST.map((table) => [table.key, snapshot[table.key]])).toEqual(TABLE_LIST.map((table) => [table.key, table.shape === 'records' ? [] : null]));
  });
});
