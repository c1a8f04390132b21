import nodePath from 'node:path';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, SaveDialogOptions } from 'electron';
import type { InvokeResult } from '../../shared/ipc';
import { formatWait, identityPostProcess, looksLikePdf, pageViewport, printHash, printOptions, type PdfExportRequest, type PdfPostProcess, type PrintReadyReport } from '../../shared/pdf';
import { toElectronPrintOptions, type ElectronPrintToPdfOptions } from '../../shared/pdfFooter';
import { sealPdfForRequest } from '../../shared/pdfSeal';
import { sha256Hex } from '../../shared/sla/canonical';
import { APP_PRINT_URL } from './appProtocol';
import { writeFileAtomic, type AtomicWriteFs } from './atomicWrite';
import { safeFileName, startFolder } from './files';
import { fileFailure, HostFailure } from './hostFailure';
import { handle, type IpcMainLike } from './ipc';
import { secureWebPreferences } from './security';

/**
 * PDF export as drawio-desktop does it: a hidden window with the app's own security settings loads
 * the print route, the page says when it is ready (data loaded, fonts and images decoded), Chromium
 * prints it with the shared options, the result is checked, and the window is destroyed whatever
 * happened. Then a save dialog and an atomic write. Every OS edge is a parameter.
 */

export const READY_TIMEOUT_MS = 30_000;

/** The shared adapter's output is a valid Electron option object (checked by the compiler). */
const _electronOptionsFit = (options: ElectronPrintToPdfOptions): PrintToPDFOptions => options;

/** The parts of a BrowserWindow the exporter uses. */
export type PrintWindow = {
  readonly webContents: {
    /** Electron consults this window-scoped IpcMain before the global one. */
    readonly ipc: IpcMainLike;
    printToPDF(options: ElectronPrintToPdfOptions): Promise<Uint8Array>;
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  };
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
};

export type PdfExporterDeps = {
  /** `new BrowserWindow(options)`; the options come from printWindowOptions(). */
  createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow;
  preloadPath: string;
  dialog: { showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }> };
  fs: AtomicWriteFs & { stat(path: string): Promise<{ isDirectory(): boolean }> };
  /** The remembered export folder (settings) and how to remember a new one. */
  lastFolder: () => string | null;
  rememberFolder: (folder: string) => void;
  /** Where the dialog starts when nothing usable is remembered (the user's Documents folder). */
  defaultFolder: () => string;
  labels: () => { exportTitle: string; filterName: string };
  postProcess?: PdfPostProcess;
  readyTimeoutMs?: number;
};

/**
 * The hidden print window: the very webPreferences of the app window (sandbox, context isolation,
 * the same preload so the page can say it is ready), laid out at the size of the paper.
 */
export function printWindowOptions(preloadPath: string, size: { width: number; height: number }): BrowserWindowConstructorOptions {
  return {
    ...size,
    show: false,
    useContentSize: true,
    // Render although hidden, or the page would never lay out (and never load its fonts).
    paintWhenInitiallyHidden: true,
    title: 'Alignboard',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export function printUrl(request: Pick<PdfExportRequest, 'route'>, paper: Parameters<typeof printHash>[1]): string {
  return `${APP_PRINT_URL}${printHash(request.route, paper)}`;
}

/** A PDF file name every OS accepts, from a document title. */
export function pdfFileName(suggested: string): string {
  return safeFileName(suggested.replace(/\.pdf\s*$/i, ''), '.pdf');
}

/** Linux file choosers do not append the filter's extension themselves. */
export function withPdfExtension(filePath: string): string {
  return /\.pdf$/i.test(filePath) ? filePath : `${filePath}.pdf`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Resolves when THIS window's page invokes `pdf:ready`. The handler sits on the window's own
 * `webContents.ipc`, so no other window can answer for it (theirs reach the global handler, which
 * answers `printing: false`); `handle()` still checks that the sender is the main frame of our
 * app:// page and parses the report with the contract.
 */
function waitForReady(window: PrintWindow, route: string, timeoutMs: number) {
  let settle: (error: Error | null, report?: PrintReadyReport) => void = () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<PrintReadyReport>((resolve, reject) => {
    settle = (error, report) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(report ?? { problem: null });
    };
  });
  // First, as it can throw: nothing else (no timer) exists yet then.
  handle(window.webContents.ipc, 'pdf:ready', (report) => {
    settle(report.problem ? new HostFailure({ kind: 'print-failed', detail: `${route}: ${report.problem}` }) : null, report);
    return { printing: true };
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    settle(new HostFailure({ kind: 'print-failed', detail: `${route}: the page stopped before it was printed (${details.reason})` }));
  });
  timer = setTimeout(() => {
    settle(new HostFailure({ kind: 'print-not-ready', wait: formatWait(timeoutMs) }));
  }, timeoutMs);
  return {
    promise,
    fail: (error: Error) => settle(error),
    dispose() {
      clearTimeout(timer);
      window.webContents.ipc.removeHandler('pdf:ready');
    },
  };
}

export function createPdfExporter(deps: PdfExporterDeps) {
  const postProcess = deps.postProcess ?? identityPostProcess;
  const timeoutMs = deps.readyTimeoutMs ?? READY_TIMEOUT_MS;

  /** Prints the route to PDF bytes; the window never outlives this call. */
  async function render(request: PdfExportRequest): Promise<Uint8Array> {
    const options = printOptions(request.kind, { paper: request.paper, footer: request.footer });
    const window = deps.createWindow(printWindowOptions(deps.preloadPath, pageViewport(options)));
    let ready: ReturnType<typeof waitForReady> | undefined;
    try {
      ready = waitForReady(window, request.route, timeoutMs);
      // A failed load ends the wait at once. ERR_ABORTED only means a later navigation (such as
      // an in-page hash change) superseded this one: the page is still there and may get ready.
      window.loadURL(printUrl(request, options.paper)).catch((error: unknown) => {
        if (!/ERR_ABORTED/.test(describe(error))) {
          ready?.fail(new HostFailure({ kind: 'print-failed', detail: `${request.route}: ${describe(error)}` }));
        }
      });
      const report = await ready.promise;
      // A diagram's page lays itself out portrait or landscape, as its content fits, and says which;
      // a kind that cannot turn refuses the other orientation here.
      const layout = report.orientation ? printOptions(request.kind, { paper: request.paper, footer: request.footer, orientation: report.orientation }) : options;
      const printed = new Uint8Array(await window.webContents.printToPDF(toElectronPrintOptions(layout)));
      if (!looksLikePdf(printed)) {
        throw new HostFailure({ kind: 'print-failed', detail: `${request.route}: ${printed.byteLength === 0 ? 'an empty file' : 'something that is not a PDF'}` });
      }
      return printed;
    } finally {
      ready?.dispose();
      if (!window.isDestroyed()) window.destroy();
    }
  }

  async function exportPdf(request: PdfExportRequest): Promise<InvokeResult<'pdf:export'>> {
    const printed = await render(request);
    const processed = await postProcess(printed, request.kind);
    // A signed SLA gets its metadata and the signed JSON embedded, so a manager can verify it later.
    const bytes = request.seal ? await sealPdfForRequest(processed, request.seal, sha256Hex) : processed;
    if (!looksLikePdf(bytes)) throw new HostFailure({ kind: 'print-failed', detail: `post-processing the ${request.kind} PDF did not return a PDF` });

    return save(bytes, request.suggestedName);
  }

  /** Offers `bytes` in a save dialog (the remembered folder, a safe `.pdf` name) and writes them atomically. */
  async function save(bytes: Uint8Array, suggestedName: string): Promise<InvokeResult<'pdf:export'>> {
    const labels = deps.labels();
    const choice = await deps.dialog.showSaveDialog({
      title: labels.exportTitle,
      defaultPath: nodePath.join(await startFolder(deps), pdfFileName(suggestedName)),
      filters: [{ name: labels.filterName, extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false, path: null };
    const target = withPdfExtension(choice.filePath);
    await writeFileAtomic(deps.fs, target, bytes).catch((error: unknown) => {
      throw fileFailure(error, nodePath.basename(target), 'write');
    });
    try {
      deps.rememberFolder(nodePath.dirname(target));
    } catch {
      // The file is saved; failing to remember its folder must not report the export as failed.
    }
    return { saved: true, path: target };
  }

  /** Saves a PDF the renderer made (a PDF it sealed); anything that is not a PDF is refused first. */
  async function savePdf(request: { suggestedName: string; bytes: Uint8Array }): Promise<InvokeResult<'pdf:save'>> {
    if (!looksLikePdf(request.bytes)) throw new HostFailure({ kind: 'not-pdf' });
    return save(request.bytes, request.suggestedName);
  }

  return { exportPdf, render, savePdf };
}

export type PdfExporter = ReturnType<typeof createPdfExporter>;
