import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { addNodes, deleteNodes, newSticky, nodesMap, readAllNodes, readVote, startVote, toggleDot, updateNodes } from '../../shared/board/doc';
import { authorFields, readGuests } from '../../shared/rooms/identity';
import { BOARD_DOC_VERSION, BOARD_META, SCHEMA_VERSION, stampBoardDoc } from '../../shared/board/docVersion';
import { encodeAwarenessFrame } from '../../server/rooms/frames';
import { ROOM_CLOSE, ROOM_PATHS, socketUrl, type OpenRoom } from '../../shared/rooms/protocol';
import { connectClient, joinAndConnect, joinRoom, until, type RoomClient } from '../support/roomClients';
import { APP_ORIGIN, boardState, MEMBERS, testHost, type TestHost } from './fixtures';

/**
 * The room server with real WebSocket clients (Hocuspocus's provider over `ws`) on 127.0.0.1:
 * tokens, origins, the board policy, lock, remove, close, caps and a flood of malformed frames.
 */

let current: TestHost | null = null;
const clients: RoomClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await current?.cleanUp();
  current = null;
});

async function openRoom(overrides: Parameters<typeof testHost>[0] = {}, clock?: { now: number }) {
  current = testHost(overrides, clock);
  const board = boardState();
  const room = await current.host.open({ boardId: 'board-1', boardName: 'Buyer persona', members: MEMBERS, state: board.state, address: null });
  return { ...current, room, board, facilitator: await laptopOn(room) };
}

/** The laptop's client joined to `room`, its document holding `state` (the board it stored) if given. */
async function laptopOn(room: OpenRoom, state?: Uint8Array): Promise<RoomClient> {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  const laptop = connectClient({ origin: APP_ORIGIN, url: room.facilitator.url, documentName: room.facilitator.documentName, token: room.facilitator.token, doc });
  clients.push(laptop);
  await laptop.synced;
  return laptop;
}

async function participant(room: OpenRoom, request: Parameters<typeof joinAndConnect>[1] = { as: 'member', memberId: 'm-emma' }) {
  const result = await joinAndConnect(room.joinUrl, request, { reconnect: false });
  clients.push(result.client);
  await result.client.synced;
  return result;
}

function origin(room: OpenRoom) {
  return new URL(room.joinUrl).origin;
}

function raw(room: OpenRoom, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(room.port, '127.0.0.1', () => {
      const lines = [`GET ${path} HTTP/1.1`, `Host: 127.0.0.1:${room.port}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
    socket.on('error', reject);
  });
}

/** A plain WebSocket (no provider) for sending frames by hand; resolves once open, or with the refusal. */
function rawSocket(url: string, originHeader: string | null): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, originHeader ? { origin: originHeader } : {});
    const closed = new Promise<{ code: number; reason: string }>((done) => ws.on('close', (code, reason) => done({ code, reason: reason.toString() })));
    ws.on('open', () => resolve({ ws, closed }));
    ws.on('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    ws.on('error', reject);
  });
}

const notes = (doc: Y.Doc) => [...readAllNodes(doc)].filter(([, node]) => node.type === 'sticky');

describe('the participant page and the join API', () => {
  it('caps requests per address: the page and the API at their rate, the page’s files apart at theirs, so loading the page twice is never refused for its own files', async () => {
    // A clock that stands still: no bucket refills during the test.
    const { room } = await openRoom({ limits: { httpRequestsPerSecond: 2, assetRequestsPerSecond: 10 } }, { now: Date.now() });
    const base = origin(room);
    const status = async (url: string) => (await fetch(url)).status;
    // The page (and the API, and connection attempts): a burst of 3 seconds' worth — the laptop's
    // connection from this address took one — then 429 with the "too many" page.
    const page = [];
    for (let i = 0; i < 7; i++) page.push(await status(room.joinUrl));
    expect(page).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await fetch(room.joinUrl, { headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(429);
    // The page's own files still load from that address (the page's scripts, style and fonts, twice
    // over), up to their own burst; then those are refused too.
    const files = [];
    for (let i = 0; i < 10; i++) for (const file of ['/assets/participant-1.js', '/assets/shared-1.js', '/assets/participant-1.css']) files.push(await status(`${base}${file}`));
    expect(files.slice(0, 30)).toEqual(Array.from({ length: 30 }, () => 200));
    expect(await status(`${base}/assets/font-1.woff2`)).toBe(429);
    // A file that is not the page's counts as an ordinary request (here: already refused).
    expect(await status(`${base}/assets/app-1.js`)).toBe(429);
  });

  it('serves the page only with the join token, with a strict CSP, and only the page’s own files', async () => {
    const { room } = await openRoom();
    const base = origin(room);
    const token = new URL(room.joinUrl).searchParams.get('t')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/); // 16 random bytes = 128 bits

    const page = await fetch(room.joinUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('participant-1.js');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${room.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');

    const wrong = await fetch(`${base}${ROOM_PATHS.join}?t=${'A'.repeat(22)}`, { headers: { 'accept-language': 'ja' } });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('この参加リンクは無効です');
    expect((await fetch(`${base}${ROOM_PATHS.join}`)).status).toBe(403);

    const statuses: Record<string, number> = {};
    for (const path of ['/assets/participant-1.js', '/assets/shared-1.js', '/assets/participant-1.css', '/assets/font-1.woff2']) {
      statuses[path] = (await fetch(`${base}${path}`)).status;
    }
    expect(Object.values(statuses)).toEqual([200, 200, 200, 200]);
    // The laptop app, the manifest and anything outside the folder are not reachable.
    const refused: Record<string, number> = {};
    for (const path of ['/index.html', '/', '/assets/app-1.js', '/.vite/manifest.json', '/participant.html']) {
      refused[path] = (await fetch(`${base}${path}`)).status;
    }
    const traversals = ['/assets/../../secret.txt', '/../secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%2e%2e%5csecret.txt', '/assets/participant-1.js/../../../secret.txt'];
    const bodies: string[] = [];
    for (const path of traversals) {
      const response = await raw(room, path);
      refused[path] = response.status;
      bodies.push(response.body);
    }
    expect(new Set(Object.values(refused))).toEqual(new Set([404]));
    expect(bodies.join('\n')).not.toContain('workspace secrets');
  });

  it('refuses requests that name another host (DNS rebinding)', async () => {
    const { room } = await openRoom();
    const response = await raw(room, `${ROOM_PATHS.join}?t=${new URL(room.joinUrl).searchParams.get('t')}`, {});
    expect(response.status).toBe(200);
    const rebinding = await new Promise<string>((resolve) => {
      const socket = connect(room.port, '127.0.0.1', () => socket.write(`GET /join HTTP/1.1\r\nHost: evil.example:${room.port}\r\nConnection: close\r\n\r\n`));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
    });
    expect(rebinding).toMatch(/^HTTP\/1.1 421/);
  });

  it('exposes the board name, room code and the members (names and departments only); joins members and guests', async () => {
    const { room, facilitator } = await openRoom();
    const { summary, joined } = await participant(room, { as: 'guest', name: 'Kenji Mori', department: 'other' });
    expect(summary).toEqual({ roomId: room.roomId, boardKey: expect.stringMatching(/^[\w-]{22}$/), boardName: 'Buyer persona', code: room.code, members: MEMBERS, locked: false });
    expect(JSON.stringify(summary)).not.toContain('board-1');
    expect(joined.identity).toMatchObject({ name: 'Kenji Mori', department: 'other' });
    expect(joined.identity.authorId).toMatch(/^guest:/);
    expect(joined.token).not.toBe(new URL(room.joinUrl).searchParams.get('t'));
    // The guest's name reaches the laptop inside the board, so their notes can be attributed.
    await until(() => readGuests(facilitator.doc).has(joined.identity.authorId), 'the guest in the board');
    expect(readGuests(facilitator.doc).get(joined.identity.authorId)).toEqual({ name: 'Kenji Mori', department: 'other' });

    const member = await participant(room, { as: 'member', memberId: 'm-noah' });
    expect(member.joined.identity).toMatchObject({ authorId: 'm-noah', name: 'Noah Bennett', department: 'sales' });
    expect(current!.host.status()).toMatchObject({ open: true, participants: [{ name: 'Kenji Mori', online: true, memberId: null }, { name: 'Noah Bennett', online: true, memberId: 'm-noah' }] });
  });

  it('refuses joins from another origin, without JSON, with a bad body or an unknown member', async () => {
    const { room } = await openRoom();
    const url = `${origin(room)}${ROOM_PATHS.enter}?t=${new URL(room.joinUrl).searchParams.get('t')}`;
    const post = (headers: Record<string, string>, body: string) => fetch(url, { method: 'POST', headers, body });
    expect((await post({ 'content-type': 'application/json', origin: 'http://evil.example' }, '{"as":"guest","name":"x","department":"sales"}')).status).toBe(403);
    expect((await post({ 'content-type': 'application/json' }, '{"as":"guest","name":"x","department":"sales"}')).status).toBe(403);
    expect((await post({ 'content-type': 'text/plain', origin: origin(room) }, '{"as":"guest","name":"x","department":"sales"}')).status).toBe(415);
    expect((await post({ 'content-type': 'application/json', origin: origin(room) }, '{"as":"guest","name":"","department":"sales"}')).status).toBe(400);
    expect((await post({ 'content-type': 'application/json', origin: origin(room) }, 'not json')).status).toBe(400);
    expect((await post({ 'content-type': 'application/json', origin: origin(room) }, JSON.stringify({ as: 'guest', name: 'x'.repeat(5000), department: 'sales' }))).status).toBe(413);
    expect((await post({ 'content-type': 'application/json', origin: origin(room) }, '{"as":"member","memberId":"nobody"}')).status).toBe(400);
    expect(current!.host.status()).toMatchObject({ participants: [] });
  });
});

describe('WebSocket connections', () => {
  it('syncs the laptop’s board to a participant and the participant’s note back, attributed like a laptop note', async () => {
    const { room, facilitator } = await openRoom();
    const { client, joined } = await participant(room, { as: 'member', memberId: 'm-emma' });
    expect(notes(client.doc).map(([, node]) => node.type === 'sticky' && node.text)).toEqual(['Budget is decided in Q4']);

    addNodes(client.doc, [{ id: 'emma-1', data: newSticky({ x: 0, y: 0, ...authorFields(joined.identity), text: 'Wants fewer tools' }) }], 'participant');
    await until(() => nodesMap(facilitator.doc).has('emma-1'), 'the note at the laptop');
    expect(readAllNodes(facilitator.doc).get('emma-1')).toMatchObject({ type: 'sticky', authorId: 'm-emma', department: 'marketing', text: 'Wants fewer tools' });
  });

  it('refuses a connection without a token, with a wrong token, or from another origin', async () => {
    const { room, logs } = await openRoom();
    const { joined } = await participant(room);
    const base = origin(room);
    const noToken = await rawSocket(`ws://127.0.0.1:${room.port}${ROOM_PATHS.socket}`, base);
    expect(await noToken.closed).toEqual({ code: ROOM_CLOSE.notAuthorized.code, reason: 'not-authorized' });
    const wrong = await rawSocket(socketUrl(base, 'B'.repeat(22)), base);
    expect(await wrong.closed).toEqual({ code: ROOM_CLOSE.notAuthorized.code, reason: 'not-authorized' });
    await expect(rawSocket(socketUrl(base, joined.token), 'http://evil.example')).rejects.toThrow('HTTP 403');
    await expect(rawSocket(socketUrl(base, joined.token), null)).rejects.toThrow('HTTP 403');
    // The facilitator's token from a page (not the app) is refused too.
    await expect(rawSocket(room.facilitator.url, 'http://evil.example')).rejects.toThrow('HTTP 403');
    expect(logs.some((line) => line.startsWith('warn') && line.includes('not-authorized'))).toBe(true);
    expect(logs.some((line) => line.startsWith('warn') && line.includes('is not the room page'))).toBe(true);
  });

  it('refuses a participant’s update that touches what is not theirs, and applies nothing of it', async () => {
    const { room, board, facilitator } = await openRoom();
    const emma = await participant(room, { as: 'member', memberId: 'm-emma' });
    const before = Y.encodeStateVector(facilitator.doc);
    const closed = emma.client.nextClose();
    // Deleting the persona card and another person's note in one transaction.
    deleteNodes(emma.client.doc, [board.personaId, board.laptopNoteId], 'participant');
    expect(await closed).toEqual({ code: ROOM_CLOSE.refused.code, reason: 'update-refused' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(Y.encodeStateVector(facilitator.doc)).toEqual(before);
    expect(readAllNodes(facilitator.doc).has(board.personaId)).toBe(true);
    expect(current!.logs.some((line) => line.includes('update-refused') && line.includes('not their note'))).toBe(true);

    // Writing a note in someone else's name, or editing another's note, is refused the same way.
    const noah = await participant(room, { as: 'member', memberId: 'm-noah' });
    const forged = noah.client.nextClose();
    addNodes(noah.client.doc, [{ id: 'forged', data: newSticky({ x: 0, y: 0, authorId: 'm-emma', department: 'marketing', text: 'I agree' }) }], 'participant');
    expect((await forged).code).toBe(ROOM_CLOSE.refused.code);
    const sophia = await participant(room, { as: 'member', memberId: 'm-sophia' });
    const edit = sophia.client.nextClose();
    updateNodes(sophia.client.doc, [{ id: board.laptopNoteId, patch: { text: 'rewritten' } }], 'participant');
    expect((await edit).code).toBe(ROOM_CLOSE.refused.code);
    expect(readAllNodes(facilitator.doc).get(board.laptopNoteId)).toMatchObject({ text: 'Budget is decided in Q4' });
    expect(notes(facilitator.doc)).toHaveLength(1);
  });

  it('lets a participant edit, move and delete their own notes', async () => {
    const { room, facilitator } = await openRoom();
    const emma = await participant(room, { as: 'member', memberId: 'm-emma' });
    addNodes(emma.client.doc, [{ id: 'e1', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'one' }) }], 'p');
    updateNodes(emma.client.doc, [{ id: 'e1', patch: { text: 'one, edited', x: 40 } }], 'p');
    await until(() => readAllNodes(facilitator.doc).get('e1')?.type === 'sticky' && (readAllNodes(facilitator.doc).get('e1') as { text: string }).text === 'one, edited', 'the edit');
    deleteNodes(emma.client.doc, ['e1'], 'p');
    await until(() => !nodesMap(facilitator.doc).has('e1'), 'the deletion');
    expect(emma.client.closes).toEqual([]);
  });

  it('places dots for participants within the round’s budget; an anonymous round ties no dot to anyone', async () => {
    const { room, facilitator } = await openRoom();
    const emma = await participant(room, { as: 'member', memberId: 'm-emma' });
    const noah = await participant(room, { as: 'member', memberId: 'm-noah' });
    addNodes(emma.client.doc, [{ id: 'e1', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'one' }) }], 'p');
    addNodes(emma.client.doc, [{ id: 'e2', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'two' }) }], 'p');
    await until(() => nodesMap(facilitator.doc).has('e2'), 'Emma’s notes');

    startVote(facilitator.doc, { round: 'r1', dotsPerPerson: 2, anonymous: true }, 'laptop');
    await until(() => emma.client.doc.getMap('vote').get('active') === true, 'the vote at the participant');
    expect(await emma.client.dot('r1', 'laptop-note')).toBe('added');
    expect(await emma.client.dot('r1', 'e1')).toBe('added');
    expect(await emma.client.dot('r1', 'e2')).toBe('limit');
    expect(await emma.client.dot('r0', 'e2')).toBe('closed');
    expect(await emma.client.dot('r1', 'nothing')).toBe('not-a-note');
    expect(emma.client.dots.at(-1)).toMatchObject({ round: 'r1', notes: expect.arrayContaining(['laptop-note', 'e1']) });
    await until(() => readVote(facilitator.doc).dots.length === 2, 'the dots at the laptop');
    // Nothing on the board names Emma: not the voter ids, not the Yjs client id of the change.
    const vote = readVote(facilitator.doc);
    expect(new Set(vote.dots.map((dot) => dot.voter)).size).toBe(2);
    for (const dot of vote.dots) expect(dot.voter).toMatch(/^anon:/);
    expect(JSON.stringify(facilitator.doc.getMap('vote').toJSON())).not.toContain('m-emma');
    const dotsMap = facilitator.doc.getMap('vote').get('dots') as Y.Map<unknown>;
    for (const key of dotsMap.keys()) expect((dotsMap as unknown as { _map: Map<string, { id: { client: number } }> })._map.get(key)!.id.client).not.toBe(emma.client.doc.clientID);
    // Noah is told nothing of Emma's dots; Emma takes one back.
    expect(noah.client.dots.every((message) => message.notes.length === 0)).toBe(true);
    expect(await emma.client.dot('r1', 'e1')).toBe('removed');
    expect(await emma.client.dot('r1', 'e2')).toBe('added');

    // An open round: dots carry the author id, the same budget.
    startVote(facilitator.doc, { round: 'r2', dotsPerPerson: 1, anonymous: false }, 'laptop');
    await until(() => emma.client.doc.getMap('vote').get('round') === 'r2', 'the open round');
    expect(await noah.client.dot('r2', 'e1')).toBe('added');
    expect(await noah.client.dot('r2', 'e2')).toBe('limit');
    await until(() => readVote(facilitator.doc).dots.length === 1, 'Noah’s dot');
    expect(readVote(facilitator.doc).dots).toEqual([{ voter: 'm-noah', note: 'e1' }]);

    // A participant's own update may not touch the vote, not even with their own id.
    const closed = emma.client.nextClose();
    toggleDot(emma.client.doc, 'm-emma', 'laptop-note', 'p');
    expect(await closed).toEqual({ code: ROOM_CLOSE.refused.code, reason: 'update-refused' });
    expect(readVote(facilitator.doc).dots).toEqual([{ voter: 'm-noah', note: 'e1' }]);
  });

  it('refuses an update that depends on changes the room does not have', async () => {
    const { room, facilitator } = await openRoom();
    const emma = await participant(room);
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(emma.client.doc));
    addNodes(elsewhere, [{ id: 'x1', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'first' }) }], 'p');
    const vector = Y.encodeStateVector(elsewhere);
    addNodes(elsewhere, [{ id: 'x2', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'second' }) }], 'p');
    const secondOnly = Y.encodeStateAsUpdate(elsewhere, vector);
    const { ws, closed } = await rawSocket(socketUrl(origin(room), emma.joined.token), origin(room));
    ws.send(syncFrame(emma.joined.documentName, 2, secondOnly));
    expect(await closed).toEqual({ code: ROOM_CLOSE.refused.code, reason: 'update-refused' });
    expect(nodesMap(facilitator.doc).has('x2')).toBe(false);
    expect(current!.logs.some((line) => line.includes('depends on changes the room does not have'))).toBe(true);
  });
});

describe('what a participant may write, and as whom', () => {
  /** Puts a map on the board by hand, with exactly the given fields (what a hostile page could send). */
  const forge = (doc: Y.Doc, id: string, fields: Record<string, unknown>) =>
    doc.transact(() => {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(fields)) map.set(key, value);
      (nodesMap(doc) as unknown as Y.Map<unknown>).set(id, map);
    }, 'p');

  it('refuses a new note that is not exactly a fresh note of theirs, and applies nothing of it', async () => {
    // Refusals are logged once a minute per kind and address: the clock moves on between cases.
    const clock = { now: 1_000_000 };
    const { room, facilitator } = await openRoom({}, clock);
    const before = Y.encodeStateAsUpdate(facilitator.doc);
    const fresh = (identity: Parameters<typeof authorFields>[0]) => ({ ...newSticky({ x: 0, y: 0, ...authorFields(identity), text: 'hello' }) }) as Record<string, unknown>;
    const cases: [string, (fields: Record<string, unknown>) => Record<string, unknown>, string][] = [
      ['votes', (fields) => ({ ...fields, votes: 5 }), 'votes'],
      ['voters', (fields) => ({ ...fields, voters: ['m-noah'] }), 'voters'],
      ['promotedTo', (fields) => ({ ...fields, promotedTo: 'goal-1' }), 'promotedTo'],
      ['a long text', (fields) => ({ ...fields, text: 'x'.repeat(20_001) }), 'longer than 20000'],
      ['an infinite x', (fields) => ({ ...fields, x: Number.POSITIVE_INFINITY }), 'not a finite number'],
      ['a nested Y type', (fields) => ({ ...fields, text: new Y.Text('nested') }), 'text is not plain text'],
      ['an unknown field', (fields) => ({ ...fields, script: 'alert(1)' }), 'fields notes do not have'],
    ];
    for (const [what, change, why] of cases) {
      clock.now += 61_000;
      const guest = await participant(room, { as: 'guest', name: `Guest ${what}`, department: 'sales' });
      const closed = guest.client.nextClose();
      forge(guest.client.doc, `bad-${what}`, change(fresh(guest.joined.identity)));
      expect(await closed).toEqual({ code: ROOM_CLOSE.refused.code, reason: 'update-refused' });
      expect(current!.logs.filter((line) => line.includes('update-refused')).at(-1)).toContain(why);
      guest.client.destroy();
    }
    // The guests' names went into the guest list when they joined; nothing of their notes did.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(facilitator.doc));
    const original = new Y.Doc();
    Y.applyUpdate(original, before);
    expect(readAllNodes(after)).toEqual(readAllNodes(original));
    // A note of exactly the laptop's limit goes through.
    const kenji = await participant(room, { as: 'guest', name: 'Kenji', department: 'other' });
    forge(kenji.client.doc, 'long-enough', { ...fresh(kenji.joined.identity), text: 'y'.repeat(20_000) });
    await until(() => nodesMap(facilitator.doc).has('long-enough'), 'the note of 20,000 characters');
  });

  it('refuses an update that would change the board’s schema version, applies nothing, logs it once; and opens only on a board of this version', async () => {
    const stamped = new Y.Doc();
    Y.applyUpdate(stamped, boardState().state);
    stampBoardDoc(stamped);
    current = testHost();
    const room = await current.host.open({ boardId: 'board-1', boardName: 'Buyer persona', members: MEMBERS, state: Y.encodeStateAsUpdate(stamped), address: null });
    const facilitator = connectClient({ origin: APP_ORIGIN, url: room.facilitator.url, documentName: room.facilitator.documentName, token: room.facilitator.token });
    clients.push(facilitator);
    await facilitator.synced;
    const version = () => facilitator.doc.getMap(BOARD_META).get(SCHEMA_VERSION);
    expect(version()).toBe(BOARD_DOC_VERSION);
    const before = Y.encodeStateVector(facilitator.doc);
    const writes: ((doc: Y.Doc) => void)[] = [
      (doc) => doc.transact(() => doc.getMap(BOARD_META).set(SCHEMA_VERSION, BOARD_DOC_VERSION + 1), 'p'),
      (doc) => doc.transact(() => doc.getMap(BOARD_META).delete(SCHEMA_VERSION), 'p'),
      // Hidden beside a note of their own, in one transaction: nothing of it applies.
      (doc) =>
        doc.transact(() => {
          nodesMap(doc).set('mine', newSticky({ x: 0, y: 0, authorId: 'm-sophia', department: 'joint', text: 'mine' }) as never);
          doc.getMap(BOARD_META).set(SCHEMA_VERSION, 'two');
        }, 'p'),
    ];
    const who = ['m-emma', 'm-noah', 'm-sophia'];
    for (const [index, write] of writes.entries()) {
      const { client } = await participant(room, { as: 'member', memberId: who[index]! });
      const closed = client.nextClose();
      write(client.doc);
      expect(await closed).toEqual({ code: ROOM_CLOSE.refused.code, reason: 'update-refused' });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(version()).toBe(BOARD_DOC_VERSION);
    expect(Y.encodeStateVector(facilitator.doc)).toEqual(before);
    expect(nodesMap(facilitator.doc).has('mine')).toBe(false);
    const logged = current.logs.filter((line) => line.includes('update-refused'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('schema version');
    // Everyone else goes on: a participant's own note still arrives.
    const emma2 = await participant(room, { as: 'guest', name: 'Kai', department: 'sales' });
    addNodes(emma2.client.doc, [{ id: 'fine', data: newSticky({ x: 0, y: 0, ...authorFields(emma2.joined.identity), text: 'fine' }) }], 'p');
    await until(() => nodesMap(facilitator.doc).has('fine'), 'a good note after the refusals');

    await current.host.close();
    for (const value of [BOARD_DOC_VERSION + 1, 'one']) {
      const other = new Y.Doc();
      Y.applyUpdate(other, boardState().state);
      other.getMap(BOARD_META).set(SCHEMA_VERSION, value);
      await expect(current.host.open({ boardId: 'board-1', boardName: 'Buyer persona', members: MEMBERS, state: Y.encodeStateAsUpdate(other), address: null })).rejects.toMatchObject({ kind: 'bad-state' });
    }
    expect(current.host.status()).toEqual({ open: false });
  });

  it('owns a note by who created it in this room, not by the author id it carries', async () => {
    const { room, facilitator, board } = await openRoom();
    const emma = await participant(room, { as: 'member', memberId: 'm-emma' });
    addNodes(emma.client.doc, [{ id: 'e1', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'mine' }) }], 'p');
    await until(() => nodesMap(facilitator.doc).has('e1'), 'Emma’s note');
    // Someone else who picks “Emma” from the list carries her author id, but did not write e1.
    const impostor = await participant(room, { as: 'member', memberId: 'm-emma' });
    await until(() => nodesMap(impostor.client.doc).has('e1'), 'the note at the impostor');
    const closed = impostor.client.nextClose();
    updateNodes(impostor.client.doc, [{ id: 'e1', patch: { text: 'not yours' } }], 'p');
    expect(await closed).toEqual({ code: ROOM_CLOSE.refused.code, reason: 'update-refused' });
    // Picking “Noah” gives no power over the note Noah wrote at the laptop either.
    const noah = await participant(room, { as: 'member', memberId: 'm-noah' });
    const refused = noah.client.nextClose();
    deleteNodes(noah.client.doc, [board.laptopNoteId], 'p');
    expect(await refused).toEqual({ code: ROOM_CLOSE.refused.code, reason: 'update-refused' });
    expect(readAllNodes(facilitator.doc).get('e1')).toMatchObject({ text: 'mine' });
    expect(nodesMap(facilitator.doc).has(board.laptopNoteId)).toBe(true);
    // Emma herself still can.
    updateNodes(emma.client.doc, [{ id: 'e1', patch: { text: 'mine, edited' } }], 'p');
    await until(() => (readAllNodes(facilitator.doc).get('e1') as { text?: string } | undefined)?.text === 'mine, edited', 'Emma’s edit');
  });

  it('refuses updates under another connection’s Yjs client id, and presence sent for someone else', async () => {
    const clock = { now: 1_000_000 };
    const { room, facilitator } = await openRoom({}, clock);
    const emma = await participant(room, { as: 'member', memberId: 'm-emma' });
    const noah = await participant(room, { as: 'member', memberId: 'm-noah' });
    addNodes(emma.client.doc, [{ id: 'e1', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'Emma’s' }) }], 'p');
    await until(() => nodesMap(facilitator.doc).has('e1'), 'Emma’s note');

    // Noah's presence message carrying a state for Emma's client id: the entry is dropped, his own kept.
    const name = noah.joined.documentName;
    const emmaId = emma.client.doc.clientID;
    const forged = encodeAwarenessFrame(name, [
      { clientId: emmaId, clock: 999, state: null, json: JSON.stringify({ user: { name: 'Forged' } }) },
    ]);
    const noahSocket = await rawSocket(socketUrl(origin(room), noah.joined.token), origin(room));
    noahSocket.ws.send(forged);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(JSON.stringify(facilitator.provider.awareness?.getStates().get(emmaId) ?? null)).not.toContain('Forged');

    // An update written under Emma's client id (a copy of her doc that goes on writing), sent by Noah.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(emma.client.doc));
    copy.clientID = emmaId; // after loading: Yjs would pick a new id on seeing its own in an update
    const vector = Y.encodeStateVector(copy);
    updateNodes(copy, [{ id: 'e1', patch: { text: 'rewritten by Noah' } }], 'p');
    noahSocket.ws.send(syncFrame(name, 2, Y.encodeStateAsUpdate(copy, vector)));
    expect(await noahSocket.closed).toEqual({ code: ROOM_CLOSE.refused.code, reason: 'update-refused' });
    expect(current!.logs.filter((line) => line.includes('update-refused')).at(-1)).toContain('client id of another participant');

    // Under the laptop's own client id: refused the same way.
    const laptopCopy = new Y.Doc();
    Y.applyUpdate(laptopCopy, Y.encodeStateAsUpdate(facilitator.doc));
    laptopCopy.clientID = facilitator.doc.clientID;
    const laptopVector = Y.encodeStateVector(laptopCopy);
    addNodes(laptopCopy, [{ id: 'as-laptop', data: newSticky({ x: 0, y: 0, ...authorFields(noah.joined.identity), text: 'as the laptop' }) }], 'p');
    clock.now += 61_000;
    const again = await rawSocket(socketUrl(origin(room), noah.joined.token), origin(room));
    again.ws.send(syncFrame(name, 2, Y.encodeStateAsUpdate(laptopCopy, laptopVector)));
    expect(await again.closed).toEqual({ code: ROOM_CLOSE.refused.code, reason: 'update-refused' });
    expect(current!.logs.some((line) => line.includes('the room already has from someone else'))).toBe(true);
    expect(readAllNodes(facilitator.doc).get('e1')).toMatchObject({ text: 'Emma’s' });
    expect(nodesMap(facilitator.doc).has('as-laptop')).toBe(false);
    expect(emma.client.closes).toEqual([]);
  });
});

describe('presence', () => {
  it('carries the identity the room granted at the join, whatever name, department or id the page claims', async () => {
    const { room, facilitator } = await openRoom();
    const noah = await participant(room, { as: 'member', memberId: 'm-noah' });
    const kai = await participant(room, { as: 'guest', name: 'Kai', department: 'other' });
    const presence = (client: RoomClient) => facilitator.provider.awareness!.getStates().get(client.doc.clientID) as { user?: unknown } | undefined;
    const noahUser = { id: 'm-noah', name: 'Noah Bennett', department: 'sales' };
    const kaiUser = { id: kai.joined.identity.authorId, name: 'Kai', department: 'other' };
    // What the participant page sets.
    noah.client.provider.setAwarenessField('user', noahUser);
    await until(() => JSON.stringify(presence(noah.client)) === JSON.stringify({ user: noahUser }), 'Noah’s presence');
    // A page that claims to be someone else, or the facilitator, or adds a field.
    noah.client.provider.setAwarenessField('user', { id: 'm-emma', name: 'Emma Clark', department: 'marketing' });
    kai.client.provider.awareness!.setLocalState({ user: { id: 'facilitator', name: 'The facilitator', department: 'sales' }, facilitator: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await until(() => JSON.stringify(presence(kai.client)) === JSON.stringify({ user: kaiUser }), 'Kai’s presence as granted');
    expect(presence(noah.client)).toEqual({ user: noahUser });
    // Another participant sees the same.
    expect(kai.client.provider.awareness!.getStates().get(noah.client.doc.clientID)).toEqual({ user: noahUser });
    const named = [...facilitator.provider.awareness!.getStates().values()].map((state) => (state as { user?: { id?: unknown } }).user?.id).filter((id) => id !== undefined);
    expect(named.sort()).toEqual([kai.joined.identity.authorId, 'm-noah'].sort());
    expect(noah.client.closes).toEqual([]);
    expect(current!.logs.filter((line) => line.includes('presence of')).length).toBeGreaterThanOrEqual(1);
  });
});

describe('caps per participant and per room', () => {
  it('caps the notes one participant has on the board', async () => {
    const { room, facilitator } = await openRoom({ limits: { notesPerParticipant: 3 } });
    const emma = await participant(room);
    expect(emma.joined.maxNotes).toBe(3);
    for (const id of ['n1', 'n2', 'n3']) addNodes(emma.client.doc, [{ id, data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: id }) }], 'p');
    await until(() => nodesMap(facilitator.doc).has('n3'), 'three notes');
    const closed = emma.client.nextClose();
    addNodes(emma.client.doc, [{ id: 'n4', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'n4' }) }], 'p');
    expect(await closed).toEqual({ code: ROOM_CLOSE.refused.code, reason: 'update-refused' });
    expect(current!.logs.some((line) => line.includes('more than 3 notes'))).toBe(true);
    expect(nodesMap(facilitator.doc).has('n4')).toBe(false);
    // Another participant has their own budget.
    const noah = await participant(room, { as: 'member', memberId: 'm-noah' });
    addNodes(noah.client.doc, [{ id: 'noah-1', data: newSticky({ x: 0, y: 0, ...authorFields(noah.joined.identity), text: 'mine' }) }], 'p');
    await until(() => nodesMap(facilitator.doc).has('noah-1'), 'Noah’s note');
  });

  it('caps the bytes a participant sends and the size of the room’s document', async () => {
    const clock = { now: 1_000_000 };
    const { room, facilitator } = await openRoom({ limits: { participantBytesPerSecond: 1000, participantByteBurst: 20_000 } }, clock);
    const emma = await participant(room);
    const closed = emma.client.nextClose();
    addNodes(emma.client.doc, [{ id: 'big', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'b'.repeat(19_000) }) }], 'p');
    addNodes(emma.client.doc, [{ id: 'bigger', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'c'.repeat(19_000) }) }], 'p');
    expect(await closed).toEqual({ code: ROOM_CLOSE.tooFast.code, reason: 'too-many-messages' });
    expect(nodesMap(facilitator.doc).has('bigger')).toBe(false);
    await current!.cleanUp();
    current = null;

    const small = await openRoom({ limits: { documentBytes: 6_000 } });
    const noah = await participant(small.room, { as: 'member', memberId: 'm-noah' });
    const full = noah.client.nextClose();
    addNodes(noah.client.doc, [{ id: 'fat', data: newSticky({ x: 0, y: 0, ...authorFields(noah.joined.identity), text: 'f'.repeat(8_000) }) }], 'p');
    expect(await full).toEqual({ code: ROOM_CLOSE.documentFull.code, reason: 'room-document-full' });
    expect(nodesMap(small.facilitator.doc).has('fat')).toBe(false);
    // The laptop's own changes are never refused.
    addNodes(small.facilitator.doc, [{ id: 'laptop-fat', data: newSticky({ x: 0, y: 0, department: 'sales', authorId: null, text: 'l'.repeat(8_000) }) }], 'laptop');
    const sophia = await participant(small.room, { as: 'member', memberId: 'm-sophia' });
    await until(() => nodesMap(sophia.client.doc).has('laptop-fat'), 'the laptop’s note at a participant');
  });

  it('caps the size and rate of a participant’s presence', async () => {
    const { room, facilitator } = await openRoom({ limits: { awarenessStateBytes: 300 } });
    const emma = await participant(room);
    const closed = emma.client.nextClose();
    emma.client.provider.setAwarenessField('user', { name: 'E'.repeat(400) });
    expect(await closed).toEqual({ code: ROOM_CLOSE.refused.code, reason: 'update-refused' });
    expect(current!.logs.some((line) => line.includes('presence state larger than 300 bytes'))).toBe(true);
    expect(JSON.stringify([...(facilitator.provider.awareness?.getStates().values() ?? [])])).not.toContain('EEEE');
    await current!.cleanUp();
    current = null;

    const clock = { now: 1_000_000 };
    const slow = await openRoom({ limits: { awarenessPerSecond: 1, awarenessBurst: 3 } }, clock);
    const noah = await participant(slow.room, { as: 'member', memberId: 'm-noah' });
    // Re-sending others' presence (Hocuspocus's provider does, for every change it hears of) is
    // dropped at the gate and does not count against the sender's rate.
    const sophia = await participant(slow.room, { as: 'member', memberId: 'm-sophia' });
    sophia.client.provider.setAwarenessField('user', { name: 'Sophia' });
    await until(() => JSON.stringify([...(slow.facilitator.provider.awareness?.getStates().values() ?? [])]).includes('Sophia'), 'Sophia’s presence');
    const forwarder = await rawSocket(socketUrl(origin(slow.room), noah.joined.token), origin(slow.room));
    for (let tick = 100; tick < 110; tick++) {
      forwarder.ws.send(encodeAwarenessFrame(noah.joined.documentName, [{ clientId: sophia.client.doc.clientID, clock: tick, state: null, json: JSON.stringify({ user: { name: `Forwarded ${tick}` } }) }]));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(forwarder.ws.readyState).toBe(WebSocket.OPEN);
    expect(JSON.stringify([...(slow.facilitator.provider.awareness?.getStates().values() ?? [])])).not.toContain('Forwarded');
    forwarder.ws.close();
    const tooFast = noah.client.nextClose();
    for (let i = 0; i < 6; i++) noah.client.provider.setAwarenessField('user', { name: `Noah ${i}` });
    expect(await tooFast).toEqual({ code: ROOM_CLOSE.tooFast.code, reason: 'too-many-messages' });
  });
});

describe('lock, remove, close', () => {
  it('locks the board (participants read only, told so) and unlocks it', async () => {
    const { room, facilitator, host } = await openRoom();
    const emma = await participant(room);
    expect(host.setLocked(true)).toMatchObject({ locked: true });
    await until(() => emma.client.notices.at(-1)?.locked === true, 'the lock notice');
    addNodes(emma.client.doc, [{ id: 'locked-note', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'while locked' }) }], 'p');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(nodesMap(facilitator.doc).has('locked-note')).toBe(false);
    // A participant joining a locked room is read only from the start.
    const late = await participant(room, { as: 'member', memberId: 'm-noah' });
    expect(late.summary.locked).toBe(true);
    expect(late.client.notices.at(-1)).toEqual({ type: 'room', locked: true });

    host.setLocked(false);
    await until(() => emma.client.notices.at(-1)?.locked === false, 'the unlock notice');
    addNodes(emma.client.doc, [{ id: 'after', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'after' }) }], 'p');
    await until(() => nodesMap(facilitator.doc).has('after'), 'the note after unlocking');
    // What was written while locked arrives with the next sync (the page asks for one on unlock).
    emma.client.provider.forceSync();
    await until(() => nodesMap(facilitator.doc).has('locked-note'), 'the note written while locked');
  });

  it('removes a participant: disconnected, token revoked, the others unaffected', async () => {
    const { room, host, facilitator } = await openRoom();
    const emma = await participant(room);
    const noah = await participant(room, { as: 'member', memberId: 'm-noah' });
    const closed = emma.client.nextClose();
    host.remove(emma.joined.identity.participantId);
    expect(await closed).toEqual({ code: ROOM_CLOSE.removed.code, reason: 'removed' });
    const again = await rawSocket(socketUrl(origin(room), emma.joined.token), origin(room));
    expect(await again.closed).toEqual({ code: ROOM_CLOSE.removed.code, reason: 'removed' });
    expect(host.status()).toMatchObject({ participants: [{ name: 'Noah Bennett', online: true }] });
    addNodes(noah.client.doc, [{ id: 'n1', data: newSticky({ x: 0, y: 0, ...authorFields(noah.joined.identity), text: 'still here' }) }], 'p');
    await until(() => nodesMap(facilitator.doc).has('n1'), 'Noah’s note');
    expect(() => host.remove('nobody')).toThrow('not in the room');
  });

  it('keeps a removed participant out: the join link they used is replaced, and each refusal says why', async () => {
    const { room, host } = await openRoom();
    const emma = await participant(room);
    const noah = await participant(room, { as: 'member', memberId: 'm-noah' });
    const status = host.remove(emma.joined.identity.participantId);
    const newLink = status.open ? status.joinUrl : '';
    expect(newLink).not.toBe(room.joinUrl);
    // The old link: the page, the summary and a join all refuse it, saying it was replaced.
    const oldPage = await fetch(room.joinUrl);
    expect(oldPage.status).toBe(403);
    expect(await oldPage.text()).toContain('the facilitator has replaced it');
    const oldToken = new URL(room.joinUrl).searchParams.get('t')!;
    const summary = await fetch(`${origin(room)}${ROOM_PATHS.summary}?t=${oldToken}`);
    expect(await summary.json()).toMatchObject({ error: 'link-replaced' });
    await expect(joinRoom(room.joinUrl, { as: 'member', memberId: 'm-emma' })).rejects.toThrow('link-replaced');
    // Her own token (in her page's address after joining) says she was removed.
    const own = await fetch(`${origin(room)}${ROOM_PATHS.join}?t=${emma.joined.token}`, { headers: { 'accept-language': 'ja' } });
    expect(own.status).toBe(403);
    expect(await own.text()).toContain('ファシリテーターによりルームから外されました');
    // Those still in reload their page by their own token; newcomers join by the new link.
    expect((await fetch(`${origin(room)}${ROOM_PATHS.join}?t=${noah.joined.token}`)).status).toBe(200);
    expect((await fetch(`${origin(room)}${ROOM_PATHS.summary}?t=${noah.joined.token}`)).status).toBe(200);
    await participant({ ...room, joinUrl: newLink }, { as: 'guest', name: 'Newcomer', department: 'sales' });
    expect(noah.client.closes).toEqual([]);
  });

  it('closes: everyone told, nothing listens, and old links and tokens stay dead in the next room', async () => {
    const { room, host, facilitator } = await openRoom();
    const emma = await participant(room);
    const closes = [emma.client.nextClose(), facilitator.nextClose()];
    expect(await host.close()).toEqual({ open: false });
    for (const close of await Promise.all(closes)) expect(close).toEqual({ code: ROOM_CLOSE.roomClosed.code, reason: 'room-closed' });
    await expect(fetch(room.joinUrl)).rejects.toThrow('fetch failed');

    const next = await host.open({ boardId: 'board-1', boardName: 'Buyer persona', members: MEMBERS, state: boardState().state, address: null });
    const oldLink = new URL(room.joinUrl);
    const page = await fetch(`${origin(next)}${ROOM_PATHS.join}${oldLink.search}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This room has closed');
    const replay = await rawSocket(socketUrl(origin(next), emma.joined.token), origin(next));
    expect(await replay.closed).toEqual({ code: ROOM_CLOSE.roomClosed.code, reason: 'room-closed' });
    const oldFacilitator = await rawSocket(`${room.facilitator.url.replace(String(room.port), String(next.port))}`, APP_ORIGIN);
    expect((await oldFacilitator.closed).code).toBe(ROOM_CLOSE.roomClosed.code);
    await expect(host.open({ boardId: 'b', boardName: 'Other', members: [], state: boardState().state, address: null })).rejects.toThrow('already open');
  });

  it('sends a participant’s unsent notes into the board’s reopened room, once, as theirs', async () => {
    const { room, host, facilitator } = await openRoom();
    const emma = await participant(room, { as: 'guest', name: 'Kenji', department: 'sales' });
    addNodes(emma.client.doc, [{ id: 'sent', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'sent' }) }], 'p');
    await until(() => nodesMap(facilitator.doc).has('sent'), 'the note sent before');
    // The phone goes offline and goes on writing: a new note, and an edit of the one already sent.
    emma.client.destroy();
    addNodes(emma.client.doc, [{ id: 'unsent', data: newSticky({ x: 0, y: 0, ...authorFields(emma.joined.identity), text: 'written offline' }) }], 'p');
    updateNodes(emma.client.doc, [{ id: 'sent', patch: { text: 'sent, edited offline' } }], 'p');
    await host.close();

    // The laptop reopens a room for the board from what it stored.
    const stored = Y.encodeStateAsUpdate(facilitator.doc);
    const next = await host.open({ boardId: 'board-1', boardName: 'Buyer persona', members: MEMBERS, state: stored, address: null });
    const laptop = await laptopOn(next, stored);
    const { summary, joined } = await joinRoom(next.joinUrl, { as: 'again', token: emma.joined.token });
    expect(summary.boardKey).toBe(emma.summary.boardKey);
    expect(summary.roomId).not.toBe(room.roomId);
    expect(joined.identity).toMatchObject({ authorId: emma.joined.identity.authorId, name: 'Kenji', department: 'sales' });
    const phone = connectClient({ origin: origin(next), url: socketUrl(origin(next), joined.token), documentName: joined.documentName, token: joined.token, doc: emma.client.doc, reconnect: false });
    clients.push(phone);
    await phone.synced;
    await until(() => nodesMap(laptop.doc).has('unsent'), 'the unsent note at the laptop');
    await until(() => (readAllNodes(laptop.doc).get('sent') as { text?: string } | undefined)?.text === 'sent, edited offline', 'the offline edit');
    expect(notes(laptop.doc).map(([id]) => id).sort()).toEqual(['laptop-note', 'sent', 'unsent']);
    expect(readGuests(laptop.doc).get(joined.identity.authorId)).toEqual({ name: 'Kenji', department: 'sales' });
    expect(phone.closes).toEqual([]);

    // The earlier token works once, for this board only; a removed participant's never.
    await expect(joinRoom(next.joinUrl, { as: 'again', token: emma.joined.token })).rejects.toThrow('404');
    const noah = await participant(next, { as: 'member', memberId: 'm-noah' });
    const replaced = host.remove(noah.joined.identity.participantId);
    await host.close();
    const third = await host.open({ boardId: 'board-1', boardName: 'Buyer persona', members: MEMBERS, state: stored, address: null });
    await expect(joinRoom(third.joinUrl, { as: 'again', token: noah.joined.token })).rejects.toThrow('404');
    expect(replaced.open).toBe(true);
  }, 30_000);

  it('takes a participant’s unsent notes into the board’s room reopened after the app restarted (or crashed), from the memory the laptop kept', async () => {
    const { room, host, facilitator } = await openRoom();
    let memory = room.memory;
    host.onChange((status) => {
      if (status.open) memory = status.memory;
    });
    const kenji = await participant(room, { as: 'guest', name: 'Kenji', department: 'sales' });
    const noah = await participant(room, { as: 'member', memberId: 'm-noah' });
    addNodes(kenji.client.doc, [{ id: 'sent', data: newSticky({ x: 0, y: 0, ...authorFields(kenji.joined.identity), text: 'sent' }) }], 'p');
    await until(() => nodesMap(facilitator.doc).has('sent'), 'the note sent before');
    host.remove(noah.joined.identity.participantId);
    // Kenji's phone goes offline and goes on writing; then the app crashes: nothing is closed, the
    // laptop keeps only its board and the room's memory as it stored them last.
    kenji.client.destroy();
    addNodes(kenji.client.doc, [{ id: 'unsent', data: newSticky({ x: 0, y: 0, ...authorFields(kenji.joined.identity), text: 'written offline' }) }], 'p');
    updateNodes(kenji.client.doc, [{ id: 'sent', patch: { text: 'sent, edited offline' } }], 'p');
    const stored = Y.encodeStateAsUpdate(facilitator.doc);
    const kept = JSON.parse(JSON.stringify(memory)) as typeof memory;
    expect(JSON.stringify(kept)).not.toContain(kenji.joined.token);
    const crashed = current!;

    // The app starts again: a new room host (nothing in common with the old one but the laptop's storage).
    const restarted = testHost();
    current = restarted;
    const next = await restarted.host.open({ boardId: 'board-1', boardName: 'Buyer persona', members: MEMBERS, state: stored, address: null, memory: kept });
    await crashed.cleanUp();
    const laptop = await laptopOn(next, stored);

    // The phone scans the new code: the board is the one it has notes for, and it joins again as Kenji.
    const { summary, joined } = await joinRoom(next.joinUrl, { as: 'again', token: kenji.joined.token });
    expect(summary.boardKey).toBe(kenji.summary.boardKey);
    expect(joined.identity).toMatchObject({ authorId: kenji.joined.identity.authorId, name: 'Kenji', department: 'sales' });
    const phone = connectClient({ origin: origin(next), url: socketUrl(origin(next), joined.token), documentName: joined.documentName, token: joined.token, doc: kenji.client.doc, reconnect: false });
    clients.push(phone);
    await phone.synced;
    await until(() => nodesMap(laptop.doc).has('unsent'), 'the unsent note at the laptop');
    await until(() => (readAllNodes(laptop.doc).get('sent') as { text?: string } | undefined)?.text === 'sent, edited offline', 'the offline edit');
    expect(notes(laptop.doc).map(([id]) => id).sort()).toEqual(['laptop-note', 'sent', 'unsent']);
    expect(notes(laptop.doc).filter(([, note]) => note.type === 'sticky' && note.text === 'written offline')).toHaveLength(1);
    expect(phone.closes).toEqual([]);
    expect(restarted.host.status()).toMatchObject({ participants: [{ name: 'Kenji', online: true }] });

    // Security holds across the restart: the old token joins again only once, is dead on the socket
    // and the page, the removed participant's never comes back, and the old join link is closed.
    await expect(joinRoom(next.joinUrl, { as: 'again', token: kenji.joined.token })).rejects.toThrow('404');
    await expect(joinRoom(next.joinUrl, { as: 'again', token: noah.joined.token })).rejects.toThrow('404');
    const replay = await rawSocket(socketUrl(origin(next), kenji.joined.token), origin(next));
    expect(await replay.closed).toEqual({ code: ROOM_CLOSE.roomClosed.code, reason: 'room-closed' });
    const removed = await rawSocket(socketUrl(origin(next), noah.joined.token), origin(next));
    expect(await removed.closed).toEqual({ code: ROOM_CLOSE.removed.code, reason: 'removed' });
    expect((await fetch(`${origin(next)}${ROOM_PATHS.join}${new URL(room.joinUrl).search}`)).status).toBe(403);
    expect((await fetch(`${origin(next)}${ROOM_PATHS.summary}?t=${kenji.joined.token}`)).status).toBe(410);
    // Another board's room does not take Kenji's memory, even if the laptop mixed the boards up.
    const latest = restarted.host.status();
    if (!latest.open) throw new Error('closed');
    await restarted.host.close();
    const other = await restarted.host.open({ boardId: 'board-2', boardName: 'Other', members: [], state: boardState().state, address: null, memory: latest.memory });
    expect((await joinRoom(other.joinUrl, { as: 'guest', name: 'Someone', department: 'sales' })).summary.boardKey).not.toBe(kenji.summary.boardKey);
    await expect(joinRoom(other.joinUrl, { as: 'again', token: joined.token })).rejects.toThrow('404');
    expect(restarted.logs.some((line) => line.includes('is another board'))).toBe(true);
  }, 30_000);

  it('opens only on an address of this computer, and says when the port is taken', async () => {
    current = testHost();
    await expect(current.host.open({ boardId: 'b', boardName: 'B', members: [], state: boardState().state, address: '127.0.0.2' })).rejects.toThrow('not an address of this computer');
    const room = await current.host.open({ boardId: 'b', boardName: 'B', members: [], state: boardState().state, address: null });
    const other = testHost({ port: room.port });
    await expect(other.host.open({ boardId: 'b', boardName: 'B', members: [], state: boardState().state, address: null })).rejects.toThrow(`Port ${room.port}`);
    expect(other.host.status()).toEqual({ open: false });
    await other.cleanUp();
  });
});

describe('caps and malformed input', () => {
  it('closes a connection whose frame is too large', async () => {
    const { room } = await openRoom({ limits: { participantFrameBytes: 1024 } });
    const emma = await participant(room);
    const { ws, closed } = await rawSocket(socketUrl(origin(room), emma.joined.token), origin(room));
    ws.send(new Uint8Array(4096));
    expect((await closed).code).toBe(1009);
  });

  it('caps connections per room and per participant', async () => {
    const { room } = await openRoom({ limits: { connections: 3, connectionsPerParticipant: 1 } });
    const emma = await participant(room);
    const second = await rawSocket(socketUrl(origin(room), emma.joined.token), origin(room));
    expect(await second.closed).toEqual({ code: ROOM_CLOSE.full.code, reason: 'room-full' });
    await participant(room, { as: 'member', memberId: 'm-noah' });
    // Facilitator, Emma and Noah make three: a fourth is refused.
    const { joined } = await joinRoom(room.joinUrl, { as: 'member', memberId: 'm-sophia' });
    const fourth = await rawSocket(socketUrl(origin(room), joined.token), origin(room));
    expect(await fourth.closed).toEqual({ code: ROOM_CLOSE.full.code, reason: 'room-full' });
  });

  it('caps messages per second per connection', async () => {
    const clock = { now: 1_000_000 };
    const { room } = await openRoom({ limits: { messagesPerSecond: 5, messageBurst: 10 } }, clock);
    const emma = await participant(room);
    const { ws, closed } = await rawSocket(socketUrl(origin(room), emma.joined.token), origin(room));
    const queryAwareness = frame(emma.joined.documentName, [3]);
    for (let i = 0; i < 11; i++) ws.send(queryAwareness);
    expect(await closed).toEqual({ code: ROOM_CLOSE.tooFast.code, reason: 'too-many-messages' });
  });

  it('survives 10,000 malformed frames: the document is unchanged, other clients unaffected, each kind logged once', async () => {
    // Many connections from one address in a few seconds: the HTTP/upgrade rate cap is lifted here,
    // and the connection caps fit the ten at once (plus Emma's and Noah's own), so that every
    // connection is judged on its frames, never turned away as "room full".
    const { room, facilitator, logs } = await openRoom({ limits: { httpRequestsPerSecond: 10_000, connections: 20, connectionsPerParticipant: 8 } });
    const emma = await participant(room);
    const noah = await participant(room, { as: 'member', memberId: 'm-noah' });
    const before = Y.encodeStateAsUpdate(facilitator.doc);
    const name = noah.joined.documentName;
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const malformed = { code: ROOM_CLOSE.malformed.code, reason: 'malformed-message' };
    const refused = { code: ROOM_CLOSE.refused.code, reason: 'update-refused' };
    // Each kind of bad frame, and the close it gets: the page tells "malformed" from "refused".
    const kinds: [(i: number) => Uint8Array | string, { code: number; reason: string }][] = [
      [(i) => Uint8Array.from({ length: 1 + (i % 64) }, () => random() & 0xff), malformed], // random bytes
      [() => frame('another-document', [0, 0, 0]), malformed], // another document
      [() => frame(name, [0, 2, 200]), malformed], // an update whose length runs past the end
      [() => frame(name, [0, 2, ...lengthPrefixed(Uint8Array.from({ length: 12 }, () => random() & 0xff))]), refused], // an update of garbage
      [() => frame(name, [9]), malformed], // an unknown message type
      [() => frame(name, [0, 7, 0]), malformed], // an unknown sync type
      [() => frame(name, [1, ...lengthPrefixed(new TextEncoder().encode('\u0001\u0001\u0001{not json'))]), malformed], // awareness that is not JSON
      [() => frame(name, [3, 3, 3]), malformed], // bytes left over
      [() => 'a text frame', malformed],
      [() => frame(name, [6, 5, 104, 101, 108, 108, 111]), malformed], // broadcast to everyone: not from participants
      [() => frame(name, [5, ...lengthPrefixed(new TextEncoder().encode('{"type":"dot"}'))]), malformed], // a request the room does not know
    ];
    let sent = 0;
    // 100 connections of 100 frames each, sent as fast as the socket takes them; the first bad frame
    // closes a connection and the rest of its burst is dropped at the gate.
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, index) => {
          const joined = index % 2 === 0 ? emma.joined : noah.joined;
          const { ws, closed } = await rawSocket(socketUrl(origin(room), joined.token), origin(room));
          const [kind, expected] = kinds[(batch * 10 + index) % kinds.length]!;
          for (let i = 0; i < 100; i++) {
            ws.send(kind(i));
            sent++;
          }
          expect(await closed).toEqual(expected);
        }),
      );
    }
    expect(sent).toBe(10_000);
    // Nothing applied, and the two participants connected throughout are still connected and syncing.
    expect(Y.encodeStateAsUpdate(facilitator.doc)).toEqual(before);
    expect(emma.client.closes).toEqual([]);
    expect(noah.client.closes).toEqual([]);
    addNodes(noah.client.doc, [{ id: 'after-flood', data: newSticky({ x: 0, y: 0, ...authorFields(noah.joined.identity), text: 'still works' }) }], 'p');
    await until(() => nodesMap(facilitator.doc).has('after-flood'), 'a note after the flood');
    await until(() => nodesMap(emma.client.doc).has('after-flood'), 'the note at the other participant');
    // A new participant can still join.
    await participant(room, { as: 'guest', name: 'Late', department: 'sales' });
    // Logged once per kind of refusal and address, not once per frame or connection.
    const warnings = logs.filter((line) => line.startsWith('warn'));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.length).toBeLessThanOrEqual(kinds.length + 2);
    expect(warnings.some((line) => line.includes('room-full'))).toBe(false);
    // A guard against a hang, not a speed target: 100 connections and 10,000 frames on a busy 2-core machine.
  }, 60_000);
});

// Frames by hand: varString(document) then the message.
function lengthPrefixed(bytes: Uint8Array): number[] {
  return [bytes.length, ...bytes]; // lengths below 128 are one varint byte
}

function frame(documentName: string, rest: number[]): Uint8Array {
  const name = new TextEncoder().encode(documentName);
  return Uint8Array.from([name.length, ...name, ...rest]);
}

function syncFrame(documentName: string, syncType: number, update: Uint8Array): Uint8Array {
  const name = new TextEncoder().encode(documentName);
  const length: number[] = [];
  let n = update.length;
  while (n >= 0x80) {
    length.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  length.push(n);
  return Uint8Array.from([name.length, ...name, 0, syncType, ...length, ...update]);
}
