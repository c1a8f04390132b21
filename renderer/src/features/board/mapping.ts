import type * as Y from 'yjs';
import type { NodeMap } from '@shared/board/doc';
import { type BoardNodeData, readNodeData } from '@shared/board/nodes';
import type { AppNode } from './types';

/**
 * Y.Doc ⇄ React Flow, as pure functions (no React, no DOM), so they are unit-tested in Node.
 *
 * The board's Y.Doc is the source of truth. React Flow's node array is derived from it once, when
 * the board opens (`readAppNodes`), and from then on only patched: each Y transaction on the nodes
 * map yields the ids it touched (`changedNodeIds`), only those node maps are re-read
 * (`readPatch`), and `applyPatch` swaps in the new objects while every untouched node keeps its
 * identity, so React Flow re-renders just what changed. Local UI state on a node (selection,
 * measured size, a drag in progress) survives patches.
 */

/** Stacking: zones lie under the persona card, notes on top. */
const Z_INDEX: Record<BoardNodeData['type'], number> = { zone: 0, persona: 1, sticky: 2 };
const ZONE_STYLE = { pointerEvents: 'none' } as const;

export function toAppNode(id: string, data: BoardNodeData): AppNode {
  const position = { x: data.x, y: data.y };
  switch (data.type) {
    case 'sticky':
      return { id, type: 'sticky', position, data, zIndex: Z_INDEX.sticky };
    case 'persona':
      return { id, type: 'persona', position, data, zIndex: Z_INDEX.persona };
    case 'zone':
      // A zone is grabbed by its title only; its body lets clicks through to the canvas, so a
      // drag inside a zone draws a selection box around notes instead of moving the zone.
      return {
        id,
        type: 'zone',
        position,
        data,
        zIndex: Z_INDEX.zone,
        width: data.width,
        height: data.height,
        dragHandle: '.zone-title',
        style: ZONE_STYLE,
      };
  }
}

/** Every node of the doc, for the first render of a board. */
export function readAppNodes(nodes: Y.Map<NodeMap>): AppNode[] {
  const result: AppNode[] = [];
  nodes.forEach((map, id) => {
    const data = readNodeData(map.toJSON());
    if (data) result.push(toAppNode(id, data));
  });
  return result;
}

/**
 * Ids of the nodes touched by the events of one `observeDeep` call on the nodes map: keys added,
 * replaced or deleted on the map itself, and the node whose own map (or anything inside it) changed.
 */
export function changedNodeIds(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    const [first] = event.path;
    if (first === undefined) {
      // An event on the nodes map itself: its changed keys are node ids.
      for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(String(key));
    } else {
      ids.add(String(first));
    }
  }
  return ids;
}

/** New data for some nodes; `null` means the node is gone (or no longer a node we can show). */
export type NodePatch = Map<string, BoardNodeData | null>;

/** Reads just the given nodes. */
export function readPatch(nodes: Y.Map<NodeMap>, ids: Iterable<string>): NodePatch {
  const patch: NodePatch = new Map();
  for (const id of ids) {
    const map = nodes.get(id);
    patch.set(id, map ? readNodeData(map.toJSON()) : null);
  }
  return patch;
}

/**
 * Calls `onPatch` after every transaction that touched the nodes map, with only the touched nodes
 * re-read. Returns the unsubscribe function. (The board's React state and the tests both use this.)
 */
export function observeNodes(nodes: Y.Map<NodeMap>, onPatch: (patch: NodePatch, transaction: Y.Transaction) => void): () => void {
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const patch = readPatch(nodes, changedNodeIds(events));
    if (patch.size > 0) onPatch(patch, transaction);
  };
  nodes.observeDeep(observer);
  return () => nodes.unobserveDeep(observer);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return false;
}

export function sameData(a: BoardNodeData, b: BoardNodeData): boolean {
  if (a.type !== b.type) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => sameValue(left[key], right[key]));
}

/** The node with new data from the doc, keeping its local UI state; the same object if nothing changed. */
export function updateAppNode(node: AppNode, data: BoardNodeData): AppNode {
  if (node.type !== data.type) return toAppNode(node.id, data);
  // A node being dragged here keeps the position under the pointer; the drop writes it back.
  const position = node.dragging ? node.position : { x: data.x, y: data.y };
  const moved = position.x !== node.position.x || position.y !== node.position.y;
  if (!moved && sameData(node.data, data)) return node;
  const next = { ...node, data, position: moved ? position : node.position } as AppNode;
  if (data.type === 'zone') {
    next.width = data.width;
    next.height = data.height;
  }
  return next;
}

/**
 * The node array with a patch applied: removed nodes dropped, changed ones replaced in place (so
 * the order, and with it the DOM order, is stable), new ones appended. Returns `nodes` itself
 * when nothing changed.
 */
export function applyPatch(nodes: readonly AppNode[], patch: NodePatch): AppNode[] {
  if (patch.size === 0) return nodes as AppNode[];
  let changed = false;
  const seen = new Set<string>();
  const result: AppNode[] = [];
  for (const node of nodes) {
    if (!patch.has(node.id)) {
      result.push(node);
      continue;
    }
    seen.add(node.id);
    const data = patch.get(node.id);
    if (!data) {
      changed = true;
      continue;
    }
    const next = updateAppNode(node, data);
    if (next !== node) changed = true;
    result.push(next);
  }
  for (const [id, data] of patch) {
    if (seen.has(id) || !data) continue;
    changed = true;
    result.push(toAppNode(id, data));
  }
  return changed ? result : (nodes as AppNode[]);
}

// ---------------------------------------------------------------------------------------------
// Geometry on the derived nodes
// ---------------------------------------------------------------------------------------------

export type Rect = { x: number; y: number; width: number; height: number };

/** The node's rectangle in flow coordinates: its measured size when known, else `size` (its kind's). */
export function nodeRect(node: AppNode, size: { width: number; height: number }): Rect {
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? node.width ?? size.width,
    height: node.measured?.height ?? node.height ?? size.height,
  };
}

/** Nodes whose tops are this close (flow px) read as one row. */
export const ROW_TOLERANCE = 60;

/**
 * Visual reading order, for Tab: rows top to bottom, each row left to right. A row starts at the
 * highest remaining node and takes every node whose top is within ROW_TOLERANCE of it, so notes
 * placed by hand slightly out of line still read as one row.
 */
export function readingOrder<T extends { id: string; position: { x: number; y: number } }>(nodes: readonly T[]): T[] {
  const byTop = [...nodes].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x || a.id.localeCompare(b.id));
  const result: T[] = [];
  let row: T[] = [];
  let rowTop = Number.NEGATIVE_INFINITY;
  const flush = () => {
    row.sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y || a.id.localeCompare(b.id));
    result.push(...row);
    row = [];
  };
  for (const node of byTop) {
    if (node.position.y > rowTop + ROW_TOLERANCE) {
      flush();
      rowTop = node.position.y;
    }
    row.push(node);
  }
  flush();
  return result;
}

/** The first node in reading order, in one pass (used for the canvas's single tab stop). */
export function firstInReadingOrder<T extends { id: string; position: { x: number; y: number } }>(nodes: readonly T[]): T | null {
  let top = Number.POSITIVE_INFINITY;
  for (const node of nodes) top = Math.min(top, node.position.y);
  let best: T | null = null;
  for (const node of nodes) {
    if (node.position.y > top + ROW_TOLERANCE) continue;
    if (!best || node.position.x < best.position.x || (node.position.x === best.position.x && node.position.y < best.position.y)) best = node;
  }
  return best;
}

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/**
 * Where a new note of `size` goes near `center`: the centre itself when free, otherwise the
 * nearest free cell of a grid around it (rings outwards), so notes made one after another with the
 * keyboard line up instead of piling on each other. Only notes and cards block; zones do not.
 */
export function findFreeSpot(center: { x: number; y: number }, size: { width: number; height: number }, obstacles: readonly Rect[], gap = 16): { x: number; y: number } {
  const origin = { x: center.x - size.width / 2, y: center.y - size.height / 2 };
  const stepX = size.width + gap;
  const stepY = size.height + gap;
  for (let ring = 0; ring <= 12; ring++) {
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let row = -ring; row <= ring; row++) {
      for (let col = -ring; col <= ring; col++) {
        if (Math.max(Math.abs(row), Math.abs(col)) !== ring) continue;
        // Reading order within a ring: prefer right, then below, so a series fills a row first.
        candidates.push({ x: origin.x + col * stepX, y: origin.y + row * stepY, d: Math.abs(row) * 10 + Math.abs(col) + (col < 0 ? 0.5 : 0) + (row < 0 ? 5 : 0) });
      }
    }
    candidates.sort((a, b) => a.d - b.d);
    for (const candidate of candidates) {
      const rect = { x: candidate.x, y: candidate.y, ...size };
      if (!obstacles.some((obstacle) => overlaps(rect, obstacle, gap / 2))) return { x: candidate.x, y: candidate.y };
    }
  }
  return origin;
}

/** Rounds a position to the grid (when snapping is on). */
export function snap(position: { x: number; y: number }, grid: number): { x: number; y: number } {
  return { x: Math.round(position.x / grid) * grid, y: Math.round(position.y / grid) * grid };
}
