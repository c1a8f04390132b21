import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { newSticky } from '../../shared/board/doc';
import { emptyPersona } from '../../shared/board/personaTemplate';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import type { Member } from '../../shared/records/member';
import { boardCommand, GRID, MOVE_STEP, type KeyInput, type KeyTarget } from '../../renderer/src/features/board/keyboard';
import { nodeLabel, votersText } from '../../renderer/src/features/board/labels';
import { toAppNode } from '../../renderer/src/features/board/mapping';
import { JOINT, writerFields, writerOrder } from '../../renderer/src/features/board/writer';

function key(spec: string, options: Partial<KeyInput> = {}): KeyInput {
  const parts = spec === '+' ? [''] : spec.split('+');
  const main = spec === '+' ? '+' : parts.pop()!;
  const code = /^[a-z]$/i.test(main) ? `Key${main.toUpperCase()}` : /^[0-9]$/.test(main) ? `Digit${main}` : main;
  return {
    key: main,
    code,
    ctrlKey: parts.includes('Ctrl'),
    metaKey: parts.includes('Meta'),
    shiftKey: parts.includes('Shift'),
    altKey: parts.includes('Alt'),
    repeat: false,
    ...options,
  };
}

const on = (target: KeyTarget, spec: string, options?: Partial<KeyInput>) => boardCommand(key(spec, options), target);

describe('board keyboard map', () => {
  it.each([
    ['Ctrl+z', { type: 'undo' }],
    ['Meta+z', { type: 'undo' }],
    ['Ctrl+Shift+Z', { type: 'redo' }],
    ['Meta+Shift+z', { type: 'redo' }],
    ['Ctrl+y', { type: 'redo' }],
    ['Ctrl+c', { type: 'copy' }],
    ['Ctrl+x', { type: 'cut' }],
    ['Ctrl+v', { type: 'paste' }],
    ['Ctrl+d', { type: 'duplicate' }],
    ['Meta+a', { type: 'selectAll' }],
    ['Delete', { type: 'delete' }],
    ['Backspace', { type: 'delete' }],
    ['s', { type: 'newSticky' }],
    ['S', { type: 'newSticky' }],
    ['f', { type: 'fit' }],
    ['g', { type: 'toggleSnap' }],
    ['+', { type: 'zoomIn' }],
    ['=', { type: 'zoomIn' }],
    ['-', { type: 'zoomOut' }],
    ['v', { type: 'vote' }],
    ['p', { type: 'promote' }],
    ['1', { type: 'writer', index: 1 }],
    ['9', { type: 'writer', index: 9 }],
    ['0', { type: 'writer', index: 0 }],
  ])('%s → %j (anywhere on the board)', (spec, command) => {
    expect(on('node', spec)).toEqual(command);
    expect(on('page', spec)).toEqual(command);
  });

  it('leaves every key to a text field being typed in', () => {
    for (const spec of ['s', 'Ctrl+z', 'Delete', 'ArrowLeft', '1', 'Enter', 'Escape', 'Ctrl+a', 'Tab']) expect(on('typing', spec)).toBeNull();
  });

  it('leaves Space, Enter, Tab, Escape and arrows to a focused button or radio', () => {
    for (const spec of [' ', 'Enter', 'Tab', 'Escape', 'ArrowLeft', 'ArrowDown']) expect(on('control', spec)).toBeNull();
    // …but the board's letter shortcuts still work from the toolbar.
    expect(on('control', 's')).toEqual({ type: 'newSticky' });
  });

  it('Tab, Enter, Space, Home and End act on a focused node only', () => {
    expect(on('node', 'Tab')).toEqual({ type: 'focusNext', backwards: false });
    expect(on('node', 'Shift+Tab')).toEqual({ type: 'focusNext', backwards: true });
    expect(on('node', 'Enter')).toEqual({ type: 'edit' });
    expect(on('node', ' ')).toEqual({ type: 'vote' });
    expect(on('node', 'Home')).toEqual({ type: 'focusEnd', last: false });
    expect(on('node', 'End')).toEqual({ type: 'focusEnd', last: true });
    for (const spec of ['Tab', 'Enter', ' ', 'Home']) expect(on('page', spec)).toBeNull();
  });

  it('arrows move by a step, Shift by five, a grid cell when snapping', () => {
    expect(on('node', 'ArrowRight')).toEqual({ type: 'move', dx: MOVE_STEP, dy: 0, repeat: false });
    expect(on('page', 'Shift+ArrowUp')).toEqual({ type: 'move', dx: 0, dy: -5 * MOVE_STEP, repeat: false });
    expect(boardCommand(key('ArrowDown'), 'node', { snap: true })).toEqual({ type: 'move', dx: 0, dy: GRID, repeat: false });
    expect(on('node', 'ArrowLeft', { repeat: true })).toMatchObject({ repeat: true });
  });

  it('uses the physical key when the layout gives no Latin letter (e.g. kana input)', () => {
    expect(boardCommand({ ...key('s'), key: 'と', code: 'KeyS' }, 'page')).toEqual({ type: 'newSticky' });
    expect(boardCommand({ ...key('1'), key: 'ぬ', code: 'Digit1' }, 'page')).toEqual({ type: 'writer', index: 1 });
  });

  it('ignores keys while an input method is composing', () => {
    expect(on('page', 's', { isComposing: true })).toBeNull();
    expect(boardCommand({ ...key('s'), key: 'Process' }, 'page')).toBeNull();
  });

  it('does not claim the app’s own combinations (Alt+Shift+T, Ctrl+O, Ctrl+E) or unknown letters', () => {
    expect(on('page', 'Alt+Shift+T')).toBeNull();
    expect(on('page', 'Ctrl+o')).toBeNull();
    expect(on('page', 'Ctrl+e')).toBeNull();
    expect(on('page', 'n')).toBeNull();
    expect(on('page', 'Shift+1')).toBeNull();
  });

  it('Escape clears the selection, except on a control', () => {
    expect(on('node', 'Escape')).toEqual({ type: 'clearSelection' });
    expect(on('control', 'Escape')).toBeNull();
  });
});

const member = (id: string, name: string, department: Member['department']): Member => ({
  workspaceId: 'w',
  id,
  name,
  department,
  title: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const MEMBERS = [
  member('emma', 'Emma Clark', 'marketing'),
  member('noah', 'Noah Bennett', 'sales'),
  member('sophia', 'Sophia Reed', 'other'),
  member('ava', 'Ava Mitchell', 'sales'),
];

function labels(language: 'en' | 'ja') {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng: language, initAsync: false, interpolation: { escapeValue: false } });
  return { t: i18n.t.bind(i18n), language, members: new Map(MEMBERS.map((m) => [m.id, m])) };
}

describe('who is writing', () => {
  it('orders members sales, marketing, others, by name: member n is key n', () => {
    expect(writerOrder(MEMBERS, 'en').map((m) => m.id)).toEqual(['ava', 'noah', 'emma', 'sophia']);
  });

  it('gives new notes the writer and their department; other departments and joint write joint notes', () => {
    const members = new Map(MEMBERS.map((m) => [m.id, m]));
    expect(writerFields({ kind: 'member', id: 'emma' }, members)).toEqual({ authorId: 'emma', department: 'marketing' });
    expect(writerFields({ kind: 'member', id: 'sophia' }, members)).toEqual({ authorId: 'sophia', department: 'joint' });
    expect(writerFields(JOINT, members)).toEqual({ authorId: null, department: 'joint' });
    expect(writerFields({ kind: 'member', id: 'removed' }, members)).toEqual({ authorId: null, department: 'joint' });
  });
});

describe('accessible names of nodes', () => {
  const plain = { myDot: false, voting: false };

  it('names a note by writer, department and text', () => {
    const node = toAppNode('n', newSticky({ x: 0, y: 0, text: 'Budget is decided\nin Q4', department: 'marketing', authorId: 'emma' }));
    expect(nodeLabel(node, labels('en'), plain)).toBe('Sticky note by Emma Clark (Marketing): Budget is decided in Q4');
    expect(nodeLabel(node, labels('ja'), plain)).toBe('Emma Clark（マーケティング）の付箋: Budget is decided in Q4');
  });

  it('names joint and empty notes, and notes of people no longer in the workspace', () => {
    const joint = toAppNode('n', newSticky({ x: 0, y: 0, text: '', department: 'joint', authorId: null }));
    expect(nodeLabel(joint, labels('en'), plain)).toBe('Joint sticky note: (empty)');
    const gone = toAppNode('g', newSticky({ x: 0, y: 0, text: 'x', department: 'sales', authorId: 'left' }));
    expect(nodeLabel(gone, labels('en'), plain)).toBe('Sticky note by a former member (Sales): x');
  });

  it('adds votes, voters, the promotion mark and, while voting, the voter’s own dot', () => {
    const node = toAppNode('n', { ...newSticky({ x: 0, y: 0, text: 'CFO', department: 'sales', authorId: 'noah' }), votes: 3, voters: ['noah', 'emma', 'emma'], promotedTo: 'decisionCriteria' });
    expect(nodeLabel(node, labels('en'), { myDot: true, voting: true })).toBe(
      'Sticky note by Noah Bennett (Sales): CFO. 3 votes. voted by Emma Clark ×2, Noah Bennett. promoted to Decision criteria. your dot is on it',
    );
    expect(nodeLabel({ ...node, data: { ...node.data, votes: 1, voters: [] } } as typeof node, labels('en'), plain)).toBe(
      'Sticky note by Noah Bennett (Sales): CFO. 1 vote. promoted to Decision criteria',
    );
  });

  it('names cards and zones', () => {
    expect(nodeLabel(toAppNode('p', emptyPersona({ name: 'Daniel Ward' })), labels('en'), plain)).toBe('Persona card: Daniel Ward');
    expect(nodeLabel(toAppNode('z', { type: 'zone', zone: 'challenges', x: 0, y: 0, width: 1, height: 1 }), labels('en'), plain)).toBe('Zone: Pain points');
  });

  it('lists voters by name in the UI language', () => {
    expect(votersText(['noah', 'ava'], labels('en'))).toBe('Ava Mitchell, Noah Bennett');
  });
});
