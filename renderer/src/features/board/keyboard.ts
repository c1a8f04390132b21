/**
 * The board's keyboard map as a pure function: which command a key press means, given where focus
 * is. The board registers one window listener (capture phase, so it runs before the app's global
 * shortcuts and React Flow's own) and runs what this returns. React Flow's keyboard handling is
 * turned off (`disableKeyboardA11y`, `deleteKeyCode={null}`) so there is one owner of each key.
 */

export type KeyTarget =
  /** A board node (sticky, card, zone) has focus. */
  | 'node'
  /** A text field has focus: keys belong to it. */
  | 'typing'
  /** A button, link, radio, select…: Space, Enter and arrows belong to it. */
  | 'control'
  /** Nothing in particular (the page, the canvas background). */
  | 'page';

export type KeyInput = {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  repeat: boolean;
  isComposing?: boolean;
};

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

/** The letter of a key press, layout first, then the physical key (for non-Latin input modes). */
function letter(input: KeyInput): string | null {
  if (input.key.length === 1 && /[a-z]/i.test(input.key)) return input.key.toLowerCase();
  const match = /^Key([A-Z])$/.exec(input.code);
  return match ? match[1]!.toLowerCase() : null;
}

function digit(input: KeyInput): number | null {
  if (/^[0-9]$/.test(input.key)) return Number(input.key);
  const match = /^(?:Digit|Numpad)([0-9])$/.exec(input.code);
  return match ? Number(match[1]) : null;
}

export function boardCommand(input: KeyInput, target: KeyTarget, options: { snap: boolean } = { snap: false }): BoardCommand | null {
  if (target === 'typing' || input.isComposing || input.key === 'Process') return null;
  const mod = input.ctrlKey || input.metaKey;
  const key = letter(input);

  if (mod && !input.altKey) {
    if (key === 'z') return input.shiftKey ? { type: 'redo' } : { type: 'undo' };
    if (key === 'y' && !input.shiftKey) return { type: 'redo' };
    if (input.shiftKey) return null;
    if (key === 'c') return { type: 'copy' };
    if (key === 'x') return { type: 'cut' };
    if (key === 'v') return { type: 'paste' };
    if (key === 'd') return { type: 'duplicate' };
    if (key === 'a') return { type: 'selectAll' };
    return null;
  }
  if (mod || input.altKey) return null;

  switch (input.key) {
    case 'Delete':
    case 'Backspace':
      return { type: 'delete' };
    case 'Escape':
      return target === 'control' ? null : { type: 'clearSelection' };
    case 'Enter':
      return target === 'node' ? { type: 'edit' } : null;
    case ' ':
      return target === 'node' ? { type: 'vote' } : null;
    case 'Tab':
      return target === 'node' ? { type: 'focusNext', backwards: input.shiftKey } : null;
    case 'Home':
    case 'End':
      return target === 'node' ? { type: 'focusEnd', last: input.key === 'End' } : null;
    case 'ArrowLeft':
    case 'ArrowRight':
    case 'ArrowUp':
    case 'ArrowDown': {
      if (target === 'control') return null;
      const step = (options.snap ? GRID : MOVE_STEP) * (input.shiftKey ? 5 : 1);
      const dx = input.key === 'ArrowLeft' ? -step : input.key === 'ArrowRight' ? step : 0;
      const dy = input.key === 'ArrowUp' ? -step : input.key === 'ArrowDown' ? step : 0;
      return { type: 'move', dx, dy, repeat: input.repeat };
    }
    case '+':
    case '=':
      return { type: 'zoomIn' };
    case '-':
    case '_':
      return { type: 'zoomOut' };
  }
  if (input.shiftKey) return null;
  const number = digit(input);
  if (number !== null) return { type: 'writer', index: number };
  switch (key) {
    case 's':
      return { type: 'newSticky' };
    case 'f':
      return { type: 'fit' };
    case 'g':
      return { type: 'toggleSnap' };
    case 'v':
      return { type: 'vote' };
    case 'p':
      return { type: 'promote' };
  }
  return null;
}
