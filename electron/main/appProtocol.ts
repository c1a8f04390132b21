import nodePath from 'node:path';

/**
 * The renderer is served from `app://alignboard/…` rather than `file://`: a standard, secure custom
 * scheme gives the page a real origin (IndexedDB, CSP `'self'`, fetch) without granting it the whole
 * file system (Electron security checklist 17–18).
 *
 * The IndexedDB data of every user lives under this origin: never change the scheme or host name,
 * or the app would start with an empty database.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'alignboard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The print entry (renderer/print.html): print windows load their route there, not in the app. */
export const APP_PRINT_URL = `${APP_ORIGIN}/print.html`;

/**
 * True only for `app://alignboard/…` with no port or credentials. Node's URL parser treats `app:` as
 * a non-special scheme (origin "null"), so we compare the parts instead of `url.origin`.
 */
export function isAppUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

export type ResolvedAppPath = { ok: true; filePath: string } | { ok: false; status: 403 | 404 };

type PathApi = Pick<typeof nodePath, 'resolve' | 'sep'>;

/** A `..` segment, plain or percent-encoded, anywhere before the query. */
const DOUBLE_DOT = /\/(\.|%2e){2}(\/|%2f|[?#]|$)/i;

/**
 * Maps a request URL to a file under `rootDir`, or to a status. 403 for anything that tries to leave
 * the root or is not ours (wrong scheme/host, `..` plain or percent-encoded, backslashes, NUL,
 * drive letters, dot-files); 404 for a URL we cannot decode. Extension-less paths are client routes
 * of the single-page app and get `index.html`. `pathApi` is injectable so Windows semantics can be
 * tested on any OS.
 */
export function resolveAppPath(rootDir: string, requestUrl: string, pathApi: PathApi = nodePath): ResolvedAppPath {
  const forbidden = { ok: false, status: 403 } as const;
  // The URL parser silently folds `..` segments into the root; refuse them before it gets the chance.
  if (requestUrl.includes('\\') || DOUBLE_DOT.test(requestUrl)) return forbidden;
  if (!isAppUrl(requestUrl)) return forbidden;

  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return { ok: false, status: 404 };
  }
  // An empty segment (`//etc/passwd`) would make the rest look like an absolute path.
  const segments = decoded.split('/').slice(1);
  if (segments.length > 1 && segments.at(-1) === '') segments.pop();
  for (const segment of segments) {
    if (segment === '' && segments.length > 1) return forbidden;
    if (segment.startsWith('.') || /[\\:\0]/.test(segment)) return forbidden;
  }

  const last = segments.at(-1) ?? '';
  const relative = last.includes('.') ? segments : ['index.html'];
  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, ...relative);
  const prefix = root.endsWith(pathApi.sep) ? root : root + pathApi.sep;
  if (!filePath.startsWith(prefix)) return forbidden;
  return { ok: true, filePath };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[nodePath.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppProtocolDeps = {
  rootDir: string;
  readFile: (filePath: string) => Promise<Uint8Array>;
  /** Sent with every response so the policy holds even if index.html's meta tag were removed. */
  contentSecurityPolicy: string;
};

/** The `protocol.handle('app', …)` handler: GET/HEAD of files under rootDir, nothing else. */
export function createAppProtocolHandler({ rootDir, readFile, contentSecurityPolicy }: AppProtocolDeps) {
  const baseHeaders = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  const status = (code: number, text: string) =>
    new Response(text, { status: code, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return status(405, 'Method Not Allowed');
    const resolved = resolveAppPath(rootDir, request.url);
    if (!resolved.ok) return status(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not Found');
    let body: Uint8Array;
    try {
      body = await readFile(resolved.filePath);
    } catch {
      return status(404, 'Not Found');
    }
    const headers = { ...baseHeaders, 'Content-Type': contentTypeFor(resolved.filePath) };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
