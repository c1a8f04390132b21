import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { addNodes, newSticky, readAllNodes } from '../../shared/board/doc';
import type { StickyNodeData } from '../../shared/board/nodes';
import { authorFields } from '../../shared/rooms/identity';
import type { OpenRoom } from '../../shared/rooms/protocol';
import { ParticipantSession } from '../../renderer/src/participant/session';
import { connectClient, joinAndConnect, joinRoom, until, type RoomClient } from '../support/roomClients';
import { APP_ORIGIN, boardState, MEMBERS, testHost } from '../server/fixtures';

/**
 * The participant page's session (renderer/src/participant/session.ts: Hocuspocus's provider and
 * the phone's copy of the board in IndexedDB, here fake-indexeddb) against the real room server on
 * 127.0.0.1. A reload is the session stopped and a new one started on the same join.
 */

const cleanUps: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
  vi.unstubAllGlobals();
});

const notes = (doc: Y.Doc) =>
  [...readAllNodes(doc).values()]
    .filter((node): node is StickyNodeData => node.type === 'sticky')
    .map((note) => note.text)
    .sort();

async function openRoom() {
  const { host, logs, cleanUp } = testHost({ now: () => Date.now(), facilitatorOrigins: () => [APP_ORIGIN] });
  cleanUps.push(cleanUp);
  const room: OpenRoom = await host.open({ boardId: 'board-1', boardName: 'Buyer persona', members: MEMBERS, state: boardState().state, address: '127.0.0.1' });
  const origin = new URL(room.joinUrl).origin;
  // The page's WebSocket, with the Origin its browser sends (jsdom's own cannot carry Node's events).
  vi.stubGlobal(
    'WebSocket',
    class PageSocket extends WebSocket {
      constructor(url: string) {
        super(url, { origin });
        this.on('error', () => {});
      }
    },
  );
  const laptop = connectClient({ origin: APP_ORIGIN, url: room.facilitator.url, documentName: room.facilitator.documentName, token: room.facilitator.token });
  cleanUps.push(() => laptop.destroy());
  await laptop.synced;
  return { room, origin, laptop, logs };
}

function startSession(joined: ConstructorParameters<typeof ParticipantSession>[0], origin: string) {
  const session = new ParticipantSession(joined, origin);
  const stop = session.start();
  let stopped = false;
  const end = () => {
    if (!stopped) stop();
    stopped = true;
  };
  cleanUps.push(end);
  return { session, stop: end };
}

/** Writes a note of `client`'s participant into the first zone, as a page does. */
function writeNote(client: RoomClient, identity: Parameters<typeof authorFields>[0], text: string) {
  addNodes(client.doc, [{ id: `note-${text}`, data: newSticky({ x: -880, y: -200, ...authorFields(identity), text }) }], 'phone');
}

describe('a participant’s page reloaded in an open room', () => {
  it('connects with the phone’s copy of the board and is not refused for the others’ notes it holds; what it writes arrives', async () => {
    const { room, origin, laptop, logs } = await openRoom();
    // Another participant, on their own phone, writes a note: its Yjs client id is theirs.
    const noah = await joinAndConnect(room.joinUrl, { as: 'member', memberId: 'm-noah' });
    cleanUps.push(() => noah.client.destroy());
    await noah.client.synced;
    writeNote(noah.client, noah.joined.identity, 'Noah’s note');

    // Emma's page: joins, writes, and receives Noah's note into the phone's copy (IndexedDB).
    const { joined } = await joinRoom(room.joinUrl, { as: 'member', memberId: 'm-emma' });
    const first = startSession(joined, origin);
    await until(() => first.session.state.get().connection === 'online' && first.session.state.get().ready, 'the page online');
    expect(first.session.addNote('goals', 'Emma before the reload')).toBe('added');
    await until(() => notes(first.session.doc).includes('Noah’s note') && notes(laptop.doc).includes('Emma before the reload'), 'both notes everywhere');
    // y-indexeddb stores each update as it comes.
    await new Promise((resolve) => setTimeout(resolve, 100));

    // The reload: the page starts again from the phone's copy, which holds Noah's note too.
    first.stop();
    const second = startSession(joined, origin);
    await until(() => second.session.state.get().connection === 'online' && !second.session.state.get().unsent, 'the reloaded page online and synced');
    expect(notes(second.session.doc)).toContain('Noah’s note');
    expect(second.session.addNote('goals', 'Emma after the reload')).toBe('added');
    await until(() => notes(laptop.doc).includes('Emma after the reload') && notes(noah.client.doc).includes('Emma after the reload'), 'the note written after the reload everywhere');
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Nobody's connection was closed: the reload sent the room only what it lacked, under Emma's ids.
    expect(logs.filter((line) => line.includes('closed the connection'))).toEqual([]);
    expect(second.session.state.get().connection).toBe('online');
    expect(notes(laptop.doc)).toEqual(['Budget is decided in Q4', 'Emma after the reload', 'Emma before the reload', 'Noah’s note']);
  });
});
