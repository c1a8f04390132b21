import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNodes,
  cancelVote,
  clearVoteResults,
  countDots,
  deleteNodes,
  dotsUsed,
  MAX_DOTS_PER_PERSON,
  newSticky,
  readNode,
  readVote,
  revealVote,
  startVote,
  toggleDot,
  voteMap,
} from '../../shared/board/doc';
import type { StickyNodeData } from '../../shared/board/nodes';
import { emptyPersona } from '../../shared/board/personaTemplate';
import { BoardController } from '../../renderer/src/features/board/controller';

const ME = 'local';

function board(notes = ['n1', 'n2', 'n3', 'n4']) {
  const doc = new Y.Doc();
  addNodes(
    doc,
    [
      ...notes.map((id, i) => ({ id, data: newSticky({ x: i * 300, y: 0, text: `note ${id}`, department: 'sales', authorId: null }) })),
      { id: 'persona', data: emptyPersona() },
    ],
    null,
  );
  return doc;
}

const note = (doc: Y.Doc, id: string) => readNode(doc, id) as StickyNodeData;

describe('dot voting', () => {
  it('is closed until the facilitator starts a round', () => {
    const doc = board();
    expect(readVote(doc)).toMatchObject({ active: false, round: null, dots: [] });
    expect(toggleDot(doc, 'emma', 'n1', ME)).toBe('closed');
    expect(revealVote(doc, ME).size).toBe(0);
  });

  it('gives each voter N dots: one per note, a click again takes it back, no more than N', () => {
    const doc = board();
    startVote(doc, { round: 'r1', dotsPerPerson: 2, anonymous: false }, ME);
    expect(readVote(doc)).toMatchObject({ active: true, revealed: false, dotsPerPerson: 2, anonymous: false, round: 'r1' });
    expect(toggleDot(doc, 'emma', 'n1', ME)).toBe('added');
    expect(toggleDot(doc, 'emma', 'n2', ME)).toBe('added');
    expect(toggleDot(doc, 'emma', 'n3', ME)).toBe('limit');
    expect(toggleDot(doc, 'emma', 'n1', ME)).toBe('removed');
    expect(toggleDot(doc, 'emma', 'n3', ME)).toBe('added');
    // Another voter has their own N.
    expect(toggleDot(doc, 'noah', 'n3', ME)).toBe('added');
    expect(toggleDot(doc, 'noah', 'n4', ME)).toBe('added');
    expect(toggleDot(doc, 'noah', 'n1', ME)).toBe('limit');
    const vote = readVote(doc);
    expect(dotsUsed(vote, 'emma', () => true)).toBe(2);
    expect(dotsUsed(vote, 'noah', () => true)).toBe(2);
  });

  it('only notes take dots', () => {
    const doc = board();
    startVote(doc, { round: 'r1', dotsPerPerson: 3, anonymous: false }, ME);
    expect(toggleDot(doc, 'emma', 'persona', ME)).toBe('not-a-note');
    expect(toggleDot(doc, 'emma', 'nothing-here', ME)).toBe('not-a-note');
  });

  it('hides totals until the reveal, then adds them to the notes with who voted, and ends the round', () => {
    const doc = board();
    startVote(doc, { round: 'r1', dotsPerPerson: 3, anonymous: false }, ME);
    toggleDot(doc, 'emma', 'n1', ME);
    toggleDot(doc, 'emma', 'n2', ME);
    toggleDot(doc, 'noah', 'n1', ME);
    // Nothing is written on the notes while voting.
    expect(note(doc, 'n1').votes).toBe(0);
    const totals = revealVote(doc, ME);
    expect(totals).toEqual(new Map([['n1', 2], ['n2', 1]]));
    expect(note(doc, 'n1')).toMatchObject({ votes: 2, voters: ['emma', 'noah'] });
    expect(note(doc, 'n2')).toMatchObject({ votes: 1, voters: ['emma'] });
    expect(note(doc, 'n3')).toMatchObject({ votes: 0, voters: [] });
    expect(readVote(doc)).toMatchObject({ active: false, revealed: true, dots: [] });
    expect(toggleDot(doc, 'emma', 'n3', ME)).toBe('closed');
  });

  it('results stay on the notes, and a second round adds to them', () => {
    const doc = board();
    startVote(doc, { round: 'r1', dotsPerPerson: 1, anonymous: false }, ME);
    toggleDot(doc, 'emma', 'n1', ME);
    revealVote(doc, ME);
    startVote(doc, { round: 'r2', dotsPerPerson: 1, anonymous: false }, ME);
    expect(note(doc, 'n1').votes).toBe(1);
    toggleDot(doc, 'emma', 'n1', ME);
    toggleDot(doc, 'noah', 'n1', ME);
    revealVote(doc, ME);
    expect(note(doc, 'n1')).toMatchObject({ votes: 3, voters: ['emma', 'emma', 'noah'] });
  });

  it('an anonymous round adds counts but never writes who voted', () => {
    const doc = board();
    startVote(doc, { round: 'r1', dotsPerPerson: 2, anonymous: true }, ME);
    toggleDot(doc, 'emma', 'n1', ME);
    toggleDot(doc, 'noah', 'n1', ME);
    revealVote(doc, ME);
    expect(note(doc, 'n1')).toMatchObject({ votes: 2, voters: [] });
    // And the per-voter dots are gone from the doc after the reveal.
    expect(JSON.stringify(voteMap(doc).toJSON())).not.toContain('emma');
  });

  it('cancelling ends the round without touching the notes', () => {
    const doc = board();
    startVote(doc, { round: 'r1', dotsPerPerson: 2, anonymous: false }, ME);
    toggleDot(doc, 'emma', 'n1', ME);
    cancelVote(doc, ME);
    expect(readVote(doc)).toMatchObject({ active: false, revealed: false, dots: [] });
    expect(note(doc, 'n1').votes).toBe(0);
  });

  it('a new round starts with no dots', () => {
    const doc = board();
    startVote(doc, { round: 'r1', dotsPerPerson: 2, anonymous: false }, ME);
    toggleDot(doc, 'emma', 'n1', ME);
    startVote(doc, { round: 'r2', dotsPerPerson: 2, anonymous: false }, ME);
    expect(readVote(doc).dots).toEqual([]);
  });

  it('a dot on a note deleted during the round is not counted and frees the dot', () => {
    const doc = board();
    startVote(doc, { round: 'r1', dotsPerPerson: 1, anonymous: false }, ME);
    toggleDot(doc, 'emma', 'n1', ME);
    deleteNodes(doc, ['n1'], ME);
    expect(toggleDot(doc, 'emma', 'n2', ME)).toBe('added');
    expect(revealVote(doc, ME)).toEqual(new Map([['n2', 1]]));
  });

  it('clamps N to 1…20', () => {
    const doc = board();
    startVote(doc, { round: 'r1', dotsPerPerson: 0, anonymous: false }, ME);
    expect(readVote(doc).dotsPerPerson).toBe(1);
    startVote(doc, { round: 'r2', dotsPerPerson: 500, anonymous: false }, ME);
    expect(readVote(doc).dotsPerPerson).toBe(MAX_DOTS_PER_PERSON);
    startVote(doc, { round: 'r3', dotsPerPerson: Number.NaN, anonymous: false }, ME);
    expect(readVote(doc).dotsPerPerson).toBe(3);
  });

  it('keeps the limit when two devices voted for the same person at once: every peer counts the same N', () => {
    const a = board();
    startVote(a, { round: 'r1', dotsPerPerson: 2, anonymous: false }, ME);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    toggleDot(a, 'emma', 'n3', ME);
    toggleDot(a, 'emma', 'n4', ME);
    toggleDot(b, 'emma', 'n1', ME);
    toggleDot(b, 'emma', 'n2', ME);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    // Four dots arrived for emma; only two count, the same two on both peers.
    const onA = countDots(readVote(a), () => true);
    const onB = countDots(readVote(b), () => true);
    expect([...onA.keys()].sort()).toEqual(['n1', 'n2']);
    expect(onB).toEqual(onA);
    // And she cannot add more.
    expect(toggleDot(a, 'emma', 'n1', ME)).toBe('removed');
    expect(toggleDot(a, 'emma', 'n1', ME)).toBe('limit');
  });

  it('clearing results sets every note back to no votes', () => {
    const doc = board();
    startVote(doc, { round: 'r1', dotsPerPerson: 2, anonymous: false }, ME);
    toggleDot(doc, 'emma', 'n1', ME);
    revealVote(doc, ME);
    clearVoteResults(doc, ME);
    expect(note(doc, 'n1')).toMatchObject({ votes: 0, voters: [] });
  });

  it('every voting action is one undo step of the local user, reveal included', () => {
    const doc = board();
    const controller = new BoardController(doc);
    controller.startVote(2, false);
    controller.toggleDot('emma', 'n1');
    controller.toggleDot('noah', 'n1');
    controller.revealVote();
    expect(note(doc, 'n1').votes).toBe(2);
    controller.undo(); // the reveal: totals off the notes, the round open again with its dots
    expect(note(doc, 'n1')).toMatchObject({ votes: 0, voters: [] });
    expect(readVote(doc)).toMatchObject({ active: true, revealed: false });
    expect(readVote(doc).dots).toHaveLength(2);
    controller.undo(); // noah's dot
    expect(readVote(doc).dots).toEqual([{ voter: 'emma', note: 'n1' }]);
    controller.redo();
    controller.redo();
    expect(note(doc, 'n1')).toMatchObject({ votes: 2, voters: ['emma', 'noah'] });
  });

  it('a round started from zero clears the earlier results with the start, in one undo step; otherwise they stay and add up', () => {
    const doc = board();
    const controller = new BoardController(doc);
    controller.startVote(2, false);
    controller.toggleDot('emma', 'n1');
    controller.revealVote();
    controller.startVote(2, false);
    expect(note(doc, 'n1')).toMatchObject({ votes: 1, voters: ['emma'] });
    controller.cancelVote();
    controller.startVote(2, false, true);
    expect(note(doc, 'n1')).toMatchObject({ votes: 0, voters: [] });
    expect(readVote(doc)).toMatchObject({ active: true, dots: [] });
    controller.undo();
    expect(note(doc, 'n1')).toMatchObject({ votes: 1, voters: ['emma'] });
    expect(readVote(doc).active).toBe(false);
  });
});
