import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addNodes, deleteNodes, newSticky, nodesMap, updateNodes } from '../../shared/board/doc';
import type { BoardNodeData } from '../../shared/board/nodes';
import { emptyPersona } from '../../shared/board/personaTemplate';
import {
  applyPatch,
  changedNodeIds,
  findFreeSpot,
  firstInReadingOrder,
  observeNodes,
  readAppNodes,
  readingOrder,
  readPatch,
  snap,
  toAppNode,
} from '../../renderer/src/features/board/mapping';
import type { AppNode } from '../../renderer/src/features/board/types';

const LOCAL = { kind: 'local-user' };
const REMOTE = 'remote';

const sticky = (x: number, y: number, text = '', department: 'sales' | 'marketing' | 'joint' = 'joint') =>
  newSticky({ x, y, text, department, authorId: null });

/** React Flow's node array kept the way the board keeps it: read once, then patched per transaction. */
function track(doc: Y.Doc) {
  let nodes = readAppNodes(nodesMap(doc));
  const patches: string[][] = [];
  const stop = observeNodes(nodesMap(doc), (patch) => {
    patches.push([...patch.keys()].sort());
    nodes = applyPatch(nodes, patch);
  });
  return {
    get nodes() {
      return nodes;
    },
    set nodes(next: AppNode[]) {
      nodes = next;
    },
    patches,
    stop,
  };
}

/** The comparable content of a node array: what a full rebuild from the doc would give. */
function content(nodes: readonly AppNode[]) {
  return [...nodes].map((node) => ({ id: node.id, type: node.type, position: node.position, data: node.data })).sort((a, b) => a.id.localeCompare(b.id));
}

/** Sends everything `from` has that `to` lacks, as a co-editor's provider would. */
function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
}

function docWith(nodes: { id: string; data: BoardNodeData }[]): Y.Doc {
  const doc = new Y.Doc();
  addNodes(doc, nodes, null);
  return doc;
}

describe('Y.Doc → React Flow nodes', () => {
  it('maps each node type, with zones sized, stacked under cards and notes', () => {
    const doc = docWith([
      { id: 's', data: sticky(10, 20, 'Budget is decided in Q4', 'sales') },
      { id: 'p', data: emptyPersona({ name: 'Daniel Ward', x: 0, y: 0 }) },
      { id: 'z', data: { type: 'zone', zone: 'goals', x: -10, y: -10, width: 500, height: 300 } },
    ]);
    const byId = new Map(readAppNodes(nodesMap(doc)).map((node) => [node.id, node]));
    expect(byId.get('s')).toMatchObject({ type: 'sticky', position: { x: 10, y: 20 }, data: { text: 'Budget is decided in Q4', department: 'sales', votes: 0, voters: [] } });
    expect(byId.get('p')).toMatchObject({ type: 'persona', data: { name: 'Daniel Ward' } });
    expect(byId.get('z')).toMatchObject({ type: 'zone', width: 500, height: 300 });
    expect(byId.get('z')!.zIndex).toBeLessThan(byId.get('p')!.zIndex!);
    expect(byId.get('p')!.zIndex).toBeLessThan(byId.get('s')!.zIndex!);
  });

  it('leaves out nodes of unknown types and repairs bad fields with defaults', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      const unknown = new Y.Map<unknown>();
      unknown.set('type', 'kanban-card');
      nodesMap(doc).set('u', unknown);
      const broken = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ type: 'sticky', x: Number.NaN, y: 'a', text: 42, department: 'legal', votes: -3 })) broken.set(key, value);
      nodesMap(doc).set('b', broken);
    });
    const nodes = readAppNodes(nodesMap(doc));
    expect(nodes.map((node) => node.id)).toEqual(['b']);
    expect(nodes[0]).toMatchObject({ position: { x: 0, y: 0 }, data: { text: '', department: 'joint', votes: 0 } });
  });
});

describe('changed node ids from Y events', () => {
  it('names added, edited, replaced and deleted nodes, and nothing else', () => {
    const doc = docWith([
      { id: 'a', data: sticky(0, 0) },
      { id: 'b', data: sticky(0, 0) },
      { id: 'c', data: sticky(0, 0) },
    ]);
    const seen: string[][] = [];
    nodesMap(doc).observeDeep((events) => seen.push([...changedNodeIds(events)].sort()));
    addNodes(doc, [{ id: 'd', data: sticky(1, 1) }], LOCAL);
    updateNodes(doc, [{ id: 'a', patch: { text: 'edited' } }], LOCAL);
    updateNodes(doc, [{ id: 'b', patch: { x: 5 } }, { id: 'c', patch: { y: 6 } }], LOCAL);
    deleteNodes(doc, ['a'], LOCAL);
    addNodes(doc, [{ id: 'b', data: sticky(9, 9, 'replaced') }], LOCAL);
    expect(seen).toEqual([['d'], ['a'], ['b', 'c'], ['a'], ['b']]);
  });

  it('ignores writes that change nothing', () => {
    const doc = docWith([{ id: 'a', data: sticky(3, 4, 'same') }]);
    const onPatch = vi.fn<(patch: unknown) => void>();
    observeNodes(nodesMap(doc), onPatch);
    updateNodes(doc, [{ id: 'a', patch: { x: 3, text: 'same' } }], LOCAL);
    expect(onPatch).not.toHaveBeenCalled();
  });
});

describe('incremental patching', () => {
  it('re-reads only the changed node and keeps every other node object as it was', () => {
    const doc = docWith(Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, data: sticky(i * 10, 0, `note ${i}`) })));
    const tracked = track(doc);
    const before = tracked.nodes;
    const read = vi.spyOn(nodesMap(doc), 'get');
    const scan = vi.spyOn(nodesMap(doc), 'forEach');
    updateNodes(doc, [{ id: 'n42', patch: { text: 'changed' } }], LOCAL);
    // The write looks its node up, the patch reads it back: no other node is touched, none scanned.
    expect(new Set(read.mock.calls.map(([id]) => id))).toEqual(new Set(['n42']));
    expect(scan).not.toHaveBeenCalled();
    read.mockRestore();
    scan.mockRestore();
    expect(tracked.patches).toEqual([['n42']]);
    const after = tracked.nodes;
    expect(after).not.toBe(before);
    expect(after).toHaveLength(200);
    const replaced = after.filter((node, index) => node !== before[index]).map((node) => node.id);
    expect(replaced).toEqual(['n42']);
    expect(after[42]!.data).toMatchObject({ text: 'changed' });
  });

  it('keeps the order stable: changed nodes stay in place, new ones are appended, deleted ones dropped', () => {
    const doc = docWith([
      { id: 'a', data: sticky(0, 0) },
      { id: 'b', data: sticky(0, 0) },
      { id: 'c', data: sticky(0, 0) },
    ]);
    const tracked = track(doc);
    updateNodes(doc, [{ id: 'a', patch: { x: 50 } }], LOCAL);
    addNodes(doc, [{ id: 'd', data: sticky(0, 0) }], LOCAL);
    deleteNodes(doc, ['b'], LOCAL);
    expect(tracked.nodes.map((node) => node.id)).toEqual(['a', 'c', 'd']);
  });

  it('keeps local UI state (selection, measured size) through a patch from the doc', () => {
    const doc = docWith([{ id: 'a', data: sticky(0, 0, 'x') }]);
    const tracked = track(doc);
    tracked.nodes = tracked.nodes.map((node) => ({ ...node, selected: true, measured: { width: 240, height: 190 } }));
    updateNodes(doc, [{ id: 'a', patch: { text: 'y', x: 30 } }], REMOTE);
    expect(tracked.nodes[0]).toMatchObject({ selected: true, measured: { width: 240, height: 190 }, position: { x: 30, y: 0 }, data: { text: 'y' } });
  });

  it('does not yank a node out from under the pointer while it is being dragged here', () => {
    const doc = docWith([{ id: 'a', data: sticky(0, 0, 'x') }]);
    const tracked = track(doc);
    tracked.nodes = tracked.nodes.map((node) => ({ ...node, dragging: true, position: { x: 400, y: 300 } }));
    updateNodes(doc, [{ id: 'a', patch: { x: 10, y: 10, text: 'remote edit' } }], REMOTE);
    expect(tracked.nodes[0]).toMatchObject({ position: { x: 400, y: 300 }, data: { text: 'remote edit' } });
  });

  it('returns the same array when a patch changes nothing visible', () => {
    const nodes = [toAppNode('a', sticky(0, 0, 'x'))];
    expect(applyPatch(nodes, new Map())).toBe(nodes);
    expect(applyPatch(nodes, new Map([['a', sticky(0, 0, 'x')]]))).toBe(nodes);
    expect(applyPatch(nodes, new Map([['gone', null]]))).toBe(nodes);
  });

  it('turns a node whose type changed into a fresh node of the new type', () => {
    const nodes = [toAppNode('a', sticky(0, 0, 'x'))];
    const [zone] = applyPatch(nodes, new Map<string, BoardNodeData>([['a', { type: 'zone', zone: 'goals', x: 0, y: 0, width: 100, height: 80 }]]));
    expect(zone).toMatchObject({ id: 'a', type: 'zone', width: 100, height: 80 });
  });

  it('readPatch marks missing nodes as removed', () => {
    const doc = docWith([{ id: 'a', data: sticky(0, 0) }]);
    expect(readPatch(nodesMap(doc), ['a', 'zz'])).toEqual(new Map([['a', expect.objectContaining({ type: 'sticky' })], ['zz', null]]));
  });
});

describe('concurrent updates from a second Y.Doc merged in', () => {
  function twoPeers() {
    const a = docWith([
      { id: 'n1', data: sticky(0, 0, 'one', 'sales') },
      { id: 'n2', data: sticky(300, 0, 'two', 'marketing') },
      { id: 'n3', data: sticky(600, 0, 'three') },
    ]);
    const b = new Y.Doc();
    sync(a, b);
    return { a, b };
  }

  it('applies a co-editor’s adds, edits and deletes made at the same time as local ones', () => {
    const { a, b } = twoPeers();
    const tracked = track(a);
    // Local edits on A…
    addNodes(a, [{ id: 'a-new', data: sticky(0, 400, 'from A') }], LOCAL);
    updateNodes(a, [{ id: 'n1', patch: { text: 'one (A)' } }], LOCAL);
    // …while B, offline, does its own.
    addNodes(b, [{ id: 'b-new', data: sticky(300, 400, 'from B', 'sales') }], LOCAL);
    updateNodes(b, [{ id: 'n2', patch: { text: 'two (B)', x: 320 } }], LOCAL);
    deleteNodes(b, ['n3'], LOCAL);
    tracked.patches.length = 0;
    sync(b, a);
    // One merged update → one patch naming exactly what B touched.
    expect(tracked.patches).toEqual([['b-new', 'n2', 'n3']]);
    expect(content(tracked.nodes)).toEqual(content(readAppNodes(nodesMap(a))));
    expect(tracked.nodes.map((node) => node.id).sort()).toEqual(['a-new', 'b-new', 'n1', 'n2']);
    // Both peers end up the same.
    sync(a, b);
    expect(content(readAppNodes(nodesMap(b)))).toEqual(content(tracked.nodes));
  });

  it('resolves conflicting moves of the same node the same way on both peers, never mixing x of one with y of the other', () => {
    const { a, b } = twoPeers();
    const trackedA = track(a);
    const trackedB = track(b);
    updateNodes(a, [{ id: 'n1', patch: { x: 100, y: 100 } }], LOCAL);
    updateNodes(b, [{ id: 'n1', patch: { x: 900, y: 700 } }], LOCAL);
    sync(a, b);
    sync(b, a);
    const onA = trackedA.nodes.find((node) => node.id === 'n1')!.position;
    const onB = trackedB.nodes.find((node) => node.id === 'n1')!.position;
    expect(onA).toEqual(onB);
    expect([{ x: 100, y: 100 }, { x: 900, y: 700 }]).toContainEqual(onA);
    expect(content(trackedA.nodes)).toEqual(content(trackedB.nodes));
  });

  it('an edit of a note that a co-editor deleted meanwhile leaves it deleted on both', () => {
    const { a, b } = twoPeers();
    const trackedA = track(a);
    updateNodes(a, [{ id: 'n2', patch: { text: 'edited on A' } }], LOCAL);
    deleteNodes(b, ['n2'], LOCAL);
    sync(b, a);
    sync(a, b);
    expect(trackedA.nodes.some((node) => node.id === 'n2')).toBe(false);
    expect(content(readAppNodes(nodesMap(b)))).toEqual(content(trackedA.nodes));
  });

  it('stays equal to a full rebuild through random concurrent edits on three peers', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const peers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const tracked = peers.map(track);
    let next = 0;
    for (let round = 0; round < 300; round++) {
      const doc = peers[Math.floor(random() * peers.length)]!;
      const ids = [...nodesMap(doc).keys()];
      const pick = () => ids[Math.floor(random() * ids.length)]!;
      const action = random();
      if (action < 0.3 || ids.length === 0) addNodes(doc, [{ id: `n${next++}`, data: sticky(random() * 1000, random() * 1000, `t${round}`) }], LOCAL);
      else if (action < 0.55) updateNodes(doc, [{ id: pick(), patch: { x: Math.round(random() * 1000), y: Math.round(random() * 1000) } }], LOCAL);
      else if (action < 0.75) updateNodes(doc, [{ id: pick(), patch: { text: `edit ${round}` } }], LOCAL);
      else if (action < 0.85) deleteNodes(doc, [pick()], LOCAL);
      else {
        const from = peers[Math.floor(random() * peers.length)]!;
        if (from !== doc) sync(from, doc);
      }
      peers.forEach((peer, index) => expect(content(tracked[index]!.nodes)).toEqual(content(readAppNodes(nodesMap(peer)))));
    }
    // Everyone syncs with everyone: all three converge.
    for (const from of peers) for (const to of peers) if (from !== to) sync(from, to);
    expect(content(tracked[1]!.nodes)).toEqual(content(tracked[0]!.nodes));
    expect(content(tracked[2]!.nodes)).toEqual(content(tracked[0]!.nodes));
    expect(tracked[0]!.nodes.length).toBeGreaterThan(10);
  });
});

describe('reading order (Tab)', () => {
  const at = (id: string, x: number, y: number) => ({ id, position: { x, y } });

  it('reads rows top to bottom, each row left to right', () => {
    const nodes = [at('c', 600, 0), at('e', 300, 400), at('a', 0, 0), at('d', 0, 420), at('b', 300, 30)];
    expect(readingOrder(nodes).map((node) => node.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(firstInReadingOrder(nodes)?.id).toBe('a');
  });

  it('starts a new row when a note sits clearly lower', () => {
    const nodes = [at('low-left', 0, 200), at('high-right', 500, 0)];
    expect(readingOrder(nodes).map((node) => node.id)).toEqual(['high-right', 'low-left']);
    expect(firstInReadingOrder(nodes)?.id).toBe('high-right');
  });

  it('is empty-safe', () => {
    expect(readingOrder([])).toEqual([]);
    expect(firstInReadingOrder([])).toBeNull();
  });
});

describe('placing new notes', () => {
  const size = { width: 240, height: 160 };

  it('uses the centre when it is free, then fills the row, then the next one', () => {
    const obstacles: { x: number; y: number; width: number; height: number }[] = [];
    const spots = [];
    for (let i = 0; i < 6; i++) {
      const spot = findFreeSpot({ x: 0, y: 0 }, size, obstacles);
      spots.push(spot);
      obstacles.push({ ...spot, ...size });
    }
    expect(spots[0]).toEqual({ x: -120, y: -80 });
    // No two overlap.
    for (let i = 0; i < spots.length; i++) {
      for (let j = i + 1; j < spots.length; j++) {
        const apart = Math.abs(spots[i]!.x - spots[j]!.x) >= size.width || Math.abs(spots[i]!.y - spots[j]!.y) >= size.height;
        expect(apart).toBe(true);
      }
    }
    // Six notes make two rows of three.
    expect(new Set(spots.map((spot) => spot.y)).size).toBe(2);
  });

  it('snaps to the grid', () => {
    expect(snap({ x: 13, y: -29 }, 20)).toEqual({ x: 20, y: -20 });
  });
});
