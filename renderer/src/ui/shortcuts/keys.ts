/**
 * Keys as the shortcut registry reads them: which key a press is (by character or by physical key,
 * as users of Japanese and US keyboards expect), where focus is, and how a key is written on this
 * computer. Pure functions over plain inputs (the DOM ones take the element), tested in test/component/shortcutKeys.test.ts.
 *
 * How a press is matched (decided for issue 11):
 * - A **letter** matches the character when the key types a Latin letter (so Ctrl+Z is the key
 *   labelled Z on QWERTY, QWERTZ and AZERTY alike), else the physical key (`code`: KeyZ), so
 *   shortcuts keep working with a kana or Cyrillic input mode on. With **Alt** the physical key
 *   only: on macOS Option changes the character (Option+Shift+P types ∏).
 * - A **digit** matches the character or the digit row / numpad key (`Digit1`, `Numpad1`).
 * - A **symbol** (`?`, `+`, `-`, `=`) matches the character, whatever Shift it took on this layout:
 *   `?` is Shift+/ on US and Shift+・(め) on JIS, `+` is Shift+= on US and Shift+; on JIS; `?` also
 *   matches Shift and the `Slash` key, where both layouts have it.
 * - **Named keys** (Enter, Escape, arrows, Delete…) match `key`.
 * - Modifiers match exactly: Ctrl/⌘ (`Mod`: either), Alt, Shift — except a `Shift?` a key allows.
 * - A press that is part of an IME composition never matches.
 */

export type KeyInput = {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  repeat: boolean;
  isComposing?: boolean;
  keyCode?: number;
};

export type KeyTarget =
  /** A board node (sticky, card, zone) has focus. */
  | 'node'
  /** A text field has focus: keys belong to it. */
  | 'typing'
  /** A button, link, radio, checkbox…: Space, Enter and arrows belong to it. */
  | 'control'
  /** Nothing in particular (the page, the canvas background). */
  | 'page';

/** One key of a shortcut, parsed from its written form ('Mod+Shift+Z', 'Shift?+ArrowLeft', '?'). */
export type KeySpec = {
  written: string;
  mod: boolean;
  alt: boolean;
  /** true: Shift must be down; false: up; 'any': either. */
  shift: boolean | 'any';
  main: string;
};

const SYMBOLS = new Set(['?', '+', '-', '=', '_']);

export function parseKey(written: string): KeySpec {
  const parts = written === '+' ? ['+'] : written.split('+').map((part, index, all) => (part === '' && index === all.length - 1 ? '+' : part));
  const main = parts.pop()!;
  const spec: KeySpec = { written, mod: false, alt: false, shift: SYMBOLS.has(main) ? 'any' : false, main };
  for (const part of parts) {
    if (part === 'Mod') spec.mod = true;
    else if (part === 'Alt') spec.alt = true;
    else if (part === 'Shift') spec.shift = true;
    else if (part === 'Shift?') spec.shift = 'any';
    else throw new Error(`unknown modifier "${part}" in "${written}"`);
  }
  return spec;
}

function isLetter(text: string): boolean {
  return text.length === 1 && /[a-z]/i.test(text);
}

/** The letter of a press: the character when it is a Latin letter, else the physical key (never the character with Alt). */
export function letterOf(input: KeyInput): string | null {
  if (!input.altKey && isLetter(input.key)) return input.key.toLowerCase();
  const match = /^Key([A-Z])$/.exec(input.code);
  return match ? match[1]!.toLowerCase() : null;
}

function digitOf(input: KeyInput): string | null {
  if (/^[0-9]$/.test(input.key)) return input.key;
  const match = /^(?:Digit|Numpad)([0-9])$/.exec(input.code);
  return match ? match[1]! : null;
}

/** Whether a press is (still) part of an IME composition: such keys are the IME's. */
export function composing(input: KeyInput): boolean {
  return Boolean(input.isComposing) || input.key === 'Process' || input.keyCode === 229;
}

export function matches(spec: KeySpec, input: KeyInput): boolean {
  if (composing(input)) return false;
  const mod = input.ctrlKey || input.metaKey;
  if (mod !== spec.mod || input.altKey !== spec.alt) return false;
  if (spec.shift !== 'any' && input.shiftKey !== spec.shift) return false;
  const main = spec.main;
  if (isLetter(main)) return letterOf(input) === main.toLowerCase();
  if (/^[0-9]$/.test(main)) return digitOf(input) === main;
  if (main === '?') return input.key === '?' || (input.shiftKey && input.code === 'Slash');
  if (main === 'Space') return input.key === ' ';
  return input.key === main;
}

/** What kind of element a key press comes from (the one "is typing" check of the app). */
export function keyTargetOf(element: Element | null): KeyTarget {
  if (!element || element === document.body || element === document.documentElement) return 'page';
  const html = element as HTMLElement;
  if (html.isContentEditable) return 'typing';
  const tag = element.tagName;
  // A select marked data-keys="control" (the board's writer picker, whose options are the 1–9/0
  // keys themselves) is a control like a radio: the page's single keys keep working from it.
  if (tag === 'SELECT' && element.getAttribute('data-keys') === 'control') return 'control';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'typing';
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return type === 'radio' || type === 'checkbox' || type === 'button' || type === 'submit' || type === 'reset' ? 'control' : 'typing';
  }
  if (element.classList.contains('react-flow__node')) return 'node';
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || element.getAttribute('role') === 'button') return 'control';
  return 'page';
}

/** Whether a key press is typing into a field (page shortcuts leave those keys alone). */
export function isTyping(target: EventTarget | null): boolean {
  return typeof Element !== 'undefined' && target instanceof Element && keyTargetOf(target) === 'typing';
}

/** Whether a dialog is open (the one "is a dialog open" check): its keys are its own. */
export function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"],[role="alertdialog"]') !== null;
}

export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const NAMES: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc', Delete: 'Delete', '-': '−' };

/** A key of the table as written on this computer: "Ctrl+Shift+Z", or "⌘Shift+Z" on a Mac (Alt is ⌥). */
export function writtenKey(written: string, mac = isMac()): string {
  const spec = parseKey(written);
  const parts: string[] = [];
  if (spec.mod) parts.push('Ctrl');
  if (spec.alt) parts.push('Alt');
  if (spec.shift === true) parts.push('Shift');
  parts.push(NAMES[spec.main] ?? (spec.main.length === 1 ? spec.main.toUpperCase() : spec.main));
  const text = parts.join('+');
  return mac ? text.replace('Ctrl+', '⌘').replace('Alt+', '⌥') : text;
}

const ARIA_NAMES: Record<string, string> = { ' ': 'Space', '?': '?', '+': '+', '-': '-' };

/** A key in `aria-keyshortcuts` syntax: Mod is both Control and Meta ("Control+Z Meta+Z"). */
export function ariaKey(written: string): string[] {
  const spec = parseKey(written);
  const main = ARIA_NAMES[spec.main] ?? (spec.main.length === 1 ? spec.main.toUpperCase() : spec.main);
  const rest = [spec.alt ? 'Alt' : null, spec.shift === true ? 'Shift' : null, main].filter(Boolean).join('+');
  return spec.mod ? [`Control+${rest}`, `Meta+${rest}`] : [rest];
}
