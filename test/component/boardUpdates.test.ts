import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { BOARD_NODES } from '../../shared/records/board';
import { parseWorkspaceFile, type ParsedWorkspaceFile } from '../../shared/workspaceFile';
import type { AlignboardDb } from '../../renderer/src/db/db';
import { documentOf, documentRows, EMPTY_UPDATE_V2, readDocument, updatesTableOf, type UpdateRow } from '../../renderer/src/db/boardUpdates';
import { createWorkspace, listWorkspaces } from '../../renderer/src/db/workspaces';
import { duplicateWorkspace, exportWorkspace, importWorkspace, serializeWorkspaceFile, snapshotWorkspace, toWorkspaceFile } from '../../renderer/src/db/workspaceFiles';
import { backUpWorkspaces } from '../../renderer/src/features/backups/backupService';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import { clearBrowserBackups } from './renderApp';
import { freshDb, numbered } from './helpers';

const AT = '2026-02-01T09:00:00.000Z';

function parsed(text: string): ParsedWorkspaceFile {
  const result = parseWorkspaceFile(text);
  if (!result.ok) throw new Error(`unexpected problem ${JSON.stringify(result.problem)}`);
  return result.file;
}

async function addBoard(database: AlignboardDb, workspaceId: string, id: string, name: string) {
  await database.boards.add({ workspaceId, id, kind: 'persona', name, agreement: null, createdAt: AT, updatedAt: AT } as never);
  return (await database.boards.get([workspaceId, id]))!;
}

/** Edits a board as the app does: through y-dexie's provider, one stored update per transaction. */
async function edit(database: AlignboardDb, workspaceId: string, id: string, change: (nodes: Y.Map<Y.Map<unknown>>) => void) {
  const board = (await database.boards.get([workspaceId, id]))!;
  const provider = DexieYProvider.load(board.doc);
  await provider.whenLoaded;
  const before = (await updateRows(database)).length;
  board.doc.transact(() => change(board.doc.getMap(BOARD_NODES) as Y.Map<Y.Map<unknown>>));
  DexieYProvider.release(board.doc);
  // The provider writes its updates asynchronously; wait until they are stored.
  await waitFor(async () => (await updateRows(database)).length > before);
}

function note(text: string): Y.Map<unknown> {
  const node = new Y.Map<unknown>();
  node.set('type', 'sticky');
  node.set('text', text);
  return node;
}

async function updateRows(database: AlignboardDb): Promise<UpdateRow[]> {
  return database.table<UpdateRow>(updatesTableOf(database.boards, 'doc')).toArray();
}

async function waitFor(condition: () => Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not met');
}

/** A board's notes as y-dexie loads them (a fresh Y.Doc through the provider). */
async function loadedNodes(database: AlignboardDb, workspaceId: string, id: string) {
  const board = (await database.boards.get([workspaceId, id]))!;
  const provider = DexieYProvider.load(board.doc);
  await provider.whenLoaded;
  try {
    return board.doc.getMap(BOARD_NODES).toJSON();
  } finally {
    DexieYProvider.release(board.doc);
  }
}

function nodesOfV2(updateV2: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, updateV2);
  return doc.getMap(BOARD_NODES).toJSON();
}

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A workspace with three boards: edited in several stored updates, edited once, never edited. */
async function workspaceWithBoards(database: AlignboardDb) {
  const ws = await createWorkspace('Boards', database);
  await addBoard(database, ws, 'b1', 'Many edits');
  await addBoard(database, ws, 'b2', 'One edit');
  await addBoard(database, ws, 'b3', 'Empty');
  await edit(database, ws, 'b1', (nodes) => nodes.set('n1', note('予算は第4四半期に決まる')));
  await edit(database, ws, 'b1', (nodes) => nodes.set('n2', note('社外秘: 削除されたメモ')));
  await edit(database, ws, 'b1', (nodes) => nodes.delete('n2'));
  await edit(database, ws, 'b1', (nodes) => (nodes.get('n1') as Y.Map<unknown>).set('x', 40));
  await edit(database, ws, 'b2', (nodes) => nodes.set('m1', note('Decision maker: CFO')));
  return ws;
}

describe('y-dexie’s stored board updates (what renderer/src/db/boardUpdates.ts relies on)', () => {
  it('are rows { k: the board’s key, u: a v2 update } in the table named by the schema, indexed by k', async () => {
    const database = freshDb();
    const ws = await workspaceWithBoards(database);
    const rows = await updateRows(database);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect([[ws, 'b1'], [ws, 'b2']]).toContainEqual(row.k);
      expect(row.u).toBeInstanceOf(Uint8Array);
    }
    // The never-edited board has no rows at all.
    expect(rows.filter((row) => (row.k as string[])[1] === 'b3')).toEqual([]);
    // Their sum, applied as v2 updates, is the board y-dexie loads.
    const b1 = rows.filter((row) => (row.k as string[])[1] === 'b1').map((row) => row.u);
    expect(nodesOfV2(documentOf(b1))).toEqual(await loadedNodes(database, ws, 'b1'));
    const table = database.table(updatesTableOf(database.boards, 'doc'));
    expect(table.schema.idxByName.k).toBeDefined();
  });

  it('reads each board as one update equal to what the provider loads, deleted text left out', async () => {
    const database = freshDb();
    const ws = await workspaceWithBoards(database);
    const [b1, b2, b3] = await database.transaction('r', [database.boards, updatesTableOf(database.boards, 'doc')], () =>
      Promise.all(['b1', 'b2', 'b3'].map((id) => readDocument(database, database.boards, 'doc', [ws, id]))),
    );
    const docs = new Map([
      ['b1', b1!],
      ['b2', b2!],
      ['b3', b3!],
    ]);
    for (const [id, doc] of docs) expect(nodesOfV2(doc)).toEqual(await loadedNodes(database, ws, id));
    expect(docs.get('b3')).toEqual(EMPTY_UPDATE_V2);
    // The deleted note's text went with the document's garbage collection, as y-dexie's compression does.
    expect(utf8(docs.get('b1')!)).not.toContain('社外秘');
    expect(utf8(docs.get('b1')!)).toContain('予算は第4四半期に決まる');
  });

  it('takes a board that is open in this window from memory, with an edit made a moment ago', async () => {
    const database = freshDb();
    const ws = await workspaceWithBoards(database);
    const board = (await database.boards.get([ws, 'b2']))!;
    const provider = DexieYProvider.load(board.doc);
    await provider.whenLoaded;
    try {
      board.doc.getMap(BOARD_NODES).set('m2', note('just typed'));
      const snapshot = await snapshotWorkspace(ws, database);
      expect(Object.keys(nodesOfV2(snapshot.boards.find((b) => b.id === 'b2')!.updateV2)).sort()).toEqual(['m1', 'm2']);
    } finally {
      DexieYProvider.release(board.doc);
    }
  });

  it('stores no rows for an empty document, one row holding the update otherwise', () => {
    expect(documentRows(['w', 'b'], EMPTY_UPDATE_V2)).toEqual([]);
    const doc = new Y.Doc();
    doc.getMap(BOARD_NODES).set('n', note('x'));
    const update = Y.encodeStateAsUpdateV2(doc);
    expect(documentRows(['w', 'b'], update)).toEqual([{ k: ['w', 'b'], u: update, f: 1 }]);
  });
});

describe('a workspace with boards through export → import', () => {
  it('comes back equal: records, every board’s notes as y-dexie loads them, and the same file again', async () => {
    const database = freshDb();
    const ws = await workspaceWithBoards(database);
    const text = await exportWorkspace(ws, database);
    const copy = (await importWorkspace(parsed(text), { numbered }, database)).id;

    const records = (snapshot: ParsedWorkspaceFile) => snapshot.boards.map(({ updateV2: _, ...board }) => board);
    expect(records(await snapshotWorkspace(copy, database))).toEqual(records(await snapshotWorkspace(ws, database)));
    for (const id of ['b1', 'b2', 'b3']) {
      const nodes = await loadedNodes(database, copy, id);
      expect(nodes).toEqual(await loadedNodes(database, ws, id));
    }
    expect(await loadedNodes(database, copy, 'b1')).toEqual({ n1: { type: 'sticky', text: '予算は第4四半期に決まる', x: 40 } });

    // Exporting the copy writes the same boards (an import stores each document as it came).
    const again = JSON.parse(await exportWorkspace(copy, database));
    expect(again.boards).toEqual(JSON.parse(text).boards);

    // The imported boards are edited like any other, and the edit is in the next export.
    await edit(database, copy, 'b3', (nodes) => nodes.set('z', note('after import')));
    const third = parsed(await exportWorkspace(copy, database));
    expect(nodesOfV2(third.boards.find((b) => b.id === 'b3')!.updateV2)).toEqual({ z: { type: 'sticky', text: 'after import' } });
  });

  it('writes the text of its snapshot, only its own boards, an open board with its latest edit', async () => {
    const database = freshDb();
    const ws = await workspaceWithBoards(database);
    // Another workspace with the same board ids, and members on both sides of the first one's key range.
    const other = await workspaceWithBoards(database);
    await edit(database, other, 'b3', (nodes) => nodes.set('o', note('other workspace')));
    await database.members.bulkAdd([
      { workspaceId: ws, id: 'm1', name: 'Aiko', department: 'sales', title: '', createdAt: AT, updatedAt: AT },
      { workspaceId: other, id: 'm1', name: 'Other', department: 'sales', title: '', createdAt: AT, updatedAt: AT },
      { workspaceId: `${ws}~`, id: 'm0', name: 'Next key', department: 'sales', title: '', createdAt: AT, updatedAt: AT },
    ]);
    const board = (await database.boards.get([ws, 'b2']))!;
    const provider = DexieYProvider.load(board.doc);
    await provider.whenLoaded;
    try {
      board.doc.getMap(BOARD_NODES).set('m2', note('just typed'));
      const text = await exportWorkspace(ws, database);
      const file = JSON.parse(text);
      // The same text as the snapshot written out through the codecs (apart from the export time).
      const snapshot = await snapshotWorkspace(ws, database);
      expect(text).toBe(serializeWorkspaceFile({ ...toWorkspaceFile(snapshot), exportedAt: file.exportedAt }));
      expect(text).toBe(`${JSON.stringify(file, null, 1)}\n`);
      expect(file.members.map((m: { name: string }) => m.name)).toEqual(['Aiko']);
      expect(file.boards.map((b: { id: string }) => b.id)).toEqual(['b1', 'b2', 'b3']);
      const boards = parsed(text).boards;
      expect(Object.keys(nodesOfV2(boards.find((b) => b.id === 'b2')!.updateV2)).sort()).toEqual(['m1', 'm2']);
      expect(nodesOfV2(boards.find((b) => b.id === 'b3')!.updateV2)).toEqual({});
    } finally {
      DexieYProvider.release(board.doc);
    }
  });

  it('duplicates a workspace with its boards', async () => {
    const database = freshDb();
    const ws = await workspaceWithBoards(database);
    const copy = (await duplicateWorkspace(ws, { name: 'Copy', numbered }, database)).id;
    for (const id of ['b1', 'b2', 'b3']) expect(await loadedNodes(database, copy, id)).toEqual(await loadedNodes(database, ws, id));
  });
});

describe('backups (the same snapshot)', () => {
  beforeEach(() => clearBrowserBackups());

  it('save every board, and a backup imports back to the same boards', async () => {
    const database = freshDb();
    const ws = await workspaceWithBoards(database);
    const host = createBrowserHost(localStorage);
    const run = await backUpWorkspaces(
      host,
      { reason: 'manual' },
      { listWorkspaces: () => listWorkspaces(database), exportWorkspace: (id) => exportWorkspace(id, database) },
    );
    expect(run.outcomes.map((outcome) => outcome.status)).toEqual(['saved']);
    const [entry] = await host.backups.list();
    const restored = (await importWorkspace(parsed(await host.backups.read(entry!.id)), { numbered }, database)).id;
    for (const id of ['b1', 'b2', 'b3']) expect(await loadedNodes(database, restored, id)).toEqual(await loadedNodes(database, ws, id));
  });
});
