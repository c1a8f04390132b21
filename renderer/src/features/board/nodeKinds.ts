import type { Node, NodeProps, NodeTypes } from '@xyflow/react';
import type { ComponentType } from 'react';
import type * as Y from 'yjs';
import type { ZodType } from 'zod';
import type { LabelContext } from './labels';

/** What a node's accessible name may say besides its data. */
export type LabelState = { myDot: boolean; voting: boolean };

/** The details panel of a node kind, beside the canvas (the persona card's fields). */
export type NodePanelProps<N extends Node> = {
  node: N;
  doc: Y.Doc;
  workspaceId: string;
  /** The origin of this window's edits, so the panel's edits are undone with the board's. */
  origin: unknown;
};

/**
 * One kind of node on a board, everything about it in one place (tldraw's ShapeUtil idea): the
 * schema of its data in the doc, its view on the canvas, its accessible name, its size, and what
 * the board does with it. The board engine (this folder) knows kinds only through this object, so
 * features bring their own kinds (personas/ the persona card, funnel/ the stage) and the engine
 * imports none of them; a board is given the registry of the kinds it shows.
 */
export type NodeKind<N extends Node> = {
  /** The schema of the node's data in the Y.Doc (shared/board/nodes). */
  schema: ZodType;
  /** React Flow's component for it. */
  view: ComponentType<NodeProps<N>>;
  /** What a screen reader says when Tab lands on it. */
  label(node: N, context: LabelContext, state: LabelState): string;
  /** Its size before React Flow has measured it (flow px). */
  size(node: N): { width: number; height: number };
  /** Whether a new note is placed clear of it (a zone is a background area, not an obstacle). */
  obstacle: boolean;
  /** Enter or a double click on it: edit its text, open its details panel, or nothing. */
  activate: 'edit' | 'panel' | null;
  /** Its details panel (with activate 'panel'). */
  panel?: ComponentType<NodePanelProps<N>>;
  /** Its class in the minimap. */
  miniMapClass(node: N): string;
};

type TypeOf<N extends Node> = NonNullable<N['type']>;
type KindsOf<N extends Node> = { [T in TypeOf<N>]: NodeKind<Extract<N, { type?: T }>> };

/** The kinds of one board, keyed by node type, with React Flow's `nodeTypes` made once from them. */
export type NodeKinds<N extends Node> = {
  readonly kinds: KindsOf<N>;
  /** Declared once per registry, at module level: React Flow remounts every node if this object changes. */
  readonly nodeTypes: NodeTypes;
  of(node: N): NodeKind<N>;
  label(node: N, context: LabelContext, state: LabelState): string;
  size(node: N): { width: number; height: number };
};

export function nodeKinds<N extends Node>(kinds: KindsOf<N>): NodeKinds<N> {
  const byType = kinds as unknown as Record<string, NodeKind<N>>;
  const of = (node: N): NodeKind<N> => {
    const kind = byType[node.type ?? ''];
    if (!kind) throw new Error(`no node kind "${node.type}" on this board`);
    return kind;
  };
  return {
    kinds,
    nodeTypes: Object.fromEntries(Object.entries(byType).map(([type, kind]) => [type, kind.view])) as NodeTypes,
    of,
    label: (node, context, state) => of(node).label(node, context, state),
    size: (node) => of(node).size(node),
  };
}
