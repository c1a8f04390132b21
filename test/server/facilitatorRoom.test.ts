import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { addNodes, newSticky, readAllNodes } from '../../shared/board/doc';
import type { StickyNodeData } from '../../shared/board/nodes';
import { personaTemplate } from '../../shared/board/personaTemplate';
import { authorFields } from '../../shared/rooms/identity';
import type { RoomStatus } from '../../shared/rooms/protocol';
import { BoardController } from '../../renderer/src/features/board/controller';
import { joinOwnRoom, type FacilitatorLink, type LinkState } from '../../renderer/src/features/rooms/facilitatorLink';
import { createBrowserRooms } from '../../renderer/src/host/roomsHost';
import { startWebApp } from '../../server/web/start';
import { joinAndConnect, until, type RoomClient } from '../support/roomClients';
import { fakeBuild, MEMBERS } from './fixtures';

/**
 * The facilitator's side over the real browser-version server (web build + rooms on 127.0.0.1):
 * the page's rooms API (`/api/rooms/*`) and the laptop's board joining its own room over loopback.
 */

const cleanUps: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

async function webApp() {
  const build = fakeBuild();
  cleanUps.push(() => build.cleanUp());
  const logs: string[] = [];
  const app = await startWebApp({ root: build.root, port: 0, roomPort: 0, logger: { info: () => {}, warn: (message) => logs.push(message) } });
  cleanUps.push(() => app.close());
  const origin = new URL(app.url).origin;
  // A page's POSTs carry its Origin; so do its GETs here (see the report about same-origin GETs).
  const pageFetch: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin } });
  const rooms = createBrowserRooms({ origin, fetch: pageFetch, pollMs: 50 });
  return { app, origin, rooms, logs };
}

/** The laptop's own WebSocket: a browser page sends its Origin. */
function pageSocket(origin: string) {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
      this.on('error', () => {});
    }
  };
}

function laptopBoard(): Y.Doc {
  const doc = new Y.Doc();
  let n = 0;
  addNodes(doc, personaTemplate(() => `node-${++n}`, { name: 'Tanaka Yui' }), 'seed');
  return doc;
}

const texts = (doc: Y.Doc) =>
  [...readAllNodes(doc).values()]
    .filter((node): node is StickyNodeData => node.type === 'sticky')
    .map((note) => note.text)
    .sort();

describe('the facilitator’s rooms API (browser version)', () => {
  it('lists addresses, opens, reports joins by polling, locks, removes, closes, and says why it refuses', { timeout: 30_000 }, async () => {
    const { rooms } = await webApp();
    const addresses = await rooms.addresses();
    expect(addresses.map((entry) => entry.address)).toContain('127.0.0.1');
    expect(await rooms.status()).toEqual({ open: false });

    const seen: RoomStatus[] = [];
    const stop = rooms.onChange((status) => seen.push(status));
    cleanUps.push(stop);
    const doc = laptopBoard();
    const room = await rooms.open({ boardId: 'board-1', boardName: 'Buyer persona', members: MEMBERS, state: Y.encodeStateAsUpdate(doc), address: '127.0.0.1' });
    expect(room).toMatchObject({ open: true, boardId: 'board-1', boardName: 'Buyer persona', address: '127.0.0.1', locked: false, participants: [] });
    expect(room.joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\?t=[\w-]{22}$/);
    expect(room.code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    await expect(rooms.open({ boardId: 'board-2', boardName: 'Other', members: [], state: Y.encodeStateAsUpdate(doc), address: '127.0.0.1' })).rejects.toThrow(/already open/);

    // A participant joins on their own: the page hears of it by polling.
    const { client, joined } = await joinAndConnect(room.joinUrl, { as: 'member', memberId: 'm-emma' });
    cleanUps.push(() => client.destroy());
    await client.synced;
    await until(() => seen.some((status) => status.open && status.participants.some((p) => p.name === 'Emma Clark' && p.online)), 'the join to be polled');

    expect(await rooms.lock(true)).toMatchObject({ open: true, locked: true });
    await until(() => client.notices.some((notice) => notice.locked), 'the lock notice');
    const removed = await rooms.remove(joined.identity.participantId);
    expect(removed.open && removed.participants).toEqual([]);
    await expect(rooms.remove('nobody')).rejects.toThrow(/not in the room/);
    expect(await rooms.close()).toEqual({ open: false });
    await until(() => seen.at(-1)?.open === false, 'the close to be heard');
    await expect(rooms.lock(false)).rejects.toThrow(/No room is open/);
  });
});

describe('the laptop’s board in its own room', () => {
  it('receives participants’ notes on its own doc, sends its own, and its undo never takes back a participant’s work', { timeout: 30_000 }, async () => {
    const { rooms, origin } = await webApp();
    const doc = laptopBoard();
    const controller = new BoardController(doc);
    cleanUps.push(() => controller.destroy());
    controller.createSticky({ x: 0, y: 0, department: 'sales', authorId: 'm-noah', text: 'Before the room' });
    const room = await rooms.open({ boardId: 'board-1', boardName: 'Buyer persona', members: MEMBERS, state: Y.encodeStateAsUpdate(doc), address: '127.0.0.1' });
    const states: LinkState[] = [];
    const link: FacilitatorLink = joinOwnRoom(doc, room, { WebSocketPolyfill: pageSocket(origin), onState: (state) => states.push(state) });
    cleanUps.push(() => link.destroy());
    await link.synced;
    expect(states).toContain('synced');

    const { client, joined } = await joinAndConnect(room.joinUrl, { as: 'guest', name: 'Sato Hanako', department: 'sales' });
    const phone: RoomClient = client;
    cleanUps.push(() => phone.destroy());
    await phone.synced;
    expect(texts(phone.doc)).toEqual(['Before the room']);

    // The laptop writes after the participant joined; then the participant writes.
    controller.createSticky({ x: 300, y: 0, department: 'marketing', authorId: 'm-emma', text: 'From the laptop' });
    await until(() => texts(phone.doc).includes('From the laptop'), 'the laptop’s note on the phone');
    addNodes(phone.doc, [{ id: 'phone-note', data: newSticky({ x: 600, y: 0, ...authorFields(joined.identity), text: 'From the phone' }) }], 'phone');
    await until(() => texts(doc).includes('From the phone'), 'the phone’s note on the laptop');

    // Undo on the laptop: its own last note goes, the participant's stays; twice: its first too.
    expect(controller.undo()).toBe('done');
    expect(controller.undo()).toBe('done');
    expect(controller.undo()).toBe('empty');
    expect(texts(doc)).toEqual(['From the phone']);
    await until(() => texts(phone.doc).join() === 'From the phone', 'the undo to reach the phone');

    // The room closes: the laptop's link says so and stops; the doc keeps everything.
    await rooms.close();
    await until(() => states.at(-1) === 'closed', 'the link to close');
    expect(texts(doc)).toEqual(['From the phone']);
  });
});
