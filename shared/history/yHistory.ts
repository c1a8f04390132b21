import * as Y from 'yjs';
import type { History, HistoryResult } from './history';

const STACK_EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-item-updated', 'stack-cleared'] as const;

/**
 * The History of a Y.Doc: a Y.UndoManager over some of its types that tracks only `origin` (this
 * window's own edits), so changes that arrive from elsewhere — loaded from IndexedDB, merged from
 * another laptop's file, or a co-editor's provider — are never undone here.
 *
 * Y.UndoManager on its own skips a step that has nothing left to undo (a co-editor has since
 * overwritten it: they moved the note after me) and goes on to the step before it, so one press
 * could delete a note I made a minute ago. Here one press is one step; 'superseded' says that
 * step had nothing left to take back.
 */
export class YDocHistory implements History {
  readonly undoManager: Y.UndoManager;
  private readonly listeners = new Set<() => void>();
  /** While popOne has a stack cut down to its last step: the manager's events then see that cut stack. */
  private popping = false;
  private readonly notify = () => {
    if (this.popping) return;
    for (const listener of this.listeners) listener();
  };

  constructor(scope: ConstructorParameters<typeof Y.UndoManager>[0], origin: unknown) {
    // captureTimeout 0: steps never merge by timing; `step(…, { merge: true })` merges on purpose.
    this.undoManager = new Y.UndoManager(scope, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    for (const event of STACK_EVENTS) this.undoManager.on(event, this.notify);
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

  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  undo(): HistoryResult {
    return this.popOne('undoStack');
  }

  redo(): HistoryResult {
    return this.popOne('redoStack');
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  destroy(): void {
    for (const event of STACK_EVENTS) this.undoManager.off(event, this.notify);
    this.listeners.clear();
    this.undoManager.destroy();
  }

  private popOne(stackName: 'undoStack' | 'redoStack'): HistoryResult {
    const manager = this.undoManager;
    const stack = manager[stackName];
    if (stack.length === 0) return 'empty';
    const rest = stack.slice(0, -1);
    manager[stackName] = stack.slice(-1);
    let popped: unknown;
    this.popping = true;
    try {
      popped = stackName === 'undoStack' ? manager.undo() : manager.redo();
    } finally {
      // Undo pushes onto the redo stack and redo onto the undo stack, never onto the one popped.
      manager[stackName] = rest;
      this.popping = false;
    }
    // Told once the stacks are whole again: during the pop the manager's events saw only the one
    // step left on the popped stack (so an undo with steps before it read as "nothing to undo").
    // A superseded step is gone from both stacks without an event of the manager's.
    this.notify();
    return popped ? 'done' : 'superseded';
  }
}
