import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { addNodes, newSticky, readAllNodes } from '../../shared/board/doc';
import type { StickyNodeData } from '../../shared/board/nodes';
import { authorFields } from '../../shared/rooms/identity';
import type { RoomHost } from '../../server/rooms/roomHost';
import { db } from '../../renderer/src/db/db';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { createPersonaBoard } from '../../renderer/src/features/personas/personaBoards';
import { RoomController } from '../../renderer/src/features/rooms/roomController';
import type { RoomsHost } from '../../renderer/src/host/roomsHost';
import { connectClient, joinAndConnect, joinRoom, until, type RoomClient } from '../support/roomClients';
import { socketUrl } from '../../shared/rooms/protocol';
import { testHost } from '../server/fixtures';

/**
 * The app-level room controller with the real room server on 127.0.0.1 (as Electron main runs it,
 * without the IPC in between) and the real app database (fake-indexeddb): what participants write
 * is stored with the board in IndexedDB as it arrives, and a reload joins the open room again.
 */

const cleanUps: (() => unknown)[] = [];

/** The page's WebSocket, with the Origin a browser sends (jsdom's own cannot carry Node's events). */
class PageSocket extends WebSocket {
  constructor(url: string) {
    super(url, { origin: window.location.origin });
    this.on('error', () => {});
  }
}
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

/** Like the Electron host: the room host's own calls, and its changes pushed. */
function directRooms(host: RoomHost): RoomsHost {
  return {
    addresses: async () => host.addresses(),
    open: (request) => host.open(request),
    status: async () => host.status(),
    lock: async (locked) => host.setLocked(locked),
    remove: async (id) => host.remove(id),
    close: () => host.close(),
    onChange: (listener) => host.onChange(listener),
    pushes: true,
  };
}

/** The board as IndexedDB holds it (y-dexie's update rows), read apart from the open doc. */
async function storedNotes(workspaceId: string, boardId: string): Promise<string[]> {
  const rows = await db.table<{ k: unknown; u: Uint8Array }>('$boards.doc_updates').toArray();
  const doc = new Y.Doc();
  for (const row of rows) if (JSON.stringify(row.k) === JSON.stringify([workspaceId, boardId])) Y.applyUpdateV2(doc, row.u);
  return [...readAllNodes(doc).values()]
    .filter((node): node is StickyNodeData => node.type === 'sticky')
    .map((note) => note.text)
    .sort();
}

/**
 * A room host on loopback (testHost) with a clock that runs and this page's origin as the
 * laptop's; closed after the test.
 */
function newHost(): RoomHost {
  const { host, cleanUp } = testHost({ now: () => Date.now(), facilitatorOrigins: () => [window.location.origin] });
  cleanUps.push(cleanUp);
  return host;
}

describe('the facilitator’s room controller', () => {
  it('opens the room on the stored board, stores participants’ notes as they arrive, rejoins after a reload, closes', { timeout: 60_000 }, async () => {
    const host = newHost();
    const rooms = directRooms(host);
    const workspaceId = await createWorkspace('W');
    const boardId = await createPersonaBoard(workspaceId, 'Buyer persona');

    const controller = new RoomController(rooms, { WebSocketPolyfill: PageSocket });
    const stop = controller.start();
    await controller.open({ workspaceId, boardId, boardName: 'Buyer persona', members: [], address: '127.0.0.1' });
    const opened = controller.state.get();
    expect(opened).toMatchObject({ workspaceId, joinScreen: true, status: { open: true, boardId, boardName: 'Buyer persona' } });
    await until(() => controller.state.get().link === 'synced', 'the laptop to join its room');

    const { client, joined } = await joinAndConnect(opened.status.open ? opened.status.joinUrl : '', { as: 'guest', name: 'Sato', department: 'sales' });
    const phone: RoomClient = client;
    cleanUps.push(() => phone.destroy());
    await phone.synced;
    const zone = [...readAllNodes(phone.doc).values()].find((node) => node.type === 'zone');
    const write = (id: string, text: string) =>
      addNodes(phone.doc, [{ id, data: newSticky({ x: zone && 'x' in zone ? zone.x + 20 : 0, y: zone && 'y' in zone ? zone.y + 60 : 0, ...authorFields(joined.identity), text }) }], 'phone');
    write('phone-1', 'Written on a phone');
    await expect.poll(() => storedNotes(workspaceId, boardId), { timeout: 15_000 }).toEqual(['Written on a phone']);
    await until(() => {
      const { status } = controller.state.get();
      return status.open && status.participants.length === 1;
    }, 'the participant in the status');

    // A reload: this window's controller goes, a new one finds the open room and joins it again.
    stop();
    const again = new RoomController(rooms, { WebSocketPolyfill: PageSocket });
    const stopAgain = again.start();
    cleanUps.push(stopAgain);
    await until(() => again.state.get().link === 'synced', 'the reloaded laptop to join its room again');
    write('phone-2', 'After the reload');
    await expect.poll(() => storedNotes(workspaceId, boardId), { timeout: 15_000 }).toEqual(['After the reload', 'Written on a phone']);

    await again.lock(true);
    expect(again.state.get().status).toMatchObject({ open: true, locked: true });
    await again.close();
    expect(again.state.get()).toMatchObject({ status: { open: false }, link: null, workspaceId: null });
    await until(() => phone.closes.some((close) => close.reason === 'room-closed'), 'the phone to be told');
    expect(await storedNotes(workspaceId, boardId)).toEqual(['After the reload', 'Written on a phone']);
  });
  it('keeps the room’s memory with the board, so after a restart of the app a phone’s unsent notes reach the reopened room as its own', { timeout: 60_000 }, async () => {
    const workspaceId = await createWorkspace('W');
    const boardId = await createPersonaBoard(workspaceId, 'Buyer persona');
    const first = new RoomController(directRooms(newHost()), { WebSocketPolyfill: PageSocket, storage: null });
    const stopFirst = first.start();
    await first.open({ workspaceId, boardId, boardName: 'Buyer persona', members: [], address: '127.0.0.1' });
    const opened = first.state.get().status;
    if (!opened.open) throw new Error('no room');
    await until(() => first.state.get().link === 'synced', 'the laptop to join its room');

    const { client, joined, summary } = await joinAndConnect(opened.joinUrl, { as: 'guest', name: 'Sato', department: 'sales' });
    cleanUps.push(() => client.destroy());
    await client.synced;
    const zone = [...readAllNodes(client.doc).values()].find((node) => node.type === 'zone');
    const write = (id: string, text: string) =>
      addNodes(client.doc, [{ id, data: newSticky({ x: zone && 'x' in zone ? zone.x + 20 : 0, y: zone && 'y' in zone ? zone.y + 60 : 0, ...authorFields(joined.identity), text }) }], 'phone');
    write('phone-1', 'Sent');
    await expect.poll(() => storedNotes(workspaceId, boardId), { timeout: 15_000 }).toEqual(['Sent']);
    // The phone drops off the network and goes on writing; then the app goes (the whole process: its room host too).
    client.destroy();
    write('phone-2', 'Written offline');
    stopFirst();

    const restarted = new RoomController(directRooms(newHost()), { WebSocketPolyfill: PageSocket, storage: null });
    cleanUps.push(restarted.start());
    await restarted.open({ workspaceId, boardId, boardName: 'Buyer persona', members: [], address: '127.0.0.1' });
    const reopened = restarted.state.get().status;
    if (!reopened.open) throw new Error('no room');
    await until(() => restarted.state.get().link === 'synced', 'the laptop to join its reopened room');
    const again = await joinRoom(reopened.joinUrl, { as: 'again', token: joined.token });
    expect(again.summary.boardKey).toBe(summary.boardKey);
    const origin = new URL(reopened.joinUrl).origin;
    const phone = connectClient({ origin, url: socketUrl(origin, again.joined.token), documentName: again.joined.documentName, token: again.joined.token, doc: client.doc, reconnect: false });
    cleanUps.push(() => phone.destroy());
    await expect.poll(() => storedNotes(workspaceId, boardId), { timeout: 15_000 }).toEqual(['Sent', 'Written offline']);
    expect(phone.closes).toEqual([]);
  });
});
