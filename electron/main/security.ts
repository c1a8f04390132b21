import type { CustomScheme, Session, WebContents, WebPreferences } from 'electron';
import { ROOM_PATHS, ROOM_PORT } from '../../shared/rooms/protocol';
import { APP_SCHEME, isAppUrl } from './appProtocol';

/**
 * The one outside address the app ever talks to: its own room server on loopback (the laptop joins
 * the room it hosts like any participant, see shared/rooms). Fixed port, so the CSP can name it.
 */
export const ROOM_SOCKET_ORIGIN = `ws://127.0.0.1:${ROOM_PORT}`;

/**
 * Electron's security checklist in one place. Everything here takes the Electron object it
 * configures as a parameter, so the decisions are unit-tested without an Electron binary.
 */

/**
 * Sent as a header on every response. Same directives as the meta tag in renderer/index.html (a test
 * compares them) plus those a meta tag cannot carry (browsers ignore `frame-ancestors` there).
 */
export const HEADER_ONLY_CSP_DIRECTIVES = ["frame-ancestors 'none'"] as const;
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self' ${ROOM_SOCKET_ORIGIN}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  ...HEADER_ONLY_CSP_DIRECTIVES,
].join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/**
 * `standard` gives app:// a real origin (IndexedDB, localStorage, relative URLs), `secure` makes it
 * a secure context, `supportFetchAPI` lets the page fetch its own assets, `codeCache` lets V8 keep
 * the compiled scripts between launches and windows (Chromium does so only for http(s) unless a
 * scheme asks; every window and print window loads the same app bundle; issue 12). Must run
 * before `ready`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export function registerAppScheme(protocol: { registerSchemesAsPrivileged(schemes: CustomScheme[]): void }): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** The room server's WebSocket on loopback, exactly: scheme, host, port and path. */
export function isRoomSocketUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'ws:' && url.origin === ROOM_SOCKET_ORIGIN && url.pathname === ROOM_PATHS.socket && !url.username && !url.password;
}

/**
 * The only loads the app ever needs: its own files plus inline data/blob URLs (images, downloads),
 * in development DevTools, and while a room is open the room server's socket on loopback. Anything
 * else (http, https, other ws, file, …) is remote or foreign content and is cancelled before it
 * leaves the machine.
 */
export function isAllowedRequestUrl(value: string, roomOpen = false): boolean {
  if (isAppUrl(value)) return true;
  if (roomOpen && isRoomSocketUrl(value)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  return scheme === 'data' || scheme === 'blob' || scheme === 'devtools';
}

/**
 * No permission is granted except durable storage for our own origin: the workspaces live only in
 * this origin's IndexedDB, and "persistent" storage is what stops Chromium from evicting it when
 * the disk runs low. Camera, microphone, notifications, geolocation, clipboard-read… are refused.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'persistent-storage' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

type SessionLike = {
  setPermissionRequestHandler: Session['setPermissionRequestHandler'];
  setPermissionCheckHandler: Session['setPermissionCheckHandler'];
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived' | 'onBeforeRequest'>;
};

export function hardenSession(session: SessionLike, options: { roomOpen?: () => boolean } = {}): void {
  const roomOpen = options.roomOpen ?? (() => false);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, roomOpen()) });
  });
  // app:// responses already carry the header (see appProtocol.ts); this covers any other response.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/** Replaces any CSP header (whatever its casing) with ours. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

type PreventableEvent = { preventDefault(): void };
type WebContentsLike = {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler: WebContents['setWindowOpenHandler'];
};

/**
 * For every web contents the app creates (`app.on('web-contents-created')`): navigation only within
 * app://alignboard, no new windows, no <webview>.
 */
export function hardenWebContents(contents: WebContentsLike): void {
  const guard = (event: PreventableEvent, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
