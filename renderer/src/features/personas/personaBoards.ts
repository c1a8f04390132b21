import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { addNodes } from '@shared/board/doc';
import { stampBoardDoc } from '@shared/board/docVersion';
import { personaTemplate } from '@shared/board/personaTemplate';
import type { Agreement } from '@shared/records/board';
import { type AlignboardDb, type BoardRow, db as defaultDb } from '../../db/db';
import { newId, nowIso } from '../../db/ids';
import { strictDb, writeAll } from '../../db/write';
import { forgetBoardGlyphs } from '../board/boardGlyphs';

/** Creates a persona board laid out with the template (card + labelled zones). Returns its id. */
export async function createPersonaBoard(
  workspaceId: string,
  name: string,
  database: AlignboardDb = defaultDb,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  const doc = new Y.Doc();
  // Template creation is not an undoable user edit: it has no tracked origin.
  addNodes(doc, personaTemplate(newId, { name: name.trim() }), null);
  stampBoardDoc(doc);
  await writeAll(database, async () => {
    await database.boards.add({ workspaceId, id, kind: 'persona', name: name.trim(), createdAt: now, updatedAt: now, agreement: null, doc });
    await database.workspaces.update(workspaceId, { updatedAt: now });
  });
  return id;
}

export async function renameBoard(workspaceId: string, id: string, name: string, database: AlignboardDb = defaultDb) {
  await writeAll(database, async () => {
    await database.boards.update([workspaceId, id], { name: name.trim(), updatedAt: nowIso() });
    await database.workspaces.update(workspaceId, { updatedAt: nowIso() });
  });
}

/**
 * Marks a persona agreed (合意済み) by both departments, or clears the mark with null. The
 * departments' sign-off: written with strict durability, like SLA signatures.
 */
export async function setAgreement(workspaceId: string, id: string, agreement: Agreement | null, database: AlignboardDb = defaultDb) {
  const strict = strictDb(database);
  await writeAll(strict, async () => {
    await strict.boards.update([workspaceId, id], { agreement, updatedAt: nowIso() });
    await strict.workspaces.update(workspaceId, { updatedAt: nowIso() });
  });
}

export type DeletedBoard = { record: Omit<BoardRow, 'doc'>; update: Uint8Array };

/** Deletes a board and returns what `restoreBoard` needs to undo it. */
export async function deleteBoard(workspaceId: string, id: string, database: AlignboardDb = defaultDb): Promise<DeletedBoard | null> {
  const board = await database.boards.get([workspaceId, id]);
  if (!board) return null;
  const provider = DexieYProvider.load(board.doc);
  let update: Uint8Array;
  try {
    await provider.whenLoaded;
    update = Y.encodeStateAsUpdate(board.doc);
  } finally {
    DexieYProvider.release(board.doc);
  }
  const { doc: _doc, ...record } = board;
  await writeAll(database, async () => {
    await database.boards.delete([workspaceId, id]);
    await database.workspaces.update(workspaceId, { updatedAt: nowIso() });
  });
  forgetBoardGlyphs(workspaceId, id);
  return { record: { ...record }, update };
}

export async function restoreBoard(deleted: DeletedBoard, database: AlignboardDb = defaultDb) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, deleted.update);
  await writeAll(database, async () => {
    await database.boards.add({ ...deleted.record, doc });
    await database.workspaces.update(deleted.record.workspaceId, { updatedAt: nowIso() });
  });
}
