import * as Y from 'yjs';
import { stampBoardDoc } from '@shared/board/docVersion';
import { createDefaultStages } from '@shared/funnel/stages';
import type { Language } from '@shared/settings';
import { type AlignboardDb, db as defaultDb } from '../../db/db';
import { newId, nowIso } from '../../db/ids';
import { writeAll } from '../../db/write';
import { writeStages } from './funnelDoc';

/** Creates a funnel board holding the default stages (entry definitions in `language`). Returns its id. */
export async function createFunnelBoard(workspaceId: string, name: string, language: Language, database: AlignboardDb = defaultDb): Promise<string> {
  const id = newId();
  const now = nowIso();
  const doc = new Y.Doc();
  // The template is not an undoable user edit: it has no tracked origin.
  writeStages(doc, createDefaultStages({ language, newId }), null);
  stampBoardDoc(doc);
  await writeAll(database, async () => {
    await database.boards.add({ workspaceId, id, kind: 'funnel', name: name.trim(), createdAt: now, updatedAt: now, agreement: null, doc });
    await database.workspaces.update(workspaceId, { updatedAt: now });
  });
  return id;
}
