import * as Y from 'yjs';
import { nodesMap } from '@shared/board/doc';
import { StageNodeData } from '@shared/board/nodes';
import { RevenuePlan } from '@shared/funnel/plan';
import { Stage } from '@shared/funnel/stages';
import { historyFlags, type HistoryFlags, type HistoryResult } from '@shared/history/history';
import { YDocHistory } from '@shared/history/yHistory';

/**
 * A funnel board's Y.Doc: each stage is a node map (`type: 'stage'`, keyed by the stage id, with
 * an `order`), and the revenue plan of the reverse funnel lives in the `funnelPlan` map. Pure
 * TypeScript over a Y.Doc: every write is one transaction with the caller's origin.
 */

export const FUNNEL_PLAN = 'funnelPlan';

export function planMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(FUNNEL_PLAN);
}

/** The stages in funnel order (by `order`, then id, so every peer agrees). */
export function readStages(doc: Y.Doc): Stage[] {
  const found: { order: number; stage: Stage }[] = [];
  nodesMap(doc).forEach((map, id) => {
    const parsed = StageNodeData.safeParse(map.toJSON());
    if (!parsed.success) return;
    const { order, type: _type, x: _x, y: _y, ...fields } = parsed.data;
    const stage = Stage.safeParse({ ...fields, id });
    if (stage.success) found.push({ order, stage: stage.data });
  });
  found.sort((a, b) => a.order - b.order || (a.stage.id < b.stage.id ? -1 : a.stage.id > b.stage.id ? 1 : 0));
  return found.map((entry) => entry.stage);
}

export function readPlan(doc: Y.Doc): RevenuePlan {
  const parsed = RevenuePlan.safeParse(planMap(doc).toJSON());
  return parsed.success ? parsed.data : RevenuePlan.parse({});
}

const STAGE_FIELDS = ['key', 'kind', 'name', 'owner', 'entryDefinition', 'targetVolume', 'conversionRate', 'period'] as const;

/**
 * Makes the doc hold exactly `next`, in that order, writing only what differs (fields set one by
 * one, so a co-editor's edit of another field merges). One transaction, one undo step.
 */
export function writeStages(doc: Y.Doc, next: readonly Stage[], origin: unknown): void {
  doc.transact(() => {
    const all = nodesMap(doc);
    const keep = new Set(next.map((stage) => stage.id));
    all.forEach((map, id) => {
      if (map.get('type') === 'stage' && !keep.has(id)) all.delete(id);
    });
    next.forEach((stage, order) => {
      let map = all.get(stage.id);
      if (!map) {
        map = new Y.Map<unknown>();
        map.set('type', 'stage');
        map.set('x', 0);
        map.set('y', 0);
        all.set(stage.id, map);
      }
      if (map.get('order') !== order) map.set('order', order);
      for (const field of STAGE_FIELDS) {
        if (map.get(field) !== stage[field]) map.set(field, stage[field]);
      }
    });
  }, origin);
}

export function writePlan(doc: Y.Doc, patch: Partial<Pick<RevenuePlan, 'revenueTarget' | 'averageDealSize'>>, origin: unknown): void {
  doc.transact(() => {
    const map = planMap(doc);
    for (const [key, value] of Object.entries(patch)) {
      if (map.get(key) !== value) map.set(key, value);
    }
  }, origin);
}

export type FunnelOrigin = { readonly kind: 'local-user'; readonly session: string };

/**
 * One window's funnel edits: each is one transaction with this window's origin, and its `history`
 * (the app's one History interface) takes back one step per press and never undoes edits loaded
 * from IndexedDB, merged from elsewhere or made by a co-editor.
 */
export class FunnelController {
  readonly origin: FunnelOrigin = { kind: 'local-user', session: crypto.randomUUID() };
  readonly history: YDocHistory;

  constructor(readonly doc: Y.Doc) {
    this.history = new YDocHistory([nodesMap(doc), planMap(doc)], this.origin);
  }

  setStages(next: readonly Stage[]): void {
    writeStages(this.doc, next, this.origin);
  }

  setPlan(patch: Parameters<typeof writePlan>[1]): void {
    writePlan(this.doc, patch, this.origin);
  }

  undo(): HistoryResult {
    return this.history.undo();
  }

  redo(): HistoryResult {
    return this.history.redo();
  }

  destroy(): void {
    this.history.destroy();
  }
}

/**
 * One open funnel board's edit session for React: `start()` (from an effect) makes the controller
 * and returns its teardown; `flags` is an external store of its history (useSyncExternalStore).
 */
export class FunnelSession {
  private controller: FunnelController | null = null;
  private flags: HistoryFlags = { canUndo: false, canRedo: false };
  private readonly listeners = new Set<() => void>();

  constructor(readonly doc: Y.Doc) {}

  start(): () => void {
    const controller = new FunnelController(this.doc);
    this.controller = controller;
    const read = historyFlags(controller.history);
    const update = () => {
      const next = read();
      if (next === this.flags) return;
      this.flags = next;
      for (const listener of this.listeners) listener();
    };
    const stop = controller.history.subscribe(update);
    update();
    return () => {
      stop();
      controller.destroy();
      if (this.controller === controller) this.controller = null;
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getHistory = (): HistoryFlags => this.flags;

  setStages(next: readonly Stage[]): void {
    this.controller?.setStages(next);
  }

  setPlan(patch: Parameters<typeof writePlan>[1]): void {
    this.controller?.setPlan(patch);
  }

  /** Undo (or redo) one step. */
  undoOrRedo(which: 'undo' | 'redo'): HistoryResult {
    if (!this.controller) return 'empty';
    return which === 'undo' ? this.controller.undo() : this.controller.redo();
  }
}
