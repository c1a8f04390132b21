/**
 * Fonts a print view needs, asked for as soon as a print route mounts rather than when the page is
 * laid out: the fetches and the decoding then run while the route's code and data still load, and
 * waitForPrintAssets (which still checks everything after layout) finds them done.
 *
 * - The PDF footer's font (shared/pdfFooter.ts): Chromium draws the footer template without the
 *   page's web fonts, so the page loads the template's data: URL face itself; its bytes come with
 *   the first print view, not with the app.
 * - The Latin faces of the print font (print.css: Inter, regular and bold): every print view sets
 *   text in them. The Noto Sans JP subsets a page needs depend on its text, and load when laid out.
 */

import { preloadFontsFor } from '../../theme/fonts';
import { type PrintAssetsDocument, waitForPrintAssets } from './printAssets';

type PrintDocument = PrintAssetsDocument & { readonly fonts?: { load(font: string): Promise<unknown> } };

let started: Promise<void> | null = null;

/** The page's document (typed loosely: this module is also compiled for the Node tests). */
function pageDocument(): PrintDocument | undefined {
  return (globalThis as unknown as { document?: PrintDocument }).document;
}

/** Starts loading the print fonts (once per window); resolves when the footer's face is loaded (or failed: it then prints without it). */
export function startPrintFonts(doc: PrintDocument | undefined = pageDocument()): Promise<void> {
  started ??= (() => {
    const fonts = doc?.fonts;
    if (!doc || !fonts) return Promise.resolve();
    for (const weight of [400, 700]) fonts.load(`${weight} 16px Inter`).catch(() => undefined);
    // The footer's face is added as waitForPrintAssets adds one (no pass over the page yet).
    return import('@shared/pdfFooter')
      .then(({ PDF_FOOTER_FONT }) => waitForPrintAssets(doc, { fonts: [PDF_FOOTER_FONT], maxPasses: 0 }))
      .then(
        () => undefined,
        () => undefined,
      );
  })();
  return started;
}

/**
 * Starts loading the faces a print view's text will need as soon as the text is known, before it
 * is rendered and laid out: regular for `text`, bold for `boldText` (headings), see
 * preloadFontsFor. Layout would ask for them anyway, and waitForPrintAssets still waits for
 * whatever it asks for; asked for here, they arrive while the view renders.
 */
export function preloadFontsForText(text: string, boldText = ''): void {
  void preloadFontsFor(text, 400);
  void preloadFontsFor(boldText, 700);
}
