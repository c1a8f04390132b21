import type { Orientation } from '../pdf';
import { fitFunnelFigure, type FunnelFigureInput } from './funnelFigure';
import { composeScene, scaleScene, type Scene } from './scene';
import { tableScene, type TableInput } from './table';

/**
 * The funnel sheet's page body: the funnel figure, and the reverse-funnel table when a revenue
 * target is set, fitted into one page. Both orientations are tried and the one that keeps the type
 * largest (and the entry definitions longest) wins, ties going to portrait: a funnel alone, or
 * with a table that fits under it at full type, goes portrait; one whose table would crowd it
 * there goes landscape, the table beside it. Nothing is ever drawn outside the body box: what does not fit at the
 * minimum type size is scaled down as a whole.
 */

export type BodyBox = { width: number; height: number };

export type FunnelSheetInput = { figure: FunnelFigureInput; table: TableInput | null };
export type FunnelSheetOptions = { fontSize: number; minFontSize: number; definitionLines: number };

export const FUNNEL_SHEET_TYPE: FunnelSheetOptions = {
  // 10.5 pt when there is room, never below 7 pt (CSS px: 96 per inch, 72 pt per inch).
  fontSize: 14,
  minFontSize: 9.5,
  definitionLines: 3,
};

export type FunnelSheetLayout = {
  orientation: Orientation;
  scene: Scene;
  /** Type size of the figure's facts after fitting (before any overall scaling). */
  fontSize: number;
  definitionLines: number;
  /** 1, or less when even the smallest type had to be scaled down to fit the page. */
  scale: number;
};

function layoutFor(input: FunnelSheetInput, box: BodyBox, orientation: Orientation, options: FunnelSheetOptions): FunnelSheetLayout {
  const gap = options.fontSize * 1.2;
  let table: Scene | null = null;
  let figureBox = box;
  let tableAt = { x: 0, y: 0 };
  if (input.table) {
    const tableWidth = orientation === 'landscape' ? box.width * 0.4 - gap : box.width;
    // The table gets at most this share of the page; its type shrinks before the figure's does.
    const tableRoom = orientation === 'landscape' ? box.height : box.height * 0.42;
    for (let size = Math.min(options.fontSize * 0.92, 11); ; size -= 0.5) {
      table = tableScene(input.table, { width: tableWidth, fontSize: Math.max(size, options.minFontSize) });
      if (table.height <= tableRoom || size <= options.minFontSize) break;
    }
    if (table.height > tableRoom) table = scaleScene(table, tableRoom / table.height);
    figureBox = orientation === 'landscape' ? { width: box.width - tableWidth - gap, height: box.height } : { width: box.width, height: box.height - table.height - gap };
    tableAt = orientation === 'landscape' ? { x: box.width - tableWidth, y: 0 } : { x: 0, y: 0 };
  }
  const fitted = fitFunnelFigure(input.figure, figureBox, options);
  const scale = fitted.fits ? 1 : figureBox.height / fitted.scene.height;
  const figure = scale < 1 ? scaleScene(fitted.scene, scale) : fitted.scene;
  if (table && orientation === 'portrait') tableAt = { x: 0, y: figure.height + gap };
  const scene = composeScene(box, [{ scene: figure, x: 0, y: 0 }, ...(table ? [{ scene: table, ...tableAt }] : [])]);
  return { orientation, scene, fontSize: fitted.fontSize, definitionLines: fitted.definitionLines, scale };
}

/** How good a layout is: unscaled first, then larger type, then more definition lines. */
function score(layout: FunnelSheetLayout): number {
  return (layout.scale >= 1 ? 1_000_000 : layout.scale * 1_000) + layout.fontSize * 100 + layout.definitionLines;
}

export function funnelSheetLayout(input: FunnelSheetInput, boxes: Record<Orientation, BodyBox>, options: FunnelSheetOptions = FUNNEL_SHEET_TYPE): FunnelSheetLayout {
  const portrait = layoutFor(input, boxes.portrait, 'portrait', options);
  const landscape = layoutFor(input, boxes.landscape, 'landscape', options);
  // Ties go to portrait: the funnel reads top to bottom.
  return score(landscape) > score(portrait) ? landscape : portrait;
}
