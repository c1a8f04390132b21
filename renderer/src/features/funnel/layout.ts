/**
 * Automatic layout of a funnel board, as a pure function: main-path stages stacked top to bottom
 * in funnel order, centred on x = 0, each as wide as its volume relative to the largest volume
 * (a stage with no or zero volume gets the minimum width, so it stays visible and clickable);
 * outcome stages (Lost, Recycled) in a column to the right.
 */

export type LayoutStage = { id: string; kind: 'step' | 'outcome'; volume: number | null | undefined };
export type StageBox = { id: string; x: number; y: number; width: number; height: number };

export type FunnelLayoutOptions = { maxWidth: number; minWidth: number; height: number; gap: number; outcomeWidth: number };

export const FUNNEL_LAYOUT: FunnelLayoutOptions = { maxWidth: 720, minWidth: 200, height: 84, gap: 56, outcomeWidth: 220 };

function usable(volume: number | null | undefined): number {
  return typeof volume === 'number' && Number.isFinite(volume) && volume > 0 ? volume : 0;
}

export function funnelLayout(stages: readonly LayoutStage[], options: FunnelLayoutOptions = FUNNEL_LAYOUT): StageBox[] {
  const { maxWidth, height, gap, outcomeWidth } = options;
  const minWidth = Math.min(options.minWidth, maxWidth);
  const steps = stages.filter((stage) => stage.kind === 'step');
  const widest = Math.max(0, ...steps.map((stage) => usable(stage.volume)));
  const boxes = new Map<string, StageBox>();
  steps.forEach((stage, index) => {
    const volume = usable(stage.volume);
    const width = widest > 0 && volume > 0 ? Math.max(minWidth, Math.round((volume / widest) * maxWidth)) : minWidth;
    boxes.set(stage.id, { id: stage.id, x: -width / 2, y: index * (height + gap), width, height });
  });
  const outcomeX = maxWidth / 2 + gap * 2;
  stages
    .filter((stage) => stage.kind === 'outcome')
    .forEach((stage, index) => {
      boxes.set(stage.id, { id: stage.id, x: outcomeX, y: index * (height + gap), width: outcomeWidth, height });
    });
  // In the order given (funnel order), so callers can zip with their stages.
  return stages.map((stage) => boxes.get(stage.id)!);
}
