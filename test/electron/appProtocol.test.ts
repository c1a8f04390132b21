import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentTypeFor,
  createAppProtocolHandler,
  isAppUrl,
  resolveAppPath,
} from '../../electron/main/appProtocol';
import { createTempDirs } from './helpers';

const ROOT = '/opt/alignboard/dist/renderer';

describe('isAppUrl', () => {
  it.each(['app://alignboard/', 'app://alignboard/index.html', 'app://alignboard', 'app://alignboard/index.html#/w/1?x=1'])(
    'accepts %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );
  it.each([
    'https://alignboard/',
    'http://localhost:5173/',
    'file:///opt/alignboard/dist/renderer/index.html',
    'app://evil/index.html',
    'app://alignboard.evil.example/',
    'app://alignboard:8080/',
    'app://user:pw@alignboard/',
    'app://ALIGNBOARD/',
    'app:alignboard',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('resolveAppPath', () => {
  it.each([
    ['app://alignboard/', 'index.html'],
    ['app://alignboard', 'index.html'],
    ['app://alignboard/index.html', 'index.html'],
    ['app://alignboard/index.html?v=2#/settings', 'index.html'],
    ['app://alignboard/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://alignboard/assets/fonts/noto%20sans.woff2', 'assets/fonts/noto sans.woff2'],
    ['app://alignboard/assets/%E6%97%A5%E6%9C%AC.png', 'assets/日本.png'],
    // Extension-less paths are client-side routes of the single-page app.
    ['app://alignboard/w/123', 'index.html'],
    ['app://alignboard/settings/', 'index.html'],
  ])('serves %s from %s', (url, relative) => {
    expect(resolveAppPath(ROOT, url, path.posix)).toEqual({ ok: true, filePath: path.posix.join(ROOT, relative) });
  });

  it.each([
    'app://alignboard/../secret.txt',
    'app://alignboard/assets/../../secret.txt',
    'app://alignboard/..',
    'app://alignboard/%2e%2e/secret.txt',
    'app://alignboard/%2E%2E/%2E%2E/etc/passwd',
    'app://alignboard/.%2e/secret.txt',
    'app://alignboard/%2e%2e%2fsecret.txt',
    'app://alignboard/assets%2f..%2f..%2fsecret.txt',
    'app://alignboard/..%5c..%5csecret.txt',
    'app://alignboard/assets\\..\\..\\secret.txt',
    'app://alignboard/assets%5Csecret.txt',
    'app://alignboard//etc/passwd',
    'app://alignboard/assets//x.js',
    'app://alignboard/C:/Windows/win.ini',
    'app://alignboard/c%3A/Windows/win.ini',
    'app://alignboard/index.html%00.png',
    'app://alignboard/.env',
    'app://alignboard/.vite/manifest.json',
    'app://evil/index.html',
    'app://alignboard.evil/index.html',
    'https://alignboard/index.html',
    'file:///etc/passwd',
  ])('forbids %s', (url) => {
    expect(resolveAppPath(ROOT, url, path.posix)).toEqual({ ok: false, status: 403 });
  });

  it('answers 404 for a path that cannot be decoded', () => {
    expect(resolveAppPath(ROOT, 'app://alignboard/%E0%A4%A.js', path.posix)).toEqual({ ok: false, status: 404 });
  });

  it('stays inside the root with Windows path rules too', () => {
    const root = 'C:\\Program Files\\Alignboard\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppPath(root, 'app://alignboard/assets/app.js', path.win32)).toEqual({
      ok: true,
      filePath: `${root}\\assets\\app.js`,
    });
    for (const url of [
      'app://alignboard/..%5c..%5cwin.ini',
      'app://alignboard/C:%5cWindows%5cwin.ini',
      'app://alignboard/D:/data.txt',
      'app://alignboard/%5c%5cserver%5cshare%5cx.txt',
    ]) {
      expect({ url, result: resolveAppPath(root, url, path.win32) }).toEqual({ url, result: { ok: false, status: 403 } });
    }
  });
});

describe('contentTypeFor', () => {
  it('knows the types the renderer build produces and falls back to octet-stream', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  const tempDir = createTempDirs();
  const CSP = "default-src 'self'";

  async function setup() {
    const dir = await tempDir();
    const root = path.join(dir, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Alignboard</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'do not serve');
    const { readFile } = await import('node:fs/promises');
    return createAppProtocolHandler({ rootDir: root, readFile: (p) => readFile(p), contentSecurityPolicy: CSP });
  }

  it('serves index.html and assets with type, CSP and nosniff headers', async () => {
    const handler = await setup();
    const page = await handler(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Alignboard</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await handler(new Request('app://alignboard/assets/app.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('never serves a file outside the root, even one that exists', async () => {
    const handler = await setup();
    const urls = ['app://alignboard/%2e%2e/secret.txt', 'app://alignboard/assets/..%2f..%2fsecret.txt', 'app://alignboard/../secret.txt'];
    for (const url of urls) {
      // A real Request folds `..` into the root (so the file is simply not found there)…
      const normalized = await handler(new Request(url));
      expect({ url, refused: [403, 404].includes(normalized.status) }).toEqual({ url, refused: true });
      expect(await normalized.text()).not.toContain('do not serve');
      // …and a URL that reaches the handler unnormalized is refused outright.
      const raw = await handler({ method: 'GET', url } as Request);
      expect({ url, status: raw.status }).toEqual({ url, status: 403 });
      expect(await raw.text()).not.toContain('do not serve');
    }
  });

  it('answers 404 for a missing file, 405 for other methods and an empty body for HEAD', async () => {
    const handler = await setup();
    expect((await handler(new Request('app://alignboard/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://alignboard/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handler(new Request('app://alignboard/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
