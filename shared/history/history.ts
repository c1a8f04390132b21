/**
 * One undo/redo interface for the whole app, with no framework in it: the boards' Y.Docs
 * (yHistory.ts) and stored records (SnapshotHistory below) implement it, the UI reads
 * `canUndo`/`canRedo` through `subscribe`, and one shared test suite runs against both.
 *
 * One press is one step. `superseded` says the step had nothing left to take back (someone else
 * has since changed what it changed: a co-editor, another window) — the step is used up and the
 * next press goes on to the step before it, so a press never silently undoes two things.
 */
export type HistoryResult = 'done' | 'superseded' | 'empty';

export type Awaitable<T> = T | Promise<T>;

export interface History {
  canUndo(): boolean;
  canRedo(): boolean;
  undo(): Awaitable<HistoryResult>;
  redo(): Awaitable<HistoryResult>;
  /** Called after `canUndo`/`canRedo` may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export type HistoryFlags = { canUndo: boolean; canRedo: boolean };

/** The flags of a history as one value that keeps its identity while they do not change (for useSyncExternalStore). */
export function historyFlags(history: History): () => HistoryFlags {
  let last: HistoryFlags = { canUndo: false, canRedo: false };
  return () => {
    const canUndo = history.canUndo();
    const canRedo = history.canRedo();
    if (canUndo !== last.canUndo || canRedo !== last.canRedo) last = { canUndo, canRedo };
    return last;
  };
}

/** A step of a snapshot history: the record (or list) before and after one change. */
export type SnapshotStep<T> = { readonly before: T; readonly after: T };

export type SnapshotHistoryOptions<T> = {
  /**
   * Writes `to` where the record now holds `from`. Returns false (writing nothing) when the record
   * no longer holds `from` — it changed elsewhere since — and the step is then `superseded`.
   * A rejection leaves the step where it was.
   */
  apply(to: T, from: T): Awaitable<boolean>;
  /** How many steps back it remembers (a session's worth). */
  limit?: number;
};

/**
 * Undo/redo for stored records (SLA commitments, KPI values): each step keeps the record before
 * and after a change, and undo writes the before back through `apply`, so the data layer's own
 * rules (a signed version refuses writes) still hold. Steps pop synchronously, so two quick
 * presses take back two steps, and their writes run one after another in press order.
 */
export class SnapshotHistory<T> implements History {
  private undoStack: SnapshotStep<T>[] = [];
  private redoStack: SnapshotStep<T>[] = [];
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SnapshotHistoryOptions<T>) {}

  /** A change the user just made (already written): it becomes the step undo takes back; redo is cleared. */
  record(before: T, after: T): SnapshotStep<T> {
    const step = { before, after };
    this.undoStack = [...this.undoStack, step].slice(-(this.options.limit ?? 100));
    this.redoStack = [];
    this.notify();
    return step;
  }

  /** Forgets one step (it was taken back some other way, e.g. by a notification's Undo). */
  drop(step: SnapshotStep<T>): void {
    const undo = this.undoStack.filter((candidate) => candidate !== step);
    const redo = this.redoStack.filter((candidate) => candidate !== step);
    if (undo.length === this.undoStack.length && redo.length === this.redoStack.length) return;
    this.undoStack = undo;
    this.redoStack = redo;
    this.notify();
  }

  clear(): void {
    if (this.undoStack.length === 0 && this.redoStack.length === 0) return;
    this.undoStack = [];
    this.redoStack = [];
    this.notify();
  }

  /** The step undo (or redo) would take next. */
  next(which: 'undo' | 'redo'): SnapshotStep<T> | undefined {
    return (which === 'undo' ? this.undoStack : this.redoStack).at(-1);
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  undo(): Promise<HistoryResult> {
    return this.pop('undo');
  }

  redo(): Promise<HistoryResult> {
    return this.pop('redo');
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private pop(which: 'undo' | 'redo'): Promise<HistoryResult> {
    const from = which === 'undo' ? this.undoStack : this.redoStack;
    const step = from.at(-1);
    if (!step) return Promise.resolve('empty');
    if (which === 'undo') this.undoStack = from.slice(0, -1);
    else this.redoStack = from.slice(0, -1);
    this.notify();
    const [to, expected] = which === 'undo' ? [step.before, step.after] : [step.after, step.before];
    const run = this.queue.then(
      () => this.options.apply(to, expected),
      () => this.options.apply(to, expected),
    );
    this.queue = run.catch(() => undefined);
    return run.then(
      (applied): HistoryResult => {
        if (!applied) return 'superseded';
        if (which === 'undo') this.redoStack = [...this.redoStack, step];
        else this.undoStack = [...this.undoStack, step];
        this.notify();
        return 'done';
      },
      (error: unknown) => {
        // Nothing was written: the step stays where it was.
        if (which === 'undo') this.undoStack = [...this.undoStack, step];
        else this.redoStack = [...this.redoStack, step];
        this.notify();
        throw error;
      },
    );
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
