import { DexieYProvider } from 'y-dexie';
import { describe, expect, it } from 'vitest';
import { readAllNodes } from '../../shared/board/doc';
import { PERSONA_ZONES } from '../../shared/board/nodes';
import { parseWorkspaceFile } from '../../shared/workspaceFile';
import { createPersonaBoard, deleteBoard, restoreBoard, setAgreement } from '../../renderer/src/features/personas/personaBoards';
import { storePhoto } from '../../renderer/src/features/personas/photos';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { exportWorkspace, importWorkspace } from '../../renderer/src/db/workspaceFiles';
import type { AlignboardDb } from '../../renderer/src/db/db';
import { freshDb, numbered } from './helpers';

async function nodesOf(database: AlignboardDb, workspaceId: string, boardId: string) {
  const board = await database.boards.get([workspaceId, boardId]);
  const provider = DexieYProvider.load(board!.doc);
  await provider.whenLoaded;
  const nodes = readAllNodes(board!.doc);
  DexieYProvider.release(board!.doc);
  return nodes;
}

describe('persona boards', () => {
  it('creates a board laid out with the template, the persona named after the board', async () => {
    const database = freshDb();
    const ws = await createWorkspace('W', database);
    const id = await createPersonaBoard(ws, '  IT manager  ', database);
    const board = await database.boards.get([ws, id]);
    expect(board).toMatchObject({ kind: 'persona', name: 'IT manager', agreement: null });
    const nodes = [...(await nodesOf(database, ws, id)).values()];
    expect(nodes.filter((n) => n.type === 'persona')).toEqual([expect.objectContaining({ name: 'IT manager' })]);
    expect(nodes.flatMap((n) => (n.type === 'zone' ? [n.zone] : [])).sort()).toEqual([...PERSONA_ZONES].sort());
  });

  it('records and clears the agreement, which travels in the workspace file', async () => {
    const database = freshDb();
    const ws = await createWorkspace('W', database);
    const id = await createPersonaBoard(ws, 'P', database);
    await setAgreement(ws, id, { date: '2026-11-30', meeting: '定例会' }, database);
    expect((await database.boards.get([ws, id]))!.agreement).toEqual({ date: '2026-11-30', meeting: '定例会' });
    const parsed = parseWorkspaceFile(await exportWorkspace(ws, database));
    expect(parsed.ok && parsed.file.boards[0]!.agreement).toEqual({ date: '2026-11-30', meeting: '定例会' });
    await setAgreement(ws, id, null, database);
    expect((await database.boards.get([ws, id]))!.agreement).toBeNull();
  });

  it('deletes a board and restores it with its contents', async () => {
    const database = freshDb();
    const ws = await createWorkspace('W', database);
    const id = await createPersonaBoard(ws, 'P', database);
    const before = await nodesOf(database, ws, id);
    const deleted = await deleteBoard(ws, id, database);
    expect(await database.boards.get([ws, id])).toBeUndefined();
    await restoreBoard(deleted!, database);
    expect(await nodesOf(database, ws, id)).toEqual(before);
  });

  it('exports persona photos with the workspace and imports them byte for byte', async () => {
    const database = freshDb();
    const ws = await createWorkspace('W', database);
    const bytes = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
    const photoId = await storePhoto(ws, { bytes, mime: 'image/webp', width: 480, height: 320 }, database);
    const parsed = parseWorkspaceFile(await exportWorkspace(ws, database));
    if (!parsed.ok) throw new Error(parsed.problem.kind);
    const copy = (await importWorkspace(parsed.file, { numbered }, database)).id;
    const asset = await database.assets.get([copy, photoId]);
    expect(asset).toMatchObject({ mime: 'image/webp', width: 480, height: 320 });
    expect([...asset!.bytes]).toEqual([...bytes]);
  });
});
