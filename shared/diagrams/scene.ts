import { textWidth } from './text';

/**
 * A diagram as plain data: shapes and text in one coordinate system, laid out by the pure
 * functions of shared/diagrams and drawn by the renderer as SVG (print routes: vectors, selectable
 * text) or on a canvas (PNG export). Text items carry their lines already broken, so what a test
 * measures here is what is drawn.
 */

export type Box = { x: number; y: number; width: number; height: number };

export type Stroke = { stroke?: string; strokeWidth?: number; dash?: readonly number[] };

export type SceneRect = Stroke & { kind: 'rect'; x: number; y: number; width: number; height: number; rx?: number; fill?: string };
export type Point = readonly [number, number];
export type ScenePolygon = Stroke & { kind: 'polygon'; points: readonly Point[]; fill?: string };
/** Many small filled shapes of one colour as one item (a note's stripes or dots): one SVG path. */
export type SceneShapes = { kind: 'shapes'; rings: readonly (readonly Point[])[]; fill: string };
/** An open polyline (connectors); arrow heads are separate polygons. */
export type SceneLine = Stroke & { kind: 'line'; points: readonly (readonly [number, number])[] };
export type SceneCircle = Stroke & { kind: 'circle'; cx: number; cy: number; r: number; fill?: string };
export type TextAnchor = 'start' | 'middle' | 'end';
export type SceneText = {
  kind: 'text';
  /** Left edge (start), centre (middle) or right edge (end) of the lines. */
  x: number;
  /** Top of the first line box. */
  y: number;
  lines: readonly string[];
  size: number;
  weight: 400 | 700;
  fill: string;
  anchor: TextAnchor;
  lineHeight: number;
  italic?: boolean;
};

export type SceneItem = SceneRect | ScenePolygon | SceneShapes | SceneLine | SceneCircle | SceneText;

export type Scene = {
  width: number;
  height: number;
  items: SceneItem[];
};

/** Where a text line's baseline sits below the top of its line box (the fonts' ascent, centred). */
export function baselineOffset(size: number, lineHeight: number): number {
  return (lineHeight - size) / 2 + size * 0.86;
}

export function text(x: number, y: number, lines: readonly string[], size: number, options: Partial<Omit<SceneText, 'kind' | 'x' | 'y' | 'lines' | 'size'>> = {}): SceneText {
  return { kind: 'text', x, y, lines, size, weight: 400, fill: '#000000', anchor: 'start', lineHeight: size * 1.3, ...options };
}

/** The box the text's lines occupy (widths are the upper bound of text.ts). */
export function textBox(item: SceneText): Box {
  const width = Math.max(0, ...item.lines.map((line) => textWidth(line, item.size)));
  const left = item.anchor === 'start' ? item.x : item.anchor === 'middle' ? item.x - width / 2 : item.x - width;
  return { x: left, y: item.y, width, height: item.lines.length * item.lineHeight };
}

export function itemBox(item: SceneItem): Box {
  switch (item.kind) {
    case 'rect':
      return { x: item.x, y: item.y, width: item.width, height: item.height };
    case 'circle':
      return { x: item.cx - item.r, y: item.cy - item.r, width: item.r * 2, height: item.r * 2 };
    case 'text':
      return textBox(item);
    case 'shapes':
    case 'polygon':
    case 'line': {
      const all = item.kind === 'shapes' ? item.rings.flat() : item.points;
      const xs = all.map((point) => point[0]);
      const ys = all.map((point) => point[1]);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
    }
  }
}

/** Half the stroke beyond the geometry, so a border on the edge still counts as inside. */
const EPSILON = 0.01;

export function contains(outer: Box, inner: Box, tolerance = EPSILON): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance
  );
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function union(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((box) => box.x));
  const y = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** Text items that reach outside `box` (the whole scene by default): what must never be drawn. */
export function textsOutside(scene: Scene, box: Box = { x: 0, y: 0, width: scene.width, height: scene.height }): SceneText[] {
  return scene.items.filter((item): item is SceneText => item.kind === 'text' && !contains(box, textBox(item)));
}

/** Every line of text in the scene, in drawing order. */
export function sceneTexts(scene: Scene): string[] {
  return scene.items.flatMap((item) => (item.kind === 'text' ? item.lines : []));
}

/** Moves every item by (dx, dy). */
export function translateItem<T extends SceneItem>(item: T, dx: number, dy: number): T {
  switch (item.kind) {
    case 'rect':
    case 'text':
      return { ...item, x: item.x + dx, y: item.y + dy };
    case 'circle':
      return { ...item, cx: item.cx + dx, cy: item.cy + dy };
    case 'polygon':
    case 'line':
      return { ...item, points: item.points.map(([x, y]) => [x + dx, y + dy] as const) };
    case 'shapes':
      return { ...item, rings: item.rings.map((ring) => ring.map(([x, y]) => [x + dx, y + dy] as const)) };
  }
}

/** A filled arrow head at `tip`, pointing along (dx, dy). */
export function arrowHead(tip: readonly [number, number], direction: readonly [number, number], size: number, fill: string): ScenePolygon {
  const length = Math.hypot(direction[0], direction[1]) || 1;
  const ux = direction[0] / length;
  const uy = direction[1] / length;
  const [tx, ty] = tip;
  const bx = tx - ux * size;
  const by = ty - uy * size;
  const half = size * 0.55;
  return {
    kind: 'polygon',
    points: [
      [tx, ty],
      [bx - uy * half, by + ux * half],
      [bx + uy * half, by - ux * half],
    ],
    fill,
  };
}

/** The scene drawn `factor` times as large (fonts, strokes and dashes too). */
export function scaleScene(scene: Scene, factor: number): Scene {
  const s = (value: number) => value * factor;
  const stroke = <T extends Stroke>(item: T): T => ({
    ...item,
    ...(item.strokeWidth !== undefined ? { strokeWidth: s(item.strokeWidth) } : {}),
    ...(item.dash ? { dash: item.dash.map(s) } : {}),
  });
  const items = scene.items.map((item): SceneItem => {
    switch (item.kind) {
      case 'rect':
        return stroke({ ...item, x: s(item.x), y: s(item.y), width: s(item.width), height: s(item.height), ...(item.rx !== undefined ? { rx: s(item.rx) } : {}) });
      case 'circle':
        return stroke({ ...item, cx: s(item.cx), cy: s(item.cy), r: s(item.r) });
      case 'polygon':
      case 'line':
        return stroke({ ...item, points: item.points.map(([x, y]) => [s(x), s(y)] as const) });
      case 'shapes':
        return { ...item, rings: item.rings.map((ring) => ring.map(([x, y]) => [s(x), s(y)] as const)) };
      case 'text':
        return { ...item, x: s(item.x), y: s(item.y), size: s(item.size), lineHeight: s(item.lineHeight) };
    }
  });
  return { width: s(scene.width), height: s(scene.height), items };
}

/** `parts` placed at their offsets in one scene of the given size. */
export function composeScene(size: { width: number; height: number }, parts: readonly { scene: Scene; x: number; y: number }[]): Scene {
  return { ...size, items: parts.flatMap((part) => part.scene.items.map((item) => translateItem(item, part.x, part.y))) };
}
