import { useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type { Commitment } from '@shared/sla/commitments';
import { historyFlags, type HistoryFlags, SnapshotHistory } from '@shared/history/history';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';

/** How many steps back the SLA board remembers (a session's worth of edits). */
export const HISTORY_LIMIT = 100;

export type CommitmentHistory = {
  canUndo: boolean;
  canRedo: boolean;
  /** Saves `next`, remembering the current list so it can be undone. */
  save(next: readonly Commitment[]): void;
  undo(): void;
  redo(): void;
};

type Latest = { key: string; current: readonly Commitment[]; write(next: readonly Commitment[]): void; editable: boolean };

/**
 * The commitments' history outside React: a record-snapshot History whose writes go through the
 * latest `write` while the version is editable. A different version (a new revision) or one that
 * is no longer a draft starts with no history.
 */
class CommitmentSteps {
  readonly history: SnapshotHistory<readonly Commitment[]>;
  readonly flags: () => HistoryFlags;

  constructor(private latest: Latest) {
    this.history = new SnapshotHistory<readonly Commitment[]>({
      limit: HISTORY_LIMIT,
      apply: (to) => {
        if (!this.latest.editable) return false;
        this.latest.write(to);
        return true;
      },
    });
    this.flags = historyFlags(this.history);
  }

  sync(latest: Latest): void {
    if (latest.key !== this.latest.key) this.history.clear();
    this.latest = latest;
  }

  readonly subscribe = (listener: () => void) => this.history.subscribe(listener);

  readonly save = (next: readonly Commitment[]) => {
    const { current: before, write, editable } = this.latest;
    if (!editable || next === before || JSON.stringify(next) === JSON.stringify(before)) return;
    this.history.record(before, next);
    write(next);
  };

  readonly undo = () => void this.history.undo();
  readonly redo = () => void this.history.redo();
}

/**
 * Undo and redo for the commitments of one draft SLA version (edited on the SLA board), as the
 * app's record-snapshot History: each step keeps the whole list before and after the change — an SLA has at most 200 small commitments — and undoing saves the list before back
 * through `write`, so the data layer's rules (frozen versions refuse writes) still apply. The
 * history belongs to one version in one session. Ctrl/⌘+Z undoes and Ctrl/⌘+Shift+Z or Ctrl+Y
 * redoes while focus is not in a text field (fields keep their own undo) and `shortcuts` is on
 * (the page's other steps do not show the commitments; the history is kept meanwhile).
 */
export function useCommitmentHistory(
  versionKey: string,
  current: readonly Commitment[],
  editable: boolean,
  write: (next: readonly Commitment[]) => void,
  shortcuts = true,
): CommitmentHistory {
  const key = editable ? versionKey : '';
  const [steps] = useState(() => new CommitmentSteps({ key, current, write, editable }));
  useLayoutEffect(() => steps.sync({ key, current, write, editable }));
  const { canUndo, canRedo } = useSyncExternalStore(steps.subscribe, steps.flags);
  const { undo, redo } = steps;

  useShortcuts('slaBoard', { 'slaBoard.undo': undo, 'slaBoard.redo': redo }, editable && shortcuts);

  return { canUndo: editable && canUndo, canRedo: editable && canRedo, save: steps.save, undo, redo };
}
