import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc';
import { en, type Messages } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import type { Language } from '../../shared/settings';

/**
 * The application menu as a pure template. App commands are not executed here: each item sends a
 * `menu:command` to the renderer, which owns the data and the UI. Standard editing, zoom and window
 * items use Electron roles.
 */

/**
 * Chords the renderer already binds itself (renderer/src/app/App.tsx, in both hosts). The menu shows
 * them but does not register them: depending on the platform a registered accelerator runs either
 * before the page sees the key or only when the page leaves it unhandled, and a second handler
 * would, for example, switch the theme twice. Keep in step with the renderer's key handler.
 */
export const RENDERER_HANDLED_ACCELERATORS: ReadonlySet<string> = new Set(['CmdOrCtrl+O', 'CmdOrCtrl+E', 'Alt+Shift+T', 'Alt+Shift+A']);

/**
 * "Show on projector" (issue 10), A for audience: the renderer's shortcut table binds the same chord
 * in both hosts (the browser has no menu), so it is listed above. Free in every scope of that table,
 * and not F5, which reloads the page in the browser version.
 */
export const SHOW_ON_PROJECTOR_ACCELERATOR = 'Alt+Shift+A';

/** Electron's own role labels are English-only, so every label comes from the locale files. */
const MESSAGES = { en, ja } as const satisfies Record<Language, Messages>;

type RoleKey = keyof Messages['shell']['roles'];

export type MenuOptions = {
  language: Language;
  platform: NodeJS.Platform;
  send: (command: MenuCommand) => void;
  isDev: boolean;
};

export function buildMenuTemplate({ language, platform, send, isDev }: MenuOptions): MenuItemConstructorOptions[] {
  const t = MESSAGES[language].menu;
  const projector = MESSAGES[language].projector;
  const roles = MESSAGES[language].shell.roles;
  const isMac = platform === 'darwin';
  const command = (label: string, id: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    ...(accelerator ? { accelerator, registerAccelerator: !RENDERER_HANDLED_ACCELERATORS.has(accelerator) } : {}),
    click: () => send(id),
  });
  const role = (name: RoleKey): MenuItemConstructorOptions => ({ role: name, label: roles[name] });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: en.app.name,
          submenu: [
            command(t.about, 'about'),
            separator,
            command(t.settings, 'open-settings', 'CmdOrCtrl+,'),
            separator,
            role('services'),
            separator,
            role('hide'),
            role('hideOthers'),
            role('unhide'),
            separator,
            { role: 'quit', label: t.quit },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      command(t.newWorkspace, 'new-workspace', 'CmdOrCtrl+N'),
      command(t.import, 'import-workspace', 'CmdOrCtrl+O'),
      command(t.export, 'export-workspace', 'CmdOrCtrl+E'),
      separator,
      command(t.restoreBackup, 'restore-backup'),
      // On macOS these two live in the app menu, where users look for them.
      ...(isMac
        ? []
        : [
            separator,
            command(t.settings, 'open-settings', 'CmdOrCtrl+,'),
            separator,
            { role: 'quit', label: t.quit } satisfies MenuItemConstructorOptions,
          ]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [role('undo'), role('redo'), separator, role('cut'), role('copy'), role('paste'), separator, role('selectAll')],
  };

  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      command(t.cycleTheme, 'cycle-theme', 'Alt+Shift+T'),
      separator,
      command(projector.showOnProjector, 'toggle-audience', SHOW_ON_PROJECTOR_ACCELERATOR),
      separator,
      role('zoomIn'),
      role('zoomOut'),
      role('resetZoom'),
      separator,
      role('togglefullscreen'),
      ...(isDev ? [separator, role('reload'), role('toggleDevTools')] : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    submenu: isMac
      ? [role('minimize'), role('zoom'), role('close'), separator, role('front')]
      : [role('minimize'), role('close')],
  };

  const help: MenuItemConstructorOptions = { label: t.help, role: 'help', submenu: [command(t.about, 'about')] };

  return [...appMenu, file, edit, view, windowMenu, help];
}
