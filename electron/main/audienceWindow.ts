import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { AudiencePlacement } from '../../shared/ipc';
import { APP_ENTRY_URL } from './appProtocol';
import { handle, type IpcMainLike } from './ipc';
import { secureWebPreferences } from './security';

/**
 * The audience window of issue 10 (the projector's view): a second BrowserWindow on the app's
 * chrome-less audience route, with exactly the app window's secure preferences, preload and (through
 * the app:// protocol and the session) CSP. With a display other than the app window's it opens full
 * screen there, without taking focus from the laptop; with one display it is a normal window the
 * user drags. Its display unplugged, it closes (a full-screen window Chromium moved onto the laptop
 * would cover the controls); whenever it closes the app window gets focus back. It holds no data:
 * closing it never loses anything. Every OS edge (screen, the BrowserWindow factory, the app window)
 * is injected, so test/electron/audienceWindow.test.ts runs it in Node.
 */

export const AUDIENCE_URL = `${APP_ENTRY_URL}#/audience`;

/** A normal audience window's size (16:9, the usual projector), shrunk to fit a smaller screen. */
export const WINDOW_SIZE = { width: 1280, height: 720 } as const;

export type DisplayLike = { id: number; bounds: Rectangle; workArea: Rectangle };

export type ScreenLike = {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
  getDisplayMatching(rect: Rectangle): DisplayLike;
  on(event: 'display-added' | 'display-removed', listener: (event: unknown, display: DisplayLike) => void): unknown;
  removeListener(event: 'display-added' | 'display-removed', listener: (event: unknown, display: DisplayLike) => void): unknown;
};

/** The parts of the audience BrowserWindow used here. */
export type AudienceBrowserWindow = {
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  readonly webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
    /** Its own IPC handlers, asked before the global ones (only this window's page reaches them). */
    readonly ipc: IpcMainLike;
  };
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  showInactive(): void;
  focus(): void;
  close(): void;
  removeMenu(): void;
  getBounds(): Rectangle;
  setBounds(bounds: Rectangle): void;
  setFullScreen(flag: boolean): void;
};

/** The app window, which keeps the controls. */
export type MainWindowLike = {
  isDestroyed(): boolean;
  getBounds(): Rectangle;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
};

export type AudienceClosedReason = 'closed' | 'display-removed' | 'crashed';

export type AudienceWindowDeps = {
  screen: ScreenLike;
  /** `new BrowserWindow(options)`. */
  createWindow: (options: BrowserWindowConstructorOptions) => AudienceBrowserWindow;
  preloadPath: string;
  /** The app window now (null while there is none, e.g. macOS with every window closed). */
  mainWindow: () => MainWindowLike | null;
  /** Tells the app window's page the audience window is gone (not when the page itself asked to close it). */
  onClosed: (reason: AudienceClosedReason) => void;
  /** The window's title in the UI language (the taskbar and window switcher show it). */
  title: () => string;
  log?: (message: string) => void;
};

/** A normal window of WINDOW_SIZE (or the work area, if smaller) centred on the display. */
export function windowBoundsOn(display: DisplayLike): Rectangle {
  const area = display.workArea;
  const width = Math.min(WINDOW_SIZE.width, area.width);
  const height = Math.min(WINDOW_SIZE.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where the audience window goes: a display other than the app window's (the primary's when there
 * is no app window), preferring one that is not the primary (a laptop lid is usually primary),
 * else the app window's own display as a normal window.
 */
export function choosePlacement(screen: Pick<ScreenLike, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'>, mainBounds: Rectangle | null): {
  placement: AudiencePlacement;
  display: DisplayLike;
} {
  const primary = screen.getPrimaryDisplay();
  const home = mainBounds ? screen.getDisplayMatching(mainBounds) : primary;
  const others = screen.getAllDisplays().filter((display) => display.id !== home.id);
  const external = others.find((display) => display.id !== primary.id) ?? others[0];
  return external ? { placement: 'external-display', display: external } : { placement: 'window', display: home };
}

export type AudienceWindows = {
  open(): { placement: AudiencePlacement };
  /** Closes it on the page's request (the page is not told again through onClosed). */
  close(): void;
  isOpen(): boolean;
  /** The app window closed or the app quits: the audience window goes too, and the screen is no longer watched. */
  dispose(): void;
};

export function createAudienceWindows(deps: AudienceWindowDeps): AudienceWindows {
  const { screen } = deps;
  type Shown = {
    window: AudienceBrowserWindow;
    placement: AudiencePlacement;
    displayId: number;
    /** Why we are closing it; null while open, and when the user closes it. */
    closing: AudienceClosedReason | 'requested' | 'disposed' | null;
  };
  /** The open window. One being closed is no longer it: Electron closes asynchronously, and an open meanwhile (a quick toggle) opens a new one. */
  let current: Shown | null = null;
  let watching = false;

  const live = () => (current && !current.window.isDestroyed() ? current : null);

  const focusMain = () => {
    const main = deps.mainWindow();
    if (!main || main.isDestroyed()) return;
    if (main.isMinimized()) main.restore();
    main.focus();
  };

  /** Closes that window (not whichever is open by then: a crash report can come late) once. */
  const closeFor = (shown: Shown | null, reason: NonNullable<Shown['closing']>) => {
    if (!shown || shown.window.isDestroyed() || shown.closing) return;
    shown.closing = reason;
    if (current === shown) {
      current = null;
      watchScreen(false);
    }
    shown.window.close();
  };

  // A normal window ('window') exists only while there is one display: onDisplayAdded moves it to
  // any display plugged in, so only a full-screen window can lose its display.
  const onDisplayRemoved = (_event: unknown, removed: DisplayLike) => {
    const shown = live();
    if (shown?.placement === 'external-display' && shown.displayId === removed.id) closeFor(shown, 'display-removed');
  };

  const onDisplayAdded = (_event: unknown, added: DisplayLike) => {
    const shown = live();
    if (!shown || shown.placement !== 'window') return;
    // Opened before the projector was plugged in: it goes there, full screen, as if opened now.
    const main = deps.mainWindow();
    const home = main && !main.isDestroyed() ? screen.getDisplayMatching(main.getBounds()) : screen.getPrimaryDisplay();
    if (added.id === home.id) return;
    shown.window.setBounds({ ...added.bounds });
    shown.window.setFullScreen(true);
    // The same record, changed in place: its 'closed' listener knows the window by it.
    shown.placement = 'external-display';
    shown.displayId = added.id;
    focusMain();
  };

  const watchScreen = (on: boolean) => {
    if (on === watching) return;
    watching = on;
    if (on) {
      screen.on('display-removed', onDisplayRemoved);
      screen.on('display-added', onDisplayAdded);
    } else {
      screen.removeListener('display-removed', onDisplayRemoved);
      screen.removeListener('display-added', onDisplayAdded);
    }
  };

  function open(): { placement: AudiencePlacement } {
    const existing = live();
    if (existing) {
      if (existing.window.isMinimized()) existing.window.restore();
      existing.window.focus();
      return { placement: existing.placement };
    }
    const main = deps.mainWindow();
    const { placement, display } = choosePlacement(screen, main && !main.isDestroyed() ? main.getBounds() : null);
    const bounds = placement === 'external-display' ? { ...display.bounds } : windowBoundsOn(display);
    const window = deps.createWindow({
      ...bounds,
      show: false,
      title: deps.title(),
      // The projector theme's page colour, so nothing flashes on the projector while it loads.
      backgroundColor: '#ffffff',
      autoHideMenuBar: true,
      // Only the app window's powers: same preload, same isolation, same sandbox.
      webPreferences: secureWebPreferences(deps.preloadPath),
    });
    const opened: Shown = { window, placement, displayId: display.id, closing: null };
    current = opened;
    // The projector shows content only: no menu bar on Windows and Linux (macOS's is the screen's).
    window.removeMenu();
    window.once('ready-to-show', () => {
      if (window.isDestroyed() || opened.closing) return;
      if (opened.placement === 'external-display') {
        // The facilitator keeps typing on the laptop while the projector lights up.
        window.showInactive();
        window.setFullScreen(true);
      } else {
        window.show();
        window.focus();
      }
    });
    // The audience page's own calls (its Esc, say): closing itself is a close the laptop did not
    // ask for, so the laptop's page is told; opening itself only says where it is.
    handle(window.webContents.ipc, 'audience:close', () => {
      closeFor(opened, 'closed');
      return null;
    });
    handle(window.webContents.ipc, 'audience:open', () => ({ placement: opened.placement }));
    window.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit') return;
      deps.log?.(`The audience window's page is gone (${details.reason}); it is closed.`);
      closeFor(opened, 'crashed');
    });
    window.on('closed', () => {
      const reason = opened.closing;
      if (current === opened) {
        current = null;
        watchScreen(false);
      }
      if (reason === 'disposed') return;
      if (reason !== 'requested') deps.onClosed(reason ?? 'closed');
      // Unless a new audience window opened meanwhile: that one has what focus it should.
      if (!current) focusMain();
    });
    watchScreen(true);
    window.loadURL(AUDIENCE_URL).catch((error: unknown) => {
      if (opened.closing || window.isDestroyed()) return;
      deps.log?.(`The audience window could not load its page: ${error instanceof Error ? error.message : String(error)}`);
      closeFor(opened, 'crashed');
    });
    return { placement };
  }

  return {
    open,
    close: () => closeFor(live(), 'requested'),
    isOpen: () => live() !== null,
    dispose() {
      closeFor(live(), 'disposed');
      watchScreen(false);
    },
  };
}
