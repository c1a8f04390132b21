import type { Orientation, Paper } from '../pdf';
import { STICKY_SIZE, type StickyDepartment } from '../board/nodes';
import { PERSONA_CARD } from '../board/personaTemplate';
import { DEPARTMENT_COLOURS, INK, MUTED } from './palette';
import { contains, intersects, text, translateItem, union, type Box, type Point, type Scene, type SceneItem } from './scene';
import { fitLine, textWidth, wrapText } from './text';

/**
 * A persona board drawn whole, as it is on the canvas: every zone with its title, every note with
 * its department (tint, band and lettered mark), author, votes and promotion, and the persona card.
 * World coordinates are the canvas's (a note is 260 wide, its text 18 px), so a page or a PNG is
 * this scene scaled. Items that must not be cut (notes, the card, zone titles) are kept as groups.
 */

export type BoardFigureZone = { id: string; x: number; y: number; width: number; height: number; title: string };
export type BoardFigureNote = {
  id: string;
  x: number;
  y: number;
  text: string;
  department: StickyDepartment;
  /** The department's letter (S / M / J). */
  mark: string;
  author: string;
  /** "3 votes", or null without votes. */
  votes: string | null;
  /** "↗ Goals" when promoted into a persona field. */
  promoted: string | null;
};
export type BoardFigurePersona = {
  x: number;
  y: number;
  name: string;
  initials: string;
  subtitle: string;
  company: string;
  agreed: string | null;
  fields: readonly { label: string; value: string }[];
  quote: string;
};
export type BoardFigureInput = {
  zones: readonly BoardFigureZone[];
  notes: readonly BoardFigureNote[];
  persona: BoardFigurePersona | null;
  /** What an empty note shows. */
  emptyNote: string;
};

export type BoardGroup = {
  /** Zone bodies may be cut by a tile edge (they hold no text); everything else is drawn whole. */
  kind: 'zone' | 'whole';
  box: Box;
  items: SceneItem[];
};

export type BoardFigure = {
  /** The drawing's extent (world coordinates, with a margin). */
  bounds: Box;
  groups: BoardGroup[];
  /** The notes' text size in world units: what the page scale is chosen by. */
  noteFontSize: number;
};

export const NOTE_FONT = 18;
const NOTE_LINE = NOTE_FONT * 1.35;
/** Notes longer than this are cut with “…” on paper (on screen they scroll). */
export const NOTE_MAX_LINES = 14;
const MARGIN = 40;

const ZONE_STROKE = '#4a505c';

function noteGroup(note: BoardFigureNote, emptyNote: string): BoardGroup {
  const colours = DEPARTMENT_COLOURS[note.department];
  const width = STICKY_SIZE.width;
  const inner = width - 28;
  const items: SceneItem[] = [];
  const body = note.text.trim() ? wrapText(note.text, inner, NOTE_FONT, NOTE_MAX_LINES) : { lines: [emptyNote], truncated: false, width: 0 };
  const metaSize = NOTE_FONT * 0.7;
  const resultSize = NOTE_FONT * 0.62;
  const results = note.promoted ? [fitLine(note.promoted, inner, resultSize)] : [];
  const textHeight = body.lines.length * NOTE_LINE;
  const metaHeight = metaSize * 1.6;
  const resultsHeight = results.length ? results.length * resultSize * 1.3 + 8 : 0;
  const height = Math.max(STICKY_SIZE.height, 18 + textHeight + 8 + metaHeight + resultsHeight + 10);
  const { x, y } = note;
  items.push({ kind: 'rect', x, y, width, height, rx: 6, fill: colours.fill, stroke: colours.stroke, strokeWidth: 2 });
  // The band: solid (sales), stripes (marketing) or dots (joint), as on the canvas.
  items.push({ kind: 'rect', x: x + 1, y: y + 1, width: width - 2, height: 9, fill: note.department === 'sales' ? colours.stroke : '#ffffff' });
  if (note.department === 'marketing') {
    const rings: Point[][] = [];
    for (let stripe = 0; stripe < width - 12; stripe += 11) {
      rings.push([[x + 2 + stripe, y + 10], [x + 8 + stripe, y + 1], [x + 14 + stripe, y + 1], [x + 8 + stripe, y + 10]]);
    }
    items.push({ kind: 'shapes', rings, fill: colours.stroke });
  } else if (note.department === 'joint') {
    // Dots as small octagons: one path for the whole band.
    const rings: Point[][] = [];
    for (let dot = 6; dot < width - 4; dot += 10) {
      rings.push(Array.from({ length: 8 }, (_, k) => [x + dot + 2.6 * Math.cos((k * Math.PI) / 4), y + 5.5 + 2.6 * Math.sin((k * Math.PI) / 4)] as const));
    }
    items.push({ kind: 'shapes', rings, fill: colours.stroke });
  }
  items.push(text(x + 14, y + 18, body.lines, NOTE_FONT, { fill: note.text.trim() ? INK : MUTED, italic: !note.text.trim(), lineHeight: NOTE_LINE }));
  // Meta row: the department mark (circle / square / diamond), the author, the votes.
  const metaY = y + 18 + textHeight + 8;
  const markSize = metaSize * 1.45;
  const mx = x + 14 + markSize / 2;
  const my = metaY + metaHeight / 2;
  if (note.department === 'sales') items.push({ kind: 'circle', cx: mx, cy: my, r: markSize / 2, fill: colours.stroke });
  else if (note.department === 'marketing') items.push({ kind: 'rect', x: mx - markSize / 2, y: my - markSize / 2, width: markSize, height: markSize, rx: 2, fill: colours.stroke });
  else items.push({ kind: 'polygon', points: [[mx, my - markSize * 0.6], [mx + markSize * 0.6, my], [mx, my + markSize * 0.6], [mx - markSize * 0.6, my]], fill: colours.stroke });
  items.push(text(mx, my - (metaSize * 0.8 * 1.2) / 2, [note.mark], metaSize * 0.8, { anchor: 'middle', weight: 700, fill: '#ffffff', lineHeight: metaSize * 0.8 * 1.2 }));
  let votesWidth = 0;
  if (note.votes) {
    const votes = fitLine(note.votes, inner / 2 - metaSize * 1.2, metaSize);
    const pillHeight = metaSize * 1.4;
    votesWidth = textWidth(votes, metaSize) + metaSize * 1.2;
    const pillX = x + width - 14 - votesWidth;
    items.push({ kind: 'rect', x: pillX, y: my - pillHeight / 2, width: votesWidth, height: pillHeight, rx: pillHeight / 2, fill: INK });
    items.push(text(pillX + votesWidth / 2, my - (metaSize * 1.2) / 2, [votes], metaSize, { anchor: 'middle', weight: 700, fill: '#ffffff', lineHeight: metaSize * 1.2 }));
  }
  const authorX = mx + markSize / 2 + 6;
  const authorWidth = x + width - 14 - (votesWidth ? votesWidth + 6 : 0) - authorX;
  items.push(text(authorX, my - (metaSize * 1.2) / 2, [fitLine(note.author, authorWidth, metaSize)], metaSize, { weight: 700, fill: INK, lineHeight: metaSize * 1.2 }));
  let resultsY = metaY + metaHeight + 8;
  for (const line of results) {
    items.push(text(x + 14, resultsY, [line], resultSize, { weight: 700, fill: INK }));
    resultsY += resultSize * 1.3;
  }
  return { kind: 'whole', box: { x, y, width, height }, items };
}

function personaGroup(persona: BoardFigurePersona): BoardGroup {
  const width = PERSONA_CARD.width;
  const pad = 20;
  const inner = width - pad * 2;
  const size = 16;
  const items: SceneItem[] = [];
  const { x } = persona;
  let y = persona.y + pad;
  const avatar = 84;
  items.push({ kind: 'circle', cx: x + pad + avatar / 2, cy: y + avatar / 2, r: avatar / 2, fill: '#e5e5e5', stroke: INK, strokeWidth: 2 });
  items.push(text(x + pad + avatar / 2, y + avatar / 2 - (size * 1.6 * 1.2) / 2, [fitLine(persona.initials, avatar - 16, size * 1.6)], size * 1.6, { anchor: 'middle', weight: 700, fill: INK, lineHeight: size * 1.6 * 1.2 }));
  const headX = x + pad + avatar + 14;
  const headWidth = x + width - pad - headX;
  let headY = y;
  const name = wrapText(persona.name, headWidth, size * 1.45, 3);
  items.push(text(headX, headY, name.lines, size * 1.45, { weight: 700, fill: INK, lineHeight: size * 1.45 * 1.2 }));
  headY += name.lines.length * size * 1.45 * 1.2;
  for (const line of [persona.subtitle, persona.company, persona.agreed].filter((value): value is string => Boolean(value))) {
    const wrapped = wrapText(line, headWidth, size * 0.9, 2);
    items.push(text(headX, headY, wrapped.lines, size * 0.9, { fill: line === persona.agreed ? '#166534' : MUTED, weight: line === persona.agreed ? 700 : 400 }));
    headY += wrapped.lines.length * size * 0.9 * 1.3;
  }
  y = Math.max(y + avatar, headY) + 12;
  for (const field of persona.fields) {
    items.push(text(x + pad, y, [fitLine(field.label, inner, size * 0.8)], size * 0.8, { weight: 700, fill: MUTED }));
    y += size * 0.8 * 1.3;
    const value = wrapText(field.value, inner, size, 4);
    items.push(text(x + pad, y, value.lines, size, { fill: INK }));
    y += value.lines.length * size * 1.3 + 8;
  }
  if (persona.quote.trim()) {
    const quote = wrapText(`“${persona.quote.trim()}”`, inner - 12, size, 4);
    items.push({ kind: 'rect', x: x + pad, y, width: 4, height: quote.lines.length * size * 1.3, fill: INK });
    items.push(text(x + pad + 12, y, quote.lines, size, { italic: true, fill: INK }));
    y += quote.lines.length * size * 1.3 + 8;
  }
  const height = Math.max(y + pad - persona.y, avatar + pad * 2);
  items.unshift({ kind: 'rect', x, y: persona.y, width, height, rx: 16, fill: '#ffffff', stroke: INK, strokeWidth: 2 });
  return { kind: 'whole', box: { x, y: persona.y, width, height }, items };
}

export function boardFigure(input: BoardFigureInput): BoardFigure {
  const groups: BoardGroup[] = [];
  for (const zone of input.zones) {
    groups.push({
      kind: 'zone',
      box: { x: zone.x, y: zone.y, width: zone.width, height: zone.height },
      items: [{ kind: 'rect', x: zone.x, y: zone.y, width: zone.width, height: zone.height, rx: 16, fill: '#f7f7f8', stroke: ZONE_STROKE, strokeWidth: 3, dash: [12, 8] }],
    });
    const title = wrapText(zone.title, Math.max(60, zone.width - 36), 28, 1);
    const item = text(zone.x + 18, zone.y + 12, title.lines, 28, { weight: 700, fill: ZONE_STROKE, lineHeight: 28 * 1.25 });
    groups.push({ kind: 'whole', box: { x: zone.x + 18, y: zone.y + 12, width: title.width, height: 28 * 1.25 }, items: [item] });
  }
  if (input.persona) groups.push(personaGroup(input.persona));
  for (const note of input.notes) groups.push(noteGroup(note, input.emptyNote));
  const extent = union(groups.map((group) => group.box)) ?? { x: 0, y: 0, width: STICKY_SIZE.width, height: STICKY_SIZE.height };
  const bounds = { x: extent.x - MARGIN, y: extent.y - MARGIN, width: extent.width + MARGIN * 2, height: extent.height + MARGIN * 2 };
  return { bounds, groups, noteFontSize: NOTE_FONT };
}

/** The whole figure as one scene, its origin at the bounds' corner (for a PNG or a one-page PDF). */
export function boardScene(figure: BoardFigure): Scene {
  return windowScene(figure, figure.bounds, figure.groups);
}

function windowScene(figure: BoardFigure, window: Box, wholes: readonly BoardGroup[]): Scene {
  const items: SceneItem[] = [];
  for (const group of figure.groups) {
    if (group.kind === 'zone' && intersects(group.box, window)) items.push(...group.items.map((item) => translateItem(item, -window.x, -window.y)));
  }
  for (const group of wholes) items.push(...group.items.map((item) => translateItem(item, -window.x, -window.y)));
  return { width: window.width, height: window.height, items };
}

// ---------------------------------------------------------------------------------------------
// Pages


export type BoardPage = {
  /** The part of the board on this page (world coordinates). */
  window: Box;
  /** Row and column of the tile (0-based), for "tile 2 of 6" labels. */
  row: number;
  column: number;
  /** World → CSS px on this page. */
  scale: number;
  /** The page's drawing, in world units from the window's corner. */
  scene: Scene;
};

export type BoardPagePlan = {
  orientation: Orientation;
  pages: BoardPage[];
  /** Rows × columns of the tile grid (1 × 1 on one page). */
  rows: number;
  columns: number;
  /** The notes' text size on paper, CSS px. */
  noteFontPx: number;
};

/** 7 pt in CSS px: the smallest note text a page of A4 or Letter is allowed to print. */
export const MIN_NOTE_FONT_PX = (7 / 72) * 96;

/**
 * The smallest note text a whole board may print at on `paper`, below which it goes in tiles: A3
 * is the one large page, the whole board on one sheet whatever its size (no minimum); A4 and
 * Letter are scaled down to 7 pt at the least, then tiled.
 */
export function boardMinNoteFontPx(paper: Paper): number {
  return paper === 'A3' ? 0 : MIN_NOTE_FONT_PX;
}
/** A board is never drawn larger than on screen at 100 %. */
const MAX_SCALE = 1;

function planFor(figure: BoardFigure, box: { width: number; height: number }, orientation: Orientation, minNoteFontPx: number): BoardPagePlan {
  const { bounds } = figure;
  const fit = Math.min(box.width / bounds.width, box.height / bounds.height, MAX_SCALE);
  const wholes = figure.groups.filter((group) => group.kind === 'whole');
  if (figure.noteFontSize * fit >= minNoteFontPx) {
    return { orientation, rows: 1, columns: 1, noteFontPx: figure.noteFontSize * fit, pages: [{ window: bounds, row: 0, column: 0, scale: fit, scene: windowScene(figure, bounds, wholes) }] };
  }
  // Tiles at the smallest legible scale. Neighbouring tiles overlap by the largest item, so every
  // note (and the card) lies whole inside at least one tile, and is drawn on the first such tile.
  const scale = minNoteFontPx / figure.noteFontSize;
  const windowSize = { width: box.width / scale, height: box.height / scale };
  const overlapX = Math.min(Math.max(0, ...wholes.map((group) => group.box.width)), windowSize.width * 0.75);
  const overlapY = Math.min(Math.max(0, ...wholes.map((group) => group.box.height)), windowSize.height * 0.75);
  const stepX = windowSize.width - overlapX;
  const stepY = windowSize.height - overlapY;
  const columns = bounds.width <= windowSize.width ? 1 : Math.ceil((bounds.width - windowSize.width) / stepX) + 1;
  const rows = bounds.height <= windowSize.height ? 1 : Math.ceil((bounds.height - windowSize.height) / stepY) + 1;
  const tiles: { window: Box; row: number; column: number; wholes: BoardGroup[] }[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const x = bounds.x + Math.min(column * stepX, Math.max(0, bounds.width - windowSize.width));
      const y = bounds.y + Math.min(row * stepY, Math.max(0, bounds.height - windowSize.height));
      tiles.push({ window: { x, y, ...windowSize }, row, column, wholes: [] });
    }
  }
  const pages: BoardPage[] = [];
  for (const group of wholes) {
    const tile = tiles.find((candidate) => contains(candidate.window, group.box));
    if (tile) {
      tile.wholes.push(group);
      continue;
    }
    // Larger than a tile can hold whole (a huge card): a page of its own, scaled to fit.
    const window = { x: group.box.x - 10, y: group.box.y - 10, width: group.box.width + 20, height: group.box.height + 20 };
    const own = Math.min(box.width / window.width, box.height / window.height);
    pages.push({ window, row: -1, column: -1, scale: own, scene: windowScene(figure, window, [group]) });
  }
  const tiled = tiles
    .filter((tile) => tile.wholes.length > 0)
    .map((tile): BoardPage => ({ window: tile.window, row: tile.row, column: tile.column, scale, scene: windowScene(figure, tile.window, tile.wholes) }));
  return { orientation, rows, columns, noteFontPx: minNoteFontPx, pages: [...tiled, ...pages] };
}

/**
 * How a board goes on paper: on one page when its notes stay at least `minNoteFontPx` high there,
 * otherwise in tiles at exactly that size. Of the two orientations, the one with fewer pages wins,
 * then the one with larger notes; ties go to landscape (boards are wider than tall).
 */
export function planBoardPages(
  figure: BoardFigure,
  boxes: Record<Orientation, { width: number; height: number }>,
  minNoteFontPx: number = MIN_NOTE_FONT_PX,
): BoardPagePlan {
  const landscape = planFor(figure, boxes.landscape, 'landscape', minNoteFontPx);
  const portrait = planFor(figure, boxes.portrait, 'portrait', minNoteFontPx);
  if (portrait.pages.length !== landscape.pages.length) return portrait.pages.length < landscape.pages.length ? portrait : landscape;
  return portrait.noteFontPx > landscape.noteFontPx ? portrait : landscape;
}

/**
 * The scale of a PNG of the whole board: 1.5 × the canvas (notes at 27 px, sharp on slides),
 * smaller for a large board so the image stays within `maxSide` pixels a side and `maxPixels`
 * in all (what browsers can encode reliably).
 */
export function pngScale(bounds: Box, options: { preferred?: number; maxSide?: number; maxPixels?: number } = {}): number {
  const preferred = options.preferred ?? 1.5;
  const maxSide = options.maxSide ?? 8192;
  const maxPixels = options.maxPixels ?? 40_000_000;
  return Math.min(preferred, maxSide / bounds.width, maxSide / bounds.height, Math.sqrt(maxPixels / (bounds.width * bounds.height)));
}
