import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { readAllNodes } from '@shared/board/doc';
import type { BoardNodeData } from '@shared/board/nodes';
import type { RevenuePlan } from '@shared/funnel/plan';
import type { Stage } from '@shared/funnel/stages';
import type { Member } from '@shared/records/member';
import type { Workspace } from '@shared/records/workspace';
import { db, type BoardRow } from '../../db/db';
import { useDocVersion } from '../board/useDocVersion';
import { readPlan, readStages } from '../funnel/funnelDoc';

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
  const version = useDocVersion(doc);
  const kind = board?.kind;
  const content = useMemo(() => (doc && kind && version !== null ? readBoardContent({ kind }, doc) : null), [doc, kind, version]);
  return { records, content };
}
