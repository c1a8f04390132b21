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
} from '@shared/board/doc';
import type { BoardNodeData, PersonaTextField, StickyNodeData } from '@shared/board/nodes';
import type { HistoryResult } from '@shared/history/history';
import { YDocHistory } from '@shared/history/yHistory';

/**
 * The origin of this window's own edits. The undo manager tracks only this origin, so changes
 * that arrive from elsewhere (loaded from IndexedDB by y-dexie, merged from another laptop's file,
 * or later a co-editor's provider) are never undone here — the per-user undo peers' users ask for.
 */
export type LocalOrigin = { readonly kind: 'local-user'; readonly session: string };

export type Position = { id: string; x: number; y: number };
export type UndoResult = HistoryResult;

/**
 * Every edit the board UI makes goes through here: one method call is one Y transaction with the
 * local origin and one undo step (unless `merge` asks to join the previous step). Plain TypeScript
 * over a Y.Doc, so the rules are unit-tested without a browser. Its `history` is the app's one
 * History interface (shared/history), one step per press.
 */
export class BoardController {
  readonly origin: LocalOrigin;
  readonly history: YDocHistory;

  constructor(
    readonly doc: Y.Doc,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {
    this.origin = { kind: 'local-user', session: this.newId() };
    this.history = new YDocHistory([nodesMap(doc), edgesMap(doc), voteMap(doc)], this.origin);
  }

  get undoManager(): Y.UndoManager {
    return this.history.undoManager;
  }

  /** Runs one user action as one undo step, or as part of the previous one with `merge`. */
  step<T>(work: () => T, options: { merge?: boolean } = {}): T {
    return this.history.step(work, options);
  }

  /** Takes back exactly one of this user's steps ('superseded': it had nothing left to take back). */
  undo(): UndoResult {
    return this.history.undo();
  }

  redo(): UndoResult {
    return this.history.redo();
  }

  canUndo(): boolean {
    return this.history.canUndo();
  }

  canRedo(): boolean {
    return this.history.canRedo();
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

  /** `fresh`: the earlier rounds' results are cleared with the start, in the same undo step. */
  startVote(dotsPerPerson: number, anonymous: boolean, fresh = false): void {
    this.doc.transact(() => {
      if (fresh) clearVoteResults(this.doc, this.origin);
      startVote(this.doc, { round: this.newId(), dotsPerPerson, anonymous }, this.origin);
    }, this.origin);
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
    this.history.destroy();
  }
}
