import { describe, expect, it } from 'vitest';
import { ariaKey, matches, parseKey, writtenKey, type KeyInput } from '../../renderer/src/ui/shortcuts/keys';
import { SHORTCUTS } from '../../renderer/src/ui/shortcuts/table';

/** A key press as the browser reports it: `key` is the character the layout typed, `code` the physical key. */
function press(key: string, code: string, modifiers: Partial<KeyInput> = {}): KeyInput {
  return { key, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, repeat: false, ...modifiers };
}

const hits = (written: string, input: KeyInput) => matches(parseKey(written), input);

describe('shortcut keys on US and Japanese (JIS) keyboards', () => {
  it('"?" is Shift+/ on both layouts, whatever the key is called', () => {
    expect(hits('?', press('?', 'Slash', { shiftKey: true }))).toBe(true); // US and JIS: Shift + the / (め) key
    expect(hits('?', press('/', 'Slash'))).toBe(false);
    // A layout that reports the character but not the usual code (e.g. a remapped key) still works.
    expect(hits('?', press('?', 'Minus', { shiftKey: true }))).toBe(true);
    expect(hits('?', press('?', 'Slash', { shiftKey: true, ctrlKey: true }))).toBe(false);
  });

  it('zoom keys: + is Shift+= on US and Shift+; on JIS; = is its own key on US and Shift+- on JIS', () => {
    const zoomIn = ['+', '='];
    const any = (keys: string[], input: KeyInput) => keys.some((written) => hits(written, input));
    expect(any(zoomIn, press('+', 'Equal', { shiftKey: true }))).toBe(true); // US
    expect(any(zoomIn, press('=', 'Equal'))).toBe(true); // US, no Shift
    expect(any(zoomIn, press('+', 'Semicolon', { shiftKey: true }))).toBe(true); // JIS
    expect(any(zoomIn, press('=', 'Minus', { shiftKey: true }))).toBe(true); // JIS
    expect(any(zoomIn, press('+', 'NumpadAdd'))).toBe(true);
    expect(any(['-', '_'], press('-', 'Minus'))).toBe(true); // both
    expect(any(['-', '_'], press('_', 'IntlRo', { shiftKey: true }))).toBe(true); // JIS: Shift+ろ
    expect(any(zoomIn, press('-', 'Minus'))).toBe(false);
  });

  it('letters follow the character on Latin layouts and the physical key with kana input on', () => {
    expect(hits('S', press('s', 'KeyS'))).toBe(true);
    expect(hits('S', press('S', 'KeyS', { shiftKey: true }))).toBe(false); // Shift is part of the shortcut
    expect(hits('Shift?+N', press('N', 'KeyN', { shiftKey: true }))).toBe(true);
    expect(hits('S', press('と', 'KeyS'))).toBe(true); // JIS kana mode: the key labelled S types と
    expect(hits('Mod+Z', press('z', 'KeyW', { ctrlKey: true }))).toBe(true); // AZERTY: the key labelled Z
    expect(hits('Mod+Z', press('w', 'KeyZ', { ctrlKey: true }))).toBe(false);
    expect(hits('Mod+Z', press('z', 'KeyZ', { metaKey: true }))).toBe(true); // ⌘ on a Mac
  });

  it('Alt shortcuts go by physical key (macOS Option changes the character)', () => {
    expect(hits('Alt+Shift+P', press('∏', 'KeyP', { altKey: true, shiftKey: true }))).toBe(true);
    expect(hits('Alt+Shift+P', press('P', 'KeyQ', { altKey: true, shiftKey: true }))).toBe(false);
    expect(hits('Alt+Shift+P', press('P', 'KeyP', { shiftKey: true }))).toBe(false);
  });

  it('digits match the digit row, the numpad and kana input', () => {
    expect(hits('1', press('1', 'Digit1'))).toBe(true);
    expect(hits('1', press('1', 'Numpad1'))).toBe(true);
    expect(hits('1', press('ぬ', 'Digit1'))).toBe(true); // JIS kana mode
    expect(hits('1', press('!', 'Digit1', { shiftKey: true }))).toBe(false);
  });

  it('modifiers match exactly', () => {
    expect(hits('Mod+Z', press('z', 'KeyZ', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(hits('Mod+Shift+Z', press('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(hits('Mod+Z', press('z', 'KeyZ', { ctrlKey: true, altKey: true }))).toBe(false); // AltGr on Windows is Ctrl+Alt
    expect(hits('S', press('s', 'KeyS', { ctrlKey: true }))).toBe(false);
  });

  it('a key that is part of an input method composition never matches', () => {
    expect(hits('S', press('s', 'KeyS', { isComposing: true }))).toBe(false);
    expect(hits('S', press('Process', 'KeyS'))).toBe(false);
    expect(hits('Mod+Enter', press('Enter', 'Enter', { ctrlKey: true, keyCode: 229 }))).toBe(false);
    expect(hits('Mod+Enter', press('Enter', 'Enter', { ctrlKey: true }))).toBe(true);
  });

  it('named keys match by name', () => {
    expect(hits('Shift?+Space', press(' ', 'Space'))).toBe(true);
    expect(hits('Shift?+ArrowLeft', press('ArrowLeft', 'ArrowLeft', { shiftKey: true }))).toBe(true);
    expect(hits('Escape', press('Escape', 'Escape'))).toBe(true);
  });

  it('rejects a key written with an unknown modifier', () => {
    expect(() => parseKey('Hyper+Z')).toThrow(/unknown modifier "Hyper"/);
  });
});

describe('how keys are written', () => {
  it('in legends: Ctrl on Windows and Linux, ⌘ and ⌥ on a Mac', () => {
    expect(writtenKey('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(writtenKey('Mod+Shift+Z', true)).toBe('⌘Shift+Z');
    expect(writtenKey('Alt+Shift+P', true)).toBe('⌥Shift+P');
    expect(writtenKey('Shift?+ArrowLeft', false)).toBe('←');
    expect(writtenKey('s', false)).toBe('S');
  });

  it('in aria-keyshortcuts: Mod is both Control and Meta', () => {
    expect(ariaKey('Mod+Z')).toEqual(['Control+Z', 'Meta+Z']);
    expect(ariaKey('Mod+Shift+Z')).toEqual(['Control+Shift+Z', 'Meta+Shift+Z']);
    expect(ariaKey('Alt+Shift+P')).toEqual(['Alt+Shift+P']);
    expect(ariaKey('?')).toEqual(['?']);
    expect(ariaKey('Shift?+Space')).toEqual(['Space']);
  });

  it('every key in the table parses', () => {
    for (const entry of Object.values(SHORTCUTS)) {
      for (const key of entry.keys) expect(() => parseKey(typeof key === 'string' ? key : key.key)).not.toThrow();
    }
  });
});
