import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Conf from 'conf';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../electron/main/appProtocol';
import { type AppWindow, type DialogLike, type MainEdges, parentedDialogs, type ParentWindow, startMain } from '../../electron/main/lifecycle';
import type { CreateStore } from '../../electron/main/settings';
import type { MainWindowOptions } from '../../electron/main/window';
import { invokeChannels } from '../../shared/ipc';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { appFrame, createTempDirs, type FakeAudienceWindow, fakeAudienceWindow, type FakeDisplay, fakeDisplay, fakeIpcMain, fakeScreen } from './helpers';

const tempDir = createTempDirs();
const createStore: CreateStore = ({ name, ...options }) =>
  new Conf<Record<string, unknown>>({ ...options, configName: name, projectName: 'alignboard-test' } as never);

/** A BrowserWindow stand-in: its events and webContents' events can be fired by the test. */
function fakeWindow(name: string) {
  const events = new EventEmitter();
  const contentsEvents = new EventEmitter();
  const sent: [string, unknown][] = [];
  let minimized = false;
  let destroyed = false;
  const calls: string[] = [];
  const window = {
    name,
    on: (event: string, listener: () => void) => events.on(event, listener),
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    focus: () => calls.push('focus'),
    getBounds: () => ({ x: 100, y: 100, width: 1280, height: 800 }),
    webContents: {
      on: (event: string, listener: (...args: unknown[]) => void) => contentsEvents.on(event, listener),
      loadURL: async (url: string) => void calls.push(`loadURL ${url}`),
      forcefullyCrashRenderer: () => void calls.push('forcefullyCrashRenderer'),
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    },
  };
  return {
    window: window as unknown as AppWindow,
    sent,
    calls,
    minimize: () => (minimized = true),
    /** The page finished loading: it can receive events. */
    loaded: () => contentsEvents.emit('did-finish-load'),
    /** The page's process ended (Electron's render-process-gone). */
    gone: (reason: string) => contentsEvents.emit('render-process-gone', {}, { reason, exitCode: 1 }),
    /** Electron reports the page hung. */
    hang: () => events.emit('unresponsive'),
    close: () => {
      destroyed = true;
      events.emit('closed');
    },
  };
}

type FakeWindow = ReturnType<typeof fakeWindow>;

/** Electron and the OS as startMain sees them, with every call recorded. */
async function fakeElectron(overrides: { platform?: NodeJS.Platform; argv?: string[]; locked?: boolean; displays?: FakeDisplay[] } = {}) {
  const userData = await tempDir();
  const documents = await tempDir();
  const rendererDir = await tempDir();
  await fsp.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Alignboard</title>');
  const appEvents = new EventEmitter();
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const app = {
    requestSingleInstanceLock: () => overrides.locked ?? true,
    quit: vi.fn<(...args: unknown[]) => void>(),
    on: (event: string, listener: (...args: never[]) => void) => appEvents.on(event, listener as (...args: unknown[]) => void),
    whenReady: () => whenReady,
    setAppUserModelId: vi.fn<(...args: unknown[]) => void>(),
    getPath: (name: 'userData' | 'documents') => (name === 'userData' ? userData : documents),
    getLocale: () => 'ja-JP',
    getVersion: () => '1.2.3',
    isPackaged: true,
  };
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn<(...args: unknown[]) => void>(),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler),
  };
  const session = {
    setPermissionRequestHandler: vi.fn<(...args: unknown[]) => void>(),
    setPermissionCheckHandler: vi.fn<(...args: unknown[]) => void>(),
    webRequest: { onHeadersReceived: vi.fn<(...args: unknown[]) => void>(), onBeforeRequest: vi.fn<(...args: unknown[]) => void>() },
  };
  const ipc = fakeIpcMain();
  const menus: MenuItemConstructorOptions[][] = [];
  const savePath = path.join(documents, 'export.alignboard');
  const dialog = {
    showSaveDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePath?: string }>>(async () => ({ canceled: false, filePath: savePath })),
    showOpenDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }>>(async () => ({ canceled: true, filePaths: [] })),
    showMessageBox: vi.fn<() => Promise<{ response: number }>>(async () => ({ response: 0 })),
    showErrorBox: vi.fn<(...args: unknown[]) => void>(),
  };
  const windows: FakeWindow[] = [];
  const windowOptions: MainWindowOptions[] = [];
  let focused: ParentWindow | null = null;
  const timers = { set: [] as number[], cleared: [] as unknown[] };
  const screen = fakeScreen(overrides.displays ?? [fakeDisplay(1, 0)]);
  const audienceWindows: FakeAudienceWindow[] = [];
  const edges: MainEdges = {
    app,
    protocol,
    session: session as unknown as MainEdges['session'],
    ipcMain: ipc.ipcMain,
    setApplicationMenu: (template) => menus.push(template),
    dialog: dialog as unknown as DialogLike,
    screen: screen.screen,
    focusedWindow: () => focused,
    createMainWindow: (options) => {
      windowOptions.push(options);
      const created = fakeWindow(`window ${windows.length + 1}`);
      windows.push(created);
      return created.window;
    },
    createPrintWindow: () => {
      throw new Error('no print window in these tests');
    },
    createAudienceWindow: (options) => {
      const created = fakeAudienceWindow(options as Record<string, unknown>);
      audienceWindows.push(created);
      return created.window;
    },
    createStore,
    fs,
    fsp,
    networkInterfaces: () => ({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: '127.0.0.1/8' }] }),
    randomBytes: (size) => randomBytes(size),
    setInterval: (_callback, ms) => timers.set.push(ms),
    clearInterval: (handle) => timers.cleared.push(handle),
    log: { info: () => undefined, warn: () => undefined },
    platform: overrides.platform ?? 'linux',
    argv: overrides.argv ?? ['/opt/Alignboard/alignboard'],
    cwd: documents,
    rendererDir,
    preloadPath: '/opt/Alignboard/preload.cjs',
    roomPort: 0,
  };
  startMain(edges);
  const emit = (event: string, ...args: unknown[]) => appEvents.emit(event, ...args);
  return {
    app,
    appEvents,
    emit,
    protocol,
    protocolHandlers,
    session,
    ipc,
    menus,
    dialog,
    windows,
    windowOptions,
    screen,
    audienceWindows,
    timers,
    userData,
    documents,
    savePath,
    focus: (window: ParentWindow | null) => (focused = window),
    /** Electron is ready: lets the `whenReady` continuation run. */
    ready: async () => {
      ready();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    dispose: () => appEvents.emit('before-quit', { preventDefault: () => undefined }),
  };
}

const labelsOf = (template: MenuItemConstructorOptions[]) => JSON.stringify(template, (key, value) => (key === 'click' ? undefined : value));

/** A valid workspace file on disk (what a double-click hands over). */
async function workspaceFileIn(dir: string): Promise<string> {
  const file = path.join(dir, 'Plan 2026.alignboard');
  await fsp.copyFile(path.join(import.meta.dirname, '../fixtures/migrations/file-v1.alignboard'), file);
  return file;
}

/** Waits for the file read of an opened file (real fs) to be delivered or queued. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('starting the main process', () => {
  it('registers the app scheme before ready, and a second launch quits without opening anything', async () => {
    const electron = await fakeElectron({ locked: false });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.appEvents.eventNames()).toEqual([]);
    await electron.ready();
    expect(electron.windows).toEqual([]);
    expect(electron.ipc.handlers.size).toBe(0);
  });

  it('at ready: hardens the session, serves app://, answers every IPC channel, sets the menu in the OS language and opens the window', async () => {
    const electron = await fakeElectron();
    expect(electron.windows).toEqual([]);
    await electron.ready();

    expect(electron.session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(electron.session.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    const response = await electron.protocolHandlers.get('app')!(new Request('app://alignboard/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('<title>Alignboard</title>');

    expect([...electron.ipc.handlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
    expect(await electron.ipc.invoke('app:info')).toEqual({ version: '1.2.3', platform: 'linux', userDataPath: electron.userData });

    // No language chosen yet: the OS locale (ja-JP) decides.
    expect(electron.menus).toHaveLength(1);
    expect(labelsOf(electron.menus[0]!)).toContain(ja.menu.export);

    expect(electron.windows).toHaveLength(1);
    expect(electron.windowOptions[0]).toMatchObject({ bounds: { width: 1280, height: 800, maximized: false }, theme: 'light', preloadPath: '/opt/Alignboard/preload.cjs' });
    expect(electron.app.setAppUserModelId).not.toHaveBeenCalled();
    electron.dispose();
  });

  it('on Windows, names the app for the taskbar', async () => {
    const electron = await fakeElectron({ platform: 'win32' });
    await electron.ready();
    expect(electron.app.setAppUserModelId).toHaveBeenCalledWith('com.alignboard.app');
    electron.dispose();
  });

  it('rebuilds the menu when the language setting changes, and not for other settings', async () => {
    const electron = await fakeElectron();
    await electron.ready();
    await electron.ipc.invoke('settings:set', { language: 'en' });
    expect(electron.menus).toHaveLength(2);
    expect(labelsOf(electron.menus[1]!)).toContain(en.menu.export);
    await electron.ipc.invoke('settings:set', { theme: 'dark' });
    expect(electron.menus).toHaveLength(2);
    electron.dispose();
  });

  it('the next window opens with the theme saved meanwhile', async () => {
    const electron = await fakeElectron();
    await electron.ready();
    await electron.ipc.invoke('settings:set', { theme: 'dark' });
    electron.windows[0]!.close();
    electron.emit('activate');
    expect(electron.windows).toHaveLength(2);
    expect(electron.windowOptions[1]).toMatchObject({ theme: 'dark' });
    electron.dispose();
  });

  it('hardens every web contents the app creates', async () => {
    const electron = await fakeElectron();
    const contents = { on: vi.fn<(event: string, listener: unknown) => void>(), setWindowOpenHandler: vi.fn<(handler: () => unknown) => void>() };
    electron.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.setWindowOpenHandler.mock.calls[0]![0]()).toEqual({ action: 'deny' });
    expect(contents.on.mock.calls.map(([event]) => event)).toEqual(['will-navigate', 'will-redirect', 'will-attach-webview']);
  });
});

describe('windows and quitting', () => {
  it('quits when the last window closes, except on macOS', async () => {
    const linux = await fakeElectron({ platform: 'linux' });
    linux.emit('window-all-closed');
    expect(linux.app.quit).toHaveBeenCalledTimes(1);
    const mac = await fakeElectron({ platform: 'darwin' });
    mac.emit('window-all-closed');
    expect(mac.app.quit).not.toHaveBeenCalled();
  });

  it('reopens a window on activate only when none is open, and sends events to the open one', async () => {
    const electron = await fakeElectron({ platform: 'darwin' });
    await electron.ready();
    electron.emit('activate');
    expect(electron.windows).toHaveLength(1);
    electron.windows[0]!.close();
    electron.emit('activate');
    expect(electron.windows).toHaveLength(2);
    electron.windows[1]!.loaded();
    expect(electron.windows[1]!.sent.map(([channel]) => channel)).toEqual(['backup:due']);
    expect(electron.windows[0]!.sent).toEqual([]);
    electron.dispose();
  });

  it('asks the page for the startup backup once it has loaded, and stops the daily timer on quit', async () => {
    const electron = await fakeElectron();
    await electron.ready();
    expect(electron.timers.set).toEqual([]);
    electron.windows[0]!.loaded();
    expect(electron.windows[0]!.sent).toEqual([['backup:due', { reason: 'startup' }]]);
    expect(electron.timers.set).toHaveLength(1);
    electron.dispose();
    expect(electron.timers.cleared).toEqual([1]);
  });
});

describe('the app window is looked after (issue 13)', () => {
  it('a page that dies is loaded again at the start page, and the user is told why in the menu’s language', async () => {
    const electron = await fakeElectron();
    await electron.ready();
    const [window] = electron.windows;
    window!.loaded();
    window!.gone('oom');
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    expect(window!.calls).toEqual([`loadURL ${APP_ENTRY_URL}`]);
    // Parented to the app window; the OS locale (ja-JP) decides the language.
    expect(electron.dialog.showMessageBox.mock.calls[0]).toEqual([
      window!.window,
      expect.objectContaining({ message: ja.shell.crashed.message, detail: expect.stringContaining(ja.shell.reasons.oom) }),
    ]);
    electron.dispose();
  });

  it('a page that hangs gets the question to wait or reload; "Reload" ends it and loads the app again', async () => {
    const electron = await fakeElectron();
    await electron.ready();
    const [window] = electron.windows;
    window!.loaded();
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    window!.hang();
    await vi.waitFor(() => expect(window!.calls).toEqual(['forcefullyCrashRenderer', `loadURL ${APP_ENTRY_URL}`]));
    expect(electron.dialog.showMessageBox.mock.calls[0]).toEqual([
      window!.window,
      expect.objectContaining({ message: ja.shell.unresponsive.message, buttons: [ja.shell.unresponsive.wait, ja.shell.unresponsive.reload] }),
    ]);
    electron.dispose();
  });

  it('a window opened again later is looked after too', async () => {
    const electron = await fakeElectron({ platform: 'darwin' });
    await electron.ready();
    electron.windows[0]!.close();
    electron.emit('activate');
    const reopened = electron.windows[1]!;
    reopened.gone('crashed');
    await vi.waitFor(() => expect(reopened.calls).toEqual([`loadURL ${APP_ENTRY_URL}`]));
    electron.dispose();
  });
});

describe('what a crash left behind is cleaned up at start (issue 13)', () => {
  const HOUR = 60 * 60 * 1000;

  /** Files named `name` in `dir` with the given age. */
  async function filesAged(dir: string, ages: Record<string, number>) {
    await fsp.mkdir(dir, { recursive: true });
    for (const [name, age] of Object.entries(ages)) {
      const file = path.join(dir, name);
      await fsp.writeFile(file, 'x');
      const when = (Date.now() - age) / 1000;
      await fsp.utimes(file, when, when);
    }
  }

  it('the backups folder is made private and emptied of temporary files; the export folder loses only our old ones', async () => {
    const electron = await fakeElectron();
    const backups = path.join(electron.userData, 'backups');
    const exports = await tempDir();
    await filesAged(backups, { '.alignboard-0123456789ab.tmp': 0, 'notes.txt': 2 * HOUR });
    await fsp.chmod(backups, 0o755);
    await filesAged(exports, {
      '.alignboard-aaaaaaaaaaaa.tmp': 2 * HOUR,
      // Perhaps another Alignboard's save still in progress: left alone.
      '.alignboard-bbbbbbbbbbbb.tmp': 60 * 1000,
      'Plan.alignboard': 2 * HOUR,
    });
    // The folder of the last export, as main remembered it.
    await fsp.writeFile(path.join(electron.userData, 'settings.json'), JSON.stringify({ language: null, theme: 'light', lastExportFolder: exports }));
    await electron.ready();

    await vi.waitFor(async () => {
      expect(await fsp.readdir(backups)).toEqual(['notes.txt']);
      expect((await fsp.readdir(exports)).sort()).toEqual(['.alignboard-bbbbbbbbbbbb.tmp', 'Plan.alignboard']);
    });
    expect((await fsp.stat(backups)).mode & 0o777).toBe(0o700);
    electron.dispose();
  });
});

describe('workspace files handed over by the OS', () => {
  it('opens a file from the command line once the page has loaded', async () => {
    const dir = await tempDir();
    const file = await workspaceFileIn(dir);
    const electron = await fakeElectron({ argv: ['/opt/Alignboard/alignboard', '--no-sandbox', file] });
    await electron.ready();
    await settle();
    expect(electron.windows[0]!.sent).toEqual([]);
    electron.windows[0]!.loaded();
    // The file is read from disk: on a busy machine that may take longer than settle() waited.
    const opened = await vi.waitFor(
      () => {
        const sent = electron.windows[0]!.sent.find(([channel]) => channel === 'file:opened');
        expect(sent).toBeDefined();
        return sent;
      },
      { timeout: 10_000 },
    );
    expect(opened?.[1]).toMatchObject({ fileName: 'Plan 2026.alignboard' });
    expect(JSON.stringify(opened?.[1])).toContain('全テーブル');
    electron.dispose();
  });

  it('a second launch with a file restores and focuses the window and opens the file there', async () => {
    const dir = await tempDir();
    await workspaceFileIn(dir);
    const electron = await fakeElectron();
    await electron.ready();
    const [main] = electron.windows;
    main!.loaded();
    main!.minimize();
    electron.emit('second-instance', {}, ['/opt/Alignboard/alignboard', 'Plan 2026.alignboard'], dir);
    expect(main!.calls).toEqual(['restore', 'focus']);
    await vi.waitFor(() => expect(main!.sent.map(([channel]) => channel)).toContain('file:opened'), { timeout: 10_000 });
    electron.dispose();
  });

  it('macOS open-file: takes the file over from the OS, even before ready, and delivers it to the page', async () => {
    const dir = await tempDir();
    const file = await workspaceFileIn(dir);
    const electron = await fakeElectron({ platform: 'darwin' });
    const event = { preventDefault: vi.fn<(...args: unknown[]) => void>() };
    electron.emit('open-file', event, file);
    expect(event.preventDefault).toHaveBeenCalled();
    await settle();
    await electron.ready();
    electron.windows[0]!.loaded();
    expect(electron.windows[0]!.sent.map(([channel]) => channel)).toContain('file:opened');
    electron.dispose();
  });

  it('a file that cannot be read is said in a native error box, and nothing reaches the page', async () => {
    const electron = await fakeElectron();
    await electron.ready();
    electron.windows[0]!.loaded();
    electron.emit('second-instance', {}, ['alignboard', 'missing.alignboard'], electron.documents);
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(electron.dialog.showErrorBox.mock.calls[0]![0]).toBe('Alignboard');
    // In the menu's language: none chosen, so the OS locale (ja-JP).
    expect(electron.dialog.showErrorBox.mock.calls[0]![1]).toContain('missing.alignboard');
    expect(electron.dialog.showErrorBox.mock.calls[0]![1]).toContain(ja.hostErrors.reasons['not-found']);
    expect(electron.windows[0]!.sent.map(([channel]) => channel)).not.toContain('file:opened');

    await electron.ipc.invoke('settings:set', { language: 'en' });
    electron.emit('second-instance', {}, ['alignboard', 'missing.alignboard'], electron.documents);
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(2), { timeout: 10_000 });
    expect(electron.dialog.showErrorBox.mock.calls[1]![1]).toContain(en.hostErrors.reasons['not-found']);
    electron.dispose();
  });

  it('a file that fails before the settings are read is said in English', async () => {
    const electron = await fakeElectron({ platform: 'darwin' });
    electron.emit('open-file', { preventDefault: () => undefined }, path.join(electron.documents, 'missing.alignboard'));
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(electron.dialog.showErrorBox.mock.calls[0]![1]).toContain(en.hostErrors.reasons['not-found']);
  });
});

describe('file dialogs', () => {
  it('are modal to the focused window, else to the app window, else free-standing', async () => {
    const electron = await fakeElectron();
    await electron.ready();
    const save = () => electron.ipc.invoke('file:saveWorkspace', { suggestedName: 'Plan', content: '{}' });

    await save();
    expect(electron.dialog.showSaveDialog.mock.calls.at(-1)![0]).toBe(electron.windows[0]!.window);

    const other = { name: 'print window' };
    electron.focus(other);
    await save();
    expect(electron.dialog.showSaveDialog.mock.calls.at(-1)![0]).toBe(other);

    electron.focus(null);
    electron.windows[0]!.close();
    await save();
    const last = electron.dialog.showSaveDialog.mock.calls.at(-1)!;
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ defaultPath: expect.stringContaining('Plan') });
    expect(await fsp.readFile(electron.savePath, 'utf8')).toBe('{}');
    electron.dispose();
  });

  it('parentedDialogs: the open dialog follows the same rule', async () => {
    const dialog = {
      showSaveDialog: vi.fn<() => Promise<{ canceled: boolean }>>(async () => ({ canceled: true })),
      showOpenDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }>>(async () => ({ canceled: true, filePaths: [] })),
      showMessageBox: vi.fn<(...args: unknown[]) => void>(),
      showErrorBox: vi.fn<(...args: unknown[]) => void>(),
    };
    let parent: ParentWindow | null = { name: 'app window' };
    const dialogs = parentedDialogs(dialog as unknown as DialogLike, () => parent);
    await dialogs.showOpenDialog({ title: 'Import' });
    expect(dialog.showOpenDialog.mock.calls[0]).toEqual([{ name: 'app window' }, { title: 'Import' }]);
    parent = null;
    await dialogs.showOpenDialog({ title: 'Import' });
    expect(dialog.showOpenDialog.mock.calls[1]).toEqual([{ title: 'Import' }]);
  });
});

describe('the frame check still guards every channel', () => {
  it('refuses a call from outside the app', async () => {
    const electron = await fakeElectron();
    await electron.ready();
    await expect(electron.ipc.invokeFrom({ url: 'https://example.com/', parent: null }, 'app:info')).rejects.toThrow(/not the Alignboard app/);
    await expect(electron.ipc.invokeFrom(appFrame(), 'app:info')).resolves.toMatchObject({ version: '1.2.3' });
    electron.dispose();
  });
});

describe('the audience window (issue 10)', () => {
  const twoDisplays = () => [fakeDisplay(1, 0), fakeDisplay(2, 1920, 1280, 720)];

  it('audience:open places it full screen on the second display, in the language of the settings, and a second call focuses it', async () => {
    const electron = await fakeElectron({ displays: twoDisplays() });
    await electron.ready();
    expect(await electron.ipc.invoke('audience:open')).toEqual({ placement: 'external-display' });
    expect(electron.audienceWindows).toHaveLength(1);
    const audience = electron.audienceWindows[0]!;
    // The OS language here is Japanese (getLocale 'ja-JP'): so is the window's title.
    expect(audience.options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 720, title: ja.projector.windowTitle });
    expect(audience.options.webPreferences).toMatchObject({ preload: '/opt/Alignboard/preload.cjs', contextIsolation: true, sandbox: true });
    audience.readyToShow();
    expect(audience.state.fullScreen).toBe(true);
    expect(await electron.ipc.invoke('audience:open')).toEqual({ placement: 'external-display' });
    expect(electron.audienceWindows).toHaveLength(1);
    expect(audience.calls.at(-1)).toBe('focus');
    electron.dispose();
  });

  it('refuses audience calls from outside the app and with arguments', async () => {
    const electron = await fakeElectron({ displays: twoDisplays() });
    await electron.ready();
    await expect(electron.ipc.invokeFrom({ url: 'https://example.com/', parent: null }, 'audience:open')).rejects.toThrow(/not the Alignboard app/);
    await expect(electron.ipc.invoke('audience:open', { x: 0 })).rejects.toThrow(/^Refused audience:open: invalid arguments/);
    expect(electron.audienceWindows).toEqual([]);
    electron.dispose();
  });

  it('tells the app window’s page when the user closes it or its display is unplugged, not when the page closed it', async () => {
    const electron = await fakeElectron({ displays: twoDisplays() });
    await electron.ready();
    const main = electron.windows[0]!;
    await electron.ipc.invoke('audience:open');
    electron.audienceWindows[0]!.userClose();
    await electron.ipc.invoke('audience:open');
    electron.screen.unplug(2);
    expect(electron.audienceWindows[1]!.window.isDestroyed()).toBe(true);
    // One display left: a normal window now, closed at the page's request.
    expect(await electron.ipc.invoke('audience:open')).toEqual({ placement: 'window' });
    expect(await electron.ipc.invoke('audience:close')).toBeNull();
    expect(electron.audienceWindows[2]!.window.isDestroyed()).toBe(true);
    expect(main.sent.filter(([channel]) => channel === 'audience:closed')).toEqual([
      ['audience:closed', { reason: 'closed' }],
      ['audience:closed', { reason: 'display-removed' }],
    ]);
    expect(main.calls.filter((call) => call === 'focus')).toHaveLength(3);
    electron.dispose();
  });

  it('closes with the app window, and on quit', async () => {
    const electron = await fakeElectron({ displays: twoDisplays(), platform: 'darwin' });
    await electron.ready();
    await electron.ipc.invoke('audience:open');
    electron.windows[0]!.close();
    expect(electron.audienceWindows[0]!.window.isDestroyed()).toBe(true);
    expect(electron.screen.listenerCount()).toBe(0);
    electron.emit('activate');
    await electron.ipc.invoke('audience:open');
    electron.dispose();
    expect(electron.audienceWindows[1]!.window.isDestroyed()).toBe(true);
  });
});
