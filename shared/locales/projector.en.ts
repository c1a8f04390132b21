/**
 * English strings of the desktop's audience window (issue 10): its menu item and its window title
 * (merged into `en.projector`); `projector.ja.ts` has the same keys.
 */
export const projectorEn = {
  /** The View menu's item (Title Case, as the other menu items). */
  showOnProjector: 'Show on Projector',
  windowTitle: 'Alignboard — Audience',
};
