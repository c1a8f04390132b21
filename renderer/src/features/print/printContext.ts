import { createContext, useContext } from 'react';
import { defaultPaper, isPaperAllowed, type Paper, type PdfKind } from '@shared/pdf';

/** The paper asked for in the print route's query (`?paper=Letter`), null when none. */
export const PrintPaperContext = createContext<Paper | null>(null);

/** The paper to lay a document of this kind out for: the one asked for if the kind offers it. */
export function usePrintPaper(kind: PdfKind): Paper {
  const asked = useContext(PrintPaperContext);
  return asked && isPaperAllowed(kind, asked) ? asked : defaultPaper(kind);
}

/**
 * True when a person opened the print view in the app's window to read it (`&view=screen`), not a
 * print host: the view shows its bar and reports readiness to nobody.
 */
export const PrintViewContext = createContext(false);
