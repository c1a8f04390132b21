import type fsp from 'node:fs/promises';
import type { NetworkInterfaceInfo } from 'node:os';
import nodePath from 'node:path';
import type { MenuItemConstructorOptions, MessageBoxOptions, OpenDialogOptions, Rectangle, SaveDialogOptions } from 'electron';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { languageFromLocale, type AppSettings, type Language } from '../../shared/settings';
import { createAppProtocolHandler } from './appProtocol';
import { type AudienceWindowDeps, createAudienceWindows } from './audienceWindow';
import { removeStaleTempFiles } from './atomicWrite';
import { createBackupStore } from './backup';
import { createBackupSchedule } from './backupSchedule';
import { createFileService, type FileDialogs, readWorkspaceFile, STALE_EXPORT_TEMP_MS } from './files';
import { createHandlers } from './handlers';
import { type IpcMainLike, registerHandlers, sendEvent } from './ipc';
import { buildMenuTemplate } from './menu';
import { createFileOpener, findWorkspaceArg } from './openFile';
import { createPdfExporter, type PdfExporterDeps } from './pdf';
import { watchWindowHealth, type WatchedWindow } from './recovery';
import { createMainRooms } from './rooms';
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, registerAppScheme } from './security';
import { type CreateStore, type DisplayArea, openSettings, restoreWindowBounds } from './settings';
import type { MainWindowOptions } from './window';

/**
 * The main process's lifecycle: single instance, the app window, OS events (files opened from the
 * OS, a second launch, quitting) and the services behind IPC, wired together. Every edge to
 * Electron and the OS comes in through MainEdges, so test/electron/lifecycle.test.ts runs all of it
 * in Node; index.ts passes the real ones and holds no logic.
 */

/** A window as the dialogs' parent: Electron's BrowserWindow, opaque here. */
export type ParentWindow = object;

/** The parts of the app window this wires. */
export type AppWindow = WatchedWindow &
  ParentWindow & {
    isMinimized(): boolean;
    restore(): void;
    focus(): void;
    getBounds(): Rectangle;
    on(event: 'closed', listener: () => void): unknown;
    readonly webContents: WatchedWindow['webContents'] & {
      on(event: 'did-finish-load' | 'did-start-loading', listener: () => void): unknown;
      isDestroyed(): boolean;
      send(channel: string, ...args: unknown[]): void;
    };
  };

type Listener = (...args: never[]) => void;

export type AppLike = {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: string, listener: Listener): unknown;
  whenReady(): Promise<unknown>;
  setAppUserModelId(id: string): void;
  getPath(name: 'userData' | 'documents'): string;
  getLocale(): string;
  getVersion(): string;
  readonly isPackaged: boolean;
};

/** Electron's dialog module, reduced to what main uses. */
export type DialogLike = {
  showSaveDialog(window: ParentWindow, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(window: ParentWindow, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showMessageBox(window: ParentWindow, options: MessageBoxOptions): Promise<{ response: number }>;
  showErrorBox(title: string, content: string): void;
};

type Display = { id: number; workArea: DisplayArea; bounds: DisplayArea };

export type MainEdges = {
  app: AppLike;
  protocol: Parameters<typeof registerAppScheme>[0] & { handle(scheme: string, handler: (request: Request) => Promise<Response>): void };
  session: Parameters<typeof hardenSession>[0];
  ipcMain: IpcMainLike;
  /** Menu.setApplicationMenu(Menu.buildFromTemplate(template)). */
  setApplicationMenu: (template: MenuItemConstructorOptions[]) => void;
  dialog: DialogLike;
  /** Electron's screen: the displays for the windows' places, and their plugging in and out. */
  screen: AudienceWindowDeps['screen'] & { getAllDisplays(): Display[]; getPrimaryDisplay(): Display };
  /** BrowserWindow.getFocusedWindow(). */
  focusedWindow: () => ParentWindow | null;
  /** createMainWindow (window.ts). */
  createMainWindow: (options: MainWindowOptions) => AppWindow;
  /** `new BrowserWindow(options)` for the hidden print window. */
  createPrintWindow: PdfExporterDeps['createWindow'];
  /** `new BrowserWindow(options)` for the audience window (audienceWindow.ts). */
  createAudienceWindow: AudienceWindowDeps['createWindow'];
  /** `new Store(options)` (electron-store). */
  createStore: CreateStore;
  /** node:fs (settings read and repair synchronously at start). */
  fs: Parameters<typeof openSettings>[0]['fs'];
  fsp: typeof fsp;
  networkInterfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  randomBytes: (size: number) => Uint8Array;
  setInterval: (callback: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
  log: { info(message: string): void; warn(message: string): void };
  platform: NodeJS.Platform;
  /** process.argv and process.cwd() at launch. */
  argv: readonly string[];
  cwd: string;
  rendererDir: string;
  preloadPath: string;
  /** The room server's port (ROOM_PORT unless a test picks one). */
  roomPort?: number;
};

/**
 * Electron's file dialogs, modal to the focused window (the app window, or a print window), or to
 * the app window when none has focus, or free-standing when there is no window at all.
 */
export function parentedDialogs(dialog: DialogLike, parent: () => ParentWindow | null): FileDialogs {
  return {
    showSaveDialog: (options) => {
      const window = parent();
      return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
    },
    showOpenDialog: (options) => {
      const window = parent();
      return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
    },
  };
}

/** Starts the main process. Call before Electron's `ready` (the app scheme is registered here). */
export function startMain(edges: MainEdges): void {
  registerAppScheme(edges.protocol); // must happen before `ready`
  if (!edges.app.requestSingleInstanceLock()) {
    edges.app.quit();
    return;
  }
  run(edges);
}

function run(edges: MainEdges): void {
  const { app, dialog, platform } = edges;
  let mainWindow: AppWindow | null = null;
  const contents = () => mainWindow?.webContents;
  // The user's language once settings are read (at `ready`); a file that fails before then is told in English.
  let uiLanguage = (): Language => 'en';

  const opener = createFileOpener({
    read: (filePath) => readWorkspaceFile(edges.fsp, filePath),
    send: (payload) => sendEvent(contents(), 'file:opened', payload),
    showError: (message) => dialog.showErrorBox('Alignboard', message),
    labels: () => (uiLanguage() === 'ja' ? ja : en).hostErrors,
  });
  const openFromArgv = (argv: readonly string[], cwd: string) => {
    const filePath = findWorkspaceArg(argv, cwd);
    if (filePath) void opener.open(filePath);
  };

  // macOS delivers double-clicked files through this event, possibly before `ready`.
  app.on('open-file', (event: { preventDefault(): void }, filePath: string) => {
    event.preventDefault();
    void opener.open(filePath);
  });
  app.on('second-instance', (_event: unknown, argv: string[], workingDirectory: string) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    openFromArgv(argv.slice(1), workingDirectory);
  });
  app.on('web-contents-created', (_event: unknown, created: Parameters<typeof hardenWebContents>[0]) => hardenWebContents(created));
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    if (platform === 'win32') app.setAppUserModelId('com.alignboard.app');
    const userData = app.getPath('userData');
    const settings = openSettings({ dir: userData, createStore: edges.createStore, fs: edges.fs, now: () => new Date() });

    const rooms = createMainRooms({
      rendererDir: edges.rendererDir,
      now: () => Date.now(),
      logger: edges.log,
      networkInterfaces: edges.networkInterfaces,
      randomBytes: edges.randomBytes,
      send: (status) => sendEvent(contents(), 'room:changed', status),
      ...(edges.roomPort === undefined ? {} : { port: edges.roomPort }),
    });
    // The room closes with the app: participants are told, and their links stop working.
    let roomClosed = false;
    app.on('before-quit', (event: { preventDefault(): void }) => {
      if (roomClosed || !rooms.roomOpen()) return;
      event.preventDefault();
      void rooms.dispose().finally(() => {
        roomClosed = true;
        app.quit();
      });
    });

    hardenSession(edges.session, { roomOpen: rooms.roomOpen });
    edges.protocol.handle(
      'app',
      createAppProtocolHandler({ rootDir: edges.rendererDir, readFile: (p) => edges.fsp.readFile(p), contentSecurityPolicy: CONTENT_SECURITY_POLICY }),
    );

    const menuLanguage = (value: AppSettings['language']) => value ?? languageFromLocale(app.getLocale());
    uiLanguage = () => menuLanguage(settings.get().settings.language);
    const messages = () => (menuLanguage(settings.get().settings.language) === 'ja' ? ja : en);
    const setMenu = (language: AppSettings['language']) => {
      const template = buildMenuTemplate({
        language: menuLanguage(language),
        platform,
        isDev: !app.isPackaged,
        send: (command) => sendEvent(contents(), 'menu:command', command),
      });
      edges.setApplicationMenu(template);
    };

    const dialogs = parentedDialogs(dialog, () => edges.focusedWindow() ?? mainWindow);
    const exportFolder = {
      lastFolder: () => settings.get().settings.lastExportFolder,
      rememberFolder: (folder: string) => settings.update({ lastExportFolder: folder }),
      defaultFolder: () => app.getPath('documents'),
    };
    const files = createFileService({
      dialog: dialogs,
      fs: edges.fsp,
      ...exportFolder,
      labels: () => ({
        exportTitle: messages().menu.export.replace(/…$/, ''),
        importTitle: messages().menu.import.replace(/…$/, ''),
        imageTitle: messages().diagrams.saveImageTitle,
        imageFilter: messages().diagrams.pngFilter,
        workspaceFilter: messages().shell.files.workspaceFilter,
        allFilesFilter: messages().shell.files.allFilesFilter,
      }),
    });
    const backups = createBackupStore({ dir: nodePath.join(userData, 'backups'), fs: edges.fsp, now: () => new Date() });
    // What a crash left behind. A failure here shows again, and is reported, on the first backup.
    void backups.prepare().catch(() => undefined);
    const lastExportFolder = settings.get().settings.lastExportFolder;
    if (lastExportFolder) void removeStaleTempFiles(edges.fsp, lastExportFolder, { olderThanMs: STALE_EXPORT_TEMP_MS, now: Date.now });
    const pdf = createPdfExporter({
      createWindow: edges.createPrintWindow,
      preloadPath: edges.preloadPath,
      dialog: { showSaveDialog: dialogs.showSaveDialog },
      fs: edges.fsp,
      ...exportFolder,
      labels: () => ({ exportTitle: messages().print.exportTitle, filterName: messages().print.pdfFilter }),
    });

    const audience = createAudienceWindows({
      screen: edges.screen,
      createWindow: edges.createAudienceWindow,
      preloadPath: edges.preloadPath,
      mainWindow: () => mainWindow,
      onClosed: (reason) => sendEvent(contents(), 'audience:closed', { reason }),
      title: () => messages().projector.windowTitle,
      log: (message) => edges.log.warn(message),
    });
    app.on('before-quit', () => audience.dispose());

    registerHandlers(
      edges.ipcMain,
      createHandlers({
        appInfo: () => ({ version: app.getVersion(), platform, userDataPath: userData }),
        settings,
        files,
        backups,
        pdf,
        rooms: rooms.host,
        audience,
        onSettingsChanged: (next, previous) => {
          if (next.language !== previous.language) setMenu(next.language);
        },
      }),
    );
    setMenu(settings.get().settings.language);

    const schedule = createBackupSchedule({
      send: (payload) => sendEvent(contents(), 'backup:due', payload),
      now: () => Date.now(),
      setInterval: edges.setInterval,
      clearInterval: edges.clearInterval,
    });
    app.on('before-quit', () => schedule.stop());

    const openWindow = () => {
      const displays = edges.screen.getAllDisplays();
      const primary = edges.screen.getPrimaryDisplay();
      const areas = [primary, ...displays.filter((d) => d.id !== primary.id)].map((d) => d.workArea);
      const window = edges.createMainWindow({
        bounds: restoreWindowBounds(settings.windowBounds(), areas),
        theme: settings.get().settings.theme,
        preloadPath: edges.preloadPath,
        saveBounds: (bounds) => settings.saveWindowBounds(bounds),
      });
      watchWindowHealth({
        window,
        showMessageBox: (options) => dialog.showMessageBox(window, options),
        labels: () => messages().shell,
        now: () => Date.now(),
        quit: () => app.quit(),
      });
      window.webContents.on('did-finish-load', () => {
        schedule.pageLoaded();
        opener.pageReady();
      });
      window.webContents.on('did-start-loading', () => opener.pageGone());
      window.on('closed', () => {
        // The projector shows what the laptop presents: without the app window it has no one to follow.
        audience.dispose();
        opener.pageGone();
        if (mainWindow === window) mainWindow = null;
      });
      mainWindow = window;
    };
    openWindow();
    app.on('activate', () => {
      if (!mainWindow) openWindow();
    });

    // A file double-clicked to launch the app (Windows/Linux pass it on the command line).
    openFromArgv(edges.argv.slice(1), edges.cwd);
  });
}
