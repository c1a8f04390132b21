import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { BOARD_NODES } from '@shared/records/board';
import type { Language } from '@shared/settings';
import { db } from '../../db/db';
import { loadedMessages, loadLanguage } from '../../i18n';
import { loadFontsFor, textOf } from '../../theme/fonts';
import { preloadBoardGlyphs, rememberBoardGlyphs } from './boardGlyphs';
import { collatorFor } from './writer';

/*
 * Opening a board's Y.Doc: for the board page (useOpenBoard) and, ahead of it, for the app's start
 * on a board (prefetchStartData). Kept to what the start code loads anyway (y-dexie, the database,
 * the language, the fonts), since the start imports it.
 */

const boardFonts = new WeakMap<Y.Doc, Promise<void>>();

/**
 * Loads a board's Y.Doc from IndexedDB (a DexieYProvider reference, which the caller releases) and,
 * once per doc, asks for the fonts of its text when it is loaded (boardFontsLoaded), and before
 * that for the fonts of its text as last opened (boardGlyphs.ts). The page calls it as it opens;
 * the app's start calls it ahead of the page (prefetchBoardDoc). Meanwhile
 * the writers' names are read for the fonts (read after the doc, their read would wait behind the
 * canvas's first render, and their fonts with it) and the language's collator is made (the board
 * orders its writers with it as it opens; the first collator of a language loads its collation
 * data, ~15 ms; issue 12).
 */
export function openBoardDoc(doc: Y.Doc, workspaceId: string, boardId: string, language: Language): DexieYProvider {
  if (!boardFonts.has(doc)) preloadBoardGlyphs(workspaceId, boardId);
  const provider = DexieYProvider.load(doc, { gracePeriod: 2_000 });
  if (!boardFonts.has(doc)) {
    const names = db.members
      .where('workspaceId')
      .equals(workspaceId)
      .toArray()
      .then(
        (members) => members.map((member) => member.name),
        () => [] as string[],
      );
    collatorFor(language);
    boardFonts.set(
      doc,
      provider.whenLoaded.then(
        () => loadBoardFonts(doc, names, language, { workspaceId, boardId }),
        () => undefined,
      ),
    );
  }
  return provider;
}

/** How long a board doc loaded ahead of its page waits for the page to take it over. */
const TAKE_OVER_MS = 10_000;

/**
 * Starts loading the board `boardId`'s doc when the app opens on its page (main.tsx, through
 * prefetchStartData; issue 12): the doc (and then its fonts) load while the settings, the language
 * and the page's code do, instead of after the page's first render has read the board's record.
 * The page's own openBoardDoc gets the same doc (y-dexie keeps one Y.Doc per board while it is
 * loaded) and its load under way. Resolves when the doc is loaded or could not be (the page's own
 * load reports that); the reference taken here is given back after TAKE_OVER_MS.
 */
export function prefetchBoardDoc(workspaceId: string, boardId: string, language: Language, takeOverMs = TAKE_OVER_MS): Promise<void> {
  const doc = DexieYProvider.getOrCreateDocument(db, 'boards', 'doc', [workspaceId, boardId]);
  const provider = openBoardDoc(doc, workspaceId, boardId, language);
  setTimeout(() => DexieYProvider.release(doc), takeOverMs);
  return provider.whenLoaded.catch(() => undefined);
}

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
async function loadBoardFonts(doc: Y.Doc, writerNames: Promise<string[]>, language: Language, at: { workspaceId: string; boardId: string }): Promise<void> {
  try {
    const regular: string[] = [];
    // Words every note may show besides its own: department marks and names, the unknown writer,
    // empty (from the language's messages: ahead of the page, i18n may not be set up yet).
    await loadLanguage(language);
    const { board } = loadedMessages(language);
    const words = (['sales', 'marketing', 'joint'] as const).flatMap((department) => [board.mark[department], board.department[department]]);
    const bold: string[] = [...words, board.sticky.unknownAuthor, board.sticky.empty];
    doc.getMap<Y.Map<unknown>>(BOARD_NODES).forEach((node) => {
      const data = node.toJSON() as Record<string, unknown>;
      if (data.type === 'sticky') regular.push(textOf(data.text));
      else bold.push(textOf(data));
    });
    // The notes' text and the bold words at once (most of the subsets): the canvas waits for these.
    const notes = loadFontsFor(textOf([regular, bold]), [400]);
    const marks = loadFontsFor(textOf(bold), [700]);
    const names = textOf(await writerNames);
    // For the next open, to ask for these fonts before the doc is read (boardGlyphs.ts).
    rememberBoardGlyphs(at.workspaceId, at.boardId, { regular: textOf([regular, bold, names]), bold: textOf([bold, names]) });
    await Promise.all([notes, marks, loadFontsFor(names, [400, 700])]);
  } catch {
    // Fonts are an optimisation of the first layout: the board opens without them.
  }
}
