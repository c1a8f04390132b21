import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { nodesMap, readAllNodes } from '@shared/board/doc';
import type { BoardNodeData, PersonaNodeData } from '@shared/board/nodes';

export type BoardSnapshot = {
  loaded: boolean;
  nodes: Map<string, BoardNodeData>;
  persona: { id: string; data: PersonaNodeData } | null;
};

const EMPTY: BoardSnapshot = { loaded: false, nodes: new Map(), persona: null };

function snapshot(doc: Y.Doc): BoardSnapshot {
  const nodes = readAllNodes(doc);
  let persona: BoardSnapshot['persona'] = null;
  for (const [id, data] of nodes) {
    if (data.type === 'persona') {
      persona = { id, data };
      break;
    }
  }
  return { loaded: true, nodes, persona };
}

/**
 * Read-only view of a board document for lists, panels and print views: loads the Y.Doc from
 * IndexedDB (one load per mounted doc, released on unmount; dexie-react-hooks' useDocument
 * releases too early in 4.4.0) and re-reads it when it changes, locally or merged from elsewhere.
 */
export function useBoardNodes(doc: Y.Doc | null | undefined): BoardSnapshot {
  const [loadedDoc, setLoadedDoc] = useState<Y.Doc | null>(null);
  const cache = useRef<{ doc: Y.Doc | null; value: BoardSnapshot }>({ doc: null, value: EMPTY });

  useEffect(() => {
    if (!doc) return;
    let live = true;
    const provider = DexieYProvider.load(doc, { gracePeriod: 2_000 });
    provider.whenLoaded.then(
      () => live && setLoadedDoc(doc),
      (error: unknown) => console.error('board document failed to load', error),
    );
    return () => {
      live = false;
      DexieYProvider.release(doc);
    };
  }, [doc]);

  const ready = doc && loadedDoc === doc ? doc : null;
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!ready) return () => {};
      const refresh = () => {
        cache.current = { doc: ready, value: snapshot(ready) };
        notify();
      };
      refresh();
      const map = nodesMap(ready);
      map.observeDeep(refresh);
      return () => map.unobserveDeep(refresh);
    },
    [ready],
  );

  return useSyncExternalStore(subscribe, () => (ready && cache.current.doc === ready ? cache.current.value : EMPTY));
}
