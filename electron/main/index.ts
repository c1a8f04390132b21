import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import Store from 'electron-store';
import { languageFromLocale, type AppSettings, type Language } from '../../shared/settings';
import { createAppProtocolHandler } from './appProtocol';
import { createBackupStore } from './backup';
import { createBackupSchedule } from './backupSchedule';
import { removeStaleTempFiles } from './atomicWrite';
import { createFileService, readWorkspaceFile, STALE_EXPORT_TEMP_MS } from './files';
import { createHandlers } from './handlers';
import { registerHandlers, sendEvent } from './ipc';
import { buildMenuTemplate } from './menu';
import { createFileOpener, findWorkspaceArg } from './openFile';
import { createPdfExporter } from './pdf';
import { watchWindowHealth } from './recovery';
import { createMainRooms } from './rooms';
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, registerAppScheme } from './security';
import { openSettings, restoreWindowBounds } from './settings';
import { createMainWindow } from './window';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';

/** Lifecycle only: every decision lives in the modules imported above. */

const here = nodePath.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = nodePath.join(here, '../dist/renderer');
const PRELOAD_PATH = nodePath.join(here, 'preload.cjs');

registerAppScheme(protocol); // must happen before `ready`

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  let mainWindow: BrowserWindow | null = null;
  const contents = () => mainWindow?.webContents;
  // The user's language once settings are read (at `ready`); a file that fails before then is told in English.
  let uiLanguage = (): Language => 'en';

  const opener = createFileOpener({
    read: (filePath) => readWorkspaceFile(fsp, filePath),
    send: (payload) => sendEvent(contents(), 'file:opened', payload),
    showError: (message) => dialog.showErrorBox('Alignboard', message),
    labels: () => (uiLanguage() === 'ja' ? ja : en).hostErrors,
  });
  const openFromArgv = (argv: readonly string[], cwd: string) => {
    const filePath = findWorkspaceArg(argv, cwd);
    if (filePath) void opener.open(filePath);
  };

  // macOS delivers double-clicked files through this event, possibly before `ready`.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    void opener.open(filePath);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    openFromArgv(argv.slice(1), workingDirectory);
  });
  app.on('web-contents-created', (_event, created) => hardenWebContents(created));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    if (process.platform === 'win32') app.setAppUserModelId('com.alignboard.app');
    const userData = app.getPath('userData');
    const settings = openSettings({
      dir: userData,
      createStore: (options) => new Store(options as ConstructorParameters<typeof Store>[0]),
      fs,
      now: () => new Date(),
    });

    const rooms = createMainRooms({
      rendererDir: RENDERER_DIR,
      now: () => Date.now(),
      logger: { info: (message) => console.log(message), warn: (message) => console.warn(message) },
      networkInterfaces,
      randomBytes: (size) => randomBytes(size),
      send: (status) => sendEvent(contents(), 'room:changed', status),
    });
    // The room closes with the app: participants are told, and their links stop working.
    let roomClosed = false;
    app.on('before-quit', (event) => {
      if (roomClosed || !rooms.roomOpen()) return;
      event.preventDefault();
      void rooms.dispose().finally(() => {
        roomClosed = true;
        app.quit();
      });
    });

    hardenSession(session.defaultSession, { roomOpen: rooms.roomOpen });
    protocol.handle(
      'app',
      createAppProtocolHandler({ rootDir: RENDERER_DIR, readFile: (p) => fsp.readFile(p), contentSecurityPolicy: CONTENT_SECURITY_POLICY }),
    );

    const menuLanguage = (value: AppSettings['language']) => value ?? languageFromLocale(app.getLocale());
    uiLanguage = () => menuLanguage(settings.get().settings.language);
    const setMenu = (language: AppSettings['language']) => {
      const template = buildMenuTemplate({
        language: menuLanguage(language),
        platform: process.platform,
        isDev: !app.isPackaged,
        send: (command) => sendEvent(contents(), 'menu:command', command),
      });
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    };

    const parentWindow = () => BrowserWindow.getFocusedWindow() ?? mainWindow;
    const files = createFileService({
      dialog: {
        showSaveDialog: (options) => {
          const parent = parentWindow();
          return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
        },
        showOpenDialog: (options) => {
          const parent = parentWindow();
          return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
        },
      },
      fs: fsp,
      lastFolder: () => settings.get().settings.lastExportFolder,
      rememberFolder: (folder) => settings.update({ lastExportFolder: folder }),
      defaultFolder: () => app.getPath('documents'),
      labels: () => {
        const messages = menuLanguage(settings.get().settings.language) === 'ja' ? ja : en;
        return {
          exportTitle: messages.menu.export.replace(/…$/, ''),
          importTitle: messages.menu.import.replace(/…$/, ''),
          imageTitle: messages.diagrams.saveImageTitle,
          imageFilter: messages.diagrams.pngFilter,
          workspaceFilter: messages.shell.files.workspaceFilter,
          allFilesFilter: messages.shell.files.allFilesFilter,
        };
      },
    });
    const backups = createBackupStore({ dir: nodePath.join(userData, 'backups'), fs: fsp, now: () => new Date() });
    // What a crash left behind. A failure here shows again, and is reported, on the first backup.
    void backups.prepare().catch(() => undefined);
    const lastExportFolder = settings.get().settings.lastExportFolder;
    if (lastExportFolder) void removeStaleTempFiles(fsp, lastExportFolder, { olderThanMs: STALE_EXPORT_TEMP_MS, now: Date.now });
    const pdf = createPdfExporter({
      createWindow: (options) => new BrowserWindow(options),
      preloadPath: PRELOAD_PATH,
      dialog: {
        showSaveDialog: (options) => {
          const parent = parentWindow();
          return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
        },
      },
      fs: fsp,
      lastFolder: () => settings.get().settings.lastExportFolder,
      rememberFolder: (folder) => settings.update({ lastExportFolder: folder }),
      defaultFolder: () => app.getPath('documents'),
      labels: () => {
        const messages = (menuLanguage(settings.get().settings.language) === 'ja' ? ja : en).print;
        return { exportTitle: messages.exportTitle, filterName: messages.pdfFilter };
      },
    });

    registerHandlers(
      ipcMain,
      createHandlers({
        appInfo: () => ({ version: app.getVersion(), platform: process.platform, userDataPath: userData }),
        settings,
        files,
        backups,
        pdf,
        rooms: rooms.host,
        onSettingsChanged: (next, previous) => {
          if (next.language !== previous.language) setMenu(next.language);
        },
      }),
    );
    setMenu(settings.get().settings.language);

    const schedule = createBackupSchedule({
      send: (payload) => sendEvent(contents(), 'backup:due', payload),
      now: () => Date.now(),
      setInterval: (callback, ms) => setInterval(callback, ms),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    });
    app.on('before-quit', () => schedule.stop());

    const openWindow = () => {
      const displays = screen.getAllDisplays();
      const primary = screen.getPrimaryDisplay();
      const areas = [primary, ...displays.filter((d) => d.id !== primary.id)].map((d) => d.workArea);
      const window = createMainWindow({
        bounds: restoreWindowBounds(settings.windowBounds(), areas),
        theme: settings.get().settings.theme,
        preloadPath: PRELOAD_PATH,
        saveBounds: (bounds) => settings.saveWindowBounds(bounds),
      });
      watchWindowHealth({
        window,
        showMessageBox: (options) => dialog.showMessageBox(window, options),
        labels: () => (menuLanguage(settings.get().settings.language) === 'ja' ? ja : en).shell,
        now: () => Date.now(),
        quit: () => app.quit(),
      });
      window.webContents.on('did-finish-load', () => {
        schedule.pageLoaded();
        opener.pageReady();
      });
      window.webContents.on('did-start-loading', () => opener.pageGone());
      window.on('closed', () => {
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
    openFromArgv(process.argv.slice(1), process.cwd());
  });
}
