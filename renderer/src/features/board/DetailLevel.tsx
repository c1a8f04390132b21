import { useStoreApi } from '@xyflow/react';
import { useLayoutEffect } from 'react';

/**
 * Below this zoom a note's text is under ~4.5 px (18 px notes; 6 px in the projector's 24 px) and
 * cannot be read: the notes are drawn in low detail.
 */
export const LOW_DETAIL_ZOOM = 0.25;

/**
 * Level of detail (issue 12): marks the canvas `data-detail="low"` while zoomed out below
 * LOW_DETAIL_ZOOM, where board.css draws each note as its department's tint and band only —
 * no text, shadow, rounded corners or band pattern, which cost most of the painting of a big board
 * and cannot be seen at that size. The text keeps its place (visibility, not display), so notes keep
 * their measured size; names for screen readers are on the node wrappers and do not change.
 * Set from React Flow's store as the zoom changes, in the same frame, without a React render.
 */
export function DetailLevel() {
  const store = useStoreApi();
  useLayoutEffect(() => {
    let low: boolean | null = null;
    const apply = () => {
      const { domNode, transform } = store.getState();
      const next = transform[2] < LOW_DETAIL_ZOOM;
      if (!domNode || next === low) return;
      low = next;
      domNode.dataset.detail = next ? 'low' : 'full';
    };
    apply();
    return store.subscribe(apply);
  }, [store]);
  return null;
}
