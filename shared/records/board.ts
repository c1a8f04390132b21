import { z } from 'zod';
import { IsoDate } from './workspace';

export const BOARD_KINDS = ['persona', 'funnel', 'sla'] as const;
export const BoardKind = z.enum(BOARD_KINDS);
export type BoardKind = z.infer<typeof BoardKind>;

export const Agreement = z.object({
  /** Calendar date (YYYY-MM-DD) the persona was agreed. */
  date: z.iso.date(),
  /** Free text naming the meeting that agreed it (linked to a meeting record once meetings exist). */
  meeting: z.string().trim().max(200).default(''),
});
export type Agreement = z.infer<typeof Agreement>;

/** Board metadata. The board's content is a Y.Doc stored beside it (y-dexie), never in this record. */
export const Board = z.object({
  workspaceId: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
  kind: BoardKind,
  name: z.string().trim().min(1).max(200),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  /** Persona boards: the agreement (合意済み) of both departments, with its date and meeting. */
  agreement: Agreement.nullable().default(null),
});
export type Board = z.infer<typeof Board>;

/**
 * Layout of a board's Y.Doc, shared by every board kind:
 * - `nodes`: Y.Map<id, Y.Map<field, value>>; each node map has `type`, `x`, `y` and its own fields.
 * - `edges`: Y.Map<id, Y.Map<field, value>> with `source`, `target`.
 */
export const BOARD_NODES = 'nodes';
export const BOARD_EDGES = 'edges';
