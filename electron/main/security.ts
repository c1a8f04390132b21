import type { CustomScheme, Session, WebContents, WebPreferences } from 'electron';
import { APP_SCHEME, isAppUrl } from './appProtocol';

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
  "connect-src 'self'",
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
 * a secure context, `supportFetchAPI` lets the page fetch its own assets. Must run before `ready`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

export function registerAppScheme(protocol: { registerSchemesAsPrivileged(schemes: CustomScheme[]): void }): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/**
 * The only loads the app ever needs: its own files plus inline data/blob URLs (images, downloads)
 * and, in development, DevTools. Anything else (http, https, ws, file, …) is remote or foreign
 * content and is cancelled before it leaves the machine.
 */
export function isAllowedRequestUrl(value: string): boolean {
  if (isAppUrl(value)) return true;
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

export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
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
