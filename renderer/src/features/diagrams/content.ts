import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { nodesMap, readAllNodes } from '@shared/board/doc';
import type { BoardNodeData } from '@shared/board/nodes';
import type { RevenuePlan } from '@shared/funnel/plan';
import type { Stage } from '@shared/funnel/stages';
import type { Member } from '@shared/records/member';
import type { Workspace } from '@shared/records/workspace';
import { db, type BoardRow } from '../../db/db';
import { planMap, readPlan, readStages } from '../funnel/funnelDoc';

/**
 * What a whole-board export draws, read from a board's Y.Doc: a persona board's nodes, or a funnel
 * board's stages and revenue plan.
 */
export type BoardContent = { kind: 'persona'; nodes: Map<string, BoardNodeData> } | { kind: 'funnel'; stages: Stage[]; plan: RevenuePlan };

export function readBoardContent(board: Pick<BoardRow, 'kind'>, doc: Y.Doc): BoardContent {
  return board.kind === 'funnel' ? { kind: 'funnel', stages: readStages(doc), plan: readPlan(doc) } : { kind: 'persona', nodes: readAllNodes(doc) };
}

export type LoadedBoard = { workspace: Workspace; board: BoardRow; members: Member[]; content: BoardContent };

/** Loads a board and its document once (for an export started outside the board page). Null when it is gone. */
export async function loadBoard(workspaceId: string, boardId: string): Promise<LoadedBoard | null> {
  const [workspace, board, members] = await Promise.all([
    db.workspaces.get(workspaceId),
    db.boards.get([workspaceId, boardId]),
    db.members.where('workspaceId').equals(workspaceId).toArray(),
  ]);
  if (!workspace || workspace.deletedAt || !board) return null;
  const provider = DexieYProvider.load(board.doc);
  try {
    await provider.whenLoaded;
    return { workspace, board, members, content: readBoardContent(board, board.doc) };
  } finally {
    DexieYProvider.release(board.doc);
  }
}

/**
 * A print route's live view of a board: the records (null when missing) and the content of its
 * Y.Doc once loaded from IndexedDB, re-read when the document changes.
 */
export function useBoardContent(workspaceId: string, boardId: string): { records: { workspace: Workspace | null; board: BoardRow | null; members: Member[] } | undefined; content: BoardContent | null } {
  const records = useLiveQuery(async () => {
    const [workspace, board, members] = await Promise.all([
      db.workspaces.get(workspaceId),
      db.boards.get([workspaceId, boardId]),
      db.members.where('workspaceId').equals(workspaceId).toArray(),
    ]);
    return { workspace: workspace && !workspace.deletedAt ? workspace : null, board: board ?? null, members };
  }, [workspaceId, boardId]);
  const board = records?.board ?? null;
  const doc = board?.doc ?? null;
  const [version, setVersion] = useState<{ doc: Y.Doc; n: number } | null>(null);
  useEffect(() => {
    if (!doc) return;
    let live = true;
    const bump = () => live && setVersion((previous) => ({ doc, n: (previous?.doc === doc ? previous.n : 0) + 1 }));
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
    return () => {
      live = false;
      nodes.unobserveDeep(bump);
      plan.unobserveDeep(bump);
      DexieYProvider.release(doc);
    };
  }, [doc]);
  const kind = board?.kind;
  const content = useMemo(() => (doc && kind && version?.doc === doc ? readBoardContent({ kind }, doc) : null), [doc, kind, version]);
  return { records, content };
}
