import { getViewportForBounds, useStoreApi, type Node, type ReactFlowState } from '@xyflow/react';
import { useLayoutEffect } from 'react';

/**
 * Below this zoom a note's text is under ~4.5 px (18 px notes; 6 px in the projector's 24 px) and
 * cannot be read: the notes are drawn in low detail.
 */
export const LOW_DETAIL_ZOOM = 0.25;

/**
 * Level of detail (issue 12): marks the canvas `data-detail="low"` while zoomed out below
 * LOW_DETAIL_ZOOM, where board.css draws each note as its department's tint and band only —
 * no text, shadow, rounded corners or band pattern, which cost most of the drawing of a big board
 * and cannot be seen at that size. Names for screen readers are on the node wrappers and do not
 * change.
 *
 * A board that will open below that zoom is in low detail from its first frame, with its notes'
 * text not laid out at all (board.css, until `data-text-shown`): React Flow fits the view only
 * once the nodes are measured, so until then the zoom says nothing, and measuring every note's
 * text in full detail first was most of the time a big board took to open. The zoom of that fit
 * is known beforehand from the nodes' positions and least sizes (`sizeOf`), which is what each
 * note measures without its text: the fit is then the same one. Once that board is drawn, its
 * notes' text is laid out (still hidden) a few hundred notes at a time whenever the page is idle
 * (layOutText), so each note takes its real size (what a new note's place, the zones' contents
 * and the fit count on) and the first zoom past 25 % only paints. From then on, as on a board
 * that opened in full detail, low detail keeps the text's place, so notes keep their size as the
 * zoom changes.
 *
 * Set from React Flow's store as the zoom changes, in the same frame, without a React render.
 */
export function DetailLevel<N extends Node>(props: { sizeOf(node: N): { width: number; height: number } }) {
  const store = useStoreApi<N>();
  const { sizeOf } = props;
  useLayoutEffect(() => {
    let low: boolean | null = null;
    // Until the view is first fitted or moved: React Flow queues that fit once it has the canvas's
    // props, and does it once the nodes are measured (a later fit, F, is the zoom's business alone).
    let fitQueued = false;
    let opening = true;
    let cancelLayout: (() => void) | null = null;
    const apply = () => {
      const state = store.getState();
      const { domNode, transform } = state;
      if (state.fitViewQueued) fitQueued = true;
      else if (fitQueued) opening = false;
      if (transform[0] !== 0 || transform[1] !== 0 || transform[2] !== 1) opening = false;
      // Opened in low detail and drawn: the text's layout, the work left out of the open, next.
      if (!opening && low && !cancelLayout && domNode && domNode.dataset.textShown === undefined) cancelLayout = layOutText(domNode);
      const next = opening ? opensBelow(state, sizeOf, LOW_DETAIL_ZOOM) : transform[2] < LOW_DETAIL_ZOOM;
      if (!domNode || next === null || next === low) return;
      low = next;
      domNode.dataset.detail = next ? 'low' : 'full';
      // From the first full detail on, low detail keeps the text's place (board.css).
      if (!next) domNode.dataset.textShown = '';
    };
    apply();
    const unsubscribe = store.subscribe(apply);
    return () => {
      unsubscribe();
      cancelLayout?.();
    };
  }, [store, sizeOf]);
  return null;
}

/** Notes whose text is laid out in one idle moment (board.css: data-text-laid): 70–100 ms on this machine. */
export const LAYOUT_BATCH = 200;

/**
 * Lays out the text of the notes on `canvas` (still hidden in low detail), LAYOUT_BATCH notes
 * each time the page is idle, so no one task holds the page for long (2,000 notes at once held it
 * for 600 ms); then marks the canvas `data-text-shown`. Returns its cancel.
 */
export function layOutText(canvas: HTMLElement): () => void {
  let cancel: () => void;
  const step = () => {
    const notes = canvas.querySelectorAll<HTMLElement>('.sticky:not([data-text-laid])');
    if (notes.length === 0) {
      canvas.dataset.textShown = '';
      return;
    }
    for (let index = 0; index < Math.min(notes.length, LAYOUT_BATCH); index++) notes[index]!.dataset.textLaid = '';
    cancel = whenIdle(step);
  };
  cancel = whenIdle(step);
  return () => cancel();
}

/**
 * Runs `task` when the page is next idle (at the latest after a second); returns its cancel. Where
 * there is no requestIdleCallback (jsdom), after the current task.
 */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 0);
  return () => clearTimeout(handle);
}

/**
 * Whether the view React Flow is about to fit (`fitView`, with its options) will be zoomed below
 * `zoom`, from the nodes' positions and least sizes; null while the canvas has no size yet.
 */
export function opensBelow<N extends Node>(state: ReactFlowState<N>, sizeOf: (node: N) => { width: number; height: number }, zoom: number): boolean | null {
  const { nodes, width, height, minZoom, maxZoom, fitViewOptions } = state;
  if (width <= 0 || height <= 0) return null;
  if (nodes.length === 0) return false;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    if (node.hidden) continue;
    const size = sizeOf(node);
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + size.width);
    bottom = Math.max(bottom, node.position.y + size.height);
  }
  if (!Number.isFinite(left)) return false;
  const fitted = getViewportForBounds(
    { x: left, y: top, width: right - left, height: bottom - top },
    width,
    height,
    fitViewOptions?.minZoom ?? minZoom,
    fitViewOptions?.maxZoom ?? maxZoom,
    fitViewOptions?.padding ?? 0.1,
  );
  return fitted.zoom < zoom;
}
