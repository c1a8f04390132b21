import { describe, expect, test } from 'vitest';
import { FUNNEL_LAYOUT, funnelLayout } from '../../renderer/src/features/funnel/layout';

const opts = { maxWidth: 600, minWidth: 120, height: 80, gap: 20, outcomeWidth: 200 };

describe('funnelLayout', () => {
  test('widths follow the volumes relative to the widest, centred on x = 0', () => {
    const boxes = funnelLayout(
      [
        { id: 'a', kind: 'step', volume: 1000 },
        { id: 'b', kind: 'step', volume: 500 },
        { id: 'c', kind: 'step', volume: 250 },
      ],
      opts,
    );
    expect(boxes.map((box) => box.width)).toEqual([600, 300, 150]);
    for (const box of boxes) expect(box.x + box.width / 2).toBe(0);
  });

  test('stages stack top to bottom in funnel order', () => {
    const boxes = funnelLayout(
      [
        { id: 'b', kind: 'step', volume: 10 },
        { id: 'a', kind: 'step', volume: 20 },
        { id: 'c', kind: 'step', volume: 5 },
      ],
      opts,
    );
    expect(boxes.map((box) => box.id)).toEqual(['b', 'a', 'c']);
    expect(boxes.map((box) => box.y)).toEqual([0, 100, 200]);
  });

  test('zero, missing and non-finite volumes get the minimum width; tiny ones too', () => {
    const boxes = funnelLayout(
      [
        { id: 'a', kind: 'step', volume: 10_000 },
        { id: 'zero', kind: 'step', volume: 0 },
        { id: 'missing', kind: 'step', volume: null },
        { id: 'undefined', kind: 'step', volume: undefined },
        { id: 'nan', kind: 'step', volume: Number.NaN },
        { id: 'inf', kind: 'step', volume: Number.POSITIVE_INFINITY },
        { id: 'tiny', kind: 'step', volume: 1 },
      ],
      opts,
    );
    expect(boxes.map((box) => box.width)).toEqual([600, 120, 120, 120, 120, 120, 120]);
    for (const box of boxes) {
      expect(Number.isFinite(box.x) && Number.isFinite(box.y) && Number.isFinite(box.width)).toBe(true);
    }
  });

  test('no volumes at all: every stage has the minimum width', () => {
    const boxes = funnelLayout(
      [
        { id: 'a', kind: 'step', volume: null },
        { id: 'b', kind: 'step', volume: 0 },
      ],
      opts,
    );
    expect(boxes.map((box) => box.width)).toEqual([120, 120]);
  });

  test('outcome stages go in a column to the right and do not set the scale', () => {
    const boxes = funnelLayout(
      [
        { id: 'a', kind: 'step', volume: 100 },
        { id: 'lost', kind: 'outcome', volume: 10_000 },
        { id: 'b', kind: 'step', volume: 50 },
        { id: 'recycled', kind: 'outcome', volume: null },
      ],
      opts,
    );
    const byId = Object.fromEntries(boxes.map((box) => [box.id, box]));
    expect(byId.a!.width).toBe(600);
    expect(byId.b!.width).toBe(300);
    expect(byId.b!.y).toBe(100);
    expect(byId.lost!.x).toBeGreaterThan(300);
    expect(byId.lost!.y).toBe(0);
    expect(byId.recycled!.y).toBe(100);
    expect(byId.lost!.width).toBe(200);
  });

  test('default options and an empty funnel', () => {
    expect(funnelLayout([])).toEqual([]);
    const [box] = funnelLayout([{ id: 'a', kind: 'step', volume: 5 }]);
    expect(box!.width).toBe(FUNNEL_LAYOUT.maxWidth);
  });
});
