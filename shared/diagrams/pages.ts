import { contentBoxMm, ORIENTATIONS, printOptions, type Orientation, type Paper } from '../pdf';

/**
 * The boxes diagrams are laid out in on paper, in CSS px (96 per inch), from the kinds' shared
 * print options: what is left of the printable area under the page's heading line.
 */

export const CSS_PX_PER_MM = 96 / 25.4;

/** The funnel sheet's heading (title, workspace, date) above the figure. */
export const FUNNEL_SHEET_HEADER_MM = 16;
/** What the heading grows by when it carries a note (the entry definitions left out), a line or two of 8 pt. */
export const FUNNEL_SHEET_NOTE_MM = 8;
/** The line above a whole-board page (board name, page or tile). */
export const BOARD_PAGE_HEADER_MM = 8;

export type PxBox = { width: number; height: number };

function bodies(kind: 'funnel-sheet' | 'board', paper: Paper, headerMm: number): Record<Orientation, PxBox> {
  const entries = ORIENTATIONS.map((orientation) => {
    const box = contentBoxMm(printOptions(kind, { paper, orientation }));
    // A hair under the box: Chromium rounds page boxes to whole device pixels.
    return [orientation, { width: Math.floor(box.width * CSS_PX_PER_MM) - 2, height: Math.floor((box.height - headerMm) * CSS_PX_PER_MM) - 2 }] as const;
  });
  return Object.fromEntries(entries) as Record<Orientation, PxBox>;
}

/** The funnel sheet's body boxes, under its heading (taller when the heading carries a note). */
export function funnelSheetBodies(paper: Paper, note = false): Record<Orientation, PxBox> {
  return bodies('funnel-sheet', paper, funnelSheetHeaderMm(note));
}

export function funnelSheetHeaderMm(note: boolean): number {
  return FUNNEL_SHEET_HEADER_MM + (note ? FUNNEL_SHEET_NOTE_MM : 0);
}

export function boardPageBodies(paper: Paper): Record<Orientation, PxBox> {
  return bodies('board', paper, BOARD_PAGE_HEADER_MM);
}

/** The width of a figure in a portrait document of `kind` (the SLA), in CSS px. */
export function documentFigureWidth(kind: 'sla', paper: Paper): number {
  return Math.floor(contentBoxMm(printOptions(kind, { paper })).width * CSS_PX_PER_MM) - 2;
}
