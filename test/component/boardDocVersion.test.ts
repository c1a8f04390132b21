import { DexieYProvider } from 'y-dexie';
import { describe, expect, it } from 'vitest';
import { BOARD_DOC_VERSION, boardDocVersion } from '../../shared/board/docVersion';
import type { AlignboardDb } from '../../renderer/src/db/db';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { createFunnelBoard } from '../../renderer/src/features/funnel/funnelBoards';
import { createPersonaBoard } from '../../renderer/src/features/personas/personaBoards';
import { freshDb } from './helpers';

/** The stored document's version, as y-dexie loads it in a later session. */
async function storedVersion(database: AlignboardDb, workspaceId: string, id: string) {
  const board = (await database.boards.get([workspaceId, id]))!;
  const provider = DexieYProvider.load(board.doc);
  await provider.whenLoaded;
  try {
    return boardDocVersion(board.doc);
  } finally {
    DexieYProvider.release(board.doc);
  }
}

describe('new board documents carry the schema version', () => {
  it('persona and funnel boards, and the sample workspace’s board', async () => {
    const database = freshDb();
    const ws = await createWorkspace('Boards', database);
    const persona = await createPersonaBoard(ws, 'Persona', database);
    const funnel = await createFunnelBoard(ws, 'Funnel', 'en', database);
    expect(await storedVersion(database, ws, persona)).toEqual({ ok: true, version: BOARD_DOC_VERSION });
    expect(await storedVersion(database, ws, funnel)).toEqual({ ok: true, version: BOARD_DOC_VERSION });

    const sample = await createSampleWorkspace('ja', database);
    const [board] = await database.boards.where('workspaceId').equals(sample).toArray();
    expect(await storedVersion(database, sample, board!.id)).toEqual({ ok: true, version: BOARD_DOC_VERSION });
  });
});
