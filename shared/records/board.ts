import { z } from 'zod';
import { IsoDate } from './workspace';

export const BOARD_KINDS = ['persona', 'funnel', 'sla'] as const;
export const BoardKind = z.enum(BOARD_KINDS);
export type BoardKind = z.infer<typeof BoardKind>;

/** Board metadata. The board's content is a Y.Doc stored beside it (y-dexie), never in this record. */
export const Board = z.object({
  workspaceId: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
  kind: BoardKind,
  name: z.string().trim().min(1).max(200),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Board = z.infer<typeof Board>;

/**
 * Layout of a board's Y.Doc, shared by every board kind:
 * - `nodes`: Y.Map<id, Y.Map<field, value>>; each node map has `type`, `x`, `y` and its own fields.
 * - `edges`: Y.Map<id, Y.Map<field, value>> with `source`, `target`.
 */
export const BOARD_NODES = 'nodes';
export const BOARD_EDGES = 'edges';
