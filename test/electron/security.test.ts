import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  HEADER_ONLY_CSP_DIRECTIVES,
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
  isPermissionAllowed,
  isRoomSocketUrl,
  ROOM_SOCKET_ORIGIN,
  registerAppScheme,
  secureWebPreferences,
  withContentSecurityPolicy,
} from '../../electron/main/security';
import { ROOM_PORT } from '../../shared/rooms/protocol';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer and sets the preload', () => {
    expect(secureWebPreferences('/app/dist-electron/preload.cjs')).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = (policy: string) =>
    policy
      .split(';')
      .map((d) => d.trim().replace(/\s+/g, ' '))
      .filter(Boolean)
      .sort();

  it('has the directives of the meta tag in renderer/index.html, plus the header-only ones', () => {
    const html = readFileSync(path.join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(directives(`${meta}; ${HEADER_ONLY_CSP_DIRECTIVES.join('; ')}`));
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('gives the print entry (renderer/print.html) the app page’s policy, without the room server', () => {
    const policyOf = (file: string) => {
      const html = readFileSync(path.join(import.meta.dirname, '../../renderer', file), 'utf8');
      return /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    };
    const app = policyOf('index.html')!;
    const print = policyOf('print.html');
    expect(print).toBeDefined();
    // A print page connects to its own origin only; every other directive is the app page's.
    expect(directives(print!)).toEqual(directives(app.replace(/connect-src [^;]+/, "connect-src 'self'")));
    expect(app).toContain(`ws://127.0.0.1:${ROOM_PORT}`);
  });

  it('replaces any CSP header, whatever its casing, and keeps the others', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["default-src *"],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetchable, with V8’s code cache, before ready', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn<(schemes: unknown[]) => void>() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
  });
});

describe('request and permission policy', () => {
  it.each(['app://alignboard/index.html', 'data:image/png;base64,AAAA', 'blob:app://alignboard/1234', 'devtools://devtools/x'])(
    'lets %s load',
    (url) => expect(isAllowedRequestUrl(url)).toBe(true),
  );
  it.each(['https://example.com/x.js', 'http://127.0.0.1:5173/', 'ws://localhost/', 'file:///etc/passwd', 'app://evil/x', 'ftp://x/'])(
    'cancels %s',
    (url) => expect(isAllowedRequestUrl(url)).toBe(false),
  );

  it('grants only persistent storage, and only to our own origin', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://alignboard')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'app://alignboard/index.html')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://evil.example')).toBe(false);
    expect(isPermissionAllowed('persistent-storage', undefined)).toBe(false);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'unknown']) {
      expect({ permission, allowed: isPermissionAllowed(permission, 'app://alignboard') }).toEqual({ permission, allowed: false });
    }
  });
});

function fakeSession() {
  const session = {
    request: undefined as undefined | ((c: unknown, p: string, cb: (granted: boolean) => void, d: { requestingUrl: string }) => void),
    check: undefined as undefined | ((c: unknown, p: string, origin: string) => boolean),
    beforeRequest: undefined as undefined | ((d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void),
    headers: undefined as
      | undefined
      | ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: unknown }) => void) => void),
  };
  const api = {
    setPermissionRequestHandler: (handler: typeof session.request) => {
      session.request = handler;
    },
    setPermissionCheckHandler: (handler: typeof session.check) => {
      session.check = handler;
    },
    webRequest: {
      onBeforeRequest: (handler: typeof session.beforeRequest) => {
        session.beforeRequest = handler;
      },
      onHeadersReceived: (handler: typeof session.headers) => {
        session.headers = handler;
      },
    },
  };
  return { session, api: api as unknown as Parameters<typeof hardenSession>[0] };
}

describe('hardenSession', () => {
  it('installs handlers that deny permissions, cancel remote loads and add the CSP', () => {
    const { session, api } = fakeSession();
    hardenSession(api);

    const granted: boolean[] = [];
    session.request!({}, 'media', (g) => granted.push(g), { requestingUrl: 'app://alignboard/index.html' });
    session.request!({}, 'persistent-storage', (g) => granted.push(g), { requestingUrl: 'app://alignboard/index.html' });
    session.request!({}, 'persistent-storage', (g) => granted.push(g), { requestingUrl: 'https://evil.example/' });
    expect(granted).toEqual([false, true, false]);
    expect(session.check!({}, 'notifications', 'app://alignboard')).toBe(false);

    const decisions: (boolean | undefined)[] = [];
    session.beforeRequest!({ url: 'https://cdn.example/lib.js' }, (r) => decisions.push(r.cancel));
    session.beforeRequest!({ url: 'app://alignboard/assets/a.js' }, (r) => decisions.push(r.cancel));
    expect(decisions).toEqual([true, false]);

    let headers: unknown;
    session.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => {
      headers = r.responseHeaders;
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('the room server on loopback', () => {
  const socket = `ws://127.0.0.1:${ROOM_PORT}/ws?t=AAAAAAAAAAAAAAAAAAAAAA`;

  it('is the one outside origin the CSP lets the page connect to', () => {
    expect(ROOM_SOCKET_ORIGIN).toBe(`ws://127.0.0.1:${ROOM_PORT}`);
    expect(CONTENT_SECURITY_POLICY).toContain(`connect-src 'self' ws://127.0.0.1:${ROOM_PORT};`);
  });

  it('passes the request filter exactly, and only while a room is open', () => {
    expect(isAllowedRequestUrl(socket, true)).toBe(true);
    expect(isAllowedRequestUrl(socket, false)).toBe(false);
    const others = [
      `ws://127.0.0.1:${ROOM_PORT + 1}/ws`,
      `ws://localhost:${ROOM_PORT}/ws`,
      `ws://192.168.1.5:${ROOM_PORT}/ws`,
      `wss://127.0.0.1:${ROOM_PORT}/ws`,
      `http://127.0.0.1:${ROOM_PORT}/join?t=x`,
      `ws://127.0.0.1:${ROOM_PORT}/other`,
      `ws://user:secret@127.0.0.1:${ROOM_PORT}/ws`,
      'not a url',
    ];
    expect(others.filter((url) => isRoomSocketUrl(url) || isAllowedRequestUrl(url, true))).toEqual([]);
  });

  it('is asked about on every request, so closing the room shuts the door', () => {
    const { session, api } = fakeSession();
    let open = true;
    hardenSession(api, { roomOpen: () => open });
    const decisions: (boolean | undefined)[] = [];
    session.beforeRequest!({ url: socket }, (r) => decisions.push(r.cancel));
    open = false;
    session.beforeRequest!({ url: socket }, (r) => decisions.push(r.cancel));
    expect(decisions).toEqual([false, true]);
  });
});

describe('hardenWebContents', () => {
  function setup() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => {
        listeners.set(event, listener);
      },
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
    };
    hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0]);
    const fire = (name: string, url?: string) => {
      const event = { preventDefault: vi.fn<() => void>() };
      listeners.get(name)!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { fire, open: (url: string) => openHandler!({ url }) };
  }

  it('blocks navigation and redirects away from app://alignboard', () => {
    const { fire } = setup();
    for (const event of ['will-navigate', 'will-redirect']) {
      const blocked = ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'app://alignboard/index.html#/settings'].map(
        (url) => fire(event, url),
      );
      expect({ event, blocked }).toEqual({ event, blocked: [true, true, true, false] });
    }
  });

  it('denies every window.open and prevents webviews', () => {
    const { fire, open } = setup();
    expect(open('https://example.com')).toEqual({ action: 'deny' });
    expect(open('app://alignboard/index.html')).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });
});
