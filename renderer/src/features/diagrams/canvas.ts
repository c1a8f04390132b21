import { baselineOffset, type Scene, type SceneItem } from '@shared/diagrams/scene';
import { DiagramImageError } from './imageError';

export { DiagramImageError };

/**
 * Draws a laid-out diagram on a 2D canvas and encodes it as PNG: the same scene the print routes
 * draw as SVG, so the image and the PDF show the same thing. Text is drawn in the bundled fonts;
 * they are loaded for exactly the characters used first, and the image is refused when they are
 * not there (a PNG in a fallback font, or with empty boxes for Japanese, is worse than an error).
 */

export const FONT_STACK = 'Inter, "Noto Sans JP", sans-serif';

/** The largest canvas Chromium, Firefox and Safari all draw and encode. */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_PIXELS = 64_000_000;

function fontOf(item: { size: number; weight: number; italic?: boolean }): string {
  return `${item.italic ? 'italic ' : ''}${item.weight} ${item.size}px ${FONT_STACK}`;
}

/** Loads the bundled faces (and unicode-range subsets) the scene's text needs; throws when they cannot be. */
export async function loadSceneFonts(scene: Scene, fonts: FontFaceSet = document.fonts): Promise<void> {
  const byWeight = new Map<number, string>();
  for (const item of scene.items) if (item.kind === 'text') byWeight.set(item.weight, (byWeight.get(item.weight) ?? '') + item.lines.join(''));
  for (const [weight, text] of byWeight) {
    const sample = [...new Set(text)].join('');
    if (!sample.trim()) continue;
    await Promise.all([fonts.load(`${weight} 16px Inter`, sample), fonts.load(`${weight} 16px "Noto Sans JP"`, sample)]);
    if (!fonts.check(`${weight} 16px ${FONT_STACK}`, sample)) throw new DiagramImageError('fonts-missing', 'the bundled fonts could not be loaded');
  }
}

function path(ctx: CanvasRenderingContext2D, list: readonly (readonly [number, number])[], close: boolean) {
  ctx.beginPath();
  list.forEach(([x, y], index) => (index === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  if (close) ctx.closePath();
}

function paint(ctx: CanvasRenderingContext2D, item: { fill?: string; stroke?: string; strokeWidth?: number; dash?: readonly number[] }) {
  if (item.fill && item.fill !== 'none') {
    ctx.fillStyle = item.fill;
    ctx.fill();
  }
  if (item.stroke) {
    ctx.strokeStyle = item.stroke;
    ctx.lineWidth = item.strokeWidth ?? 1;
    ctx.setLineDash(item.dash ? [...item.dash] : []);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

function drawItem(ctx: CanvasRenderingContext2D, item: SceneItem) {
  switch (item.kind) {
    case 'rect':
      ctx.beginPath();
      ctx.roundRect(item.x, item.y, item.width, item.height, item.rx ?? 0);
      paint(ctx, item);
      return;
    case 'polygon':
      path(ctx, item.points, true);
      paint(ctx, item);
      return;
    case 'shapes':
      ctx.beginPath();
      for (const ring of item.rings) {
        ring.forEach(([x, y], index) => (index === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
        ctx.closePath();
      }
      ctx.fillStyle = item.fill;
      ctx.fill();
      return;
    case 'line':
      path(ctx, item.points, false);
      ctx.lineJoin = 'round';
      paint(ctx, { ...item, fill: undefined });
      return;
    case 'circle':
      ctx.beginPath();
      ctx.arc(item.cx, item.cy, item.r, 0, Math.PI * 2);
      paint(ctx, item);
      return;
    case 'text': {
      ctx.font = fontOf(item);
      ctx.fillStyle = item.fill;
      ctx.textAlign = item.anchor === 'middle' ? 'center' : item.anchor === 'end' ? 'right' : 'left';
      ctx.textBaseline = 'alphabetic';
      const offset = baselineOffset(item.size, item.lineHeight);
      item.lines.forEach((line, index) => ctx.fillText(line, item.x, item.y + offset + index * item.lineHeight));
      return;
    }
  }
}

/** The scene on a white canvas, `scale` device pixels per scene unit. */
export function drawScene(canvas: HTMLCanvasElement, scene: Scene, scale: number): void {
  const width = Math.max(1, Math.round(scene.width * scale));
  const height = Math.max(1, Math.round(scene.height * scale));
  if (width > MAX_CANVAS_SIDE || height > MAX_CANVAS_SIDE || width * height > MAX_CANVAS_PIXELS) {
    throw new DiagramImageError('too-large', `${width} × ${height} pixels is more than a canvas can hold`, { width, height });
  }
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new DiagramImageError('encode-failed', 'no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.scale(width / scene.width, height / scene.height);
  for (const item of scene.items) drawItem(ctx, item);
}

/** The scene as PNG bytes, `scale` pixels per scene unit, in the bundled fonts. */
export async function scenePng(scene: Scene, scale: number, doc: Document = document): Promise<Uint8Array> {
  await loadSceneFonts(scene, doc.fonts);
  const canvas = doc.createElement('canvas');
  drawScene(canvas, scene, scale);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  // Free the pixels now rather than when the element is collected.
  canvas.width = 0;
  canvas.height = 0;
  if (!blob) throw new DiagramImageError('encode-failed', 'the browser could not encode the image');
  return new Uint8Array(await blob.arrayBuffer());
}
