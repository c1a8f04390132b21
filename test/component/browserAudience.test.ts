import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIENCE_CHANNEL } from '../../shared/audience/presentation';
import {
  AUDIENCE_WINDOW_FEATURES,
  AUDIENCE_WINDOW_NAME,
  audienceUrl,
  type AudienceWindowLike,
  type BrowserAudienceDeps,
  CLOSED_CHECKS_MS,
  createBrowserAudience,
} from '../../renderer/src/host/browserAudience';
import type { PreloadApi } from '../../shared/ipc';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import { createElectronHost } from '../../renderer/src/host/electronHost';
import { HostError } from '../../renderer/src/host/hostError';
import { initI18n } from '../../renderer/src/i18n';

/** A window opened by window.open: the user (or the test) closes or reloads it. */
function fakeOpenedWindow() {
  let pagehide = new Set<() => void>();
  const calls: string[] = [];
  const state = { closed: false };
  const window: AudienceWindowLike = {
    get closed() {
      return state.closed;
    },
    focus: () => calls.push('focus'),
    close: () => {
      calls.push('close');
      state.closed = true;
    },
    addEventListener: (_type, listener) => pagehide.add(listener),
  };
  return {
    window,
    calls,
    /** The user closes it: its page hides, then the window is closed. */
    userCloses() {
      for (const listener of pagehide) listener();
      state.closed = true;
    },
    /** It reloads: the old page hides, a new page (new listeners) comes. */
    reloads() {
      for (const listener of pagehide) listener();
      pagehide = new Set();
    },
    watchers: () => pagehide.size,
  };
}

function setup(pageUrl = 'http://127.0.0.1:4173/alignboard/index.html#/w/w1/board/b1') {
  const opened: ReturnType<typeof fakeOpenedWindow>[] = [];
  let blocked = false;
  const timers: { callback: () => void; ms: number }[] = [];
  const channelListeners = new Set<(data: unknown) => void>();
  const closedSelf = vi.fn<() => void>();
  const open = vi.fn<BrowserAudienceDeps['open']>(() => {
    if (blocked) return null;
    const created = fakeOpenedWindow();
    opened.push(created);
    return created.window;
  });
  const audience = createBrowserAudience({
    open,
    currentUrl: () => pageUrl,
    listen: (listener) => {
      channelListeners.add(listener);
      return () => channelListeners.delete(listener);
    },
    setTimeout: (callback, ms) => timers.push({ callback, ms }),
    closeSelf: closedSelf,
  });
  const closedCalls = vi.fn<() => void>();
  audience.onClosed(closedCalls);
  return {
    audience,
    open,
    opened,
    closedCalls,
    closedSelf,
    block: () => (blocked = true),
    /** A message on the audience channel, from whichever page of the origin. */
    post: (data: unknown) => {
      for (const listener of Array.from(channelListeners)) listener(data);
    },
    /** Time passes: every pending look runs. */
    runTimers: () => {
      for (const timer of timers.splice(0)) timer.callback();
    },
    pendingTimers: () => timers.map((timer) => timer.ms),
  };
}

afterEach(() => initI18n('en'));

describe('the browser host’s audience window', () => {
  it('opens the audience route of this very page (same origin, path and query) in a named pop-up window, kept by the laptop', async () => {
    const { audience, open, opened } = setup('http://127.0.0.1:4173/alignboard/index.html?lang=ja#/w/w1/board/b1');
    expect(await audience.open()).toEqual({ placement: 'window' });
    expect(open).toHaveBeenCalledWith('http://127.0.0.1:4173/alignboard/index.html?lang=ja#/audience', AUDIENCE_WINDOW_NAME, AUDIENCE_WINDOW_FEATURES);
    // A window, not a tab (the user drags it to the projector), and not `noopener` (the laptop keeps it).
    expect(AUDIENCE_WINDOW_FEATURES).toContain('popup');
    expect(AUDIENCE_WINDOW_FEATURES).not.toMatch(/noopener|noreferrer/);
    expect(opened[0]!.calls).toEqual(['focus']);
  });

  it('finds the route from the dev server’s root and from the built app’s index.html alike', () => {
    expect(audienceUrl('http://localhost:5173/')).toBe('http://localhost:5173/#/audience');
    expect(audienceUrl('http://localhost:5173/#/w/1')).toBe('http://localhost:5173/#/audience');
    expect(audienceUrl('https://intra.example/tools/alignboard/index.html#/')).toBe('https://intra.example/tools/alignboard/index.html#/audience');
  });

  it('a second open brings the same window forward, never a second one', async () => {
    const { audience, open, opened } = setup();
    await audience.open();
    expect(await audience.open()).toEqual({ placement: 'window' });
    expect(open).toHaveBeenCalledTimes(1);
    expect(opened[0]!.calls).toEqual(['focus', 'focus']);
  });

  it('a blocked pop-up rejects with a problem the UI can say, in the UI language', async () => {
    const { audience, block } = setup();
    block();
    const error = await audience.open().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).problem).toEqual({ kind: 'popup-blocked' });
    expect((error as HostError).message).toMatch(/Allow pop-ups for this page/);
    initI18n('ja');
    const inJapanese = await audience.open().catch((reason: unknown) => reason);
    expect((inJapanese as HostError).message).toMatch(/ポップアップを.*許可/);
  });

  it('learns that the user closed it from its page’s goodbye, once', async () => {
    const { audience, opened, post, runTimers, closedCalls } = setup();
    await audience.open();
    opened[0]!.userCloses();
    post({ type: 'bye' });
    expect(closedCalls).not.toHaveBeenCalled();
    runTimers();
    expect(closedCalls).toHaveBeenCalledTimes(1);
    // Later looks and messages about the gone window change nothing.
    post({ type: 'bye' });
    runTimers();
    expect(closedCalls).toHaveBeenCalledTimes(1);
  });

  it('learns it from pagehide alone, when the page could not say goodbye', async () => {
    const { audience, opened, runTimers, closedCalls, pendingTimers } = setup();
    await audience.open();
    opened[0]!.userCloses();
    expect(pendingTimers()).toEqual([...CLOSED_CHECKS_MS]);
    runTimers();
    expect(closedCalls).toHaveBeenCalledTimes(1);
  });

  it('a reloaded audience page is not a closed window, and its new page is watched again', async () => {
    const { audience, opened, post, runTimers, closedCalls } = setup();
    await audience.open();
    opened[0]!.reloads();
    post({ type: 'bye' });
    runTimers();
    expect(closedCalls).not.toHaveBeenCalled();
    expect(opened[0]!.watchers()).toBe(0);
    // The new page asks for the state (twice, say): from then on its pagehide is heard, once.
    post({ type: 'hello' });
    post({ type: 'hello' });
    expect(opened[0]!.watchers()).toBe(1);
    opened[0]!.userCloses();
    runTimers();
    expect(closedCalls).toHaveBeenCalledTimes(1);
  });

  it('ignores whatever else comes on the channel (another version, a hostile page)', async () => {
    const { audience, opened, post, runTimers, closedCalls, pendingTimers } = setup();
    await audience.open();
    for (const data of [null, 'bye', { type: 'byebye' }, { type: 'close' }, { type: 'state', state: { seq: -1 } }, 42]) post(data);
    expect(pendingTimers()).toEqual([]);
    opened[0]!.window.close();
    runTimers();
    expect(closedCalls).not.toHaveBeenCalled();
  });

  it('close() closes it without calling onClosed, and the next open opens a new window', async () => {
    const { audience, open, opened, post, runTimers, closedCalls } = setup();
    await audience.open();
    await audience.close();
    expect(opened[0]!.calls).toEqual(['focus', 'close']);
    post({ type: 'bye' });
    runTimers();
    expect(closedCalls).not.toHaveBeenCalled();
    await audience.open();
    expect(open).toHaveBeenCalledTimes(2);
    // Closing when nothing is open is nothing.
    await audience.close();
    await audience.close();
    expect(opened[1]!.calls).toEqual(['focus', 'close']);
  });

  it('close() on the audience page itself closes its own window; on the laptop with nothing open, nothing', async () => {
    const onAudience = setup('http://127.0.0.1:4173/index.html#/audience');
    await onAudience.audience.close();
    expect(onAudience.closedSelf).toHaveBeenCalledTimes(1);
    const onLaptop = setup('http://127.0.0.1:4173/index.html#/w/w1');
    await onLaptop.audience.close();
    expect(onLaptop.closedSelf).not.toHaveBeenCalled();
  });

  it('unsubscribing stops the notices', async () => {
    const { audience, opened, runTimers } = setup();
    const listener = vi.fn<() => void>();
    const stop = audience.onClosed(listener);
    await audience.open();
    stop();
    opened[0]!.userCloses();
    runTimers();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('the browser host', () => {
  it('opens the audience window with window.open on this page’s audience route, and hears its goodbye on the real channel', async () => {
    const popup = fakeOpenedWindow();
    const windowOpen = vi.spyOn(window, 'open').mockImplementation(() => popup.window as unknown as Window);
    try {
      const host = createBrowserHost(window.localStorage);
      const closed = vi.fn<() => void>();
      host.audience.onClosed(closed);
      expect(await host.audience.open()).toEqual({ placement: 'window' });
      expect(windowOpen).toHaveBeenCalledWith(audienceUrl(window.location.href), AUDIENCE_WINDOW_NAME, AUDIENCE_WINDOW_FEATURES);
      popup.window.close();
      const audiencePage = new BroadcastChannel(AUDIENCE_CHANNEL);
      // oxlint-disable-next-line unicorn/require-post-message-target-origin
      audiencePage.postMessage({ type: 'bye' });
      await vi.waitFor(() => expect(closed).toHaveBeenCalledTimes(1));
      audiencePage.close();
    } finally {
      windowOpen.mockRestore();
    }
  });

  it('says so when the browser blocks the pop-up', async () => {
    const windowOpen = vi.spyOn(window, 'open').mockImplementation(() => null);
    try {
      await expect(createBrowserHost(window.localStorage).audience.open()).rejects.toMatchObject({ problem: { kind: 'popup-blocked' } });
    } finally {
      windowOpen.mockRestore();
    }
  });
});

describe('the Electron host’s audience window', () => {
  function fakeApi() {
    const invoked: string[] = [];
    let closedListener: ((payload: { reason: string }) => void) | null = null;
    const api = {
      invoke: {
        'audience:open': async () => {
          invoked.push('audience:open');
          return { placement: 'external-display' };
        },
        'audience:close': async () => {
          invoked.push('audience:close');
          return null;
        },
      },
      on: {
        'audience:closed': (listener: (payload: { reason: string }) => void) => {
          closedListener = listener;
          return () => (closedListener = null);
        },
      },
    } as unknown as PreloadApi;
    return { api, invoked, closed: (reason: string) => closedListener?.({ reason }) };
  }

  it('asks main to open and close it, and passes main’s notice of its closing on', async () => {
    const { api, invoked, closed } = fakeApi();
    const host = createElectronHost(api);
    expect(await host.audience.open()).toEqual({ placement: 'external-display' });
    expect(await host.audience.close()).toBeUndefined();
    expect(invoked).toEqual(['audience:open', 'audience:close']);
    const listener = vi.fn<() => void>();
    const stop = host.audience.onClosed(listener);
    closed('display-removed');
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    closed('closed');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('turns a failure in main into a HostError', async () => {
    const api = {
      invoke: {
        'audience:open': async () => {
          throw new Error("Error invoking remote method 'audience:open': Error: no display");
        },
      },
    } as unknown as PreloadApi;
    await expect(createElectronHost(api).audience.open()).rejects.toMatchObject({ name: 'HostError', problem: { kind: 'unexpected', detail: 'no display' } });
  });
});
