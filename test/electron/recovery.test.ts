import { EventEmitter } from 'node:events';
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { APP_ENTRY_URL } from '../../electron/main/appProtocol';
import { CRASH_LOOP_COUNT, watchWindowHealth, type WatchedWindow } from '../../electron/main/recovery';

/** A BrowserWindow and its webContents as two event emitters, recording what main does to them. */
function fakeWindow() {
  const events = new EventEmitter();
  const contents = new EventEmitter();
  const log: string[] = [];
  let destroyed = false;
  const window: WatchedWindow = {
    on: (event, listener) => events.on(event, listener),
    isDestroyed: () => destroyed,
    webContents: {
      on: (event, listener) => contents.on(event, listener),
      loadURL: async (url) => void log.push(`load ${url}`),
      forcefullyCrashRenderer: () => void log.push('kill renderer'),
    },
  };
  return {
    window,
    log,
    gone: (reason: string, exitCode = 1) => contents.emit('render-process-gone', {}, { reason, exitCode }),
    hang: () => events.emit('unresponsive'),
    answerAgain: () => events.emit('responsive'),
    destroy: () => {
      destroyed = true;
    },
  };
}

/** dialog.showMessageBox: answers with the queued responses, or stays open until told. */
function fakeDialog() {
  const shown: MessageBoxOptions[] = [];
  const pending: { resolve: (response: number) => void; options: MessageBoxOptions }[] = [];
  const showMessageBox = vi.fn<(options: MessageBoxOptions) => Promise<{ response: number }>>(async (options) => {
    shown.push(options);
    return new Promise<{ response: number }>((resolve) => {
      const entry = { options, resolve: (response: number) => resolve({ response }) };
      pending.push(entry);
      // As Electron does: an aborted box resolves as if cancelled.
      options.signal?.addEventListener('abort', () => entry.resolve(options.cancelId ?? 0));
    });
  });
  const answer = async (response: number) => {
    pending.shift()!.resolve(response);
    await settle();
  };
  return { showMessageBox, shown, answer };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(language: 'en' | 'ja' = 'en') {
  const win = fakeWindow();
  const dialog = fakeDialog();
  let now = 1_000_000;
  const quit = vi.fn<() => void>();
  watchWindowHealth({
    window: win.window,
    showMessageBox: dialog.showMessageBox,
    labels: () => (language === 'ja' ? ja : en).shell,
    now: () => now,
    quit,
  });
  return { ...win, ...dialog, quit, advance: (ms: number) => void (now += ms) };
}

describe('a page that dies', () => {
  it('is loaded again at the start page, and the user is told why', async () => {
    const app = setup();
    app.gone('crashed');
    await settle();
    expect(app.log).toEqual([`load ${APP_ENTRY_URL}`]);
    expect(app.shown).toHaveLength(1);
    expect(app.shown[0]).toMatchObject({
      type: 'warning',
      message: 'Alignboard reopened its window',
      detail: expect.stringContaining('The window stopped unexpectedly (it crashed) and was opened again at the start page.'),
      buttons: ['OK'],
    });
  });

  it.each([
    ['oom', 'it ran out of memory'],
    ['killed', 'it was ended by the system'],
    ['abnormal-exit', 'it ended abnormally'],
  ])('names the reason %s in words', async (reason, words) => {
    const app = setup();
    app.gone(reason);
    await settle();
    expect(app.shown[0]!.detail).toContain(`(${words})`);
    expect(app.log).toEqual([`load ${APP_ENTRY_URL}`]);
  });

  it('says it in Japanese when the menu is in Japanese', async () => {
    const app = setup('ja');
    app.gone('oom');
    await settle();
    expect(app.shown[0]).toMatchObject({ message: 'Alignboard のウィンドウを開き直しました', buttons: ['OK'] });
    expect(app.shown[0]!.detail).toContain('（メモリが不足しました）');
  });

  it('does nothing when the window is simply closing', async () => {
    const app = setup();
    app.gone('clean-exit', 0);
    app.destroy();
    app.gone('crashed');
    await settle();
    expect(app.log).toEqual([]);
    expect(app.shown).toEqual([]);
  });

  it(`stops reloading by itself after ${CRASH_LOOP_COUNT} deaths in a short while and lets the user choose`, async () => {
    const app = setup();
    for (let i = 0; i < CRASH_LOOP_COUNT - 1; i++) {
      app.gone('crashed');
      await app.answer(0);
      app.advance(10_000);
    }
    expect(app.log).toHaveLength(CRASH_LOOP_COUNT - 1);

    app.gone('crashed');
    await settle();
    // No automatic reload this time: a box asks first.
    expect(app.log).toHaveLength(CRASH_LOOP_COUNT - 1);
    expect(app.shown.at(-1)).toMatchObject({
      type: 'error',
      message: 'Alignboard keeps stopping',
      detail: expect.stringContaining(`The window stopped ${CRASH_LOOP_COUNT} times in a short while (it crashed).`),
      buttons: ['Reload', 'Quit'],
    });
    await app.answer(0);
    expect(app.log).toHaveLength(CRASH_LOOP_COUNT);
    expect(app.quit).not.toHaveBeenCalled();

    // After "Reload" the count starts again; a later loop can end in "Quit".
    for (let i = 0; i < CRASH_LOOP_COUNT - 1; i++) {
      app.gone('crashed');
      await app.answer(0);
    }
    app.gone('crashed');
    await settle();
    await app.answer(1);
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('forgets deaths that are long past', async () => {
    const app = setup();
    for (let i = 0; i < CRASH_LOOP_COUNT + 2; i++) {
      app.gone('crashed');
      await app.answer(0);
      app.advance(5 * 60 * 1000);
    }
    expect(app.shown.map((box) => box.message)).toEqual(Array(CRASH_LOOP_COUNT + 2).fill('Alignboard reopened its window'));
    expect(app.log).toHaveLength(CRASH_LOOP_COUNT + 2);
  });
});

describe('a page that hangs', () => {
  it('offers to wait or reload; "Reload" ends the hung page and loads the app again, without a second message', async () => {
    const app = setup();
    app.hang();
    await settle();
    expect(app.shown[0]).toMatchObject({
      message: 'Alignboard is not responding',
      buttons: ['Wait', 'Reload'],
      defaultId: 0,
      cancelId: 0,
    });
    await app.answer(1);
    expect(app.log).toEqual(['kill renderer', `load ${APP_ENTRY_URL}`]);
    // The page's process then reports itself gone, killed: that was us.
    app.gone('killed');
    await settle();
    expect(app.log).toEqual(['kill renderer', `load ${APP_ENTRY_URL}`]);
    expect(app.shown).toHaveLength(1);
  });

  it('"Wait" leaves the page alone', async () => {
    const app = setup();
    app.hang();
    await settle();
    await app.answer(0);
    expect(app.log).toEqual([]);
  });

  it('closes the question by itself when the page answers again', async () => {
    const app = setup();
    app.hang();
    await settle();
    const box = app.shown[0]!;
    expect(box.signal?.aborted).toBe(false);
    app.answerAgain();
    await settle();
    expect(box.signal?.aborted).toBe(true);
    expect(app.log).toEqual([]);
  });

  it('asks once however often the page is reported hung', async () => {
    const app = setup();
    app.hang();
    app.hang();
    await settle();
    expect(app.shown).toHaveLength(1);
    await app.answer(0);
    app.hang();
    await settle();
    expect(app.shown).toHaveLength(2);
  });

  it('a page that dies while the question is open is handled as a death', async () => {
    const app = setup();
    app.hang();
    await settle();
    app.gone('crashed');
    await settle();
    expect(app.shown[0]!.signal?.aborted).toBe(true);
    expect(app.log).toEqual([`load ${APP_ENTRY_URL}`]);
    expect(app.shown[1]!.message).toBe('Alignboard reopened its window');
  });
});
