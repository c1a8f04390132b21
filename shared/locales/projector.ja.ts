import type { projectorEn } from './projector.en';

/** Japanese strings of the desktop's audience window (see projector.en.ts). */
export const projectorJa: typeof projectorEn = {
  showOnProjector: 'プロジェクターに表示',
  windowTitle: 'Alignboard — 投影画面',
};
