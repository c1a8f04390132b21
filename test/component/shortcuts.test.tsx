import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ShortcutsDialog } from '../../renderer/src/app/ShortcutsDialog';
import { boardShortcuts } from '../../renderer/src/features/board/commands';
import { GRID, MOVE_STEP, type BoardCommand } from '../../renderer/src/features/board/keyboard';
import { initI18n } from '../../renderer/src/i18n';
import { ariaKeys } from '../../renderer/src/ui/shortcuts/labels';
import { bindShortcuts } from '../../renderer/src/ui/shortcuts/registry';
import { SCOPES, SHORTCUTS } from '../../renderer/src/ui/shortcuts/table';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';

const unbinds: (() => void)[] = [];
function bind(...args: Parameters<typeof bindShortcuts>) {
  const unbind = bindShortcuts(...args);
  unbinds.push(unbind);
  return unbind;
}
afterEach(() => {
  for (const unbind of unbinds.splice(0)) unbind();
  document.body.innerHTML = '';
});

/** Elements a key press can come from, as the app has them. */
function elements() {
  const node = document.createElement('div');
  node.className = 'react-flow__node';
  node.tabIndex = 0;
  const field = document.createElement('input');
  const textarea = document.createElement('textarea');
  const button = document.createElement('button');
  const radio = document.createElement('input');
  radio.type = 'radio';
  document.body.append(node, field, textarea, button, radio);
  return { node, field, textarea, button, radio, page: document.body };
}

type Press = { key: string; code?: string; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean; repeat?: boolean; isComposing?: boolean };
function code(key: string): string {
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  return key === ' ' ? 'Space' : key;
}
/** Presses a key on an element (bubbling to the app's one window listener); whether the app took it. */
function press(element: Element, init: Press): boolean {
  return !fireEvent.keyDown(element, { code: code(init.key), ...init });
}

describe('the shortcut registry', () => {
  it('runs a bound shortcut once and takes the key; an unbound scope does nothing', () => {
    const { page } = elements();
    const ran: string[] = [];
    const unbind = bind('kpi', { 'kpi.add': () => void ran.push('add') });
    expect(press(page, { key: 'a' })).toBe(true);
    expect(press(page, { key: 'i' })).toBe(false); // kpi.import is not bound here
    unbind();
    expect(press(page, { key: 'a' })).toBe(false);
    expect(ran).toEqual(['add']);
  });

  it('a page’s scope comes before the app’s: N in run mode is the next item, not a new workspace', () => {
    const { page } = elements();
    const ran: string[] = [];
    bind('global', { 'app.newWorkspace': () => void ran.push('new workspace') });
    const unbindRun = bind('run', { 'run.nextOutside': () => void ran.push('next item') });
    press(page, { key: 'n' });
    unbindRun();
    press(page, { key: 'n' });
    expect(ran).toEqual(['next item', 'new workspace']);
  });

  it('N does not leave a board or the projector’s controls, whose letters are their commands; elsewhere it makes a new workspace', () => {
    const { page, button } = elements();
    const ran: string[] = [];
    bind('global', { 'app.newWorkspace': () => void ran.push('new workspace') });
    for (const scope of ['board', 'audience', 'audienceBoard'] as const) {
      // Bound with none of its own shortcuts on N: the letter is simply nobody's there.
      const unbind = bind(scope, {});
      expect(press(page, { key: 'n' })).toBe(false);
      expect(press(button, { key: 'N', shiftKey: true })).toBe(false);
      unbind();
    }
    expect(ran).toEqual([]);
    const unbindKpi = bind('kpi', { 'kpi.add': () => void ran.push('add') });
    expect(press(page, { key: 'n' })).toBe(true);
    unbindKpi();
    expect(ran).toEqual(['new workspace']);
  });

  it('leaves a key to the next binding when a handler says it did not apply', () => {
    const { page } = elements();
    const ran: string[] = [];
    bind('global', { 'app.newWorkspace': () => void ran.push('global') });
    bind('run', { 'run.nextOutside': () => false });
    expect(press(page, { key: 'n' })).toBe(true);
    expect(ran).toEqual(['global']);
  });

  it('keys without a modifier are left to a text field being typed in; ones marked so work there too', () => {
    const { field, textarea, button, radio } = elements();
    const ran: string[] = [];
    bind('kpi', { 'kpi.add': () => void ran.push('add') });
    bind('run', { 'run.next': () => void ran.push('next') });
    expect(press(field, { key: 'a' })).toBe(false);
    expect(press(textarea, { key: 'a' })).toBe(false);
    expect(press(button, { key: 'a' })).toBe(true);
    expect(press(radio, { key: 'a' })).toBe(true);
    expect(press(textarea, { key: 'Enter', ctrlKey: true })).toBe(true); // Ctrl+Enter moves on while typing notes
    expect(ran).toEqual(['add', 'add', 'next']);
  });

  it('while a dialog is open its keys are its own, except shortcuts marked for dialogs', () => {
    const { page } = elements();
    const ran: string[] = [];
    bind('global', { 'app.help': () => void ran.push('help'), 'app.cycleTheme': () => void ran.push('theme') });
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    expect(press(page, { key: '?', code: 'Slash', shiftKey: true })).toBe(false);
    expect(press(dialog, { key: 'T', code: 'KeyT', altKey: true, shiftKey: true })).toBe(true);
    dialog.remove();
    expect(press(page, { key: '?', code: 'Slash', shiftKey: true })).toBe(true);
    expect(ran).toEqual(['theme', 'help']);
  });

  it('ignores keys of an input method composition', () => {
    const { page } = elements();
    const ran: string[] = [];
    bind('kpi', { 'kpi.add': () => void ran.push('add') });
    expect(press(page, { key: 'a', isComposing: true })).toBe(false);
    expect(ran).toEqual([]);
  });

  it('works by character on US and by physical key with Japanese kana input', () => {
    const { page } = elements();
    const ran: string[] = [];
    bind('kpi', { 'kpi.add': () => void ran.push('add'), 'kpi.import': () => void ran.push('import') });
    press(page, { key: 'a', code: 'KeyA' }); // US
    press(page, { key: 'ち', code: 'KeyA' }); // JIS, kana mode: the key labelled A
    press(page, { key: 'に', code: 'KeyI' });
    expect(ran).toEqual(['add', 'add', 'import']);
  });

  it('has one window listener however many scopes are bound', () => {
    const added: string[] = [];
    const original = window.addEventListener.bind(window);
    window.addEventListener = ((type: string, ...rest: Parameters<typeof original> extends [string, ...infer R] ? R : never) => {
      added.push(type);
      return original(type, ...(rest as [EventListener]));
    }) as typeof window.addEventListener;
    try {
      bind('global', {});
      bind('kpi', {});
      bind('run', {});
    } finally {
      window.addEventListener = original;
    }
    expect(added.filter((type) => type === 'keydown')).toHaveLength(1);
  });

  it('rejects an unknown scope', () => {
    expect(() => bindShortcuts('nowhere' as never, {})).toThrow(/unknown shortcut scope nowhere/);
  });
});

describe('the board’s keys', () => {
  function board(options: { snap?: boolean; applies?: boolean } = {}) {
    const commands: BoardCommand[] = [];
    bind(
      'board',
      boardShortcuts({
        run: (command) => {
          commands.push(command);
          return options.applies ?? true;
        },
        snapOn: () => options.snap ?? false,
      }),
    );
    return commands;
  }

  it.each([
    [{ key: 'z', ctrlKey: true }, { type: 'undo' }],
    [{ key: 'z', metaKey: true }, { type: 'undo' }],
    [{ key: 'Z', ctrlKey: true, shiftKey: true }, { type: 'redo' }],
    [{ key: 'Z', metaKey: true, shiftKey: true }, { type: 'redo' }],
    [{ key: 'y', ctrlKey: true }, { type: 'redo' }],
    [{ key: 'c', ctrlKey: true }, { type: 'copy' }],
    [{ key: 'x', ctrlKey: true }, { type: 'cut' }],
    [{ key: 'v', ctrlKey: true }, { type: 'paste' }],
    [{ key: 'd', ctrlKey: true }, { type: 'duplicate' }],
    [{ key: 'a', metaKey: true }, { type: 'selectAll' }],
    [{ key: 'Delete' }, { type: 'delete' }],
    [{ key: 'Backspace' }, { type: 'delete' }],
    [{ key: 's' }, { type: 'newSticky' }],
    [{ key: 'f' }, { type: 'fit' }],
    [{ key: 'g' }, { type: 'toggleSnap' }],
    [{ key: '+', code: 'Equal', shiftKey: true }, { type: 'zoomIn' }],
    [{ key: '+', code: 'Semicolon', shiftKey: true }, { type: 'zoomIn' }],
    [{ key: '=', code: 'Equal' }, { type: 'zoomIn' }],
    [{ key: '-', code: 'Minus' }, { type: 'zoomOut' }],
    [{ key: 'v' }, { type: 'vote' }],
    [{ key: 'p' }, { type: 'promote' }],
    [{ key: '1' }, { type: 'writer', index: 1 }],
    [{ key: '9' }, { type: 'writer', index: 9 }],
    [{ key: '0' }, { type: 'writer', index: 0 }],
  ] as [Press, BoardCommand][])('%j → %j on a note and on the canvas', (input, command) => {
    const { node, page } = elements();
    const commands = board();
    expect(press(node, input)).toBe(true);
    expect(press(page, input)).toBe(true);
    expect(commands).toEqual([command, command]);
  });

  it('leaves every key to a text field being typed in', () => {
    const { textarea } = elements();
    const commands = board();
    for (const input of [{ key: 's' }, { key: 'z', ctrlKey: true }, { key: 'Delete' }, { key: 'ArrowLeft' }, { key: '1' }, { key: 'Enter' }, { key: 'Escape' }, { key: 'a', ctrlKey: true }, { key: 'Tab' }]) {
      expect(press(textarea, input)).toBe(false);
    }
    expect(commands).toEqual([]);
  });

  it('leaves Space, Enter, Tab, Escape and arrows to a focused button or radio, but letters work from the toolbar', () => {
    const { button, radio } = elements();
    const commands = board();
    for (const input of [{ key: ' ' }, { key: 'Enter' }, { key: 'Tab' }, { key: 'Escape' }, { key: 'ArrowLeft' }, { key: 'ArrowDown' }]) {
      expect(press(button, input)).toBe(false);
      expect(press(radio, input)).toBe(false);
    }
    press(button, { key: 's' });
    expect(commands).toEqual([{ type: 'newSticky' }]);
  });

  it('Tab, Enter, Space, Home and End act on a focused note only', () => {
    const { node, page } = elements();
    const commands = board();
    for (const input of [{ key: 'Tab' }, { key: 'Tab', shiftKey: true }, { key: 'Enter' }, { key: ' ' }, { key: 'Home' }, { key: 'End' }]) press(node, input);
    expect(commands).toEqual([
      { type: 'focusNext', backwards: false },
      { type: 'focusNext', backwards: true },
      { type: 'edit' },
      { type: 'vote' },
      { type: 'focusEnd', last: false },
      { type: 'focusEnd', last: true },
    ]);
    for (const input of [{ key: 'Tab' }, { key: 'Enter' }, { key: ' ' }, { key: 'Home' }]) expect(press(page, input)).toBe(false);
  });

  it('arrows move by a step, Shift by five, a grid cell when snapping; holding one reports the repeat', () => {
    const { node, page } = elements();
    const commands = board();
    press(node, { key: 'ArrowRight' });
    press(page, { key: 'ArrowUp', shiftKey: true });
    press(node, { key: 'ArrowLeft', repeat: true });
    expect(commands).toEqual([
      { type: 'move', dx: MOVE_STEP, dy: 0, repeat: false },
      { type: 'move', dx: 0, dy: -5 * MOVE_STEP, repeat: false },
      { type: 'move', dx: -MOVE_STEP, dy: 0, repeat: true },
    ]);
    for (const unbind of unbinds.splice(0)) unbind();
    const snapped = board({ snap: true });
    press(node, { key: 'ArrowDown' });
    expect(snapped).toEqual([{ type: 'move', dx: 0, dy: GRID, repeat: false }]);
  });

  it('a command that did not apply leaves the key its usual meaning (Tab past the last note leaves the canvas)', () => {
    const { node } = elements();
    board({ applies: false });
    expect(press(node, { key: 'Tab' })).toBe(false);
  });

  it('does not claim the app’s own combinations or unknown keys', () => {
    const { page } = elements();
    const commands = board();
    for (const input of [{ key: 'T', code: 'KeyT', altKey: true, shiftKey: true }, { key: 'o', ctrlKey: true }, { key: 'e', ctrlKey: true }, { key: 'n' }, { key: '!', code: 'Digit1', shiftKey: true }]) {
      expect(press(page, input)).toBe(false);
    }
    expect(commands).toEqual([]);
  });

  it('Escape clears the selection, except on a control', () => {
    const { node, button } = elements();
    const commands = board();
    press(node, { key: 'Escape' });
    expect(press(button, { key: 'Escape' })).toBe(false);
    expect(commands).toEqual([{ type: 'clearSelection' }]);
  });
});

describe('the shortcut lists are made from the table', () => {
  it('every shortcut has its label in English and Japanese, and every scope a group title', () => {
    const lookup = (messages: unknown, path: string) => path.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], messages);
    const missing = Object.entries(SHORTCUTS).flatMap(([id, entry]) =>
      [typeof lookup(en, entry.label) === 'string' ? null : `${id} en`, typeof lookup(ja, entry.label) === 'string' ? null : `${id} ja`].filter(Boolean),
    );
    expect(missing).toEqual([]);
    expect(SCOPES.filter((scope) => !Object.values(SHORTCUTS).some((entry) => entry.scope === scope))).toEqual([]);
  });

  it('the "?" dialog lists every shortcut, the KPI page’s and the calendar’s too, in both languages', () => {
    for (const language of ['en', 'ja'] as const) {
      const i18n = initI18n(language);
      const { unmount } = render(
        <I18nextProvider i18n={i18n}>
          <ShortcutsDialog open onOpenChange={() => {}} />
        </I18nextProvider>,
      );
      const dialog = screen.getByRole('dialog');
      const rows = within(dialog).getAllByRole('row');
      expect(rows).toHaveLength(Object.keys(SHORTCUTS).length);
      const kpi = within(dialog).getByRole('table', { name: i18n.t('keys.groups.kpi') });
      expect(within(kpi).getByRole('row', { name: `A ${i18n.t('keys.labels.addKpi')}` })).toBeInTheDocument();
      expect(within(kpi).getByRole('row', { name: `I ${i18n.t('keys.labels.importCsv')}` })).toBeInTheDocument();
      expect(within(dialog).getByRole('row', { name: `Ctrl+S ${i18n.t('keys.labels.saveCalendar')}` })).toBeInTheDocument();
      unmount();
    }
  });

  it('aria-keyshortcuts name Control and Meta for Ctrl/⌘ keys', () => {
    expect(ariaKeys('board.redo')).toBe('Control+Shift+Z Meta+Shift+Z Control+Y Meta+Y');
    expect(ariaKeys('board.clipboard', 2)).toBe('Control+V Meta+V');
    expect(ariaKeys('kpi.add')).toBe('A');
  });
});
