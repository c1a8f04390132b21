import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNodes, newSticky, nodesMap, readNode, readVote, updateNodes } from '../../shared/board/doc';
import type { StickyNodeData } from '../../shared/board/nodes';
import { emptyPersona } from '../../shared/board/personaTemplate';
import { BoardController } from '../../renderer/src/features/board/controller';

/** A co-editor: a second doc that starts from ours and edits with its own (untracked) origin. */
function coEditor(doc: Y.Doc) {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return {
    doc: other,
    /** Sends the co-editor's changes to us, as a provider would. */
    send() {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'remote-peer');
    },
    /** Brings our changes to the co-editor. */
    receive() {
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)), 'remote-peer');
    },
  };
}

let counter = 0;
const ids = () => `id-${++counter}`;

function setup() {
  const doc = new Y.Doc();
  // The board as loaded from IndexedDB: not an edit of this user, so not undoable.
  addNodes(doc, [{ id: 'persona', data: emptyPersona({ name: 'Daniel', goals: 'Cut reporting time' }) }], 'y-dexie-provider');
  const board = new BoardController(doc, ids);
  return { doc, board };
}

const stickyOf = (doc: Y.Doc, id: string) => readNode(doc, id) as StickyNodeData | null;

describe('undo/redo scoped to this user', () => {
  it('undoes and redoes create, edit, move and delete, one step each', () => {
    const { doc, board } = setup();
    expect(board.canUndo()).toBe(false);
    const id = board.createSticky({ x: 0, y: 0, department: 'sales', authorId: 'm1' });
    board.setText(id, 'Budget is decided in Q4');
    board.moveNodes([{ id, x: 120, y: 40 }]);
    board.deleteNodes([id]);
    expect(stickyOf(doc, id)).toBeNull();

    board.undo();
    expect(stickyOf(doc, id)).toMatchObject({ x: 120, y: 40, text: 'Budget is decided in Q4' });
    board.undo();
    expect(stickyOf(doc, id)).toMatchObject({ x: 0, y: 0 });
    board.undo();
    expect(stickyOf(doc, id)?.text).toBe('');
    board.undo();
    expect(stickyOf(doc, id)).toBeNull();
    expect(board.canUndo()).toBe(false);
    // The loaded persona is not this user's edit: undo never removes it.
    expect(readNode(doc, 'persona')).not.toBeNull();

    board.redo();
    board.redo();
    expect(stickyOf(doc, id)).toMatchObject({ text: 'Budget is decided in Q4', x: 0 });
    board.redo();
    board.redo();
    expect(stickyOf(doc, id)).toBeNull();
    expect(board.canRedo()).toBe(false);
  });

  it('deleting an older note that was not just made stays an undoable step of its own', () => {
    const { doc, board } = setup();
    const old = board.createSticky({ x: 0, y: 0, department: 'joint', authorId: null });
    board.setText(old, 'x');
    board.abandonNewSticky(old);
    expect(stickyOf(doc, old)).toBeNull();
    board.undo();
    expect(stickyOf(doc, old)?.text).toBe('x');
  });

  it('merges on purpose: a new note and the text typed into it are one step', () => {
    const { doc, board } = setup();
    const id = board.createSticky({ x: 0, y: 0, department: 'joint', authorId: null });
    board.setText(id, 'Reads trade media', { merge: true });
    board.setText(id, 'Reads trade media on the train', { merge: true });
    board.undo();
    expect(stickyOf(doc, id)).toBeNull();
    expect(board.canUndo()).toBe(false);
  });

  it('an abandoned empty note (created, then removed in the same step) leaves no visible undo step', () => {
    const { doc, board } = setup();
    const first = board.createSticky({ x: 0, y: 0, department: 'joint', authorId: null });
    board.setText(first, 'kept');
    const empty = board.createSticky({ x: 300, y: 0, department: 'joint', authorId: null });
    board.setText(empty, '', { merge: true });
    board.abandonNewSticky(empty);
    expect(stickyOf(doc, empty)).toBeNull();
    // The next undo takes back the text of the first note, not a step that changes nothing.
    expect(board.undo()).toBe('done');
    expect(stickyOf(doc, first)?.text).toBe('');
    expect(board.canRedo()).toBe(true);
  });

  it('never undoes a remote change merged in: an edit of the same note survives local undo', () => {
    const { doc, board } = setup();
    const id = board.createSticky({ x: 0, y: 0, department: 'sales', authorId: 'm1' });
    board.setText(id, 'mine');
    const peer = coEditor(doc);
    // The co-editor moves the note and adds one of their own.
    updateNodes(peer.doc, [{ id, patch: { x: 500, y: 500 } }], 'their-local-origin');
    addNodes(peer.doc, [{ id: 'theirs', data: newSticky({ x: 0, y: 300, department: 'marketing', authorId: 'm2', text: 'theirs' }) }], 'their-local-origin');
    peer.send();

    board.undo(); // my text edit
    expect(stickyOf(doc, id)).toMatchObject({ text: '', x: 500, y: 500 });
    expect(stickyOf(doc, 'theirs')?.text).toBe('theirs');
    expect(board.canUndo()).toBe(true);
    board.undo(); // my creation
    expect(stickyOf(doc, id)).toBeNull();
    expect(stickyOf(doc, 'theirs')?.text).toBe('theirs');
    expect(board.canUndo()).toBe(false);

    board.redo();
    board.redo();
    expect(stickyOf(doc, id)?.text).toBe('mine');
    expect(stickyOf(doc, 'theirs')?.text).toBe('theirs');
  });

  it('undoing my move does not overwrite a later remote move of the same note, and takes back only that one step', () => {
    const { doc, board } = setup();
    const id = board.createSticky({ x: 0, y: 0, department: 'sales', authorId: 'm1' });
    board.moveNodes([{ id, x: 100, y: 100 }]);
    const peer = coEditor(doc);
    updateNodes(peer.doc, [{ id, patch: { x: 700, y: 800 } }], 'their-local-origin');
    peer.send();
    // My move was overwritten by theirs: nothing of it is left to undo…
    expect(board.undo()).toBe('superseded');
    expect(stickyOf(doc, id)).toMatchObject({ x: 700, y: 800 });
    // …and that press did not go on to delete the note I created before it.
    expect(board.canUndo()).toBe(true);
    expect(board.undo()).toBe('done');
    expect(stickyOf(doc, id)).toBeNull();
    expect(board.undo()).toBe('empty');
  });

  it('a remote text edit merged between my steps survives undo of my later vote', () => {
    const { doc, board } = setup();
    const id = board.createSticky({ x: 0, y: 0, department: 'sales', authorId: 'm1', text: 'note' });
    board.startVote(3, false);
    const peer = coEditor(doc);
    updateNodes(peer.doc, [{ id, patch: { text: 'note, reworded by a co-editor' } }], 'their-local-origin');
    peer.send();
    board.toggleDot('m1', id);
    board.undo(); // the dot
    board.undo(); // the start of the vote
    expect(readVote(doc).active).toBe(false);
    expect(stickyOf(doc, id)?.text).toBe('note, reworded by a co-editor');
  });

  it('moves of a whole selection are one step', () => {
    const { doc, board } = setup();
    const a = board.createSticky({ x: 0, y: 0, department: 'sales', authorId: null });
    const b = board.createSticky({ x: 300, y: 0, department: 'sales', authorId: null });
    board.moveNodes([
      { id: a, x: 10, y: 10 },
      { id: b, x: 310, y: 10 },
    ]);
    board.undo();
    expect(stickyOf(doc, a)).toMatchObject({ x: 0, y: 0 });
    expect(stickyOf(doc, b)).toMatchObject({ x: 300, y: 0 });
  });

  it('arrow-key nudges held down merge into one step when asked to', () => {
    const { doc, board } = setup();
    const a = board.createSticky({ x: 0, y: 0, department: 'sales', authorId: null });
    board.moveNodes([{ id: a, x: 10, y: 0 }]);
    board.moveNodes([{ id: a, x: 20, y: 0 }], { merge: true });
    board.moveNodes([{ id: a, x: 30, y: 0 }], { merge: true });
    board.undo();
    expect(stickyOf(doc, a)).toMatchObject({ x: 0, y: 0 });
  });

  it('edits made by other code with the board’s origin (the persona panel) are undoable too', () => {
    const { doc, board } = setup();
    updateNodes(doc, [{ id: 'persona', patch: { goals: 'Cut reporting time by half' } }], board.origin);
    board.undo();
    expect(readNode(doc, 'persona')).toMatchObject({ goals: 'Cut reporting time' });
  });

  it('another window’s controller on the same doc has its own history', () => {
    const { doc, board } = setup();
    const other = new BoardController(doc, ids);
    const mine = board.createSticky({ x: 0, y: 0, department: 'sales', authorId: null });
    const theirs = other.createSticky({ x: 0, y: 300, department: 'marketing', authorId: null });
    board.undo();
    expect(stickyOf(doc, mine)).toBeNull();
    expect(stickyOf(doc, theirs)).not.toBeNull();
    expect(nodesMap(doc).size).toBe(2);
  });
});
