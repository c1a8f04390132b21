import { formatWait, pageViewport, PdfExportRequest, printHash, printOptions } from '@shared/pdf';
import { HostError } from './hostError';

/** The print entry's page, a sibling of the app's index.html in the build. */
export const PRINT_PAGE = 'print.html';

/** As long as Electron's print window waits (electron/main/pdf.ts). */
export const FRAME_READY_TIMEOUT_MS = 30_000;

/** The print entry beside the app's page (print.html, see renderer/src/print.tsx) with the print route (and paper) as its hash. */
export function printRouteUrl(appHref: string, route: string, paper: Parameters<typeof printHash>[1]): string {
  const url = new URL(PRINT_PAGE, appHref);
  url.hash = printHash(route, paper);
  return url.href;
}

/**
 * Resolves with the frame's window once its page marks `<html data-print-ready="true">` (see
 * usePrintReady); rejects when it marks "error", cannot be shown in a frame, or takes too long.
 */
function waitForFrameReady(frame: HTMLIFrameElement, timeoutMs: number): Promise<Window> {
  return new Promise((resolve, reject) => {
    let observer: MutationObserver | undefined;
    const finish = (error?: HostError) => {
      clearTimeout(timer);
      observer?.disconnect();
      frame.removeEventListener('load', onLoad);
      const view = frame.contentWindow;
      if (error || !view) reject(error ?? new HostError({ kind: 'print-failed', detail: 'the page to print was closed' }));
      else resolve(view);
    };
    const check = (root: HTMLElement): boolean => {
      const state = root.dataset.printReady;
      if (state === 'true') finish();
      else if (state === 'error') finish(new HostError({ kind: 'print-failed', detail: root.dataset.printProblem ?? 'unknown problem' }));
      return state === 'true' || state === 'error';
    };
    const onLoad = () => {
      let doc: Document | null = null;
      try {
        doc = frame.contentDocument;
      } catch {
        // Cross-origin: a server or policy sent something else than the app.
      }
      // The initial about:blank document of the frame, before the app has loaded.
      if (doc?.URL === 'about:blank') return;
      const root = doc?.documentElement;
      if (!root) {
        finish(new HostError({ kind: 'print-failed', detail: 'the page could not be opened in a frame (a frame-ancestors policy may forbid it)' }));
        return;
      }
      if (check(root)) return;
      const Observer = (frame.contentWindow as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
      observer?.disconnect();
      observer = new Observer(() => check(root));
      observer.observe(root, { attributes: true, attributeFilter: ['data-print-ready'] });
    };
    const timer = setTimeout(() => {
      finish(new HostError({ kind: 'print-not-ready', wait: formatWait(timeoutMs) }));
    }, timeoutMs);
    frame.addEventListener('load', onLoad);
  });
}

/** Opens the print dialog of a window; resolves when the dialog has closed. */
function printAndWait(view: Window): Promise<void> {
  return new Promise((resolve) => {
    view.addEventListener('afterprint', () => resolve(), { once: true });
    view.focus();
    // Chromium, Firefox and Safari all fire afterprint once the dialog is closed (saved or not).
    view.print();
  });
}

export type FramePrintOptions = { document?: Document; appHref?: string; timeoutMs?: number };

/**
 * The browser host's PDF export: load the print route in a hidden same-origin frame (the whole app
 * runs there, reading the same IndexedDB), wait for the page to be ready, then open the system
 * print dialog on that frame, which offers "Save as PDF". The frame has the size of the paper and
 * is removed afterwards, whatever happened.
 */
export async function printInHiddenFrame(request: PdfExportRequest, options: FramePrintOptions = {}): Promise<void> {
  const valid = PdfExportRequest.parse(request);
  const print = printOptions(valid.kind, { paper: valid.paper, footer: valid.footer });
  const doc = options.document ?? document;
  const { width, height } = pageViewport(print);
  // oxlint-disable-next-line react/iframe-missing-sandbox -- the sandbox is set just below
  const frame = doc.createElement('iframe');
  frame.title = 'Alignboard print';
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.dataset.alignboardPrint = valid.kind;
  // Our own page, so it needs scripts and its origin (IndexedDB); modals for print(). Nothing else:
  // no popups, no top-level navigation, no forms.
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-modals');
  // Off screen but laid out (display:none would never lay out, so fonts would never load).
  Object.assign(frame.style, {
    position: 'fixed',
    left: '-20000px',
    top: '0',
    width: `${width}px`,
    height: `${height}px`,
    border: '0',
  });
  frame.src = printRouteUrl(options.appHref ?? doc.location.href, valid.route, print.paper);
  const ready = waitForFrameReady(frame, options.timeoutMs ?? FRAME_READY_TIMEOUT_MS);
  // The print dialog is opened on the frame, which takes the focus; removing the frame would drop
  // it to the page's body. The control that asked for the PDF gets it back.
  const opener = doc.activeElement as HTMLElement | null;
  doc.body.append(frame);
  try {
    await printAndWait(await ready);
  } finally {
    frame.remove();
    const now = doc.activeElement;
    if (opener && opener !== doc.body && opener.isConnected && (!now || now === doc.body)) opener.focus({ preventScroll: true });
  }
}
