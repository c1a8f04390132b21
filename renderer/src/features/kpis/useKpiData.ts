import { liveQuery } from 'dexie';
import { useSyncExternalStore } from 'react';
import type { Language } from '@shared/settings';
import { type KpiData, loadKpiData } from './kpiRead';

/**
 * The KPI views' data (loadKpiData), live, shared (issue 12).
 *
 * One live query per workspace and language, whichever views show it: the KPI page and its
 * dashboard, panels and sections read the stored KPIs, values, SLA and lead records once, not each
 * on its own. And the reads start with the first render that asks for them, not after the first
 * paint as useLiveQuery's do (it subscribes in an effect), so they overlap the page's first layout;
 * a view mounted while its data is already read shows it in its first render, without "Loading".
 *
 * Like useLiveQuery: undefined until the first result, the other language's result while the
 * views switch language, errors thrown to the nearest error boundary, a new result
 * whenever a write touches what was read. A source no view subscribes to (a render React threw
 * away) closes after UNCLAIMED_MS; one whose last view unmounts, at the next task.
 */

type State = { data: KpiData | undefined; error: unknown };
type Source = { subscribe(listener: () => void): () => void; snapshot(): State; firstResult: Promise<void> };

const UNCLAIMED_MS = 2_000;
const sources = new Map<string, Source>();

function sourceFor(workspaceId: string, language: Language): Source {
  const key = `${workspaceId}\u0000${language}`;
  const existing = sources.get(key);
  if (existing) return existing;
  // Another language's source of the workspace still open (the views switching language): its
  // result is shown until this one's arrives, as useLiveQuery keeps its previous result.
  const sibling = [...sources.entries()].find(([other]) => other.startsWith(`${workspaceId}\u0000`))?.[1];
  let state: State = { data: sibling?.snapshot().data, error: null };
  const listeners = new Set<() => void>();
  let settleFirst: () => void = () => undefined;
  const firstResult = new Promise<void>((resolve) => {
    settleFirst = resolve;
  });
  let subscription: { unsubscribe(): void } | null = null;
  let closing: ReturnType<typeof setTimeout> | null = null;
  const set = (next: State) => {
    state = next;
    settleFirst();
    for (const listener of listeners) listener();
  };
  const close = () => {
    closing = null;
    if (listeners.size > 0) return;
    subscription?.unsubscribe();
    subscription = null;
    // A prefetch nobody took over, closed before its result: its waiters are done waiting.
    settleFirst();
    if (sources.get(key) === source) sources.delete(key);
  };
  const closeIn = (ms: number) => {
    if (closing !== null) clearTimeout(closing);
    closing = setTimeout(close, ms);
  };
  const open = () => {
    if (closing !== null) {
      clearTimeout(closing);
      closing = null;
    }
    sources.set(key, source);
    subscription ??= liveQuery(() => loadKpiData(workspaceId, undefined, { language })).subscribe({
      next: (data) => set({ data, error: null }),
      error: (error: unknown) => set({ data: state.data, error }),
    });
  };
  const source: Source = {
    subscribe(listener) {
      listeners.add(listener);
      open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) closeIn(0);
      };
    },
    snapshot: () => state,
    firstResult,
  };
  open();
  closeIn(UNCLAIMED_MS);
  return source;
}

/** The KPI data of a workspace in `language` (its default calendar), live; undefined while first read. */
export function useKpiData(workspaceId: string, language: Language): KpiData | undefined {
  const source = sourceFor(workspaceId, language);
  const state = useSyncExternalStore(source.subscribe, source.snapshot);
  if (state.error) throw state.error;
  return state.data;
}

/**
 * Starts reading the KPI data of a workspace before any view asks for it (the app's start on the
 * KPI page, main.tsx through pages.tsx): the reads then overlap loading the language and the first
 * render, and the dashboard's first render has its data (issue 12). A view that mounts within
 * UNCLAIMED_MS takes the same live query over; otherwise it closes. Resolves when the first
 * result (or error) is in, or the read closed unclaimed before it.
 */
export function prefetchKpiData(workspaceId: string, language: Language): Promise<void> {
  return sourceFor(workspaceId, language).firstResult;
}
