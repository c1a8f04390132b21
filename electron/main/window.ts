import { BrowserWindow } from 'electron';
import type { Theme, WindowBounds } from '../../shared/settings';
import { APP_ENTRY_URL } from './appProtocol';
import { secureWebPreferences } from './security';
import type { InitialBounds } from './settings';

const BACKGROUND: Record<Theme, string> = { light: '#ffffff', dark: '#16181d', projector: '#ffffff' };

export type MainWindowOptions = {
  bounds: InitialBounds;
  theme: Theme;
  preloadPath: string;
  /** Called when the window closes, with the bounds to restore next time. */
  saveBounds: (bounds: WindowBounds) => void;
};

/** The one app window: secure preferences, shown once painted, bounds remembered on close. */
export function createMainWindow({ bounds, theme, preloadPath, saveBounds }: MainWindowOptions): BrowserWindow {
  const { maximized, ...rect } = bounds;
  const window = new BrowserWindow({
    ...rect,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Alignboard',
    // The page's own theme colour, so a dark theme does not flash white while loading.
    backgroundColor: BACKGROUND[theme],
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    saveBounds({ x, y, width, height, maximized: window.isMaximized() });
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
