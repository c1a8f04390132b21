import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { nodesMap } from '@shared/board/doc';
import { db } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { i18n } from '../../i18n';
import { loadFontsFor, textOf } from '../../theme/fonts';
import { collatorFor } from './writer';

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
    const provider = DexieYProvider.load(doc, { gracePeriod: 2_000 });
    // The writers' names, for the fonts, read with the doc: read after it, their read would wait
    // behind the canvas's first render, and their fonts with it.
    const names = db.members
      .where('workspaceId')
      .equals(workspaceId)
      .toArray()
      .then(
        (members) => members.map((member) => member.name),
        () => [] as string[],
      );
    // While IndexedDB reads: the language's collator, which the board orders its writers with as
    // it opens (the first collator of a language loads its collation data, ~15 ms; issue 12).
    collatorFor(i18n.language);
    provider.whenLoaded.then(
      () => {
        if (!boardFonts.has(doc)) boardFonts.set(doc, loadBoardFonts(doc, names));
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

const boardFonts = new WeakMap<Y.Doc, Promise<void>>();

/** Settles when the fonts of a loaded board's text are loaded (or could not be, or took too long). */
export function boardFontsLoaded(doc: Y.Doc): Promise<void> {
  return boardFonts.get(doc) ?? NOTHING_TO_LOAD;
}
// One settled promise, so a caller that renders again gets the same value (an effect's dependency).
const NOTHING_TO_LOAD = Promise.resolve();

/**
 * The board's text in the app's fonts: every node's strings in the regular face, and the names,
 * titles and marks drawn bold (writers' names, zone titles, the persona card) in the bold face too.
 * A note's text is regular only: asking for its bold subsets would double the fonts fetched.
 */
async function loadBoardFonts(doc: Y.Doc, writerNames: Promise<string[]>): Promise<void> {
  try {
    const regular: string[] = [];
    // Words every note may show besides its own: department marks and names, the unknown writer, empty.
    const words = ['sales', 'marketing', 'joint'].flatMap((department) => [i18n.t(`board.mark.${department}` as never), i18n.t(`board.department.${department}` as never)]);
    const bold: string[] = [...words, i18n.t('board.sticky.unknownAuthor'), i18n.t('board.sticky.empty')];
    nodesMap(doc).forEach((node) => {
      const data = node.toJSON() as Record<string, unknown>;
      if (data.type === 'sticky') regular.push(textOf(data.text));
      else bold.push(textOf(data));
    });
    // The notes' text and the bold words at once (most of the subsets): the canvas waits for these.
    const notes = loadFontsFor(textOf([regular, bold]), [400]);
    const marks = loadFontsFor(textOf(bold), [700]);
    const names = await writerNames;
    await Promise.all([notes, marks, loadFontsFor(textOf(names), [400, 700])]);
  } catch {
    // Fonts are an optimisation of the first layout: the board opens without them.
  }
}
