import { INK, MUTED, RULE } from './palette';
import { text, type Scene, type SceneItem } from './scene';
import { textWidth, wrapText } from './text';

/**
 * A small table drawn as part of a diagram page (the reverse funnel beside the funnel sheet's
 * figure): a title, a header row, rows of cells. The first column takes the room the others leave;
 * numeric columns are as wide as their widest cell (headers wrap onto two lines if they must).
 */

export type TableColumn = { label: string; align: 'start' | 'end' };
export type TableInput = { title: string; columns: readonly TableColumn[]; rows: readonly (readonly string[])[] };

const MAX_CELL_LINES = 2;
/** CSS px: far below anything visible, far above floating-point error. */
const CELL_SLACK = 0.001;

export function tableScene(input: TableInput, options: { width: number; fontSize: number }): Scene {
  const F = options.fontSize;
  const W = options.width;
  const pad = F * 0.3;
  const lineHeight = F * 1.25;
  const items: SceneItem[] = [];
  let y = 0;
  if (input.title.trim()) {
    const title = wrapText(input.title, W, F * 1.05, 3);
    items.push(text(0, y, title.lines, F * 1.05, { weight: 700, fill: INK, lineHeight: F * 1.05 * 1.3 }));
    y += title.lines.length * F * 1.05 * 1.3 + F * 0.5;
  }
  const others = input.columns.slice(1);
  // Numeric columns: their widest cell, at most a fifth of the table each. A header may wrap onto
  // two lines, so half its width (but at least its longest word) is enough for it.
  const widths = others.map((column, index) => {
    const cells = Math.max(0, ...input.rows.map((row) => textWidth(row[index + 1] ?? '', F)));
    const header = Math.max(textWidth(column.label, F) / 2, ...column.label.split(/\s+/).map((word) => textWidth(word, F)));
    return Math.min(Math.max(cells, header), W * 0.2 - pad * 2) + pad * 2;
  });
  const firstWidth = Math.max(W * 0.25, W - widths.reduce((sum, width) => sum + width, 0));
  const columnWidths = [firstWidth, ...widths];
  // Shrink the numeric columns if the first one needed its minimum.
  const total = columnWidths.reduce((sum, width) => sum + width, 0);
  const factor = total > W ? (W - firstWidth) / (total - firstWidth) : 1;
  for (let i = 1; i < columnWidths.length; i++) columnWidths[i]! *= factor;
  const lefts = columnWidths.map((_, index) => columnWidths.slice(0, index).reduce((sum, width) => sum + width, 0));

  const row = (cells: readonly string[], bold: boolean) => {
    // A cell's room is its column less the padding, plus a hair: a column as wide as its widest
    // cell (+ padding, − padding) can come out a rounding error narrower than that cell, which
    // then wrapped a number such as “+920” into “+92” and “0”.
    const wrapped = input.columns.map((column, index) => wrapText(cells[index] ?? '', columnWidths[index]! - pad * 2 + CELL_SLACK, F, MAX_CELL_LINES));
    const height = Math.max(1, ...wrapped.map((cell) => cell.lines.length)) * lineHeight + pad * 2;
    wrapped.forEach((cell, index) => {
      const column = input.columns[index]!;
      const x = column.align === 'end' ? lefts[index]! + columnWidths[index]! - pad : lefts[index]! + pad;
      items.push(text(x, y + pad, cell.lines, F, { weight: bold ? 700 : 400, anchor: column.align === 'end' ? 'end' : 'start', fill: INK, lineHeight }));
    });
    y += height;
    items.push({ kind: 'line', points: [[0, y], [W, y]], stroke: bold ? INK : RULE, strokeWidth: bold ? 1.2 : 0.6 });
  };
  items.push({ kind: 'line', points: [[0, y], [W, y]], stroke: INK, strokeWidth: 1.2 });
  row(input.columns.map((column) => column.label), true);
  for (const cells of input.rows) row(cells, false);
  if (input.rows.length === 0) {
    items.push(text(pad, y + pad, ['—'], F, { fill: MUTED }));
    y += lineHeight + pad * 2;
  }
  return { width: W, height: Math.ceil(y + 1), items };
}
