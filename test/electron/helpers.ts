import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { AudienceBrowserWindow } from '../../electron/main/audienceWindow';
import type { InvokeEvent, IpcMainLike } from '../../electron/main/ipc';

/** A fresh directory per call, removed after the test. */
export function createTempDirs(): () => Promise<string> {
  const created: string[] = [];
  afterEach(async () => {
    await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'alignboard-'));
    created.push(dir);
    return dir;
  };
}

type Listener = (event: InvokeEvent, ...args: unknown[]) => unknown;

/** ipcMain stand-in: records handlers and lets a test invoke them as a given frame would. */
export function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invokeFrom = async (frame: InvokeEvent['senderFrame'], channel: string, ...args: unknown[]) => {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: frame }, ...args);
  };
  return {
    ipcMain,
    handlers,
    invokeFrom,
    /** As the app window's main frame would. */
    invoke: (channel: string, ...args: unknown[]) => invokeFrom(appFrame(), channel, ...args),
  };
}

export function appFrame(url = 'app://alignboard/index.html#/w/1'): NonNullable<InvokeEvent['senderFrame']> {
  return { url, parent: null };
}

type Rect = { x: number; y: number; width: number; height: number };
export type FakeDisplay = { id: number; bounds: Rect; workArea: Rect };

/** A display of `width`×`height` at (x, 0), its work area less a 40 px task bar. */
export function fakeDisplay(id: number, x: number, width = 1920, height = 1080): FakeDisplay {
  return { id, bounds: { x, y: 0, width, height }, workArea: { x, y: 0, width, height: height - 40 } };
}

type DisplayListener = (event: unknown, display: FakeDisplay) => void;

/** Electron's `screen` stand-in: displays the test plugs in and out (firing the events as Electron does). */
export function fakeScreen(initial: FakeDisplay[]) {
  let displays = [...initial];
  const listeners = { 'display-added': new Set<DisplayListener>(), 'display-removed': new Set<DisplayListener>() };
  const contains = (rect: Rect, x: number, y: number) => x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
  const screen = {
    getAllDisplays: () => [...displays],
    getPrimaryDisplay: () => displays[0]!,
    // As Electron: the display holding the rectangle's centre, else the nearest (here: the primary).
    getDisplayMatching: (rect: Rect) =>
      displays.find((display) => contains(display.bounds, rect.x + rect.width / 2, rect.y + rect.height / 2)) ?? displays[0]!,
    on: (event: keyof typeof listeners, listener: DisplayListener) => listeners[event].add(listener),
    removeListener: (event: keyof typeof listeners, listener: DisplayListener) => listeners[event].delete(listener),
  };
  return {
    screen,
    listenerCount: () => listeners['display-added'].size + listeners['display-removed'].size,
    plug(display: FakeDisplay) {
      displays.push(display);
      for (const listener of Array.from(listeners['display-added'])) listener({}, display);
    },
    unplug(id: number) {
      const removed = displays.find((display) => display.id === id)!;
      displays = displays.filter((display) => display !== removed);
      for (const listener of Array.from(listeners['display-removed'])) listener({}, removed);
    },
  };
}

/**
 * A BrowserWindow stand-in for the audience window: it records what is done to it, and `close()`
 * fires 'closed' as Electron does; the test fires `ready-to-show` and the page's death.
 */
export function fakeAudienceWindow(options: Record<string, unknown>, { deferClose = false, loadError = null as Error | null } = {}) {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const contentsListeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const add = (map: typeof listeners, event: string, listener: (...args: unknown[]) => void) => {
    if (!map.has(event)) map.set(event, new Set());
    map.get(event)!.add(listener);
  };
  const fire = (map: typeof listeners, event: string, ...args: unknown[]) => {
    for (const listener of Array.from(map.get(event) ?? [])) listener(...args);
  };
  let destroyed = false;
  let closePending = false;
  let minimized = false;
  // Electron's close() emits 'closed' later; `deferClose` lets a test act in between.
  const finishClose = () => {
    closePending = false;
    destroyed = true;
    fire(listeners, 'closed');
  };
  let bounds = { x: Number(options.x ?? 0), y: Number(options.y ?? 0), width: Number(options.width ?? 800), height: Number(options.height ?? 600) };
  const calls: string[] = [];
  const state = { fullScreen: false, shown: false, focused: false, url: null as string | null };
  const ownIpc = fakeIpcMain();
  const window = {
    once: (event: string, listener: () => void) => {
      const once = () => {
        listeners.get(event)?.delete(once);
        listener();
      };
      add(listeners, event, once);
    },
    on: (event: string, listener: () => void) => add(listeners, event, listener),
    webContents: { on: (event: string, listener: (...args: unknown[]) => void) => add(contentsListeners, event, listener), ipc: ownIpc.ipcMain },
    loadURL: async (url: string) => {
      state.url = url;
      if (loadError) throw loadError;
    },
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: () => {
      calls.push('restore');
      minimized = false;
    },
    show: () => {
      calls.push('show');
      state.shown = true;
      state.focused = true;
    },
    showInactive: () => {
      calls.push('showInactive');
      state.shown = true;
    },
    focus: () => {
      calls.push('focus');
      state.focused = true;
    },
    close: () => {
      if (destroyed || closePending) return;
      calls.push('close');
      if (deferClose) closePending = true;
      else finishClose();
    },
    removeMenu: () => calls.push('removeMenu'),
    getBounds: () => ({ ...bounds }),
    setBounds: (next: Rect) => {
      calls.push('setBounds');
      bounds = { ...next };
    },
    setFullScreen: (flag: boolean) => {
      calls.push(`setFullScreen(${flag})`);
      state.fullScreen = flag;
    },
  };
  return {
    window: window as unknown as AudienceBrowserWindow,
    options,
    calls,
    state,
    minimize: () => (minimized = true),
    readyToShow: () => fire(listeners, 'ready-to-show'),
    crash: (reason = 'crashed') => fire(contentsListeners, 'render-process-gone', {}, { reason }),
    /** The user closes it (its close button, Alt+F4). */
    userClose: () => window.close(),
    moveTo: (next: Rect) => (bounds = { ...next }),
    /** A deferred close completes. */
    finishClose,
    /** Invokes as the audience window's own page (its webContents' handlers). */
    invokeOwn: (channel: string, ...args: unknown[]) => ownIpc.invokeFrom({ url: 'app://alignboard/index.html#/audience', parent: null }, channel, ...args),
  };
}
export type FakeAudienceWindow = ReturnType<typeof fakeAudienceWindow>;
