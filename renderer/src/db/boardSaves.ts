import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { db } from './db';
import { nowIso } from './ids';

export type SaveStatus = 'saved' | 'saving';

/** How often at most a board edit bumps the board's and workspace's "last edited". */
const TOUCH_EVERY_MS = 10_000;

/** What y-dexie keeps on a doc it loaded: its database and the table its updates go to (y-dexie 4.4 internals). */
type DocMeta = { db?: { transaction: typeof db.transaction; table: typeof db.table }; updatesTable?: string };

/**
 * Watches a board's Y.Doc that y-dexie persists: "saving" from an edit until IndexedDB has
 * committed it, then "saved". y-dexie appends each update to its updates table; a read-only
 * transaction on that table opened after the write runs only once the write has committed
 * (IndexedDB orders overlapping transactions), so when it completes the edit is on disk. Also keeps
 * the board's and workspace's "last edited" current (at most every 10 s, and once more at the end).
 *
 * Any edit counts — this window's, or a co-editor's arriving through a room provider, since that is
 * stored here too — except updates y-dexie itself read from disk. Lives next to the database
 * because it reads y-dexie's internals (pinned at 4.4.0).
 */
export function watchBoardSaves(doc: Y.Doc, board: { workspaceId: string; boardId: string }, onStatus: (status: SaveStatus) => void): () => void {
  const meta = doc.meta as DocMeta | undefined;
  let generation = 0;
  let lastTouch = 0;
  let touchTimer: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    lastTouch = Date.now();
    touchTimer = undefined;
    const now = nowIso();
    void db
      .transaction('rw', db.boards, db.workspaces, async () => {
        await db.boards.update([board.workspaceId, board.boardId], { updatedAt: now });
        await db.workspaces.update(board.workspaceId, { updatedAt: now });
      })
      .catch((error: unknown) => console.warn('could not update the last-edited time', error));
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin instanceof DexieYProvider) return; // read from disk, not an edit
    const mine = ++generation;
    onStatus('saving');
    touchTimer ??= setTimeout(touch, Math.max(0, lastTouch + TOUCH_EVERY_MS - Date.now()));
    if (!meta?.db || !meta.updatesTable) return;
    const { db: database, updatesTable } = meta;
    // Next task: by then y-dexie has opened its write transaction, so ours is ordered after it.
    setTimeout(() => {
      void database
        .transaction('r', updatesTable, () => database.table(updatesTable).limit(1).count())
        .then(() => {
          if (mine === generation) onStatus('saved');
        })
        .catch((error: unknown) => console.warn('could not confirm the save', error));
    }, 0);
  };
  doc.on('updateV2', onUpdate);
  return () => {
    doc.off('updateV2', onUpdate);
    if (touchTimer) {
      clearTimeout(touchTimer);
      touch();
    }
  };
}
