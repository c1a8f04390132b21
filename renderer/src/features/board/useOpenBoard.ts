import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { nodesMap } from '@shared/board/doc';
import { db } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { distinctCharacters, loadFontsFor, stringsIn } from '../../theme/fonts';

export type LoadedDoc = { doc: Y.Doc } | { error: string } | null;

/**
 * A board page's data: the workspace, the board record and its Y.Doc loaded from IndexedDB.
 * The doc is loaded and released here, one load per mounted doc. (dexie-react-hooks 4.4.0's
 * useDocument releases on its second render already, and y-dexie then destroys the doc while it
 * is in use.) If anything else over-releases it and y-dexie destroys it anyway, a fresh doc is
 * fetched (`generation` changes) so edits keep reaching IndexedDB.
 * The doc counts as loaded once the font subsets its text needs are loaded too (see loadFontsFor),
 * so a big board is laid out once rather than again as each subset arrives.
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
    const provider = DexieYProvider.load(doc, { gracePeriod: 2_000 });
    provider.whenLoaded.then(
      async () => {
        await loadBoardFonts(doc, workspaceId);
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
  }, [doc, workspaceId]);

  return { workspace, board, loaded, generation };
}

/** The board's text (every node's strings) and its writers' names, in the app's fonts. */
async function loadBoardFonts(doc: Y.Doc, workspaceId: string): Promise<void> {
  try {
    const members = await db.members.where('workspaceId').equals(workspaceId).toArray();
    const text = distinctCharacters([...stringsIn(nodesMap(doc).toJSON()), ...members.map((member) => member.name)]);
    await loadFontsFor(text);
  } catch {
    // Fonts are an optimisation of the first layout: the board opens without them.
  }
}
