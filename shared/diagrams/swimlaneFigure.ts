import type { FunnelDepartment } from '../funnel/stages';
import { ACCENT, DEPARTMENT_COLOURS, INK, MUTED, RULE } from './palette';
import { arrowHead, text, type Scene, type SceneItem } from './scene';
import { wrapText } from './text';

/**
 * The SLA's hand-off figure as a swimlane diagram: a Marketing lane (left) and a Sales lane
 * (right), the main-path stages top to bottom in the lane of their owner (joint stages across the
 * middle), an arrow from each stage to the next; where the arrow crosses from one lane to the
 * other it is a hand-off, labelled in the middle with the response times that cover it (or that
 * none does). Below the stages, the loops back: feedback and recycling, dashed, against the flow.
 * Strings arrive translated; this module measures and places.
 */

export type SwimlaneStage = { id: string; name: string; owner: FunnelDepartment };
export type SwimlaneHandOff = {
  fromId: string;
  toId: string;
  /** The response-time commitments covering it, one line each (“First contact within 8 business hours”). */
  lines: readonly string[];
  /** No commitment covers it: the label says so and the arrow is drawn as open. */
  uncovered: boolean;
};
export type SwimlaneLoop = { from: 'marketing' | 'sales'; to: 'marketing' | 'sales'; label: string };

export type SwimlaneInput = {
  lanes: { marketing: string; sales: string };
  stages: readonly SwimlaneStage[];
  handOffs: readonly SwimlaneHandOff[];
  loops: readonly SwimlaneLoop[];
  emptyLabel: string;
};

const NAME_LINES = 3;

export function swimlaneFigure(input: SwimlaneInput, options: { width: number; fontSize: number }): Scene {
  const F = options.fontSize;
  const W = options.width;
  const items: SceneItem[] = [];
  const laneWidth = W * 0.32;
  const middle = { x: laneWidth, width: W - laneWidth * 2 };
  const column = (owner: FunnelDepartment) =>
    owner === 'marketing' ? { x: 0, width: laneWidth } : owner === 'sales' ? { x: W - laneWidth, width: laneWidth } : { x: laneWidth * 0.5, width: W - laneWidth };
  const pad = F * 0.5;
  const boxInset = F * 0.8;

  // Lane headers.
  const headerSize = F * 1.1;
  const headerHeight = headerSize * 1.3 + pad * 2;
  const laneBodies: SceneItem[] = [];
  const headers: SceneItem[] = [];
  for (const owner of ['marketing', 'sales'] as const) {
    const lane = column(owner);
    const colours = DEPARTMENT_COLOURS[owner];
    headers.push({ kind: 'rect', x: lane.x, y: 0, width: lane.width, height: headerHeight, fill: colours.stroke });
    const label = wrapText(input.lanes[owner], lane.width - pad * 2, headerSize, 1).lines;
    headers.push(text(lane.x + lane.width / 2, pad, label, headerSize, { weight: 700, anchor: 'middle', fill: '#ffffff' }));
  }

  let y = headerHeight + F;
  if (input.stages.length === 0) {
    const lines = wrapText(input.emptyLabel, middle.width - pad * 2, F).lines;
    items.push(text(W / 2, y, lines, F, { anchor: 'middle', fill: MUTED }));
    y += lines.length * F * 1.3 + F;
  }
  const handOffAt = new Map(input.handOffs.map((handOff) => [`${handOff.fromId}->${handOff.toId}`, handOff]));
  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
  input.stages.forEach((stage, index) => {
    const lane = column(stage.owner);
    const boxWidth = lane.width - boxInset * 2;
    const name = wrapText(stage.name, boxWidth - pad * 2, F, NAME_LINES);
    const height = name.lines.length * F * 1.3 + pad * 2;
    const box = { x: lane.x + boxInset, y, width: boxWidth, height };
    boxes.set(stage.id, box);
    const colours = DEPARTMENT_COLOURS[stage.owner];
    items.push({ kind: 'rect', ...box, rx: F * 0.35, fill: '#ffffff', stroke: colours.stroke, strokeWidth: 1.6 });
    items.push(text(box.x + box.width / 2, y + pad, name.lines, F, { weight: 700, anchor: 'middle', fill: INK }));
    y += height;
    const next = input.stages[index + 1];
    if (!next) return;
    const handOff = handOffAt.get(`${stage.id}->${next.id}`);
    const crosses = next.owner !== stage.owner;
    const from = { x: box.x + box.width / 2, y };
    const toLane = column(next.owner);
    const toX = toLane.x + toLane.width / 2;
    if (!crosses) {
      const gap = F * 1.6;
      items.push({ kind: 'line', points: [[from.x, from.y], [from.x, from.y + gap - F * 0.55]], stroke: RULE, strokeWidth: 1.3 });
      items.push(arrowHead([from.x, from.y + gap], [0, 1], F * 0.6, RULE));
      y += gap;
      return;
    }
    // A hand-off: its label in the middle, then an elbow arrow across to the next lane.
    const labelSize = F * 0.9;
    const labelWidth = middle.width - pad * 2;
    const texts = handOff ? handOff.lines.flatMap((line) => wrapText(line, labelWidth, labelSize, 3).lines) : [];
    const labelHeight = texts.length * labelSize * 1.3;
    const open = !handOff || handOff.uncovered;
    const colour = open ? MUTED : ACCENT;
    const top = y + F * 0.6;
    if (texts.length > 0) {
      items.push(text(middle.x + middle.width / 2, top, texts, labelSize, { anchor: 'middle', fill: open ? MUTED : INK, weight: open ? 400 : 700 }));
    }
    const turnY = top + labelHeight + F * 0.6;
    const end = turnY + F * 1.4;
    const dash = open ? [F * 0.5, F * 0.35] : undefined;
    items.push({ kind: 'line', points: [[from.x, from.y], [from.x, turnY], [toX, turnY], [toX, end - F * 0.55]], stroke: colour, strokeWidth: 2, dash });
    items.push(arrowHead([toX, end], [0, 1], F * 0.65, colour));
    y = end;
  });

  // Loops back against the flow (feedback, recycling), below the stages.
  if (input.loops.length > 0) y += F * 1.2;
  for (const loop of input.loops) {
    const fromLane = column(loop.from);
    const toLane = column(loop.to);
    const labelSize = F * 0.9;
    const label = wrapText(loop.label, middle.width + laneWidth * 0.6 - pad * 2, labelSize, 3);
    const labelHeight = label.lines.length * labelSize * 1.3;
    items.push(text(W / 2, y, label.lines, labelSize, { anchor: 'middle', fill: INK }));
    const lineY = y + labelHeight + F * 0.5;
    const fromX = fromLane.x + fromLane.width / 2;
    const toX = toLane.x + toLane.width / 2;
    const direction = toX < fromX ? -1 : 1;
    items.push({ kind: 'line', points: [[fromX, lineY - F], [fromX, lineY], [toX - direction * F * 0.6, lineY]], stroke: INK, strokeWidth: 1.6, dash: [F * 0.45, F * 0.3] });
    items.push(arrowHead([toX, lineY], [direction, 0], F * 0.65, INK));
    y = lineY + F * 1.2;
  }
  y += F * 0.6;
  for (const owner of ['marketing', 'sales'] as const) {
    const lane = column(owner);
    laneBodies.push({ kind: 'rect', x: lane.x, y: 0, width: lane.width, height: y, fill: DEPARTMENT_COLOURS[owner].fill, stroke: DEPARTMENT_COLOURS[owner].stroke, strokeWidth: 1 });
  }
  // Lanes first (behind), headers, then the stages and arrows on top.
  return { width: W, height: Math.ceil(y + 1), items: [...laneBodies, ...headers, ...items] };
}

