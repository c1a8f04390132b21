import { useEffect, useState } from 'react';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { nodesMap } from '@shared/board/doc';
import { planMap } from '../funnel/funnelDoc';

/**
 * A read-only view's hold on a board's document (the projector, the print routes): loads it from
 * IndexedDB and returns a version number that changes on every change of it (null until loaded).
 * `onDestroyed`: y-dexie destroyed the doc (another holder over-released it); the caller fetches a
 * fresh one, as the board page does (useOpenBoard).
 */
export function useDocVersion(doc: Y.Doc | null, onDestroyed?: () => void): number | null {
  // Counted per doc: a fresh doc (after a destroy) is not shown until it has loaded.
  const [version, setVersion] = useState<{ doc: Y.Doc; n: number } | null>(null);
  useEffect(() => {
    if (!doc) return;
    let live = true;
    const bump = () => {
      if (!live) return;
      setVersion((previous) => ({ doc, n: (previous?.doc === doc ? previous.n : 0) + 1 }));
    };
    // The laptop writes the board; y-dexie's live query on its updates brings each write here.
    const provider = DexieYProvider.load(doc, { gracePeriod: 2_000 });
    const nodes = nodesMap(doc);
    const plan = planMap(doc);
    provider.whenLoaded.then(
      () => {
        bump();
        nodes.observeDeep(bump);
        plan.observeDeep(bump);
      },
      (error: unknown) => console.error('board document failed to load', error),
    );
    const destroyed = () => live && onDestroyed?.();
    doc.on('destroy', destroyed);
    return () => {
      live = false;
      doc.off('destroy', destroyed);
      nodes.unobserveDeep(bump);
      plan.unobserveDeep(bump);
      DexieYProvider.release(doc);
    };
  }, [doc, onDestroyed]);
  return doc && version?.doc === doc ? version.n : null;
}
