import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { languageFromLocale } from '@shared/settings';
import { db } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { i18n } from '../../i18n';
import { openBoardDoc } from './boardDoc';

export { boardFontsLoaded, prefetchBoardDoc } from './boardDoc';

export type LoadedDoc = { doc: Y.Doc } | { error: string } | null;

/**
 * A board page's data: the workspace, the board record and its Y.Doc loaded from IndexedDB.
 * The doc is loaded and released here, one load per mounted doc. (dexie-react-hooks 4.4.0's
 * useDocument releases on its second render already, and y-dexie then destroys the doc while it
 * is in use.) If anything else over-releases it and y-dexie destroys it anyway, a fresh doc is
 * fetched (`generation` changes) so edits keep reaching IndexedDB.
 * Once loaded, the font subsets its text needs are asked for (boardFontsLoaded), while the page
 * draws its chrome; the canvas waits for them, so a big board is laid out once rather than again
 * as each subset arrives.
 */
export function useOpenBoard(workspaceId: string, boardId: string) {
  const workspace = useLiveQuery(async () => (await db.workspaces.get(workspaceId)) ?? null, [workspaceId]);
  const [generation, setGeneration] = useState(0);
  const board = useLiveQuery(async () => (await db.boards.get([workspaceId, boardId])) ?? null, [workspaceId, boardId, generation]);
  const [loaded, setLoaded] = useState<LoadedDoc>(null);

  const doc = board?.doc;
  useEffect(() => {
    if (!doc) return;
    let live = true;
    const provider = openBoardDoc(doc, workspaceId, boardId, languageFromLocale(i18n.language));
    provider.whenLoaded.then(
      () => {
        if (live) setLoaded({ doc });
      },
      (error: unknown) => live && setLoaded({ error: errorMessage(error) }),
    );
    const onDestroy = () => {
      if (live) setGeneration((n) => n + 1);
    };
    doc.on('destroy', onDestroy);
    return () => {
      live = false;
      doc.off('destroy', onDestroy);
      DexieYProvider.release(doc);
    };
  }, [doc, workspaceId, boardId]);

  return { workspace, board, loaded, generation };
}
