import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Commitment } from '../../../../shared/sla/commitments';
import { isTyping } from '../../ui/keys';

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


/**
 * Undo and redo for the commitments of one draft SLA version (the board and the list edit the same
 * list). Each step stores the whole list before the change — an SLA has at most 200 small
 * commitments — and undoing saves that list back through `write`, so the data layer's rules
 * (frozen versions refuse writes) still apply. The history belongs to one version in one session:
 * it is cleared when the version changes or stops being editable. Ctrl/⌘+Z undoes and
 * Ctrl/⌘+Shift+Z or Ctrl+Y redoes while focus is not in a text field (fields keep their own undo).
 */
export function useCommitmentHistory(
  versionKey: string,
  current: readonly Commitment[],
  editable: boolean,
  write: (next: readonly Commitment[]) => void,
): CommitmentHistory {
  type Stacks = { key: string; undo: (readonly Commitment[])[]; redo: (readonly Commitment[])[] };
  const [stacks, setStacks] = useState<Stacks>({ key: versionKey, undo: [], redo: [] });
  // A different version (a new revision) or one that is no longer a draft starts with no history.
  const key = editable ? versionKey : '';
  if (stacks.key !== key) setStacks({ key, undo: [], redo: [] });

  // Handlers read the latest props through a ref kept current after each render.
  const latest = useRef({ current, write, editable, stacks });
  useLayoutEffect(() => {
    latest.current = { current, write, editable, stacks };
  });

  const save = useCallback((next: readonly Commitment[]) => {
    const { current: before, write: persist, editable: canEdit, stacks: now } = latest.current;
    if (!canEdit || next === before || JSON.stringify(next) === JSON.stringify(before)) return;
    const undo = [...now.undo, before].slice(-HISTORY_LIMIT);
    const updated = { key: now.key, undo, redo: [] };
    latest.current.stacks = updated;
    setStacks(updated);
    persist(next);
  }, []);

  const step = useCallback((from: 'undo' | 'redo') => {
    const { current: now, write: persist, editable: canEdit, stacks: state } = latest.current;
    const previous = state[from].at(-1);
    if (!canEdit || previous === undefined) return;
    const to = from === 'undo' ? 'redo' : 'undo';
    const updated = { ...state, [from]: state[from].slice(0, -1), [to]: [...state[to], now] };
    latest.current.stacks = updated;
    setStacks(updated);
    persist(previous);
  }, []);
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);

  useEffect(() => {
    if (!editable) return;
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey || isTyping(event.target) || document.querySelector('[role="dialog"],[role="alertdialog"]')) return;
      if (event.code === 'KeyZ' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((event.code === 'KeyZ' && event.shiftKey) || (event.code === 'KeyY' && !event.shiftKey)) {
        event.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable, undo, redo]);

  return { canUndo: editable && stacks.undo.length > 0, canRedo: editable && stacks.redo.length > 0, save, undo, redo };
}
