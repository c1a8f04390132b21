import { AUDIENCE_ROUTE, readAudienceMessage } from '@shared/audience/presentation';
import { openAudienceChannel } from '../features/audience/presentationChannel';
import { HostError } from './hostError';
import type { Host } from './types';

/** One named window: a second open of the same name reaches the same window, never a second one. */
export const AUDIENCE_WINDOW_NAME = 'alignboard-audience';
/** A separate window (not a tab) the user can drag to the projector and make full screen (F11). */
export const AUDIENCE_WINDOW_FEATURES = 'popup,width=1280,height=720';

/**
 * After the audience page says it is going ('bye', `pagehide`), when to look whether its window is
 * closed: a closing window is `closed` at once or nearly; one that is still open after the last look
 * was reloaded (its new page says `hello` and is watched again).
 */
export const CLOSED_CHECKS_MS = [0, 100, 500, 2000] as const;

/** The parts of the opened window the host uses (a WindowProxy of our own origin). */
export type AudienceWindowLike = {
  readonly closed: boolean;
  focus(): void;
  close(): void;
  addEventListener(type: 'pagehide', listener: () => void): void;
};

export type BrowserAudienceDeps = {
  /** `window.open`. */
  open: (url: string, target: string, features: string) => AudienceWindowLike | null;
  /** The laptop page's address (`location.href`): the audience route is the same page, another hash. */
  currentUrl: () => string;
  /** Listens on the audience BroadcastChannel; returns a function that stops. */
  listen: (listener: (data: unknown) => void) => () => void;
  setTimeout: (callback: () => void, ms: number) => unknown;
  /** `window.close` of this page (only the audience page, which a script opened, may close itself). */
  closeSelf: () => void;
};

function listenToAudienceChannel(listener: (data: unknown) => void): () => void {
  const channel = openAudienceChannel();
  const stop = channel.listen(listener);
  return () => {
    stop();
    channel.close();
  };
}

const defaultDeps = (): BrowserAudienceDeps => ({
  // Not `noopener`: the laptop keeps the window (a page of our own origin, our own route) to focus
  // it, close it and learn when it closes. The audience page needs nothing of its opener.
  open: (url, target, features) => window.open(url, target, features),
  currentUrl: () => window.location.href,
  listen: listenToAudienceChannel,
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  closeSelf: () => window.close(),
});

/** The audience route's address beside `pageUrl`: same origin, path and query (dev server or built app under any base path). */
export function audienceUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.hash = `#${AUDIENCE_ROUTE}`;
  return url.href;
}

/**
 * The browser's audience window: a second window of the same app on its audience route, which the
 * user moves to the projector. The browser cannot place a window on a display, so it is always
 * 'window'. Its closing is learnt without polling: the audience page's `bye` on the audience channel
 * and its `pagehide` are followed by a look at `closed`.
 */
export function createBrowserAudience(deps: BrowserAudienceDeps = defaultDeps()): Host['audience'] {
  let opened: AudienceWindowLike | null = null;
  const listeners = new Set<() => void>();
  let stopListening: (() => void) | null = null;

  const closedByUser = (target: AudienceWindowLike) => {
    if (opened !== target) return;
    opened = null;
    for (const listener of Array.from(listeners)) listener();
  };
  const lookWhetherClosed = (target: AudienceWindowLike) => {
    for (const ms of CLOSED_CHECKS_MS) {
      deps.setTimeout(() => {
        if (opened === target && target.closed) closedByUser(target);
      }, ms);
    }
  };
  // One listener per window, so a page that says hello twice is not watched twice.
  const onPageHide = new WeakMap<AudienceWindowLike, () => void>();
  // A reload gives the window a new page (a new Window object), so each page is watched anew.
  const watch = (target: AudienceWindowLike) => {
    let listener = onPageHide.get(target);
    if (!listener) {
      listener = () => lookWhetherClosed(target);
      onPageHide.set(target, listener);
    }
    try {
      target.addEventListener('pagehide', listener);
    } catch {
      // The window has gone, or shows a page of another origin: `bye` and the next look still tell.
    }
  };
  const onChannelMessage = (data: unknown) => {
    const message = readAudienceMessage(data);
    if (!message || !opened) return;
    if (message.type === 'bye') lookWhetherClosed(opened);
    else if (message.type === 'hello' && !opened.closed) watch(opened);
  };

  return {
    async open() {
      if (opened && !opened.closed) {
        opened.focus();
        return { placement: 'window' };
      }
      const target = deps.open(audienceUrl(deps.currentUrl()), AUDIENCE_WINDOW_NAME, AUDIENCE_WINDOW_FEATURES);
      if (!target) throw new HostError({ kind: 'popup-blocked' });
      opened = target;
      stopListening ??= deps.listen(onChannelMessage);
      watch(target);
      target.focus();
      return { placement: 'window' };
    },
    async close() {
      const target = opened;
      // Closed on request: the caller knows, so `onClosed` stays for closes nobody asked for.
      opened = null;
      if (target && !target.closed) target.close();
      // Asked by the audience page itself: it closes its own window (the laptop hears its goodbye).
      else if (!target && new URL(deps.currentUrl()).hash === `#${AUDIENCE_ROUTE}`) deps.closeSelf();
    },
    onClosed(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
