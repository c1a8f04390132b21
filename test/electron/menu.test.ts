import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { buildMenuTemplate, RENDERER_HANDLED_ACCELERATORS } from '../../electron/main/menu';

type Item = MenuItemConstructorOptions;

function flatten(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(language: 'en' | 'ja', platform: NodeJS.Platform, isDev = false) {
  const send = vi.fn<(command: MenuCommand) => void>();
  return { template: buildMenuTemplate({ language, platform, send, isDev }), send };
}

const click = (item: Item) => item.click!({} as never, undefined, {} as never);
const byId = (items: readonly Item[], id: string) => flatten(items).find((item) => item.id === id);
const topLabels = (items: readonly Item[]) => items.map((item) => item.label);

describe.each(['linux', 'win32', 'darwin'] as const)('menu on %s', (platform) => {
  it.each(['en', 'ja'] as const)('labels every item in %s', (language) => {
    const { template } = build(language, platform, true);
    const unlabelled = flatten(template)
      .filter((item) => item.type !== 'separator' && !/\S/.test(item.label ?? ''))
      .map((item) => item.id ?? item.role);
    expect(unlabelled).toEqual([]);
  });

  it('sends each app command with the right accelerator when clicked', () => {
    const { template, send } = build('en', platform);
    const expected: [MenuCommand, string | undefined][] = [
      ['new-workspace', 'CmdOrCtrl+N'],
      ['import-workspace', 'CmdOrCtrl+O'],
      ['export-workspace', 'CmdOrCtrl+E'],
      ['restore-backup', undefined],
      ['open-settings', 'CmdOrCtrl+,'],
      ['cycle-theme', 'Alt+Shift+T'],
      ['toggle-audience', 'Alt+Shift+A'],
      ['about', undefined],
    ];
    expect(expected.map(([id]) => id).sort()).toEqual([...MENU_COMMANDS].sort());
    for (const [id, accelerator] of expected) {
      const item = byId(template, id);
      expect({ id, found: item !== undefined, accelerator: item?.accelerator }).toEqual({ id, found: true, accelerator });
      send.mockClear();
      click(item!);
      expect(send.mock.calls).toEqual([[id]]);
    }
  });

  it('shows but does not register the chords the renderer handles itself', () => {
    const { template } = build('en', platform);
    const withChord = flatten(template).filter((i) => i.accelerator);
    expect(withChord.map((item) => [item.id, item.registerAccelerator])).toEqual(
      withChord.map((item) => [item.id, !RENDERER_HANDLED_ACCELERATORS.has(String(item.accelerator))]),
    );
    expect(byId(template, 'cycle-theme')!.registerAccelerator).toBe(false);
    expect(byId(template, 'new-workspace')!.registerAccelerator).toBe(true);
    // The page toggles the audience window on its own shortcut: a registered chord would toggle twice.
    expect(byId(template, 'toggle-audience')!.registerAccelerator).toBe(false);
  });

  it.each(['en', 'ja'] as const)('offers "Show on projector" in the View menu in %s', (language) => {
    const messages = { en, ja }[language];
    const { template, send } = build(language, platform);
    const view = template.find((item) => item.label === messages.menu.view)!;
    const item = flatten([view]).find((entry) => entry.id === 'toggle-audience');
    expect(item?.label).toBe(messages.projector.showOnProjector);
    click(item!);
    expect(send.mock.calls).toEqual([['toggle-audience']]);
  });

  it.each(['en', 'ja'] as const)('labels the role items in %s from the locale files (Electron has English ones only)', (language) => {
    const messages = { en, ja }[language];
    const roleItems = flatten(build(language, platform, true).template).filter((item) => item.role && item.role !== 'quit' && item.role !== 'help');
    expect(roleItems.length).toBeGreaterThan(5);
    for (const item of roleItems) expect(item.label).toBe(messages.shell.roles[item.role as keyof typeof messages.shell.roles]);
    expect(flatten(build(language, platform).template).find((item) => item.role === 'undo')?.label).toBe(language === 'ja' ? '元に戻す' : 'Undo');
  });

  it('uses roles for editing, zoom, full screen, window and quit', () => {
    const roles = flatten(build('en', platform).template).map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'minimize', 'close', 'quit']),
    );
    expect(roles.filter((role) => role === 'quit')).toHaveLength(1);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => flatten(build('en', platform, isDev).template).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });
});

describe('menu structure', () => {
  it('has File, Edit, View, Window, Help in the chosen language on Windows and Linux', () => {
    expect(topLabels(build('en', 'win32').template)).toEqual([en.menu.file, en.menu.edit, en.menu.view, en.menu.window, en.menu.help]);
    expect(topLabels(build('ja', 'linux').template)).toEqual([ja.menu.file, ja.menu.edit, ja.menu.view, ja.menu.window, ja.menu.help]);
    const file = build('ja', 'linux').template[0]!;
    expect(flatten([file]).map((item) => item.label)).toEqual(
      expect.arrayContaining([ja.menu.newWorkspace, ja.menu.import, ja.menu.export, ja.menu.restoreBackup, ja.menu.settings, ja.menu.quit]),
    );
  });

  it('puts the app menu first on macOS, with About, Settings and Quit in it', () => {
    const { template } = build('ja', 'darwin');
    expect(topLabels(template)).toEqual(['Alignboard', ja.menu.file, ja.menu.edit, ja.menu.view, ja.menu.window, ja.menu.help]);
    const appItems = flatten([template[0]!]);
    expect(appItems.map((item) => item.id ?? item.role)).toEqual(expect.arrayContaining(['about', 'open-settings', 'quit', 'hide']));
    const fileItems = flatten([template[1]!]);
    expect(fileItems.some((item) => item.role === 'quit' || item.id === 'open-settings')).toBe(false);
  });

  it('translates role items too, so a Japanese menu has no English left in it', () => {
    const labels = flatten(build('ja', 'darwin', true).template)
      .filter((item) => item.type !== 'separator')
      .map((item) => String(item.label).replace(/Alignboard/g, ''));
    expect(labels.filter((label) => /[A-Za-z]/.test(label))).toEqual([]);
    const english = flatten(build('en', 'darwin', true).template).map((item) => item.label);
    expect(english).toContain('Undo');
  });
});
