import type { MessageBoxOptions, RenderProcessGoneDetails } from 'electron';
import type { Messages } from '../../shared/locales/en';
import { APP_ENTRY_URL } from './appProtocol';

/**
 * Keeps the app window usable when its page dies or hangs, instead of leaving a blank or frozen
 * window: a page that is gone is loaded again at the start page (all data lives in IndexedDB, so
 * nothing saved is lost) and the user is told what happened; a page that stops responding offers
 * to wait or to reload. Reloading at the start page rather than where the page died, because the
 * page itself (a file it was reading) may be what killed it.
 */

/** The parts of a BrowserWindow this watches. */
export type WatchedWindow = {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  isDestroyed(): boolean;
  readonly webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>) => void): unknown;
    loadURL(url: string): Promise<void>;
    forcefullyCrashRenderer(): void;
  };
};

export type RecoveryDeps = {
  window: WatchedWindow;
  /** dialog.showMessageBox, parented to the window. */
  showMessageBox: (options: MessageBoxOptions) => Promise<{ response: number }>;
  /** The shell strings in the menu's language. */
  labels: () => Messages['shell'];
  now: () => number;
  quit: () => void;
};

/** This many deaths within CRASH_WINDOW_MS: stop reloading on our own and ask. */
export const CRASH_LOOP_COUNT = 3;
export const CRASH_WINDOW_MS = 2 * 60 * 1000;
/** A death this soon after the user chose "Reload" is the one that choice caused. */
const OWN_KILL_MS = 10_000;

export function watchWindowHealth({ window, showMessageBox, labels, now, quit }: RecoveryDeps) {
  let deaths: number[] = [];
  let killedByUsAt: number | null = null;
  let hangDialog: AbortController | null = null;

  const reload = () => {
    if (window.isDestroyed()) return;
    // A failed load leaves Chromium's error page; the next death or hang is handled again.
    window.webContents.loadURL(APP_ENTRY_URL).catch(() => undefined);
  };

  const describeReason = (reason: RenderProcessGoneDetails['reason']) =>
    (labels().reasons as Record<string, string | undefined>)[reason] ?? reason;

  async function onGone(details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>) {
    // A window being closed ends its page normally; nothing to recover.
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    hangDialog?.abort();
    if (killedByUsAt !== null && now() - killedByUsAt < OWN_KILL_MS) {
      // The user chose "Reload" on a hung window: already reloading, nothing to tell.
      killedByUsAt = null;
      return;
    }
    const at = now();
    deaths = [...deaths.filter((t) => at - t < CRASH_WINDOW_MS), at];
    const text = labels();
    const reason = describeReason(details.reason);
    if (deaths.length >= CRASH_LOOP_COUNT) {
      // Reloading again by itself could go round in circles: the user decides.
      const { response } = await showMessageBox({
        type: 'error',
        title: 'Alignboard',
        message: text.crashLoop.message,
        detail: text.crashLoop.detail.replace('{{count}}', String(deaths.length)).replace('{{reason}}', reason),
        buttons: [text.crashLoop.reload, text.crashLoop.quit],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      if (response === 1) quit();
      else {
        deaths = [];
        reload();
      }
      return;
    }
    reload();
    await showMessageBox({
      type: 'warning',
      title: 'Alignboard',
      message: text.crashed.message,
      detail: text.crashed.detail.replace('{{reason}}', reason),
      buttons: [text.crashed.ok],
      defaultId: 0,
      noLink: true,
    });
  }

  async function onUnresponsive() {
    if (hangDialog || window.isDestroyed()) return;
    const text = labels().unresponsive;
    const controller = new AbortController();
    hangDialog = controller;
    try {
      const { response } = await showMessageBox({
        type: 'warning',
        title: 'Alignboard',
        message: text.message,
        detail: text.detail,
        buttons: [text.wait, text.reload],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        // Closed by itself (as if "Wait") when the page answers again.
        signal: controller.signal,
      });
      if (response === 1 && !controller.signal.aborted && !window.isDestroyed()) {
        // A hung page cannot be navigated away from: end its process, then load the app again.
        killedByUsAt = now();
        window.webContents.forcefullyCrashRenderer();
        reload();
      }
    } finally {
      if (hangDialog === controller) hangDialog = null;
    }
  }

  window.webContents.on('render-process-gone', (_event, details) => void onGone(details));
  window.on('unresponsive', () => void onUnresponsive());
  window.on('responsive', () => hangDialog?.abort());
}
