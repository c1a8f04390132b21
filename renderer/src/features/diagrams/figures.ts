import type { TFunction } from 'i18next';
import { boardFigure, boardMinNoteFontPx, boardScene, planBoardPages, pngScale } from '@shared/diagrams/boardFigure';
import { funnelFigure } from '@shared/diagrams/funnelFigure';
import { funnelSheetLayout } from '@shared/diagrams/funnelSheet';
import { boardFunnelInput } from '@shared/diagrams/inputs';
import { boardPageBodies } from '@shared/diagrams/pages';
import { composeScene, type Scene } from '@shared/diagrams/scene';
import type { Orientation, Paper } from '@shared/pdf';
import type { Agreement } from '@shared/records/board';
import type { Member } from '@shared/records/member';
import type { Language } from '@shared/settings';
import type { BoardContent } from './content';
import { boardFigureInput, funnelLabels } from './labels';

export type FigureContext = { t: TFunction; language: Language; members: readonly Member[]; agreement: Agreement | null };

export type BoardPrintPage = {
  scene: Scene;
  /** CSS px the scene is drawn at on the page. */
  width: number;
  height: number;
  /** Tile position (1-based) when the board is split, else null. */
  tile: { row: number; column: number } | null;
};
export type BoardPrintPlan = { orientation: Orientation; pages: BoardPrintPage[]; zones: number; notes: number };

/** A funnel board drawn whole: larger type than the funnel sheet, no table (the board shows none). */
const FUNNEL_BOARD_TYPE = { fontSize: 16, minFontSize: 9.5, definitionLines: 3 };

/** How a board goes on paper: a persona board on one page (always on A3) or in tiles, a funnel board on one page. */
export function boardPrintPlan(content: BoardContent, paper: Paper, context: FigureContext): BoardPrintPlan {
  const bodies = boardPageBodies(paper);
  if (content.kind === 'funnel') {
    const figure = boardFunnelInput(content.stages, content.plan, funnelLabels(context.t, context.language));
    const layout = funnelSheetLayout({ figure, table: null }, bodies, FUNNEL_BOARD_TYPE);
    return { orientation: layout.orientation, pages: [{ scene: layout.scene, width: layout.scene.width, height: layout.scene.height, tile: null }], zones: 0, notes: 0 };
  }
  const input = boardFigureInput(content.nodes, context);
  const plan = planBoardPages(boardFigure(input), bodies, boardMinNoteFontPx(paper));
  const tiled = plan.rows * plan.columns > 1;
  return {
    orientation: plan.orientation,
    pages: plan.pages.map((page) => ({
      scene: page.scene,
      width: page.window.width * page.scale,
      height: page.window.height * page.scale,
      tile: tiled && page.row >= 0 ? { row: page.row + 1, column: page.column + 1 } : null,
    })),
    zones: input.zones.length,
    notes: input.notes.length,
  };
}

/** The whole board as one scene for a PNG, and the pixels per scene unit that keep notes legible. */
export function boardImage(content: BoardContent, context: FigureContext): { scene: Scene; scale: number } {
  if (content.kind === 'funnel') {
    const input = boardFunnelInput(content.stages, content.plan, funnelLabels(context.t, context.language));
    const figure = funnelFigure(input, { width: 960, fontSize: FUNNEL_BOARD_TYPE.fontSize, definitionLines: FUNNEL_BOARD_TYPE.definitionLines });
    // A white margin around the funnel, as around a board.
    const margin = 32;
    const framed = composeScene({ width: figure.width + margin * 2, height: figure.height + margin * 2 }, [{ scene: figure, x: margin, y: margin }]);
    return { scene: framed, scale: pngScale({ x: 0, y: 0, width: framed.width, height: framed.height }) };
  }
  const figure = boardFigure(boardFigureInput(content.nodes, context));
  return { scene: boardScene(figure), scale: pngScale(figure.bounds) };
}

