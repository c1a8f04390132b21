import * as Y from 'yjs';
import {
  addNodes,
  cancelVote,
  clearVoteResults,
  deleteNodes,
  edgesMap,
  newSticky,
  nodesMap,
  promoteSticky,
  readAllNodes,
  revealVote,
  startVote,
  toggleDot,
  updateNodes,
  voteMap,
  type DotResult,
} from '../../../../shared/board/doc';
import type { BoardNodeData, PersonaTextField, StickyNodeData } from '../../../../shared/board/nodes';

/**
 * The origin of this window's own edits. The undo manager tracks only this origin, so changes
 * that arrive from elsewhere (loaded from IndexedDB by y-dexie, merged from another laptop's file,
 * or later a co-editor's provider) are never undone here — the per-user undo peers' users ask for.
 */
export type LocalOrigin = { readonly kind: 'local-user'; readonly session: string };

export type Position = { id: string; x: number; y: number };
export type UndoResult = 'done' | 'superseded' | 'empty';

/**
 * Every edit the board UI makes goes through here: one method call is one Y transaction with the
 * local origin and one undo step (unless `merge` asks to join the previous step). Plain TypeScript
 * over a Y.Doc, so the rules are unit-tested without a browser.
 */
export class BoardController {
  readonly origin: LocalOrigin;
  readonly undoManager: Y.UndoManager;

  constructor(
    readonly doc: Y.Doc,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {
    this.origin = { kind: 'local-user', session: this.newId() };
    // captureTimeout 0: steps never merge by timing; `step(…, { merge: true })` merges on purpose.
    this.undoManager = new Y.UndoManager([nodesMap(doc), edgesMap(doc), voteMap(doc)], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 0,
    });
  }

  /** Runs one user action as one undo step, or as part of the previous one with `merge`. */
  step<T>(work: () => T, options: { merge?: boolean } = {}): T {
    if (!options.merge) return work();
    this.undoManager.captureTimeout = Number.POSITIVE_INFINITY;
    try {
      return work();
    } finally {
      this.undoManager.captureTimeout = 0;
    }
  }

  /**
   * Takes back exactly one of this user's steps. Y.UndoManager on its own skips a step that has
   * nothing left to undo (a co-editor has since overwritten it: they moved the note after me) and
   * goes on to the step before it, so one keypress could delete a note I made a minute ago.
   * Here one press is one step; 'superseded' says that step had nothing left to take back.
   */
  undo(): UndoResult {
    return this.popOne('undoStack');
  }

  redo(): UndoResult {
    return this.popOne('redoStack');
  }

  private popOne(stackName: 'undoStack' | 'redoStack'): UndoResult {
    const manager = this.undoManager;
    const stack = manager[stackName];
    if (stack.length === 0) return 'empty';
    const rest = stack.slice(0, -1);
    manager[stackName] = stack.slice(-1);
    let popped: unknown;
    try {
      popped = stackName === 'undoStack' ? manager.undo() : manager.redo();
    } finally {
      // Undo pushes onto the redo stack and redo onto the undo stack, never onto the one popped.
      manager[stackName] = rest;
    }
    return popped ? 'done' : 'superseded';
  }

  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  nodes(): Map<string, BoardNodeData> {
    return readAllNodes(this.doc);
  }

  createSticky(fields: Pick<StickyNodeData, 'x' | 'y' | 'department' | 'authorId'> & { text?: string }): string {
    const id = this.newId();
    addNodes(this.doc, [{ id, data: newSticky(fields) }], this.origin);
    return id;
  }

  /**
   * Removes a note made a moment ago and left empty (Escape on a new note), together with its undo
   * step, so undo never stops at a step that changes nothing.
   */
  abandonNewSticky(id: string): void {
    const stack = this.undoManager.undoStack;
    const creation = stack.findLast((item) => item.insertions.clients.size > 0 && this.createdIn(item, id));
    if (creation && creation === stack.at(-1)) {
      this.deleteNodes([id], { merge: true });
      stack.pop();
    } else {
      this.deleteNodes([id]);
    }
  }

  private createdIn(item: Y.UndoManager['undoStack'][number], id: string): boolean {
    const map = nodesMap(this.doc).get(id);
    return Boolean(map?._item && Y.isDeleted(item.insertions, map._item.id));
  }

  /** Adds ready-made nodes (paste, duplicate) as one step; returns their ids. */
  addNodes(nodes: { id: string; data: BoardNodeData }[]): string[] {
    addNodes(this.doc, nodes, this.origin);
    return nodes.map((node) => node.id);
  }

  setText(id: string, text: string, options: { merge?: boolean } = {}): void {
    this.step(() => updateNodes(this.doc, [{ id, patch: { text } }], this.origin), options);
  }

  /** Writes the positions of several nodes (a drop, an arrow-key nudge) in one transaction. */
  moveNodes(positions: readonly Position[], options: { merge?: boolean } = {}): void {
    if (positions.length === 0) return;
    this.step(() => updateNodes(this.doc, positions.map(({ id, x, y }) => ({ id, patch: { x, y } })), this.origin), options);
  }

  deleteNodes(ids: Iterable<string>, options: { merge?: boolean } = {}): void {
    this.step(() => deleteNodes(this.doc, ids, this.origin), options);
  }

  promote(stickyId: string, personaId: string, field: PersonaTextField): boolean {
    return promoteSticky(this.doc, { stickyId, personaId, field }, this.origin);
  }

  startVote(dotsPerPerson: number, anonymous: boolean): void {
    startVote(this.doc, { round: this.newId(), dotsPerPerson, anonymous }, this.origin);
  }

  toggleDot(voter: string, noteId: string): DotResult {
    return toggleDot(this.doc, voter, noteId, this.origin);
  }

  revealVote(): Map<string, number> {
    return revealVote(this.doc, this.origin);
  }

  cancelVote(): void {
    cancelVote(this.doc, this.origin);
  }

  clearVoteResults(): void {
    clearVoteResults(this.doc, this.origin);
  }

  destroy(): void {
    this.undoManager.destroy();
  }
}
