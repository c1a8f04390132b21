import * as Y from 'yjs';
import { BOARD_EDGES, BOARD_NODES } from '../records/board';
import { type BoardNodeData, readNodeData } from './nodes';

/**
 * Every board write goes through these functions, inside one `doc.transact(…, origin)` each, so one
 * user action is one undo step and remote updates (other origins) are never undone locally.
 */
export type NodeMap = Y.Map<unknown>;

export function nodesMap(doc: Y.Doc): Y.Map<NodeMap> {
  return doc.getMap<NodeMap>(BOARD_NODES);
}

export function edgesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(BOARD_EDGES);
}

export function readNode(doc: Y.Doc, id: string): BoardNodeData | null {
  const map = nodesMap(doc).get(id);
  return map ? readNodeData(map.toJSON()) : null;
}

export function readAllNodes(doc: Y.Doc): Map<string, BoardNodeData> {
  const result = new Map<string, BoardNodeData>();
  nodesMap(doc).forEach((map, id) => {
    const data = readNodeData(map.toJSON());
    if (data) result.set(id, data);
  });
  return result;
}

function fill(map: NodeMap, data: Record<string, unknown>) {
  for (const [key, value] of Object.entries(data)) {
    if (value !== undefined) map.set(key, value);
  }
}

export function addNodes(doc: Y.Doc, nodes: { id: string; data: BoardNodeData }[], origin: unknown): void {
  doc.transact(() => {
    const all = nodesMap(doc);
    for (const { id, data } of nodes) {
      const map = new Y.Map<unknown>();
      fill(map, data);
      all.set(id, map);
    }
  }, origin);
}

/** Sets some fields of some nodes; fields not named are left alone (concurrent edits merge). */
export function updateNodes(doc: Y.Doc, patches: { id: string; patch: Partial<Record<string, unknown>> }[], origin: unknown): void {
  doc.transact(() => {
    const all = nodesMap(doc);
    for (const { id, patch } of patches) {
      const map = all.get(id);
      if (!map) continue;
      for (const [key, value] of Object.entries(patch)) {
        if (key === 'type') continue;
        if (map.get(key) !== value) map.set(key, value);
      }
    }
  }, origin);
}

export function deleteNodes(doc: Y.Doc, ids: Iterable<string>, origin: unknown): void {
  const doomed = new Set(ids);
  doc.transact(() => {
    const all = nodesMap(doc);
    for (const id of doomed) all.delete(id);
    // Edges whose ends are gone go too.
    edgesMap(doc).forEach((edge, id) => {
      if (doomed.has(String(edge.get('source'))) || doomed.has(String(edge.get('target')))) edgesMap(doc).delete(id);
    });
  }, origin);
}
