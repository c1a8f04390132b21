import { describe, expect, it } from 'vitest';
import { AUDIENCE_URL, type AudienceClosedReason, choosePlacement, createAudienceWindows, WINDOW_SIZE } from '../../electron/main/audienceWindow';
import { secureWebPreferences } from '../../electron/main/security';
import { type FakeAudienceWindow, fakeAudienceWindow, type FakeDisplay, fakeDisplay, fakeScreen } from './helpers';

const PRELOAD = '/opt/Alignboard/preload.cjs';

/** The audience windows of a main process whose app window sits at `mainBounds` (on the first display by default). */
function setup(displays: FakeDisplay[], mainBounds = { x: 100, y: 100, width: 1280, height: 800 }, { deferClose = false, loadError = null as Error | null } = {}) {
  const screen = fakeScreen(displays);
  const logged: string[] = [];
  const created: FakeAudienceWindow[] = [];
  const closed: AudienceClosedReason[] = [];
  const mainCalls: string[] = [];
  let main: { destroyed: boolean; minimized: boolean } | null = { destroyed: false, minimized: false };
  const audience = createAudienceWindows({
    screen: screen.screen,
    createWindow: (options) => {
      const window = fakeAudienceWindow(options as Record<string, unknown>, { deferClose, loadError });
      created.push(window);
      return window.window;
    },
    preloadPath: PRELOAD,
    mainWindow: () =>
      main && {
        isDestroyed: () => main!.destroyed,
        getBounds: () => mainBounds,
        isMinimized: () => main!.minimized,
        restore: () => mainCalls.push('restore'),
        focus: () => mainCalls.push('focus'),
      },
    onClosed: (reason) => closed.push(reason),
    title: () => 'Alignboard — Audience',
    log: (message) => logged.push(message),
  });
  return {
    audience,
    logged,
    screen,
    created,
    closed,
    mainCalls,
    only: () => {
      expect(created).toHaveLength(1);
      return created[0]!;
    },
    minimizeMain: () => (main!.minimized = true),
    noMainWindow: () => (main = null),
  };
}

const laptop = fakeDisplay(1, 0, 1366, 768);
const projector = fakeDisplay(2, 1366, 1280, 720);

describe('the audience window', () => {
  it('opens full screen on the external display, with the app window’s secure preferences, on the audience route', () => {
    const { audience, only, mainCalls } = setup([laptop, projector]);
    expect(audience.open()).toEqual({ placement: 'external-display' });
    const window = only();
    expect(window.options.webPreferences).toEqual(secureWebPreferences(PRELOAD));
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(window.options).toMatchObject({ ...projector.bounds, show: false, title: 'Alignboard — Audience' });
    expect(window.state.url).toBe(AUDIENCE_URL);
    expect(AUDIENCE_URL).toBe('app://alignboard/index.html#/audience');
    // Nothing shows before the page has painted; then full screen, and the laptop keeps the focus.
    expect(window.state.shown).toBe(false);
    window.readyToShow();
    expect(window.calls).toEqual(['removeMenu', 'showInactive', 'setFullScreen(true)']);
    expect(window.state).toMatchObject({ shown: true, fullScreen: true, focused: false });
    expect(mainCalls).toEqual([]);
    expect(audience.isOpen()).toBe(true);
  });

  it('chooses a display other than the app window’s, whichever display the app window is on', () => {
    // The app window dragged onto the second display: the audience goes to the first.
    const { audience, only } = setup([laptop, projector], { x: 1500, y: 50, width: 1000, height: 600 });
    expect(audience.open()).toEqual({ placement: 'external-display' });
    expect(only().options).toMatchObject(laptop.bounds);
  });

  it('prefers a display that is not the primary when there are three', () => {
    const third = fakeDisplay(3, 3000, 1920, 1080);
    const screen = fakeScreen([laptop, projector, third]);
    // The app window on the projector: the third display, not the laptop's (primary) screen.
    expect(choosePlacement(screen.screen, { x: 1400, y: 0, width: 800, height: 600 }).display.id).toBe(3);
    expect(choosePlacement(screen.screen, null).display.id).toBe(2);
  });

  it('with one display opens a normal window, centred, that takes the focus so the user can move it', () => {
    const { audience, only } = setup([laptop]);
    expect(audience.open()).toEqual({ placement: 'window' });
    const window = only();
    expect(window.options).toMatchObject({ width: WINDOW_SIZE.width, height: Math.min(WINDOW_SIZE.height, 728), show: false });
    expect(window.options.x).toBe(Math.round((1366 - 1280) / 2));
    expect(window.options.webPreferences).toEqual(secureWebPreferences(PRELOAD));
    window.readyToShow();
    expect(window.calls).toEqual(['removeMenu', 'show', 'focus']);
    expect(window.state).toMatchObject({ shown: true, fullScreen: false, focused: true });
  });

  it('fits the normal window on a screen smaller than 1280×720', () => {
    const { audience, only } = setup([fakeDisplay(1, 0, 1024, 600)], { x: 0, y: 0, width: 800, height: 500 });
    audience.open();
    expect(only().options).toMatchObject({ x: 0, y: 0, width: 1024, height: 560 });
  });

  it('a second open brings the open window forward instead of opening another', () => {
    const { audience, created } = setup([laptop, projector]);
    audience.open();
    created[0]!.readyToShow();
    created[0]!.minimize();
    expect(audience.open()).toEqual({ placement: 'external-display' });
    expect(created).toHaveLength(1);
    expect(created[0]!.calls.slice(-2)).toEqual(['restore', 'focus']);
  });

  it('closed by the user: tells the page, gives the focus back to the app window, and opens anew next time', () => {
    const { audience, created, closed, mainCalls, minimizeMain } = setup([laptop, projector]);
    audience.open();
    minimizeMain();
    created[0]!.userClose();
    expect(closed).toEqual(['closed']);
    expect(mainCalls).toEqual(['restore', 'focus']);
    expect(audience.isOpen()).toBe(false);
    audience.open();
    expect(created).toHaveLength(2);
  });

  it('closed on the page’s request: not told back, focus returns to the app window', () => {
    const { audience, created, closed, mainCalls } = setup([laptop, projector]);
    audience.open();
    audience.close();
    expect(created[0]!.calls).toContain('close');
    expect(closed).toEqual([]);
    expect(mainCalls).toEqual(['focus']);
    // Closing what is not open is nothing.
    audience.close();
    expect(created[0]!.calls.filter((call) => call === 'close')).toHaveLength(1);
  });

  it('a quick toggle (close, then open before Electron has closed it) opens a new window, and the old one’s end disturbs nothing', () => {
    const { audience, screen, created, closed, mainCalls } = setup([laptop, projector], undefined, { deferClose: true });
    audience.open();
    audience.close();
    expect(audience.isOpen()).toBe(false);
    expect(audience.open()).toEqual({ placement: 'external-display' });
    expect(created).toHaveLength(2);
    created[0]!.finishClose();
    expect(closed).toEqual([]);
    expect(mainCalls).toEqual([]);
    expect(audience.isOpen()).toBe(true);
    // The new one still follows its display.
    screen.unplug(2);
    created[1]!.finishClose();
    expect(closed).toEqual(['display-removed']);
    expect(mainCalls).toEqual(['focus']);
  });

  it('closed by its own page: the app window’s page is told, as for a close by the user', async () => {
    const { audience, created, closed, mainCalls } = setup([laptop, projector]);
    audience.open();
    expect(await created[0]!.invokeOwn('audience:open')).toEqual({ placement: 'external-display' });
    expect(created).toHaveLength(1);
    await expect(created[0]!.invokeOwn('audience:close', 'now')).rejects.toThrow(/invalid arguments/);
    expect(await created[0]!.invokeOwn('audience:close')).toBeNull();
    expect(created[0]!.window.isDestroyed()).toBe(true);
    expect(closed).toEqual(['closed']);
    expect(mainCalls).toEqual(['focus']);
  });

  it('its display unplugged: closes it, tells the page, gives the focus back, and stops watching the screen', () => {
    const { audience, screen, created, closed, mainCalls } = setup([laptop, projector]);
    audience.open();
    created[0]!.readyToShow();
    expect(screen.listenerCount()).toBe(2);
    screen.unplug(2);
    expect(created[0]!.window.isDestroyed()).toBe(true);
    expect(closed).toEqual(['display-removed']);
    expect(mainCalls).toEqual(['focus']);
    expect(screen.listenerCount()).toBe(0);
  });

  it('another display unplugged: stays', () => {
    const third = fakeDisplay(3, 3000);
    const { audience, screen, created, closed } = setup([laptop, projector, third]);
    audience.open();
    screen.unplug(3);
    expect(created[0]!.window.isDestroyed()).toBe(false);
    expect(closed).toEqual([]);
  });

  it('opened with one display, moves full screen to a display plugged in afterwards, the laptop keeping the focus', () => {
    const { audience, screen, created, mainCalls } = setup([laptop]);
    expect(audience.open()).toEqual({ placement: 'window' });
    created[0]!.readyToShow();
    screen.plug(projector);
    expect(created[0]!.window.getBounds()).toEqual({ x: 1366, y: 0, width: 1280, height: 720 });
    expect(created[0]!.state.fullScreen).toBe(true);
    expect(mainCalls).toEqual(['focus']);
    // Now on the projector: a second open says so, and unplugging it closes the window.
    expect(audience.open()).toEqual({ placement: 'external-display' });
    screen.unplug(2);
    expect(created[0]!.window.isDestroyed()).toBe(true);
  });

  it('its page crashing closes it and tells the app window’s page', () => {
    const { audience, created, closed } = setup([laptop, projector]);
    audience.open();
    created[0]!.crash('crashed');
    expect(closed).toEqual(['crashed']);
    // A page that ended normally (the window closing) is not a crash.
    audience.open();
    created[1]!.crash('clean-exit');
    expect(created[1]!.window.isDestroyed()).toBe(false);
  });

  it('a page that cannot be loaded closes its window, says why in the log, and tells the app window’s page', async () => {
    const { audience, created, closed, logged } = setup([laptop, projector], undefined, { loadError: new Error('ERR_FILE_NOT_FOUND (-6)') });
    audience.open();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(created[0]!.window.isDestroyed()).toBe(true);
    expect(closed).toEqual(['crashed']);
    expect(logged).toEqual(['The audience window could not load its page: ERR_FILE_NOT_FOUND (-6)']);
  });

  it('a late crash of a window being closed leaves the new one alone', () => {
    const { audience, created, closed } = setup([laptop, projector], undefined, { deferClose: true });
    audience.open();
    audience.close();
    audience.open();
    created[0]!.crash('killed');
    // Nor is a window being closed shown when its page gets ready.
    created[0]!.readyToShow();
    expect(created[0]!.state.shown).toBe(false);
    created[0]!.finishClose();
    expect(created[1]!.calls).not.toContain('close');
    expect(audience.isOpen()).toBe(true);
    expect(closed).toEqual([]);
  });

  it('when the app window goes: closes, tells no page, focuses nothing, and stops watching the screen', () => {
    const { audience, screen, created, closed, mainCalls, noMainWindow } = setup([laptop, projector]);
    audience.open();
    noMainWindow();
    audience.dispose();
    expect(created[0]!.window.isDestroyed()).toBe(true);
    expect(closed).toEqual([]);
    expect(mainCalls).toEqual([]);
    expect(screen.listenerCount()).toBe(0);
  });

  it('without an app window (macOS, all windows closed) opens on a display other than the primary', () => {
    const { audience, only, noMainWindow } = setup([laptop, projector]);
    noMainWindow();
    expect(audience.open()).toEqual({ placement: 'external-display' });
    expect(only().options).toMatchObject(projector.bounds);
  });
});
