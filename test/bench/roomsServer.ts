import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { addNodes } from '../../shared/board/doc';
import { personaTemplate } from '../../shared/board/personaTemplate';
import { createRoomHost } from '../../server/rooms/roomHost';

/**
 * The server side of `npm run bench`'s rooms figures, in its own process so its memory and CPU are
 * its own. `room`: the app's room server (server/rooms, as Electron main and `npm run web` run it).
 * `bare`: the baseline, Hocuspocus alone on a plain ws server — no tokens, gate, caps or board
 * policy — serving the same board. Listens on 127.0.0.1 only. Talks to the parent over IPC.
 */
const mode = process.argv[2] === 'bare' ? 'bare' : 'room';

function boardState(): Uint8Array {
  const doc = new Y.Doc();
  let n = 0;
  addNodes(doc, personaTemplate(() => `node-${++n}`, { name: 'Bench persona' }), 'laptop');
  return Y.encodeStateAsUpdate(doc);
}

const send = (message: unknown) => process.send!(message);
let close: () => Promise<void>;

if (mode === 'room') {
  const host = createRoomHost({
    now: () => Date.now(),
    logger: { info: () => {}, warn: (message) => console.warn(message) },
    networkInterfaces: () => ({}),
    participantPage: { html: '', files: new Set(), serve: (_request, response) => response.end() },
    randomBytes: (size) => randomBytes(size),
    facilitatorOrigins: () => ['app://alignboard'],
    port: 0,
    // 30 phones from one address in a second or two: the per-address HTTP rate is for strangers.
    limits: { httpRequestsPerSecond: 1000 },
  });
  const room = await host.open({ boardId: 'bench', boardName: 'Bench', members: [], state: boardState(), address: '127.0.0.1' });
  close = async () => {
    await host.close();
  };
  send({ type: 'ready', joinUrl: room.joinUrl, facilitator: room.facilitator });
} else {
  const initial = new Y.Doc();
  Y.applyUpdate(initial, boardState());
  const hocuspocus = new Hocuspocus({ quiet: true, debounce: 0, onLoadDocument: async () => initial });
  const direct = await hocuspocus.openDirectConnection('bench', {});
  const sockets = new WebSocketServer({ noServer: true });
  const server = createServer();
  server.on('upgrade', (request, socket, head) => sockets.handleUpgrade(request, socket, head, (ws) => hocuspocus.handleConnection(ws, request)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  close = async () => {
    for (const ws of sockets.clients) ws.terminate();
    await new Promise((resolve) => server.close(resolve));
    await direct.disconnect();
  };
  send({ type: 'ready', url: `ws://127.0.0.1:${port}/`, documentName: 'bench' });
}

let cpu = process.cpuUsage();
let wall = performance.now();
process.on('message', (message: { type: string }) => {
  if (message.type === 'mark') {
    global.gc?.();
    cpu = process.cpuUsage();
    wall = performance.now();
    send({ type: 'marked', memory: process.memoryUsage() });
  } else if (message.type === 'stats') {
    const used = process.cpuUsage(cpu);
    const elapsed = performance.now() - wall;
    const before = process.memoryUsage();
    global.gc?.();
    send({ type: 'stats', cpuMs: (used.user + used.system) / 1000, wallMs: elapsed, memory: process.memoryUsage(), memoryBeforeGc: before });
  } else if (message.type === 'close') {
    void close().then(() => process.exit(0));
  }
});
