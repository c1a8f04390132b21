/**
 * English strings of the desktop shell's own dialogs (merged into `en.shell`), shown by main in the
 * menu's language; `shell.ja.ts` has the same keys.
 */
export const shellEn = {
  crashed: {
    message: 'Alignboard reopened its window',
    detail:
      'The window stopped unexpectedly ({{reason}}) and was opened again at the start page. Everything that was saved is still there; what was typed in the last moments may be missing.',
    ok: 'OK',
  },
  crashLoop: {
    message: 'Alignboard keeps stopping',
    detail:
      'The window stopped {{count}} times in a short while ({{reason}}). Reload it once more, or quit and start Alignboard again. Your saved work is kept either way.',
    reload: 'Reload',
    quit: 'Quit',
  },
  unresponsive: {
    message: 'Alignboard is not responding',
    detail:
      'The window has not responded for a while. Wait for it, or reload it at the start page (what was typed in the last moments may be lost).',
    wait: 'Wait',
    reload: 'Reload',
  },
  reasons: {
    'abnormal-exit': 'it ended abnormally',
    killed: 'it was ended by the system',
    crashed: 'it crashed',
    oom: 'it ran out of memory',
    'launch-failed': 'it could not start',
    'integrity-failure': 'its code failed an integrity check',
    'memory-eviction': 'the system reclaimed its memory',
  },
  /** Labels of the menu's role items (Electron's own are English only). */
  roles: {
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
  /** Filter names in the open and save dialogs. */
  files: {
    workspaceFilter: 'Alignboard Workspace',
    allFilesFilter: 'All Files',
  },
};
