import type { FunnelDepartment } from '../funnel/stages';
import { ACCENT, DEPARTMENT_COLOURS, INK, MUTED, RULE } from './palette';
import { arrowHead, text, type Scene, type SceneItem } from './scene';
import { fitLine, textWidth, wrapText } from './text';

/**
 * The funnel drawn for paper: main-path stages top to bottom as bands as wide as their volume,
 * coloured and labelled by owner, with name, owner, volume and entry definition beside each band;
 * the conversion rate on the arrow to the next stage; a marked line where ownership passes
 * (hand-off); outcome stages (Lost, Recycled) after the path with dashed outlines.
 * Every string arrives translated and formatted: this module only measures and places.
 */

export type FunnelFigureStage = {
  id: string;
  name: string;
  owner: FunnelDepartment;
  ownerLabel: string;
  outcome: boolean;
  /** The band's width follows this (a target, or the volume the reverse funnel requires). */
  volume: number | null;
  /** Short facts after the owner (target volume…), joined with “ · ”. */
  facts: readonly string[];
  /** Conversion to the next main stage, shown on the arrow (null: none drawn). */
  rateLabel: string | null;
  definition: string;
};

export type FunnelFigureInput = {
  stages: readonly FunnelFigureStage[];
  /** Where ownership passes between consecutive main stages: the label of the marked line. */
  handOffs: readonly { fromId: string; toId: string; label: string }[];
  /** Heading above the outcome stages. */
  outcomesTitle: string;
  /** Shown alone when there are no stages. */
  emptyLabel: string;
};

export type FunnelFigureOptions = {
  width: number;
  /** Base font size (stage facts); names are a little larger, definitions a little smaller. */
  fontSize: number;
  /** Lines of entry definition per stage (0: none). */
  definitionLines: number;
};

const NAME_LINES = 3;
const META_LINES = 2;

export function funnelFigure(input: FunnelFigureInput, options: FunnelFigureOptions): Scene {
  const F = options.fontSize;
  const W = options.width;
  const items: SceneItem[] = [];
  if (input.stages.length === 0) {
    const lines = wrapText(input.emptyLabel, W, F).lines;
    items.push(text(0, 0, lines, F, { fill: MUTED }));
    return { width: W, height: lines.length * F * 1.3, items };
  }
  const bandColumn = Math.round(W * 0.38);
  const gutter = F;
  const textX = bandColumn + gutter;
  const textW = W - textX;
  const minBand = bandColumn * 0.3;
  const main = input.stages.filter((stage) => !stage.outcome);
  const outcomes = input.stages.filter((stage) => stage.outcome);
  const widest = Math.max(0, ...main.map((stage) => usable(stage.volume)));
  const handOffAfter = new Map(input.handOffs.map((handOff) => [handOff.fromId, handOff]));
  const nameSize = F * 1.1;
  const metaSize = F * 0.92;
  const defSize = F * 0.85;
  const ownerSize = F * 0.85;
  const pad = F * 0.3;

  /** The text block beside a band: name, owner and facts, definition. Returns its height. */
  const textBlock = (stage: FunnelFigureStage, top: number): { items: SceneItem[]; height: number } => {
    const block: SceneItem[] = [];
    let y = top;
    const name = wrapText(stage.name, textW, nameSize, NAME_LINES);
    block.push(text(textX, y, name.lines, nameSize, { weight: 700, fill: INK, lineHeight: nameSize * 1.25 }));
    y += name.lines.length * nameSize * 1.25;
    const meta = wrapText([stage.ownerLabel, ...stage.facts].filter(Boolean).join(' · '), textW, metaSize, META_LINES);
    block.push(text(textX, y, meta.lines, metaSize, { fill: DEPARTMENT_COLOURS[stage.owner].text, lineHeight: metaSize * 1.3 }));
    y += meta.lines.length * metaSize * 1.3;
    if (options.definitionLines > 0 && stage.definition.trim()) {
      const definition = wrapText(stage.definition.trim(), textW, defSize, options.definitionLines);
      block.push(text(textX, y, definition.lines, defSize, { fill: MUTED, lineHeight: defSize * 1.3 }));
      y += definition.lines.length * defSize * 1.3;
    }
    return { items: block, height: y - top };
  };

  const band = (stage: FunnelFigureStage, top: number, height: number, width: number, dashed: boolean) => {
    const colours = DEPARTMENT_COLOURS[stage.owner];
    const x = (bandColumn - width) / 2;
    items.push({ kind: 'rect', x, y: top, width, height, rx: F * 0.3, fill: colours.fill, stroke: colours.stroke, strokeWidth: dashed ? 1.2 : 1.6, dash: dashed ? [F * 0.4, F * 0.3] : undefined });
    // The owner inside the band when it fits (it is also in the text beside it).
    const label = fitLine(stage.ownerLabel, width - F * 0.8, ownerSize);
    if (!label.endsWith('…') && height >= ownerSize * 1.3) {
      items.push(text(bandColumn / 2, top + (height - ownerSize * 1.3) / 2, [label], ownerSize, { weight: 700, anchor: 'middle', fill: colours.text }));
    }
  };

  let y = 0;
  const minRow = F * 2.4;
  main.forEach((stage, index) => {
    const block = textBlock(stage, y + pad);
    const rowHeight = Math.max(minRow, block.height + pad * 2);
    const volume = usable(stage.volume);
    const width = widest > 0 && volume > 0 ? Math.max(minBand, (volume / widest) * bandColumn) : minBand;
    band(stage, y, rowHeight, width, false);
    items.push(...block.items);
    y += rowHeight;
    const next = main[index + 1];
    if (!next) return;
    const handOff = handOffAfter.get(stage.id);
    const handOffLabel = handOff && handOff.toId === next.id ? wrapText(handOff.label, textW, F * 0.95, 2) : null;
    const rate = stage.rateLabel ? fitLine(`${stage.rateLabel}`, bandColumn / 2 - F, F * 0.9) : null;
    const gap = handOffLabel ? Math.max(F * 2.2, handOffLabel.lines.length * F * 0.95 * 1.3 + F * 0.8) : F * 1.5;
    const cx = bandColumn / 2;
    if (handOffLabel) {
      const lineY = y + gap / 2;
      items.push({ kind: 'line', points: [[0, lineY], [W, lineY]], stroke: ACCENT, strokeWidth: 1.4, dash: [F * 0.5, F * 0.3] });
      // The label sits on a white patch over the line, beside the band column.
      const labelHeight = handOffLabel.lines.length * F * 0.95 * 1.3;
      items.push({ kind: 'rect', x: textX - F * 0.3, y: lineY - labelHeight / 2, width: handOffLabel.width + F * 0.6, height: labelHeight, fill: '#ffffff' });
      items.push(text(textX, lineY - labelHeight / 2, handOffLabel.lines, F * 0.95, { weight: 700, fill: ACCENT }));
    }
    const arrowTop = y + 1;
    const arrowBottom = y + gap - 1;
    items.push({ kind: 'line', points: [[cx, arrowTop], [cx, arrowBottom - F * 0.5]], stroke: handOffLabel ? ACCENT : RULE, strokeWidth: handOffLabel ? 2.2 : 1.4 });
    items.push(arrowHead([cx, arrowBottom], [0, 1], F * 0.6, handOffLabel ? ACCENT : RULE));
    if (rate) {
      const rateSize = F * 0.9;
      const rateHeight = rateSize * 1.3;
      const rateY = handOffLabel ? y + (gap / 2 - rateHeight) / 2 : y + (gap - rateHeight) / 2;
      items.push({ kind: 'rect', x: cx + F * 0.4, y: rateY, width: textWidth(rate, rateSize) + F * 0.2, height: rateHeight, fill: '#ffffff' });
      items.push(text(cx + F * 0.5, rateY, [rate], rateSize, { fill: INK, weight: 700 }));
    }
    y += gap;
  });

  if (outcomes.length > 0) {
    y += F * 0.9;
    const title = wrapText(input.outcomesTitle, W, F, 1);
    items.push(text(0, y, title.lines, F, { weight: 700, fill: MUTED }));
    y += F * 1.3 + F * 0.3;
    outcomes.forEach((stage, index) => {
      const block = textBlock(stage, y + pad);
      const rowHeight = Math.max(minRow, block.height + pad * 2);
      band(stage, y, rowHeight, minBand, true);
      items.push(...block.items);
      y += rowHeight + (index < outcomes.length - 1 ? F * 0.4 : 0);
    });
  }
  return { width: W, height: Math.ceil(y + 1), items };
}

function usable(volume: number | null | undefined): number {
  return typeof volume === 'number' && Number.isFinite(volume) && volume > 0 ? volume : 0;
}

export type FittedFigure = { scene: Scene; fontSize: number; definitionLines: number; fits: boolean };

/**
 * The largest funnel figure that fits `height`. Entry definitions are worth more than large type:
 * first fewer definition lines (down to one), then smaller type (down to `minFontSize`, never
 * below), and only then no definitions at all. When even that is too tall, `fits` is false and
 * the smallest layout is returned; the caller scales it down as a whole.
 */
export function fitFunnelFigure(
  input: FunnelFigureInput,
  box: { width: number; height: number },
  options: { fontSize: number; minFontSize: number; definitionLines: number },
): FittedFigure {
  const sizes: number[] = [];
  for (let size = options.fontSize; size >= options.minFontSize - 1e-9; size -= 0.5) sizes.push(size);
  if (sizes.length === 0) sizes.push(options.minFontSize);
  const candidates: { size: number; lines: number }[] = [];
  for (const size of sizes) {
    for (let lines = options.definitionLines; lines >= Math.min(1, options.definitionLines); lines--) candidates.push({ size, lines });
  }
  if (options.definitionLines > 0) for (const size of sizes) candidates.push({ size, lines: 0 });
  let last: FittedFigure | null = null;
  for (const { size, lines } of candidates) {
    const scene = funnelFigure(input, { width: box.width, fontSize: size, definitionLines: lines });
    last = { scene, fontSize: size, definitionLines: lines, fits: scene.height <= box.height };
    if (last.fits) return last;
  }
  return last!;
}
