import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc';
import { en } from '../../shared/locales/en';
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
export const RENDERER_HANDLED_ACCELERATORS: ReadonlySet<string> = new Set(['CmdOrCtrl+O', 'CmdOrCtrl+E', 'Alt+Shift+T']);

const MENU_LABELS = { en: en.menu, ja: ja.menu } as const;

/**
 * Labels of role items. Electron's own role labels are English-only, so they are spelled out here.
 * TODO: move into shared/locales (`menu.undo`, …) once that file gains these keys.
 */
const ROLE_LABELS = {
  en: {
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    togglefullscreen: 'Toggle Full Screen',
    minimize: 'Minimize',
    close: 'Close Window',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    services: 'Services',
    hide: 'Hide Alignboard',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    reload: 'Reload',
    toggleDevTools: 'Toggle Developer Tools',
  },
  ja: {
    undo: '元に戻す',
    redo: 'やり直す',
    cut: '切り取り',
    copy: 'コピー',
    paste: '貼り付け',
    selectAll: 'すべてを選択',
    zoomIn: '拡大',
    zoomOut: '縮小',
    resetZoom: '実際のサイズ',
    togglefullscreen: 'フルスクリーン表示を切り替え',
    minimize: '最小化',
    close: 'ウインドウを閉じる',
    zoom: 'ズーム',
    front: 'すべてを手前に移動',
    services: 'サービス',
    hide: 'Alignboard を隠す',
    hideOthers: 'ほかを隠す',
    unhide: 'すべてを表示',
    reload: '再読み込み',
    toggleDevTools: '開発者ツールを切り替え',
  },
} as const satisfies Record<Language, Record<string, string>>;

type RoleKey = keyof (typeof ROLE_LABELS)['en'];

export type MenuOptions = {
  language: Language;
  platform: NodeJS.Platform;
  send: (command: MenuCommand) => void;
  isDev: boolean;
};

export function buildMenuTemplate({ language, platform, send, isDev }: MenuOptions): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[language];
  const roles = ROLE_LABELS[language];
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
