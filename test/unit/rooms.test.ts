import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import * as Y from 'yjs';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { ROOM_ERROR_KINDS, roomProblemMessage, roomProblemOf, roomProblemText } from '../../shared/rooms/errors';
import { addNodes, deleteNodes, newSticky, readAllNodes, startVote, toggleDot, updateNodes } from '../../shared/board/doc';
import { readNodeData, STICKY_SIZE } from '../../shared/board/nodes';
import { personaTemplate } from '../../shared/board/personaTemplate';
import { guestAuthorId, noteDepartment, readGuests, writeGuest } from '../../shared/rooms/identity';
import { notesByZone, spotInZone } from '../../shared/rooms/placement';
import { BoardGuard, NOTE_TEXT_MAX, type BoardWriter } from '../../shared/rooms/policy';
import { parseFrame } from '../../server/rooms/frames';
import { participantLanguage } from '../../shared/rooms/language';

/** A room's document, a participant's copy of it, and the guard checking what the participant sends. */
function setup() {
  const room = new Y.Doc();
  let n = 0;
  const template = personaTemplate(() => `node-${++n}`);
  addNodes(room, template, 'laptop');
  addNodes(room, [{ id: 'laptop-note', data: newSticky({ x: 0, y: 0, department: 'sales', authorId: 'm-noah', text: 'laptop' }) }], 'laptop');
  const guard = new BoardGuard(() => Y.encodeStateAsUpdate(room));
  room.on('update', (update: Uint8Array) => guard.mirror(update));
  const phone = new Y.Doc();
  Y.applyUpdate(phone, Y.encodeStateAsUpdate(room));
  // The server binds the phone's client id to this participant (see roomHost.ts).
  const clients = new Set([phone.clientID]);
  const writer: BoardWriter = { authorId: 'm-emma', department: 'marketing', owns: (client) => clients.has(client), maxNotes: 50 };
  /** What the phone's next transaction sends, checked and (if allowed) applied to the room. */
  const send = (change: () => void) => {
    let sent: Uint8Array | null = null;
    const capture = (update: Uint8Array) => (sent = update);
    phone.on('update', capture);
    change();
    phone.off('update', capture);
    const problem = guard.check(sent!, writer);
    if (!problem) Y.applyUpdate(room, sent!, 'participant');
    return problem;
  };
  const personaId = template.find((node) => node.data.type === 'persona')!.id;
  return { room, phone, send, personaId, writer, clients };
}

describe('the board policy for participants', () => {
  it('allows their own notes: add, edit, move, delete, and undo/redo of those', () => {
    const { room, phone, send } = setup();
    const undo = new Y.UndoManager(phone.getMap('nodes'), { trackedOrigins: new Set(['me']), captureTimeout: 0 });
    expect(send(() => addNodes(phone, [{ id: 'e1', data: newSticky({ x: 1, y: 2, department: 'marketing', authorId: 'm-emma', text: 'mine' }) }], 'me'))).toBeNull();
    expect(send(() => updateNodes(phone, [{ id: 'e1', patch: { text: 'mine, edited', x: 50 } }], 'me'))).toBeNull();
    expect(send(() => deleteNodes(phone, ['e1'], 'me'))).toBeNull();
    expect(readAllNodes(room).has('e1')).toBe(false);
    expect(send(() => undo.undo())).toBeNull(); // brings the note back
    expect(readAllNodes(room).get('e1')).toMatchObject({ text: 'mine, edited', authorId: 'm-emma' });
    expect(send(() => undo.undo())).toBeNull();
    expect(send(() => undo.redo())).toBeNull();
  });

  it.each([
    ['delete the persona card', (s: ReturnType<typeof setup>) => deleteNodes(s.phone, [s.personaId], 'me'), /not their note/],
    ['rename the persona', (s: ReturnType<typeof setup>) => updateNodes(s.phone, [{ id: s.personaId, patch: { name: 'x' } }], 'me'), /not their note/],
    ['edit another’s note', (s: ReturnType<typeof setup>) => updateNodes(s.phone, [{ id: 'laptop-note', patch: { text: 'x' } }], 'me'), /not their note/],
    ['write in someone else’s name', (s: ReturnType<typeof setup>) => addNodes(s.phone, [{ id: 'f', data: newSticky({ x: 0, y: 0, department: 'sales', authorId: 'm-noah' }) }], 'me'), /not theirs/],
    ['claim another department', (s: ReturnType<typeof setup>) => addNodes(s.phone, [{ id: 'f', data: newSticky({ x: 0, y: 0, department: 'sales', authorId: 'm-emma' }) }], 'me'), /not theirs/],
    ['start a vote', (s: ReturnType<typeof setup>) => startVote(s.phone, { round: 'r', dotsPerPerson: 3, anonymous: false }, 'me'), /cannot change/],
    ['write the guest list', (s: ReturnType<typeof setup>) => s.phone.getMap('guests').set('guest:x', { name: 'x', department: 'sales' }), /cannot change/],
  ])('refuses an update that tries to %s, and applies nothing of it', (_what, change, problem) => {
    const state = setup();
    const before = Y.encodeStateVector(state.room);
    expect(state.send(() => change(state))).toMatch(problem);
    expect(Y.encodeStateVector(state.room)).toEqual(before);
    // The guard forgot the refused update: the participant's next honest change still passes.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(state.room));
    const update = (() => {
      let sent: Uint8Array | null = null;
      fresh.on('update', (u: Uint8Array) => (sent = u));
      addNodes(fresh, [{ id: 'ok', data: newSticky({ x: 0, y: 0, department: 'marketing', authorId: 'm-emma' }) }], 'me');
      return sent!;
    })();
    state.clients.add(fresh.clientID);
    expect(new BoardGuard(() => Y.encodeStateAsUpdate(state.room)).check(update, state.writer)).toBeNull();
  });

  it('refuses any change to the vote, their own dots included (dots go through the room server)', () => {
    for (const voter of ['anon:x', 'm-emma']) {
      const { room, phone, send } = setup();
      startVote(room, { round: 'r1', dotsPerPerson: 2, anonymous: true }, 'laptop');
      Y.applyUpdate(phone, Y.encodeStateAsUpdate(room));
      expect(send(() => toggleDot(phone, voter, 'laptop-note', 'me'))).toMatch(/cannot change/);
    }
  });

  it('refuses garbage and updates that depend on changes the room lacks', () => {
    const { writer } = setup();
    const room = new Y.Doc();
    const guard = new BoardGuard(() => Y.encodeStateAsUpdate(room));
    expect(guard.check(Uint8Array.from([1, 2, 3, 4, 5]), writer)).toMatch(/not a valid Yjs update|depends on/);
    const other = new Y.Doc();
    addNodes(other, [{ id: 'a', data: newSticky({ x: 0, y: 0, department: 'marketing', authorId: 'm-emma' }) }], 'me');
    const vector = Y.encodeStateVector(other);
    addNodes(other, [{ id: 'b', data: newSticky({ x: 0, y: 0, department: 'marketing', authorId: 'm-emma' }) }], 'me');
    expect(guard.check(Y.encodeStateAsUpdate(other, vector), writer)).toMatch(/depends on changes the room does not have/);
  });
});

describe('placing and grouping participants’ notes', () => {
  const zone = { x: 0, y: 0, width: 580, height: 520 };
  it('puts a new note in the first free cell of the zone, in reading order', () => {
    expect(spotInZone(zone, [])).toEqual({ x: 16, y: 56 });
    expect(spotInZone(zone, [{ x: 16, y: 56 }])).toEqual({ x: 16 + STICKY_SIZE.width + 16, y: 56 });
    const full = [0, 1].flatMap((column) => [0, 1].map((row) => ({ x: 16 + column * 276, y: 56 + row * 176 })));
    const spot = spotInZone(zone, full);
    expect(spot.x).toBeGreaterThanOrEqual(zone.x);
    expect(spot.y).toBeLessThan(zone.y + zone.height);
  });

  it('groups notes by the zone their centre is in, in template order, the rest last', () => {
    const doc = new Y.Doc();
    let n = 0;
    addNodes(doc, personaTemplate(() => `z${++n}`), 'x');
    addNodes(doc, [
      { id: 'g2', data: newSticky({ x: -880, y: -300, department: 'sales', authorId: null, text: 'second' }) },
      { id: 'g1', data: newSticky({ x: -880, y: -480, department: 'sales', authorId: null, text: 'first' }) },
      { id: 'far', data: newSticky({ x: 5000, y: 5000, department: 'joint', authorId: null, text: 'far' }) },
    ], 'x');
    const groups = notesByZone(readAllNodes(doc), ['goals', 'challenges', 'triggers', 'objections', 'channels']);
    expect(groups.map((group) => [group.zone, group.notes.map((note) => note.id)])).toEqual([
      ['goals', ['g1', 'g2']],
      ['challenges', []],
      ['triggers', []],
      ['objections', []],
      ['channels', []],
      [null, ['far']],
    ]);
  });
});

describe('identity and language', () => {
  it('gives other departments joint notes', () => {
    expect(noteDepartment('other')).toBe('joint');
    expect(noteDepartment('sales')).toBe('sales');
  });

  it('reads only guest ids from the guest list, so an entry cannot rename a member', () => {
    const doc = new Y.Doc();
    const guest = guestAuthorId('p1');
    writeGuest(doc, guest, { name: 'Kenji', department: 'other' }, 'room');
    writeGuest(doc, 'm-emma', { name: 'Not Emma', department: 'sales' }, 'file');
    expect([...readGuests(doc)]).toEqual([[guest, { name: 'Kenji', department: 'other' }]]);
  });

  it.each([
    [['ja-JP', 'en-US'], 'ja'],
    [['en-GB'], 'en'],
    [['fr-FR', 'ja'], 'ja'],
    [['de'], 'en'],
    [[], 'en'],
  ])('follows the browser languages %j → %s', (languages, expected) => {
    expect(participantLanguage(languages)).toBe(expected);
  });
});

describe('frames', () => {
  it('names what is wrong with a frame', () => {
    const name = (doc: string, ...rest: number[]) => Uint8Array.from([doc.length, ...new TextEncoder().encode(doc), ...rest]);
    expect(parseFrame(name('d', 3), 'd')).toEqual({ ok: true, frame: { kind: 'query-awareness' } });
    expect(parseFrame(name('other', 3), 'd')).toMatchObject({ ok: false, problem: expect.stringContaining('document this room does not have') });
    expect(parseFrame(name('d', 3, 0), 'd')).toMatchObject({ ok: false, problem: 'bytes left over after the message' });
    expect(parseFrame(name('d', 0, 2, 9), 'd')).toMatchObject({ ok: false, problem: expect.stringContaining('does not parse') });
    expect(parseFrame(name('d', 6), 'd')).toMatchObject({ ok: false, problem: 'message type 6 is not accepted from clients' });
    expect(parseFrame(new Uint8Array(), 'd')).toMatchObject({ ok: false });
  });
});

describe('what a participant’s note may hold', () => {
  const mine = (fields: Record<string, unknown> = {}) => ({ ...newSticky({ x: 10, y: 20, department: 'marketing', authorId: 'm-emma', text: 'mine' }), ...fields });
  /** Writes a note map exactly as given (no schema in between), as a hostile page could. */
  const raw = (doc: Y.Doc, id: string, fields: Record<string, unknown>) => {
    doc.transact(() => {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(fields)) map.set(key, value);
      doc.getMap('nodes').set(id, map);
    }, 'me');
  };

  it.each([
    ['votes', mine({ votes: 999 }), /votes/],
    ['voters', mine({ voters: ['m-noah', 'm-noah'] }), /voters/],
    ['a promotion', mine({ promotedTo: 'goals' }), /promotedTo/],
    ['text longer than the laptop keeps', mine({ text: 'x'.repeat(20_001) }), /text/],
    ['text that is not a string', mine({ text: 42 }), /text/],
    ['an infinite x', mine({ x: Infinity }), /\bx\b/],
    ['a NaN y', mine({ y: Number.NaN }), /\by\b/],
    ['a field notes do not have', mine({ colour: 'red' }), /colour/],
    ['a nested Y type', mine({ text: new Y.Text('nested') }), /text/],
    ['a nested Y map in a new field', mine({ extra: new Y.Map() }), /extra/],
    ['a missing field', (({ votes: _votes, ...rest }) => rest)(mine()), /votes/],
  ])('refuses a new note with %s', (_what, fields, problem) => {
    const state = setup();
    const before = Y.encodeStateVector(state.room);
    expect(state.send(() => raw(state.phone, 'bad', fields))).toMatch(problem);
    expect(Y.encodeStateVector(state.room)).toEqual(before);
  });

  it('accepts a note of exactly the laptop’s limit', () => {
    const state = setup();
    expect(state.send(() => raw(state.phone, 'long', mine({ text: 'x'.repeat(20_000) })))).toBeNull();
    // The laptop keeps it (its schema cuts only what is longer).
    expect(readAllNodes(state.room).get('long')).toMatchObject({ text: 'x'.repeat(20_000) });
  });

  it.each([
    ['text longer than the laptop keeps', (map: Y.Map<unknown>) => map.set('text', 'x'.repeat(20_001)), /text/],
    ['text as a nested Y type', (map: Y.Map<unknown>) => map.set('text', new Y.Text('x')), /text/],
    ['a NaN x', (map: Y.Map<unknown>) => map.set('x', Number.NaN), /\bx\b/],
    ['an infinite y', (map: Y.Map<unknown>) => map.set('y', -Infinity), /\by\b/],
    ['a removed field', (map: Y.Map<unknown>) => map.delete('text'), /text/],
    ['votes', (map: Y.Map<unknown>) => map.set('votes', 5), /votes/],
  ])('refuses an edit of their own note that sets %s', (_what, change, problem) => {
    const state = setup();
    expect(state.send(() => raw(state.phone, 'e1', mine()))).toBeNull();
    const before = Y.encodeStateVector(state.room);
    expect(state.send(() => state.phone.transact(() => change(state.phone.getMap<Y.Map<unknown>>('nodes').get('e1')!), 'me'))).toMatch(problem);
    expect(Y.encodeStateVector(state.room)).toEqual(before);
  });
});

describe('whose note it is', () => {
  it('is the note’s creator’s (this participant in this room), not whoever carries its author id', () => {
    const state = setup();
    // A note of Emma's written at the laptop, or by Emma in an earlier room: same author id, another client.
    addNodes(state.room, [{ id: 'older', data: newSticky({ x: 0, y: 0, department: 'marketing', authorId: 'm-emma', text: 'from before' }) }], 'laptop');
    Y.applyUpdate(state.phone, Y.encodeStateAsUpdate(state.room));
    expect(state.send(() => updateNodes(state.phone, [{ id: 'older', patch: { text: 'rewritten' } }], 'me'))).toMatch(/not their note/);
    Y.applyUpdate(state.phone, Y.encodeStateAsUpdate(state.room));
    expect(state.send(() => deleteNodes(state.phone, ['older'], 'me'))).toMatch(/not their note/);
    expect(readAllNodes(state.room).get('older')).toMatchObject({ text: 'from before' });
  });

  it('judges a participant’s next update on top of the one let through that the room has not applied yet, even after refusing someone else', () => {
    const state = setup();
    // The room's document applies what the guard let through a moment later (Hocuspocus is asynchronous).
    const capture = () => {
      let sent: Uint8Array | null = null;
      const take = (update: Uint8Array) => (sent = update);
      state.phone.on('update', take);
      return () => {
        state.phone.off('update', take);
        return sent!;
      };
    };
    let stop = capture();
    addNodes(state.phone, [{ id: 'e1', data: newSticky({ x: 0, y: 0, department: 'marketing', authorId: 'm-emma', text: 'first' }) }], 'me');
    const first = stop();
    const guard = new BoardGuard(() => Y.encodeStateAsUpdate(state.room));
    state.room.on('update', (update: Uint8Array) => guard.mirror(update));
    expect(guard.check(first, state.writer)).toBeNull();
    // Someone else's bad update is refused: the guard rebuilds its copy from the room's document.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(state.room));
    let bad: Uint8Array | null = null;
    other.on('update', (update: Uint8Array) => (bad = update));
    deleteNodes(other, ['laptop-note'], 'x');
    expect(guard.check(bad!, { ...state.writer, authorId: 'm-noah', owns: (client) => client === other.clientID })).toContain('not their note');
    // Emma's next update builds on her first, which the room is only now applying.
    stop = capture();
    updateNodes(state.phone, [{ id: 'e1', patch: { text: 'first, edited' } }], 'me');
    const second = stop();
    expect(guard.check(second, state.writer)).toBeNull();
    Y.applyUpdate(state.room, first);
    Y.applyUpdate(state.room, second);
    expect(readAllNodes(state.room).get('e1')).toMatchObject({ text: 'first, edited' });
  });

  it('counts every client id the participant wrote under (a reloaded page has a new one)', () => {
    const state = setup();
    expect(state.send(() => addNodes(state.phone, [{ id: 'e1', data: newSticky({ x: 0, y: 0, department: 'marketing', authorId: 'm-emma', text: 'before reload' }) }], 'me'))).toBeNull();
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(state.room));
    state.clients.add(reloaded.clientID);
    let sent: Uint8Array | null = null;
    reloaded.on('update', (update: Uint8Array) => (sent = update));
    updateNodes(reloaded, [{ id: 'e1', patch: { text: 'after reload' } }], 'me');
    const guard = new BoardGuard(() => Y.encodeStateAsUpdate(state.room));
    expect(guard.check(sent!, state.writer)).toBeNull();
  });

  it('lets undo bring back their own deleted note with the votes it had, but not add votes to a new one', () => {
    const state = setup();
    const undo = new Y.UndoManager(state.phone.getMap('nodes'), { trackedOrigins: new Set(['me']), captureTimeout: 0 });
    expect(state.send(() => addNodes(state.phone, [{ id: 'e1', data: newSticky({ x: 0, y: 0, department: 'marketing', authorId: 'm-emma', text: 'voted for' }) }], 'me'))).toBeNull();
    // The facilitator reveals a vote: the note gets 3 votes.
    updateNodes(state.room, [{ id: 'e1', patch: { votes: 3, voters: ['m-noah', 'm-noah', 'm-emma'] } }], 'laptop');
    Y.applyUpdate(state.phone, Y.encodeStateAsUpdate(state.room));
    expect(state.send(() => deleteNodes(state.phone, ['e1'], 'me'))).toBeNull();
    expect(state.send(() => undo.undo())).toBeNull();
    expect(readAllNodes(state.room).get('e1')).toMatchObject({ text: 'voted for', votes: 3 });
    const rest = { x: 0, y: 0, department: 'marketing' as const, authorId: 'm-emma', text: 'x' };
    expect(state.send(() => addNodes(state.phone, [{ id: 'e2', data: { ...newSticky(rest), votes: 3 } }], 'me'))).toMatch(/votes/);
  });

  it('caps how many notes one participant has on the board', () => {
    const state = setup();
    state.writer.maxNotes = 3;
    const add = (id: string) => state.send(() => addNodes(state.phone, [{ id, data: newSticky({ x: 0, y: 0, department: 'marketing', authorId: 'm-emma', text: id }) }], 'me'));
    expect([add('a'), add('b'), add('c')]).toEqual([null, null, null]);
    expect(add('d')).toMatch(/more than 3 notes/);
    expect(state.send(() => deleteNodes(state.phone, ['a'], 'me'))).toBeNull();
    // The refused note is still in the phone's copy; a fresh one fits now that one is gone.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(state.room));
    state.clients.add(fresh.clientID);
    let sent: Uint8Array | null = null;
    fresh.on('update', (update: Uint8Array) => (sent = update));
    addNodes(fresh, [{ id: 'e', data: newSticky({ x: 0, y: 0, department: 'marketing', authorId: 'm-emma', text: 'e' }) }], 'me');
    expect(new BoardGuard(() => Y.encodeStateAsUpdate(state.room)).check(sent!, state.writer)).toBeNull();
  });

  it('counts a participant’s notes by the client ids that created them, without walking the whole board for each new note', () => {
    const state = setup();
    // A large board: a thousand notes written at the laptop.
    addNodes(
      state.room,
      Array.from({ length: 1000 }, (_, index) => ({ id: `laptop-${index}`, data: newSticky({ x: index, y: 0, department: 'sales', authorId: 'm-noah', text: `n${index}` }) })),
      'laptop',
    );
    Y.applyUpdate(state.phone, Y.encodeStateAsUpdate(state.room));
    state.writer.maxNotes = 2;
    let asked = 0;
    const owns = state.writer.owns;
    state.writer.owns = (client) => {
      asked++;
      return owns(client);
    };
    const add = (id: string) => state.send(() => addNodes(state.phone, [{ id, data: newSticky({ x: 0, y: 0, department: 'marketing', authorId: 'm-emma', text: id }) }], 'me'));
    expect([add('a'), add('b')]).toEqual([null, null]);
    expect(asked).toBeLessThan(20);
    expect(add('c')).toMatch(/more than 2 notes/);
    expect(state.send(() => deleteNodes(state.phone, ['a'], 'me'))).toBeNull();
  });

  it('knows when its copy holds an update already (one it let through), so the room does not apply it there twice', () => {
    const state = setup();
    const guard = new BoardGuard(() => Y.encodeStateAsUpdate(state.room));
    let sent: Uint8Array | null = null;
    state.phone.once('update', (update: Uint8Array) => (sent = update));
    addNodes(state.phone, [{ id: 'e1', data: newSticky({ x: 0, y: 0, department: 'marketing', authorId: 'm-emma', text: 'mine' }) }], 'me');
    expect(guard.holds(sent!)).toBe(false);
    expect(guard.check(sent!, state.writer)).toBeNull();
    expect(guard.holds(sent!)).toBe(true);
    let laptop: Uint8Array | null = null;
    state.room.once('update', (update: Uint8Array) => (laptop = update));
    addNodes(state.room, [{ id: 'l2', data: newSticky({ x: 0, y: 0, department: 'sales', authorId: 'm-noah', text: 'laptop' }) }], 'laptop');
    expect(guard.holds(laptop!)).toBe(false);
    expect(guard.holds(new Uint8Array([1, 2, 3]))).toBe(false);
  });

  it('keeps the policy’s text limit equal to the laptop’s', () => {
    const note = (text: string) => readNodeData({ ...newSticky({ x: 0, y: 0, department: 'joint', authorId: null }), text });
    expect(note('x'.repeat(NOTE_TEXT_MAX))).toMatchObject({ text: 'x'.repeat(NOTE_TEXT_MAX) });
    expect(note('x'.repeat(NOTE_TEXT_MAX + 1))).toMatchObject({ text: '' });
  });
});

describe('room errors in the user’s language', () => {
  const translate = (language: 'en' | 'ja') => {
    const i18n = i18next.createInstance();
    void i18n.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng: language, initAsync: false, interpolation: { escapeValue: false } });
    return i18n.t.bind(i18n);
  };

  it('carries the kind and parameters across Electron IPC and from the browser version’s server', () => {
    const problem = { kind: 'port-in-use' as const, params: { port: 47231, address: '127.0.0.1' }, message: 'Port 47231 on 127.0.0.1 is in use by another program.' };
    // Electron puts its own prefix before an IPC handler's error message.
    const ipc = new Error(`Error invoking remote method 'room:open': Error: ${roomProblemMessage(problem)}`);
    expect(roomProblemOf(ipc)).toEqual(problem);
    expect(roomProblemOf({ error: 'not-open', message: 'No room is open.', params: {} })).toEqual({ kind: 'not-open', params: {}, message: 'No room is open.' });
    expect(roomProblemOf(new Error('something else'))).toBeNull();
    expect(roomProblemOf({ error: 'forbidden', message: 'no' })).toBeNull();
    expect(roomProblemText(translate('en'), problem)).toBe('Port 47231 is in use by another program. Close that program, or restart the computer, and open the room again.');
    expect(roomProblemText(translate('ja'), problem)).toContain('ポート 47231 は別のプログラムが使用しています');
  });

  it('has a sentence for every kind in both languages', () => {
    for (const kind of ROOM_ERROR_KINDS) {
      expect(en.rooms.errors[kind]).toBeTruthy();
      expect(ja.rooms.errors[kind]).toBeTruthy();
      expect(roomProblemText(translate('ja'), { kind, params: { board: 'B', address: 'a', port: 1, reason: 'r' }, message: '' })).not.toContain('rooms.errors');
    }
  });
});
