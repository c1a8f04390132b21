/**
 * What the board can be told to do, by the toolbar or by a key (the app's shortcut table lists
 * the board's keys, commands.ts maps them to these). React Flow's keyboard handling is turned off
 * (CanvasShell) so there is one owner of each key.
 */

export type BoardCommand =
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'copy' }
  | { type: 'cut' }
  | { type: 'paste' }
  | { type: 'duplicate' }
  | { type: 'selectAll' }
  | { type: 'delete' }
  | { type: 'newSticky' }
  | { type: 'edit' }
  | { type: 'clearSelection' }
  | { type: 'focusNext'; backwards: boolean }
  /** Home / End on a node: the first / last node in reading order. */
  | { type: 'focusEnd'; last: boolean }
  /** Mod+Enter on a node: into the selection or out of it (the focus then moves without selecting). */
  | { type: 'toggleSelected' }
  | { type: 'move'; dx: number; dy: number; repeat: boolean }
  | { type: 'zoomIn' }
  | { type: 'zoomOut' }
  | { type: 'fit' }
  | { type: 'toggleSnap' }
  /** 0 = joint, 1–9 = the n-th member of the writer picker. */
  | { type: 'writer'; index: number }
  | { type: 'vote' }
  | { type: 'promote' };

/** Arrow-key step in flow pixels (Shift: ×5); with snapping on, one grid cell. */
export const MOVE_STEP = 10;
export const GRID = 20;

