import { localKeys } from '../../db/workspaceLocal';
import { preloadFontsFor } from '../../theme/fonts';

/**
 * The characters of a board's text as it was last opened, kept in localStorage per board, so that
 * the next open asks for their font subsets at once, while the board's document is still being
 * read from IndexedDB and applied, instead of only once it is (issue 12: a Japanese board needs
 * dozens of Noto Sans JP subsets, and its canvas waits for them to be laid out once). The fonts
 * asked for once the document is read (boardDoc.ts loadBoardFonts) still cover what changed since.
 *
 * Each character once, per weight: a few hundred to a few thousand characters for a big board.
 */
export type BoardGlyphs = { regular: string; bold: string };

/** Past this many characters per weight, nothing is kept: the read ahead is not worth the storage. */
const MAX_GLYPHS = 8_000;

/** Each character of `text` once, in the order first seen; spaces and controls left out. */
export function distinctGlyphs(text: string): string {
  const seen = new Set<string>();
  for (const char of text) if (char.codePointAt(0)! > 0x20) seen.add(char);
  return [...seen].join('');
}

export function readBoardGlyphs(workspaceId: string, boardId: string): BoardGlyphs | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(localKeys.boardGlyphs(workspaceId, boardId)) ?? 'null');
    if (parsed && typeof parsed === 'object' && typeof (parsed as BoardGlyphs).regular === 'string' && typeof (parsed as BoardGlyphs).bold === 'string') {
      const { regular, bold } = parsed as BoardGlyphs;
      if (regular.length <= MAX_GLYPHS && bold.length <= MAX_GLYPHS) return { regular, bold };
    }
  } catch {
    // Unreadable or blocked storage: the fonts are asked for once the document is read.
  }
  return null;
}

/** Keeps the characters of a board's text (regular and bold), when they changed. */
export function rememberBoardGlyphs(workspaceId: string, boardId: string, text: { regular: string; bold: string }): void {
  const glyphs = { regular: distinctGlyphs(text.regular), bold: distinctGlyphs(text.bold) };
  const tooMany = glyphs.regular.length > MAX_GLYPHS || glyphs.bold.length > MAX_GLYPHS;
  const known = readBoardGlyphs(workspaceId, boardId);
  if (!tooMany && known && known.regular === glyphs.regular && known.bold === glyphs.bold) return;
  try {
    // A board grown past the limit forgets what was kept when it was smaller: out of date.
    if (tooMany) localStorage.removeItem(localKeys.boardGlyphs(workspaceId, boardId));
    else localStorage.setItem(localKeys.boardGlyphs(workspaceId, boardId), JSON.stringify(glyphs));
  } catch {
    // Storage full or blocked: the next open asks for the fonts once the document is read.
  }
}

/** Forgets a deleted board's characters (Undo of the deletion keeps them again on its next open). */
export function forgetBoardGlyphs(workspaceId: string, boardId: string): void {
  try {
    localStorage.removeItem(localKeys.boardGlyphs(workspaceId, boardId));
  } catch {
    // Blocked storage: nothing was kept either.
  }
}

/** Asks for the font subsets of the board's text as last opened, if it is known (see above). */
export function preloadBoardGlyphs(workspaceId: string, boardId: string): void {
  const glyphs = readBoardGlyphs(workspaceId, boardId);
  if (!glyphs) return;
  void preloadFontsFor(glyphs.regular, 400);
  void preloadFontsFor(glyphs.bold, 700);
}
