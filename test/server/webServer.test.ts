import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startWebApp } from '../../server/web/start';
import { ROOM_CLOSE, type OpenRoom, type RoomStatus } from '../../shared/rooms/protocol';
import { boardState, fakeBuild, MEMBERS } from './fixtures';

/**
 * The browser version's server (`npm run web`) on 127.0.0.1: the room controls answer the app's own
 * page — a same-origin GET carries no Origin header — and nothing cross-site; the app page's CSP
 * names the port its rooms really use.
 */

type Started = Awaited<ReturnType<typeof startWebApp>>;
let started: Started | null = null;
let cleanUp: (() => void) | null = null;

afterEach(async () => {
  await started?.close();
  cleanUp?.();
  started = null;
  cleanUp = null;
});

async function start(): Promise<Started> {
  const build = fakeBuild();
  cleanUp = build.cleanUp;
  // The app page as renderer/index.html builds it: its CSP names the desktop app's room port.
  const csp = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8').match(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/)![0];
  writeFileSync(join(build.root, 'index.html'), `<!doctype html><html><head>${csp}</head><body></body></html>`);
  started = await startWebApp({ root: build.root, port: 0, roomPort: 0, logger: { info: () => {}, warn: () => {} } });
  return started;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = httpRequest(
      { host: '127.0.0.1', port: target.port, path: target.pathname + target.search, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('the browser version’s room controls', () => {
  it('answers a same-origin GET without an Origin header, and refuses cross-site requests', async () => {
    const app = await start();
    const status = `${app.url}api/rooms/status`;
    const origin = new URL(app.url).origin;
    // What Chromium sends for fetch('/api/rooms/status') from the app's page.
    expect(await send(status, { headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' } })).toEqual({ status: 200, body: JSON.stringify({ open: false }) });
    expect((await send(status, { headers: { origin } })).status).toBe(200);
    // A page on another site: an <img>/<script> GET (no Origin), a fetch (Origin), a form POST.
    expect((await send(status, { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } })).status).toBe(403);
    expect((await send(status, { headers: { 'sec-fetch-site': 'same-site' } })).status).toBe(403);
    expect((await send(status, { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await send(status, { headers: { origin: 'null' } })).status).toBe(403);
    const lock = `${app.url}api/rooms/lock`;
    expect((await send(lock, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"locked":true}' })).status).toBe(403);
    expect((await send(lock, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{"locked":true}' })).status).toBe(403);
    // DNS rebinding: the right peer and headers, but another host name.
    expect((await send(status, { headers: { host: `evil.example:${new URL(app.url).port}`, 'sec-fetch-site': 'same-origin' } })).status).toBe(403);
    // The app's own POST goes through (and says no room is open).
    const own = await send(lock, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{"locked":true}' });
    expect(own.status).toBe(409);
    expect(JSON.parse(own.body)).toMatchObject({ error: 'not-open' });
  });

  it('lets the app page connect to its rooms on whatever port they use', async () => {
    const app = await start();
    const page = await send(app.url, { headers: { 'sec-fetch-site': 'none' } });
    expect(page.status).toBe(200);
    const connectSrc = /connect-src ([^;"]*)/.exec(page.body)![1]!;
    const origin = new URL(app.url).origin;
    const open = await send(`${app.url}api/rooms/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ boardId: 'b1', boardName: 'Board', members: MEMBERS, state: Buffer.from(boardState().state).toString('base64'), address: '127.0.0.1' }),
    });
    expect(open.status).toBe(200);
    const room = JSON.parse(open.body) as OpenRoom;
    expect(room.port).not.toBe(47231);
    expect(connectSrc.split(' ')).toContain(`ws://127.0.0.1:${room.port}`);
    // And the socket the CSP allows is the room's: the laptop's client connects from the app's origin.
    const ws = new WebSocket(room.facilitator.url, { origin });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    expect(new URL(room.facilitator.url).host).toBe(`127.0.0.1:${room.port}`);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const status = JSON.parse((await send(`${app.url}api/rooms/close`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{}' })).body) as RoomStatus;
    expect(status).toEqual({ open: false });
    expect(await closed).toBe(ROOM_CLOSE.roomClosed.code);
  });
});
