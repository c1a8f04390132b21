import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { z } from 'zod';
import { ROOM_PORT, RoomMember, RoomMemory } from '../../shared/rooms/protocol';
import { readBody } from '../http';
import { isLoopback } from '../rooms/network';
import { RoomError, type RoomHost } from '../rooms/roomHost';

/**
 * The browser version's server (`npm run web`, and the e2e tests' globalSetup): the web build as
 * static files on 127.0.0.1, and the room host's controls for the laptop's own page under
 * `/api/rooms/` — the browser's counterpart of Electron's `room:*` IPC channels. The room itself
 * listens on its own address and port (see roomHost.ts), only while it is open.
 *
 * The controls answer only the app's own page: loopback peers, the Host of this server, and a
 * same-origin request — by its Origin when the browser sends one (always on POST), else by
 * Sec-Fetch-Site (a same-origin GET carries no Origin) — with JSON bodies (a cross-site page cannot
 * send those without a preflight, which is never answered).
 */

export const ROOM_CONTROL_PATH = '/api/rooms';

const OpenBody = z.object({
  boardId: z.string().min(1).max(100),
  boardName: z.string().trim().min(1).max(200),
  members: z.array(RoomMember).max(1000),
  /** The board's Y.Doc update, base64. */
  state: z.string().max(96 * 1024 * 1024),
  address: z.string().max(100).nullable().default(null),
  memory: RoomMemory.nullable().default(null),
});
const LockBody = z.object({ locked: z.boolean() });
const RemoveBody = z.object({ participantId: z.string().min(1).max(100) });

const MAX_BODY_BYTES = 100 * 1024 * 1024;

export type WebServer = { server: Server; url: string; close(): Promise<void> };

export type WebServerOptions = {
  root: string;
  host?: string;
  port?: number;
  rooms: RoomHost | null;
  /**
   * The port rooms listen on: the app page's Content-Security-Policy (renderer/index.html names
   * the desktop app's fixed ROOM_PORT) is rewritten to it, so the laptop's page can join its own
   * room on whatever port this server's rooms use.
   */
  roomPort?: number;
  logger: { info(message: string): void; warn(message: string): void };
};

/** The app frames its own print routes (the browser host prints from a same-origin iframe). */
const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'SAMEORIGIN',
};

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const files = sirv(options.root, {
    dev: false,
    etag: true,
    single: false,
    dotfiles: false,
    setHeaders(response, pathname) {
      for (const [name, value] of Object.entries(BASE_HEADERS)) response.setHeader(name, value);
      response.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  let origin = '';
  const roomPort = options.roomPort ?? ROOM_PORT;
  let indexHtml: string | null = null;
  const appPage = (): string | null => {
    try {
      indexHtml ??= readFileSync(join(options.root, 'index.html'), 'utf8').replaceAll(`ws://127.0.0.1:${ROOM_PORT}`, `ws://127.0.0.1:${roomPort}`);
    } catch {
      return null;
    }
    return indexHtml;
  };

  /** A request from this server's own page (see the comment at the top). */
  const sameOrigin = (request: IncomingMessage): boolean => {
    if (!isLoopback(request.socket.remoteAddress) || request.headers.host !== new URL(origin).host) return false;
    const from = request.headers.origin;
    if (from !== undefined) return from === origin;
    if (request.method !== 'GET') return false;
    const site = request.headers['sec-fetch-site'];
    // No Sec-Fetch-Site: not a browser (a loopback tool); "none": typed into the address bar.
    return site === undefined || site === 'same-origin' || site === 'none';
  };

  const control = async (request: IncomingMessage, response: ServerResponse, action: string) => {
    const rooms = options.rooms;
    if (!rooms) return json(response, 404, { error: 'no-rooms', message: 'This server does not host rooms.' });
    if (!sameOrigin(request)) {
      options.logger.warn(`web: refused a room control request from ${request.socket.remoteAddress} (origin ${JSON.stringify(request.headers.origin ?? null)})`);
      return json(response, 403, { error: 'forbidden', message: 'Only the app’s own page controls rooms.' });
    }
    if (request.method === 'GET') {
      if (action === 'status') return json(response, 200, rooms.status());
      if (action === 'addresses') return json(response, 200, rooms.addresses());
      return json(response, 404, { error: 'not-found', message: 'No such room control.' });
    }
    if (request.method !== 'POST') return json(response, 405, { error: 'method', message: 'Use GET or POST.' });
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return json(response, 415, { error: 'bad-request', message: 'The body must be JSON.' });
    }
    const raw = await readBody(request, MAX_BODY_BYTES);
    let body: unknown;
    try {
      body = raw === null ? undefined : JSON.parse(raw || '{}');
    } catch {
      body = undefined;
    }
    if (body === undefined) return json(response, 400, { error: 'bad-request', message: 'The body is not JSON or too large.' });
    try {
      switch (action) {
        case 'open': {
          const parsed = OpenBody.safeParse(body);
          if (!parsed.success) return json(response, 400, { error: 'bad-request', message: parsed.error.issues[0]?.message ?? 'invalid' });
          const { state, ...rest } = parsed.data;
          return json(response, 200, await rooms.open({ ...rest, state: new Uint8Array(Buffer.from(state, 'base64')) }));
        }
        case 'lock': {
          const parsed = LockBody.safeParse(body);
          if (!parsed.success) return json(response, 400, { error: 'bad-request', message: 'locked must be true or false' });
          return json(response, 200, rooms.setLocked(parsed.data.locked));
        }
        case 'remove': {
          const parsed = RemoveBody.safeParse(body);
          if (!parsed.success) return json(response, 400, { error: 'bad-request', message: 'participantId is missing' });
          return json(response, 200, rooms.remove(parsed.data.participantId));
        }
        case 'close':
          return json(response, 200, await rooms.close());
        default:
          return json(response, 404, { error: 'not-found', message: 'No such room control.' });
      }
    } catch (error) {
      if (error instanceof RoomError) return json(response, 409, { error: error.kind, message: error.message, params: error.params });
      throw error;
    }
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(`${ROOM_CONTROL_PATH}/`)) {
      control(request, response, url.pathname.slice(ROOM_CONTROL_PATH.length + 1)).catch((error: unknown) => {
        options.logger.warn(`web: room control failed: ${String(error)}`);
        if (!response.headersSent) json(response, 500, { error: 'internal', message: String(error) });
        else response.end();
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, BASE_HEADERS).end();
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = appPage();
      if (html !== null) {
        response.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
        response.end(request.method === 'HEAD' ? undefined : html);
        return;
      }
    }
    files(request, response, () => {
      response.writeHead(404, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 5173, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 5173);
  origin = `http://${host}:${port}`;
  return {
    server,
    url: `${origin}/`,
    async close() {
      await options.rooms?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
