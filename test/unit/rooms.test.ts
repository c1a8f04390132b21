import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNodes, deleteNodes, newSticky, readAllNodes, startVote, toggleDot, updateNodes } from '../../shared/board/doc';
import { STICKY_SIZE } from '../../shared/board/nodes';
import { personaTemplate } from '../../shared/board/personaTemplate';
import { noteDepartment, voterIdFor } from '../../shared/rooms/identity';
import { notesByZone, spotInZone } from '../../shared/rooms/placement';
import { BoardGuard, type BoardWriter } from '../../shared/rooms/policy';
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
  const writer: BoardWriter = { authorId: 'm-emma', department: 'marketing', voterIds: new Set(['m-emma', 'anon:x']) };
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
  return { room, phone, send, personaId, writer };
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
    expect(new BoardGuard(() => Y.encodeStateAsUpdate(state.room)).check(update, state.writer)).toBeNull();
  });

  it('allows their own dots while a vote runs, not someone else’s, and none after it ends', () => {
    const { room, phone, send } = setup();
    startVote(room, { round: 'r1', dotsPerPerson: 2, anonymous: true }, 'laptop');
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(room));
    expect(send(() => toggleDot(phone, 'anon:x', 'laptop-note', 'me'))).toBeNull();
    expect(send(() => toggleDot(phone, 'anon:x', 'laptop-note', 'me'))).toBeNull(); // taken back
    expect(send(() => toggleDot(phone, 'm-noah', 'laptop-note', 'me'))).toMatch(/someone else/);
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
  it('gives other departments joint notes, and anonymous rounds a pseudonym', () => {
    expect(noteDepartment('other')).toBe('joint');
    expect(noteDepartment('sales')).toBe('sales');
    const identity = { authorId: 'm-emma', anonymousVoterId: 'anon:1' };
    expect(voterIdFor(identity, { anonymous: true })).toBe('anon:1');
    expect(voterIdFor(identity, { anonymous: false })).toBe('m-emma');
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
