import { useContext, useEffect } from 'react';
import type { Orientation } from '@shared/pdf';
import { useApp } from '../../app/AppContext';
import { waitForPrintAssets } from './printAssets';
import { startPrintFonts } from './printFonts';
import { PrintViewContext } from './printContext';

/** `<html data-print-ready>`: "true" once printable, "error" when the page cannot be printed. */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';
/** `<html data-print-problem>`: why, when data-print-ready is "error". */
export const PRINT_PROBLEM_ATTRIBUTE = 'data-print-problem';
/**
 * `<html data-print-orientation>`: on a page whose kind turns (diagrams), the orientation it laid
 * itself out for — what it reports to the host, and what a test prints with.
 */
export const PRINT_ORIENTATION_ATTRIBUTE = 'data-print-orientation';
/** What a test (or the browser host) waits for before printing. */
export const PRINT_READY_SELECTOR = '[data-print-ready="true"]';

/**
 * The print route's half of the ready handshake. Pass `ready` once the view has rendered with all
 * its data; the hook then waits for the fonts and images that layout needs (waitForPrintAssets),
 * marks `<html data-print-ready="true">` (what Playwright and the browser host wait for) and tells
 * the host (Electron prints the hidden window now). Pass `problem` instead when the page can never
 * be printed (its workspace or board is gone): `data-print-ready="error"` and the host is told at
 * once, so nobody waits for the timeout. A page whose kind turns passes its `orientation`.
 */
export function usePrintReady(ready: boolean, problem: string | null = null, orientation: Orientation | null = null): void {
  const { host } = useApp();
  // Opened by a person in the app's window (the "print view" link): no print host is waiting.
  const forScreen = useContext(PrintViewContext);
  useEffect(() => {
    const root = document.documentElement;
    if (problem) {
      root.dataset.printReady = 'error';
      root.dataset.printProblem = problem;
      if (!forScreen) host.printFailed(problem).catch((error: unknown) => console.error('could not report the print problem', error));
      return () => {
        delete root.dataset.printReady;
        delete root.dataset.printProblem;
      };
    }
    if (!ready) return;
    let cancelled = false;
    // With the footer's font (see shared/pdfFooter.ts): Chromium draws footers without the page's
    // fonts. Asked for when the route mounted (startPrintFonts); in document.fonts, so the wait
    // for fonts includes it.
    void startPrintFonts()
      .then(() => waitForPrintAssets(document))
      .then(async () => {
        // Unmounted or no longer ready meanwhile (StrictMode runs effects twice): say nothing.
        if (cancelled) return;
        root.dataset.printReady = 'true';
        if (orientation) root.dataset.printOrientation = orientation;
        if (forScreen) return;
        try {
          await host.printReady(orientation ? { orientation } : undefined);
        } catch (error) {
          console.error('could not report that the page is ready to print', error);
        }
      });
    return () => {
      cancelled = true;
      delete root.dataset.printReady;
      delete root.dataset.printOrientation;
    };
  }, [host, ready, problem, forScreen, orientation]);
}
