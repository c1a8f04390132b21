import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PreloadApi } from '../../shared/ipc';
import type { PdfExportRequest } from '../../shared/pdf';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import { printInHiddenFrame, printRouteUrl } from '../../renderer/src/host/browserPrint';
import { createElectronHost } from '../../renderer/src/host/electronHost';

const PERSONA: PdfExportRequest = { kind: 'persona-sheet', route: '/print/persona/w1/b1', suggestedName: 'Persona' };
const SLA: PdfExportRequest = { kind: 'sla', route: '/print/sla/w1/v2', suggestedName: 'SLA', paper: 'Letter', footer: { version: 'v2' } };

describe('Electron host PDF export', () => {
  function fakeApi() {
    const invoke = {
      'pdf:export': vi.fn<PreloadApi['invoke']['pdf:export']>(async () => ({ saved: true, path: '/home/u/Persona.pdf' })),
      'pdf:ready': vi.fn<PreloadApi['invoke']['pdf:ready']>(async () => ({ printing: true })),
      'file:saveImage': vi.fn<PreloadApi['invoke']['file:saveImage']>(async () => ({ saved: false, path: null })),
    };
    return { api: { invoke, on: {} } as unknown as PreloadApi, invoke };
  }

  it('asks main to export and tells whether a file was saved', async () => {
    const { api, invoke } = fakeApi();
    expect(await createElectronHost(api).exportPdf(SLA)).toEqual({ saved: true });
    expect(invoke['pdf:export']).toHaveBeenCalledWith(SLA);
  });

  it('reports a ready page, or why it cannot be printed, through pdf:ready', async () => {
    const { api, invoke } = fakeApi();
    const host = createElectronHost(api);
    await host.printReady();
    await host.printFailed('the board was deleted');
    await host.printFailed('');
    expect(invoke['pdf:ready'].mock.calls).toEqual([[{ problem: null }], [{ problem: 'the board was deleted' }], [{ problem: 'unknown problem' }]]);
  });

  it('passes the orientation a diagram laid itself out for, and images to save through file:saveImage', async () => {
    const { api, invoke } = fakeApi();
    const host = createElectronHost(api);
    await host.printReady({ orientation: 'landscape' });
    expect(invoke['pdf:ready']).toHaveBeenLastCalledWith({ problem: null, orientation: 'landscape' });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect(await host.saveImage('Board.png', png)).toEqual({ saved: false });
    expect(invoke['file:saveImage']).toHaveBeenCalledWith({ suggestedName: 'Board.png', bytes: png });
  });
});

describe('browser host image export', () => {
  it('downloads a PNG under its name (adding .png) and refuses bytes that are not one', async () => {
    const clicked: { download: string; type: string }[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      clicked.push({ download: '', type: (blob as Blob).type });
      return 'blob:png';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.at(-1)!.download = this.download;
    });
    try {
      const host = createBrowserHost(localStorage);
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
      expect(await host.saveImage('付箋のボード', png)).toEqual({ saved: true });
      expect(clicked).toEqual([{ download: '付箋のボード.png', type: 'image/png' }]);
      await expect(host.saveImage('x.png', new TextEncoder().encode('%PDF-1.7'))).rejects.toThrow('The image to save is not a PNG.');
      expect(clicked).toHaveLength(1);
    } finally {
      createObjectURL.mockRestore();
      click.mockRestore();
    }
  });
});

/** The hidden frame the browser host added, once it is there. */
function printFrame(): HTMLIFrameElement {
  const frame = document.querySelector<HTMLIFrameElement>('iframe[data-alignboard-print]');
  if (!frame) throw new Error('no print frame');
  return frame;
}

/** The print dialog closing, as the frame's own window reports it. */
function afterPrint(view: Window) {
  view.dispatchEvent(new (view as Window & typeof globalThis).Event('afterprint'));
}

/** jsdom does not load the frame's URL: give its document the <html> the app would have. */
function frameRoot(frame: HTMLIFrameElement): HTMLElement {
  const doc = frame.contentDocument!;
  return doc.documentElement ?? doc.appendChild(doc.createElement('html'));
}

/** Plays the print page inside the frame: loads, then marks itself ready (or not). */
function loadFrame(state: 'true' | 'error' | null, problem?: string) {
  const frame = printFrame();
  const view = frame.contentWindow!;
  const print = vi.fn<() => void>(() => {
    afterPrint(view);
  });
  view.print = print;
  const root = frameRoot(frame);
  frame.dispatchEvent(new Event('load'));
  if (problem) root.dataset.printProblem = problem;
  if (state) root.dataset.printReady = state;
  return { frame, print };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('browser host PDF export', () => {
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  it('loads the print route in a hidden, sandboxed same-origin frame of the paper’s size', async () => {
    const exported = createBrowserHost(localStorage).exportPdf(SLA);
    await tick();
    const frame = printFrame();
    expect(frame.src).toBe(printRouteUrl(window.location.href, '/print/sla/w1/v2', 'Letter'));
    expect(new URL(frame.src).origin).toBe(window.location.origin);
    // The print entry beside the app's page, not the app itself.
    expect(new URL(frame.src).pathname).toBe(new URL('print.html', window.location.href).pathname);
    expect(new URL(frame.src).hash).toBe('#/print/sla/w1/v2?paper=Letter');
    expect(frame).toHaveAttribute('aria-hidden', 'true');
    expect(frame.getAttribute('sandbox')!.split(' ').sort()).toEqual(['allow-modals', 'allow-same-origin', 'allow-scripts']);
    expect(frame.style.width).toBe('816px');
    expect(frame.style.height).toBe('1056px');
    expect(frame.style.display).not.toBe('none');

    const { print } = loadFrame('true');
    // The print dialog cannot say whether a file was saved.
    expect(await exported).toEqual({ saved: false });
    expect(print).toHaveBeenCalledTimes(1);
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('waits for the page to mark itself ready before opening the print dialog', async () => {
    const exported = printInHiddenFrame(PERSONA);
    await tick();
    const { frame, print } = loadFrame(null);
    await tick();
    expect(print).not.toHaveBeenCalled();
    frameRoot(frame).dataset.printReady = 'true';
    await exported;
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('resolves only once the print dialog is closed', async () => {
    const exported = printInHiddenFrame(PERSONA);
    let done = false;
    void exported.then(() => {
      done = true;
    });
    await tick();
    const frame = printFrame();
    const view = frame.contentWindow!;
    view.print = vi.fn<() => void>();
    frameRoot(frame).dataset.printReady = 'true';
    frame.dispatchEvent(new Event('load'));
    await tick();
    expect(view.print).toHaveBeenCalled();
    expect(done).toBe(false);
    expect(frame.isConnected).toBe(true);
    afterPrint(view);
    await exported;
    expect(frame.isConnected).toBe(false);
  });

  it('gives the focus back to the control that asked for the PDF once the print dialog has closed', async () => {
    const opener = document.body.appendChild(document.createElement('button'));
    opener.textContent = 'Export persona sheet (PDF)…';
    opener.focus();
    const exported = printInHiddenFrame(PERSONA);
    await tick();
    const frame = printFrame();
    const view = frame.contentWindow!;
    // As in Chromium: the print dialog is opened on the frame's window, and the frame has the focus.
    view.print = vi.fn<() => void>(() => {
      frame.focus();
      afterPrint(view);
    });
    frameRoot(frame).dataset.printReady = 'true';
    frame.dispatchEvent(new Event('load'));
    await exported;
    expect(frame.isConnected).toBe(false);
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it('rejects with the page’s own reason when it cannot be printed, and removes the frame', async () => {
    const exported = printInHiddenFrame(PERSONA);
    await tick();
    const { print } = loadFrame('error', 'the board was deleted');
    await expect(exported).rejects.toMatchObject({ problem: { kind: 'print-failed', detail: 'the board was deleted' }, message: 'The page could not be printed: the board was deleted' });
    expect(print).not.toHaveBeenCalled();
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('says so when the page cannot be shown in a frame', async () => {
    const exported = printInHiddenFrame(PERSONA);
    await tick();
    // A refused frame: no document of ours to look into.
    printFrame().dispatchEvent(new Event('load'));
    await expect(exported).rejects.toThrow(/could not be opened in a frame/);
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('gives up when the page never gets ready', async () => {
    const exported = printInHiddenFrame(PERSONA, { timeoutMs: 30 });
    await tick();
    loadFrame(null);
    await expect(exported).rejects.toMatchObject({ problem: { kind: 'print-not-ready', wait: '30 ms' }, message: 'The page to print did not get ready within 30 ms.' });
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('refuses a request the app would never print, before making a frame', async () => {
    await expect(createBrowserHost(localStorage).exportPdf({ ...PERSONA, paper: 'Letter' })).rejects.toThrow(/not printed on Letter/);
    await expect(createBrowserHost(localStorage).exportPdf({ ...PERSONA, route: 'https://evil.example/' })).rejects.toThrow(/not a print route/);
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('has nothing to report from a print page itself (the frame’s mark is the signal)', async () => {
    const host = createBrowserHost(localStorage);
    await expect(host.printReady()).resolves.toBeUndefined();
    await expect(host.printFailed('gone')).resolves.toBeUndefined();
  });
});
