import type { ReactFlowState } from '@xyflow/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAYOUT_BATCH, layOutText, LOW_DETAIL_ZOOM, opensBelow } from '../../renderer/src/features/board/DetailLevel';
import { toAppNode } from '../../renderer/src/features/board/mapping';
import type { AppNode } from '../../renderer/src/features/board/types';
import { PERSONA_BOARD_KINDS } from '../../renderer/src/features/personas/personaKind';
import { noteBoard } from '../fixtures/diagrams';

/** React Flow's state as the persona board's canvas has it before its first fit (BoardCanvas, CanvasShell). */
function canvasState(nodes: AppNode[], size = { width: 1406, height: 765 }): ReactFlowState<AppNode> {
  return { nodes, ...size, minZoom: 0.1, maxZoom: 3, fitViewOptions: { padding: 0.15, maxZoom: 1 } } as unknown as ReactFlowState<AppNode>;
}

const board = (notes: number) => noteBoard(notes, 'en').map(({ id, data }) => toAppNode(id, data));
const opens = (nodes: AppNode[], size?: { width: number; height: number }) => opensBelow(canvasState(nodes, size), PERSONA_BOARD_KINDS.size, LOW_DETAIL_ZOOM);

describe('whether a board opens in low detail (DetailLevel: decided before React Flow has measured a node)', () => {
  it('a board of 300 notes fits below 25 %: it opens in low detail', () => {
    expect(opens(board(300))).toBe(true);
  });

  it('the persona template with a few notes fits at 25 % or more: it opens in full detail', () => {
    expect(opens(board(8))).toBe(false);
  });

  it('an empty board opens in full detail (its first note is fitted at up to 100 %)', () => {
    expect(opens([])).toBe(false);
  });

  it('undecided (null) while the canvas has no size yet', () => {
    expect(opens(board(300), { width: 0, height: 0 })).toBeNull();
  });

  it('hidden nodes take no room; a zone counts with its own size, a note with its least size', () => {
    const nodes = board(300);
    const shown = nodes.filter((node) => node.type !== 'sticky');
    expect(opens([...shown, ...nodes.filter((node) => node.type === 'sticky').map((node) => ({ ...node, hidden: true }))])).toBe(false);
    // Two notes far apart, 260 × 160 each: a width of 2,800 flow px fits 1,406 px at 0.44.
    const [first, second] = nodes.filter((node) => node.type === 'sticky');
    const apart = (x: number) => ({ ...second!, position: { x, y: first!.position.y } });
    expect(opens([first!, apart(first!.position.x + 2_540)])).toBe(false);
    // 6,000 flow px wide fits at 0.20.
    expect(opens([first!, apart(first!.position.x + 5_740)])).toBe(true);
  });
});

describe('the text of a board that opened in low detail is laid out afterwards, a batch of notes at a time (layOutText)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A canvas with `count` notes (and a zone, which has no text to lay out this way). */
  function canvasWith(count: number): HTMLElement {
    const canvas = document.createElement('div');
    canvas.innerHTML = `<div class="zone"></div>${'<div class="sticky"><p class="sticky-text">text</p></div>'.repeat(count)}`;
    return canvas;
  }
  const laid = (canvas: HTMLElement) => canvas.querySelectorAll('.sticky[data-text-laid]').length;

  it('lays out LAYOUT_BATCH notes each time the page is idle, then marks the canvas', () => {
    vi.useFakeTimers();
    const count = LAYOUT_BATCH * 2 + 50;
    const canvas = canvasWith(count);
    layOutText(canvas);
    // Nothing in the task that asked: the board is drawn first.
    expect(laid(canvas)).toBe(0);
    vi.advanceTimersToNextTimer();
    expect(laid(canvas)).toBe(LAYOUT_BATCH);
    expect(canvas.dataset.textShown).toBeUndefined();
    vi.advanceTimersToNextTimer();
    expect(laid(canvas)).toBe(LAYOUT_BATCH * 2);
    vi.advanceTimersToNextTimer();
    expect(laid(canvas)).toBe(count);
    expect(canvas.dataset.textShown).toBeUndefined();
    vi.advanceTimersToNextTimer();
    expect(canvas.dataset.textShown).toBe('');
    expect(canvas.querySelector('.zone')!.hasAttribute('data-text-laid')).toBe(false);
  });

  it('a note added meanwhile is laid out too; cancelled (the board closed), it stops', () => {
    vi.useFakeTimers();
    const canvas = canvasWith(LAYOUT_BATCH);
    const cancel = layOutText(canvas);
    vi.advanceTimersToNextTimer();
    expect(laid(canvas)).toBe(LAYOUT_BATCH);
    canvas.insertAdjacentHTML('beforeend', '<div class="sticky"><p class="sticky-text">new</p></div>');
    vi.advanceTimersToNextTimer();
    expect(laid(canvas)).toBe(LAYOUT_BATCH + 1);
    expect(canvas.dataset.textShown).toBeUndefined();
    cancel();
    vi.runAllTimers();
    expect(canvas.dataset.textShown).toBeUndefined();
  });
});
