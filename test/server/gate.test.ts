import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { GatedSocket } from '../../server/rooms/gate';

/**
 * The gate's writes on a real WebSocket over loopback: the frames a room relays to one connection in
 * one turn of the event loop leave in one write to its TCP socket, in order, and nothing waits
 * for a later turn.
 */

type Connected = { gated: GatedSocket; stream: Duplex; writes: () => number; client: WebSocket; received: string[] };

const servers: Server[] = [];
const clients: WebSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A ws server on 127.0.0.1 whose one connection is gated (passing every frame) and whose TCP writes are counted. */
async function connect(corkStream: boolean): Promise<Connected> {
  const server = createServer();
  servers.push(server);
  const sockets = new WebSocketServer({ noServer: true });
  const accepted = new Promise<{ gated: GatedSocket; stream: Duplex; writes: () => number }>((resolve) => {
    server.on('upgrade', (request, stream: Duplex, head) => {
      // Every chunk the socket hands to the operating system goes through _writev (several
      // buffered chunks) or _write (one).
      let writes = 0;
      const target = stream as Duplex & { _writev?: (...args: unknown[]) => void; _write: (...args: unknown[]) => void };
      const writev = target._writev?.bind(target);
      const write = target._write.bind(target);
      if (writev)
        target._writev = (...args: unknown[]) => {
          writes++;
          writev(...args);
        };
      target._write = (...args: unknown[]) => {
        writes++;
        write(...args);
      };
      sockets.handleUpgrade(request, stream, head, (ws) => {
        resolve({ gated: new GatedSocket(ws, (data) => data, corkStream ? stream : null), stream, writes: () => writes });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const client = new WebSocket(`ws://127.0.0.1:${port}/`);
  clients.push(client);
  const received: string[] = [];
  client.on('message', (data: Buffer) => received.push(data.toString()));
  await new Promise((resolve) => client.once('open', resolve));
  return { ...(await accepted), client, received };
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe('the gate’s writes', () => {
  it('sends the frames of one turn in one write, in order, and the next turn’s as well', async () => {
    const { gated, writes, received } = await connect(true);
    const before = writes();
    for (let i = 0; i < 100; i++) gated.send(new TextEncoder().encode(`frame ${i}`));
    await until(() => received.length === 100, '100 frames');
    expect(received).toEqual(Array.from({ length: 100 }, (_, i) => `frame ${i}`));
    expect(writes() - before).toBe(1);

    // A later turn is not held back by the first one.
    gated.send(new TextEncoder().encode('later'));
    await until(() => received.length === 101, 'the later frame');
    expect(received.at(-1)).toBe('later');
    expect(writes() - before).toBe(2);
  });

  it('without the connection’s stream, each frame is a write of its own (what the cork saves)', async () => {
    const { gated, writes, received } = await connect(false);
    const before = writes();
    for (let i = 0; i < 100; i++) gated.send(new TextEncoder().encode(`frame ${i}`));
    await until(() => received.length === 100, '100 frames');
    expect(writes() - before).toBe(100);
  });

  it('keeps the order of frames sent past the gate on the same connection (a participant’s dots)', async () => {
    const { gated, received } = await connect(true);
    gated.send(new TextEncoder().encode('through the gate'));
    gated.socket.send(Buffer.from('straight to the socket'));
    gated.send(new TextEncoder().encode('through the gate again'));
    await until(() => received.length === 3, 'three frames');
    expect(received).toEqual(['through the gate', 'straight to the socket', 'through the gate again']);
  });

  it('sends nothing on a connection that has closed, and does not throw', async () => {
    const { gated, stream, client } = await connect(true);
    client.terminate();
    await until(() => stream.destroyed, 'the socket to close');
    expect(() => gated.send(new TextEncoder().encode('too late'))).not.toThrow();
  });
});
