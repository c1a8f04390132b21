import { EventEmitter } from 'node:events';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { readSeal, verifyPdf } from '../../shared/pdfSeal';
import { canonicalJson, sha256Hex } from '../../shared/sla/canonical';
import { invokeChannels } from '../../shared/ipc';
import { looksLikePdf, pageViewport, printOptions, type PdfExportRequest, type PdfPostProcess } from '../../shared/pdf';
import { toElectronPrintOptions, type ElectronPrintToPdfOptions } from '../../shared/pdfFooter';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createHandlers } from '../../electron/main/handlers';
import type { InvokeEvent } from '../../electron/main/ipc';
import { registerHandlers } from '../../electron/main/ipc';
import {
  createPdfExporter,
  pdfFileName,
  printUrl,
  printWindowOptions,
  withPdfExtension,
  type PdfExporterDeps,
  type PrintWindow,
} from '../../electron/main/pdf';
import { secureWebPreferences } from '../../electron/main/security';
import { appFrame, createTempDirs, fakeIpcMain } from './helpers';

const tempDir = createTempDirs();
const PRELOAD = '/app/dist-electron/preload.cjs';
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const PERSONA: PdfExportRequest = { kind: 'persona-sheet', route: '/print/persona/w1/b1', suggestedName: 'Persona: 田中 / Buyer' };

type PageBehaviour = {
  /** What the page does once loadURL was called (default: says it is ready). */
  onLoad?: (page: FakePage) => void;
  loadError?: Error;
  printed?: Uint8Array | (() => Promise<Uint8Array>);
};

type FakePage = ReturnType<typeof fakePrintWindow>;

/** A hidden BrowserWindow stand-in whose page can invoke `pdf:ready` as a given frame would. */
function fakePrintWindow(behaviour: PageBehaviour, log: string[]) {
  const ipc = fakeIpcMain();
  const events = new EventEmitter();
  let destroyed = false;
  let url = '';
  const printToPDF = vi.fn<(options: ElectronPrintToPdfOptions) => Promise<Uint8Array>>(async () => {
    log.push('print');
    const printed = behaviour.printed ?? PDF;
    return typeof printed === 'function' ? printed() : printed;
  });
  const window: PrintWindow = {
    webContents: {
      ipc: ipc.ipcMain,
      printToPDF,
      on: (event, listener) => events.on(event, listener),
    },
    loadURL: vi.fn<PrintWindow['loadURL']>(async (target) => {
      url = target;
      log.push('load');
      queueMicrotask(() => (behaviour.onLoad ?? ((page) => void page.ready()))(page));
      if (behaviour.loadError) throw behaviour.loadError;
    }),
    isDestroyed: () => destroyed,
    destroy: vi.fn<() => void>(() => {
      log.push('destroy');
      destroyed = true;
    }),
  };
  const page = {
    window,
    printToPDF,
    /** The print page's main frame reporting ready (or a problem). */
    ready: (problem: string | null = null) => ipc.invokeFrom(appFrame(url), 'pdf:ready', { problem }),
    invokeFrom: (frame: InvokeEvent['senderFrame'], ...args: unknown[]) => ipc.invokeFrom(frame, 'pdf:ready', ...args),
    crash: () => events.emit('render-process-gone', {}, { reason: 'crashed' }),
    handlerCount: () => ipc.handlers.size,
  };
  return page;
}

async function setup(
  options: {
    page?: PageBehaviour;
    /** The save dialog's answer, given the test's folder. */
    dialog?: (dir: string) => { canceled: boolean; filePath?: string };
    lastFolder?: string | null;
    postProcess?: PdfPostProcess;
    readyTimeoutMs?: number;
  } = {},
) {
  const dir = await tempDir();
  const log: string[] = [];
  const pages: FakePage[] = [];
  const createWindow = vi.fn<PdfExporterDeps['createWindow']>(() => {
    log.push('create');
    const page = fakePrintWindow(options.page ?? {}, log);
    pages.push(page);
    return page.window;
  });
  const showSaveDialog = vi.fn<PdfExporterDeps['dialog']['showSaveDialog']>(async () => {
    log.push('dialog');
    return options.dialog?.(dir) ?? { canceled: false, filePath: path.join(dir, 'chosen.pdf') };
  });
  const rememberFolder = vi.fn<(folder: string) => void>();
  const exporter = createPdfExporter({
    createWindow,
    preloadPath: PRELOAD,
    dialog: { showSaveDialog },
    fs: fsp,
    lastFolder: () => (options.lastFolder === undefined ? dir : options.lastFolder),
    rememberFolder,
    defaultFolder: () => '/home/user/Documents',
    labels: () => ({ exportTitle: 'Export PDF', filterName: 'PDF document' }),
    postProcess: options.postProcess,
    readyTimeoutMs: options.readyTimeoutMs ?? 2_000,
  });
  const page = () => {
    const first = pages[0];
    if (!first) throw new Error('no print window was created');
    return first;
  };
  return { dir, log, exporter, createWindow, showSaveDialog, rememberFolder, page };
}

/** Lets queued microtasks and I/O callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('PDF export in main', () => {
  it('prints the route in a hidden window with the app window’s security settings and the shared options', async () => {
    const { exporter, createWindow, page, log, dir, showSaveDialog, rememberFolder } = await setup();
    const request: PdfExportRequest = {
      kind: 'sla',
      route: '/print/sla/w1/v2',
      suggestedName: 'SLA v2',
      paper: 'Letter',
      footer: { version: 'v2', hash: 'ab12' },
    };
    expect(await exporter.exportPdf(request)).toEqual({ saved: true, path: path.join(dir, 'chosen.pdf') });

    const expected = printOptions('sla', { paper: 'Letter', footer: { version: 'v2', hash: 'ab12' } });
    expect(createWindow).toHaveBeenCalledWith(printWindowOptions(PRELOAD, pageViewport(expected)));
    const windowOptions = createWindow.mock.calls[0]![0];
    expect(windowOptions.webPreferences).toEqual(secureWebPreferences(PRELOAD));
    expect(windowOptions).toMatchObject({ show: false, width: 816, height: 1056 });
    expect(page().window.loadURL).toHaveBeenCalledWith('app://alignboard/print.html#/print/sla/w1/v2?paper=Letter');
    expect(page().printToPDF).toHaveBeenCalledTimes(1);
    expect(page().printToPDF).toHaveBeenCalledWith(toElectronPrintOptions(expected));
    // The window is gone before the user is asked where to save.
    expect(log).toEqual(['create', 'load', 'print', 'destroy', 'dialog']);
    expect(showSaveDialog).toHaveBeenCalledWith({
      title: 'Export PDF',
      defaultPath: path.join(dir, 'SLA v2.pdf'),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(new Uint8Array(await fsp.readFile(path.join(dir, 'chosen.pdf')))).toEqual(PDF);
    expect(await fsp.readdir(dir)).toEqual(['chosen.pdf']);
    expect(rememberFolder).toHaveBeenCalledWith(dir);
    // The window-scoped ready handler is removed with the window.
    expect(page().handlerCount()).toBe(0);
  });

  it('prints a diagram in the orientation its page reports, and refuses one a kind cannot turn to', async () => {
    const { exporter, page } = await setup({ page: { onLoad: (fake) => void fake.invokeFrom(appFrame(), { problem: null, orientation: 'landscape' }) } });
    await exporter.exportPdf({ kind: 'funnel-sheet', route: '/print/funnel/w1/b1', suggestedName: 'Funnel', paper: 'Letter' });
    expect(page().printToPDF).toHaveBeenCalledWith(toElectronPrintOptions(printOptions('funnel-sheet', { paper: 'Letter', orientation: 'landscape' })));
    expect(page().printToPDF.mock.calls[0]![0].landscape).toBe(true);

    const board = await setup({ page: { onLoad: (fake) => void fake.invokeFrom(appFrame(), { problem: null, orientation: 'portrait' }) } });
    await board.exporter.exportPdf({ kind: 'board', route: '/print/board/w1/b1', suggestedName: 'Board', paper: 'A3' });
    expect(board.page().printToPDF.mock.calls[0]![0]).toMatchObject({ landscape: false, pageSize: { width: 297 / 25.4, height: 420 / 25.4 } });

    const sla = await setup({ page: { onLoad: (fake) => void fake.invokeFrom(appFrame(), { problem: null, orientation: 'landscape' }) } });
    await expect(sla.exporter.exportPdf({ kind: 'sla', route: '/print/sla/w1/v1', suggestedName: 'SLA' })).rejects.toThrow('A sla is printed portrait, not landscape.');
    expect(sla.page().printToPDF).not.toHaveBeenCalled();
    expect(sla.page().window.destroy).toHaveBeenCalledTimes(1);
  });

  it('waits for the print window’s own page, not for another window or a sub-frame', async () => {
    const { exporter, page, log } = await setup({ page: { onLoad: () => {} } });
    const global = fakeIpcMain();
    registerHandlers(global.ipcMain, createHandlers({
      appInfo: () => ({ version: '0.1.0', platform: 'linux', userDataPath: '/tmp/u' }),
      settings: { get: () => ({ settings: DEFAULT_SETTINGS, problem: null }), update: () => DEFAULT_SETTINGS } as never,
      files: {} as never,
      backups: {} as never,
      rooms: {} as never,
      audience: {} as never,
      pdf: exporter,
      onSettingsChanged: () => {},
    }));

    let done = false;
    const exported = exporter.exportPdf(PERSONA).finally(() => {
      done = true;
    });
    await settle();
    // The app window (or any other) reaches the global handler: nobody is printing it.
    expect(await global.invoke('pdf:ready', { problem: null })).toEqual({ printing: false });
    // A sub-frame inside the print window, or a page that is not ours, is refused by the contract.
    await expect(page().invokeFrom({ url: 'app://alignboard/index.html', parent: {} }, { problem: null })).rejects.toThrow(/sub-frame/);
    await expect(page().invokeFrom({ url: 'https://evil.example/', parent: null }, { problem: null })).rejects.toThrow(/not the Alignboard app/);
    await expect(page().invokeFrom(appFrame(), { problem: 42 })).rejects.toThrow(/invalid arguments/);
    await settle();
    expect(done).toBe(false);
    expect(page().printToPDF).not.toHaveBeenCalled();

    expect(await page().ready()).toEqual({ printing: true });
    expect(await exported).toMatchObject({ saved: true });
    expect(log).toEqual(['create', 'load', 'print', 'destroy', 'dialog']);
  });

  it('gives up with a clear error when the page never gets ready, and closes the window', async () => {
    const { exporter, page, showSaveDialog, dir } = await setup({ page: { onLoad: () => {} }, readyTimeoutMs: 30 });
    await expect(exporter.exportPdf(PERSONA)).rejects.toMatchObject({ problem: { kind: 'print-not-ready', wait: '30 ms' }, message: 'The page to print did not get ready within 30 ms.' });
    expect(page().window.destroy).toHaveBeenCalledTimes(1);
    expect(page().printToPDF).not.toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it('says how long it waited by default', async () => {
    vi.useFakeTimers();
    try {
      const { exporter } = await setup({ page: { onLoad: () => {} }, readyTimeoutMs: 30_000 });
      let settled = false;
      const outcome = exporter.exportPdf(PERSONA).then(
        () => 'exported',
        (error: Error) => error.message,
      ).finally(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(29_999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await outcome).toBe('The page to print did not get ready within 30 s.');
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['an empty result', new Uint8Array(), 'The page could not be printed: /print/persona/w1/b1: an empty file'],
    ['something that is not a PDF', new TextEncoder().encode('<html></html>'), '/print/persona/w1/b1: something that is not a PDF'],
  ])('rejects %s and closes the window', async (_label, printed, message) => {
    const { exporter, page, showSaveDialog, dir } = await setup({ page: { printed } });
    await expect(exporter.exportPdf(PERSONA)).rejects.toThrow(message);
    expect(page().window.destroy).toHaveBeenCalledTimes(1);
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it.each<[string, PageBehaviour, RegExp]>([
    ['the page reports a problem', { onLoad: (page) => void page.ready('the board was deleted') }, /^The page could not be printed: \/print\/persona\/w1\/b1: the board was deleted$/],
    ['the page fails to load', { onLoad: () => {}, loadError: new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://alignboard/index.html'") }, /^The page could not be printed: \/print\/persona\/w1\/b1: ERR_FILE_NOT_FOUND/],
    ['the renderer crashes', { onLoad: (page) => page.crash() }, /stopped before it was printed \(crashed\)/],
    ['printing throws', { printed: async () => Promise.reject(new Error('Printing failed')) }, /^Printing failed$/],
  ])('fails promptly when %s, and closes the window', async (_label, behaviour, message) => {
    const { exporter, page, showSaveDialog } = await setup({ page: behaviour, readyTimeoutMs: 10_000 });
    const started = Date.now();
    await expect(exporter.exportPdf(PERSONA)).rejects.toThrow(message);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(page().window.destroy).toHaveBeenCalledTimes(1);
    expect(page().handlerCount()).toBe(0);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('does not mind a load superseded by an in-page navigation (ERR_ABORTED) when the page gets ready', async () => {
    const { exporter, page } = await setup({ page: { loadError: new Error('ERR_ABORTED (-3) loading app://alignboard/index.html') } });
    expect(await exporter.exportPdf(PERSONA)).toMatchObject({ saved: true });
    expect(page().window.destroy).toHaveBeenCalledTimes(1);
  });

  it('writes nothing and reports saved: false when the user cancels the dialog', async () => {
    const { exporter, page, dir, rememberFolder } = await setup({ dialog: () => ({ canceled: true }) });
    expect(await exporter.exportPdf(PERSONA)).toEqual({ saved: false, path: null });
    expect(page().window.destroy).toHaveBeenCalledTimes(1);
    expect(await fsp.readdir(dir)).toEqual([]);
    expect(rememberFolder).not.toHaveBeenCalled();
  });

  it('closes the window when it cannot even listen for the page (a second ready handler)', async () => {
    const { exporter, createWindow } = await setup({ readyTimeoutMs: 20 });
    const page = fakePrintWindow({}, []);
    page.window.webContents.ipc.handle('pdf:ready', () => ({ printing: true }));
    createWindow.mockImplementationOnce(() => page.window);
    await expect(exporter.exportPdf(PERSONA)).rejects.toThrow(/second handler/);
    expect(page.window.destroy).toHaveBeenCalledTimes(1);
    // No wait was left behind to fail later as an unhandled rejection.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('saves what the post-processing step returns', async () => {
    const processed = new TextEncoder().encode('%PDF-1.7\n% with metadata\n');
    const postProcess = vi.fn<PdfPostProcess>(async () => processed);
    const { exporter, dir } = await setup({ postProcess });
    await exporter.exportPdf(PERSONA);
    expect(postProcess).toHaveBeenCalledWith(PDF, 'persona-sheet');
    expect(new Uint8Array(await fsp.readFile(path.join(dir, 'chosen.pdf')))).toEqual(processed);
  });

  it('seals a signed SLA: metadata and the signed JSON are embedded, and the saved file verifies', async () => {
    const blank = await PDFDocument.create();
    blank.addPage([595, 842]);
    const printed = await blank.save();
    const contentJson = canonicalJson({ document: { title: 'SLA' }, version: { id: 'v1', revision: 1 } });
    const hash = await sha256Hex(contentJson);
    const request: PdfExportRequest = {
      kind: 'sla',
      route: '/print/sla/w1/v1',
      suggestedName: 'SLA v1',
      seal: {
        title: 'Sales × Marketing SLA',
        author: 'Emma Clark, Noah Bennett',
        subject: 'Service level agreement, revision 1',
        keywords: ['SLA', hash],
        creator: 'Alignboard test',
        producer: 'Alignboard test',
        creationDate: '2026-11-30T00:00:00.000Z',
        modificationDate: '2026-11-30T00:00:00.000Z',
        language: 'en',
        versionId: 'v1',
        contentJson,
        hash,
        attachmentDescription: 'Signed SLA content',
      },
    };
    const { exporter, dir } = await setup({ postProcess: async () => printed });
    await exporter.exportPdf(request);
    const saved = new Uint8Array(await fsp.readFile(path.join(dir, 'chosen.pdf')));
    const verdict = await verifyPdf(saved, [{ versionId: 'v1', hash, signedAt: '2026-11-30T00:00:00.000Z', signers: [] }], sha256Hex);
    expect(verdict.status).toBe('matches');
    const seal = await readSeal(saved);
    expect(seal.ok && seal.metadata.title).toBe('Sales × Marketing SLA');
  });

  it('saves a PDF the renderer sealed (pdf:save) through the same dialog and atomic write, refusing anything else first', async () => {
    const blank = await PDFDocument.create();
    blank.addPage([595, 842]);
    const bytes = await blank.save();
    const { exporter, dir, showSaveDialog, rememberFolder } = await setup({});
    expect(await exporter.savePdf({ suggestedName: 'SLA r1 (sealed)', bytes })).toEqual({ saved: true, path: path.join(dir, 'chosen.pdf') });
    expect(new Uint8Array(await fsp.readFile(path.join(dir, 'chosen.pdf')))).toEqual(bytes);
    expect(showSaveDialog.mock.calls[0]![0].defaultPath).toMatch(/SLA r1 \(sealed\)\.pdf$/);
    expect(rememberFolder).toHaveBeenCalledWith(dir);
    await expect(exporter.savePdf({ suggestedName: 'x', bytes: new TextEncoder().encode('<html>') })).rejects.toThrow('The file to save is not a PDF.');
    expect(showSaveDialog).toHaveBeenCalledTimes(1);
  });

  it('saves a PDF named after a 100-character Japanese title on this disk (the name offered fits)', async () => {
    const title = '営業とマーケティングの連携に関するサービスレベル合意書'.repeat(4).slice(0, 100);
    expect(title).toHaveLength(100);
    const folder = await tempDir();
    // The user accepts the name the dialog offers, in the folder it opens in.
    const exporter = createPdfExporter({
      createWindow: () => {
        throw new Error('not printing');
      },
      preloadPath: PRELOAD,
      dialog: { showSaveDialog: async (options) => ({ canceled: false, filePath: options.defaultPath }) },
      fs: fsp,
      lastFolder: () => null,
      rememberFolder: () => {},
      defaultFolder: () => folder,
      labels: () => ({ exportTitle: 'Export PDF', filterName: 'PDF document' }),
    });
    const result = await exporter.savePdf({ suggestedName: title, bytes: PDF });
    expect(result.saved).toBe(true);
    const [name] = await fsp.readdir(folder);
    expect(name).toBe(pdfFileName(title));
    expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(200);
    expect(title.startsWith(name!.replace(/\.pdf$/, ''))).toBe(true);
    expect(new Uint8Array(await fsp.readFile(path.join(folder, name!)))).toEqual(PDF);
  });

  it('refuses a post-processing step that returns no PDF, before asking where to save', async () => {
    const { exporter, showSaveDialog } = await setup({ postProcess: async () => new Uint8Array() });
    await expect(exporter.exportPdf(PERSONA)).rejects.toMatchObject({ problem: { kind: 'print-failed', detail: 'post-processing the persona-sheet PDF did not return a PDF' } });
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('adds .pdf when the file chooser did not, and starts in Documents when the remembered folder is gone', async () => {
    const { exporter, showSaveDialog, dir } = await setup({
      lastFolder: '/media/usb-stick-that-was-unplugged',
      dialog: (folder) => ({ canceled: false, filePath: path.join(folder, 'persona') }),
    });
    expect(await exporter.exportPdf(PERSONA)).toEqual({ saved: true, path: path.join(dir, 'persona.pdf') });
    expect(showSaveDialog.mock.calls[0]![0].defaultPath).toBe(path.join('/home/user/Documents', 'Persona- 田中 - Buyer.pdf'));
    expect(looksLikePdf(new Uint8Array(await fsp.readFile(path.join(dir, 'persona.pdf'))))).toBe(true);
  });

  it('leaves no file behind when the write fails', async () => {
    const { exporter, page, dir, rememberFolder } = await setup({
      dialog: (folder) => ({ canceled: false, filePath: path.join(folder, 'missing-folder', 'out.pdf') }),
    });
    await expect(exporter.exportPdf(PERSONA)).rejects.toMatchObject({
      problem: { kind: 'cannot-write', fileName: 'out.pdf', reason: 'folder-not-found', detail: expect.stringMatching(/ENOENT/) },
      message: '“out.pdf” could not be saved: its folder does not exist (it may have been moved or deleted).',
    });
    expect(page().window.destroy).toHaveBeenCalledTimes(1);
    expect(await fsp.readdir(dir)).toEqual([]);
    expect(rememberFolder).not.toHaveBeenCalled();
  });

  it('prints two documents at once in two windows, each waiting for its own page', async () => {
    const { exporter, createWindow } = await setup();
    const [a, b] = await Promise.all([
      exporter.render(PERSONA),
      exporter.render({ kind: 'minutes', route: '/print/minutes/w1/m1', suggestedName: 'Minutes' }),
    ]);
    expect(looksLikePdf(a) && looksLikePdf(b)).toBe(true);
    expect(createWindow).toHaveBeenCalledTimes(2);
  });
});

describe('pdf channels in the contract', () => {
  it('registers pdf:export and pdf:ready with the other channels', () => {
    expect(Object.keys(invokeChannels)).toEqual(expect.arrayContaining(['pdf:export', 'pdf:ready']));
  });

  it('refuses a bad export request before main does anything', async () => {
    const exportPdf = vi.fn<PdfExporterDeps['createWindow']>();
    const { ipcMain, invoke } = fakeIpcMain();
    registerHandlers(ipcMain, createHandlers({
      appInfo: () => ({ version: '', platform: '', userDataPath: '' }),
      settings: {} as never,
      files: {} as never,
      backups: {} as never,
      rooms: {} as never,
      audience: {} as never,
      pdf: { exportPdf: exportPdf as never, savePdf: exportPdf as never },
      onSettingsChanged: () => {},
    }));
    await expect(invoke('pdf:export', { ...PERSONA, route: 'https://evil.example/' })).rejects.toThrow(/^Refused pdf:export: invalid arguments \(0.route: not a print route/);
    await expect(invoke('pdf:export', { ...PERSONA, paper: 'Letter' })).rejects.toThrow(/0.paper: persona-sheet is not printed on Letter/);
    expect(exportPdf).not.toHaveBeenCalled();
  });

  it('refuses a pdf:save whose bytes are not bytes or are too large, before main does anything', async () => {
    const savePdf = vi.fn<() => Promise<{ saved: boolean; path: string | null }>>();
    const { ipcMain, invoke } = fakeIpcMain();
    registerHandlers(ipcMain, createHandlers({
      appInfo: () => ({ version: '', platform: '', userDataPath: '' }),
      settings: {} as never,
      files: {} as never,
      backups: {} as never,
      rooms: {} as never,
      audience: {} as never,
      pdf: { exportPdf: vi.fn<() => Promise<never>>() as never, savePdf: savePdf as never },
      onSettingsChanged: () => {},
    }));
    await expect(invoke('pdf:save', { suggestedName: 'a', bytes: 'JVBERi0=' })).rejects.toThrow(/^Refused pdf:save: invalid arguments \(0.bytes/);
    await expect(invoke('pdf:save', { suggestedName: '', bytes: new Uint8Array(4) })).rejects.toThrow(/0.suggestedName/);
    expect(savePdf).not.toHaveBeenCalled();
  });
});

describe('file names and URLs', () => {
  it.each([
    ['Persona sheet', 'Persona sheet.pdf'],
    ['SLA v2.pdf', 'SLA v2.pdf'],
    ['a/b:c*?', 'a-b-c--.pdf'],
    ['CON', '_CON.pdf'],
    ['ペルソナ', 'ペルソナ.pdf'],
  ])('names the file for %j %j', (suggested, expected) => {
    expect(pdfFileName(suggested)).toBe(expected);
  });

  it('caps a long name at 200 bytes of UTF-8, cutting between whole characters', () => {
    const name = pdfFileName('議事録'.repeat(100));
    expect(name).toBe(`${'議事録'.repeat(21)}議事.pdf`);
    expect(Buffer.byteLength(name)).toBe(199);
  });

  it('adds the extension only when missing', () => {
    expect(withPdfExtension('/x/a.PDF')).toBe('/x/a.PDF');
    expect(withPdfExtension('/x/a')).toBe('/x/a.pdf');
  });

  it('loads the print route inside the app origin', () => {
    expect(printUrl({ route: '/print/persona/w1/b1' }, 'A4')).toBe('app://alignboard/print.html#/print/persona/w1/b1?paper=A4');
  });
});
