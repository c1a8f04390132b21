import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNodes,
  appendToField,
  defaultPromoteField,
  nearestPersonaId,
  newSticky,
  nodesMap,
  promoteSticky,
  readAllNodes,
  readNode,
} from '../../shared/board/doc';
import { STICKY_SIZE, type BoardNodeData, type PersonaNodeData, type StickyNodeData, type ZoneNodeData } from '../../shared/board/nodes';
import { emptyPersona, personaTemplate } from '../../shared/board/personaTemplate';
import { BoardController } from '../../renderer/src/features/board/controller';
import { freshCopy, makeClipboard, placeItems } from '../../renderer/src/features/board/clipboard';

const ME = { kind: 'local-user' };

function board(persona: Partial<PersonaNodeData> = {}) {
  const doc = new Y.Doc();
  addNodes(
    doc,
    [
      { id: 'persona', data: emptyPersona(persona) },
      { id: 'n1', data: newSticky({ x: 0, y: 0, text: '  Budget is decided in Q4 ', department: 'sales', authorId: 'noah' }) },
      { id: 'n2', data: newSticky({ x: 0, y: 0, text: 'Reads trade media on the train', department: 'marketing', authorId: 'emma' }) },
    ],
    null,
  );
  return doc;
}

describe('appendToField', () => {
  it.each([
    ['', 'new', 'new'],
    ['old', 'new', 'old\nnew'],
    ['old\n', 'new', 'old\nnew'],
    ['old\n\n  ', '  new  ', 'old\nnew'],
    ['old', '   ', 'old'],
    ['一行目', '二行目', '一行目\n二行目'],
  ])('%j + %j → %j', (current, text, expected) => {
    expect(appendToField(current, text)).toBe(expected);
  });
});

describe('promote a sticky into a persona field', () => {
  it('fills an empty field with the note text and marks the note', () => {
    const doc = board();
    expect(promoteSticky(doc, { stickyId: 'n1', personaId: 'persona', field: 'challenges' }, ME)).toBe(true);
    expect((readNode(doc, 'persona') as PersonaNodeData).challenges).toBe('Budget is decided in Q4');
    expect((readNode(doc, 'n1') as StickyNodeData).promotedTo).toBe('challenges');
  });

  it('appends on a new line when the field already has text', () => {
    const doc = board({ channels: 'Trade shows' });
    promoteSticky(doc, { stickyId: 'n2', personaId: 'persona', field: 'channels' }, ME);
    expect((readNode(doc, 'persona') as PersonaNodeData).channels).toBe('Trade shows\nReads trade media on the train');
  });

  it('appends to a field kept as Y.Text too (collaborative text)', () => {
    const doc = board();
    doc.transact(() => {
      const text = new Y.Text();
      text.insert(0, 'Existing goal');
      nodesMap(doc).get('persona')!.set('goals', text);
    });
    promoteSticky(doc, { stickyId: 'n1', personaId: 'persona', field: 'goals' }, ME);
    expect(String(nodesMap(doc).get('persona')!.get('goals'))).toBe('Existing goal\nBudget is decided in Q4');
  });

  it('refuses when the note or the card is missing or of the wrong type', () => {
    const doc = board();
    expect(promoteSticky(doc, { stickyId: 'gone', personaId: 'persona', field: 'goals' }, ME)).toBe(false);
    expect(promoteSticky(doc, { stickyId: 'n1', personaId: 'n2', field: 'goals' }, ME)).toBe(false);
    expect(promoteSticky(doc, { stickyId: 'persona', personaId: 'persona', field: 'goals' }, ME)).toBe(false);
  });

  it('is one undo step: the field and the mark come back together', () => {
    const doc = board({ goals: 'Cut reporting time' });
    const controller = new BoardController(doc);
    controller.promote('n1', 'persona', 'goals');
    expect((readNode(doc, 'persona') as PersonaNodeData).goals).toBe('Cut reporting time\nBudget is decided in Q4');
    controller.undo();
    expect((readNode(doc, 'persona') as PersonaNodeData).goals).toBe('Cut reporting time');
    expect((readNode(doc, 'n1') as StickyNodeData).promotedTo).toBeNull();
    controller.redo();
    expect((readNode(doc, 'n1') as StickyNodeData).promotedTo).toBe('goals');
  });
});

describe('default field: the zone the note sits in', () => {
  const zone = (kind: ZoneNodeData['zone'], x: number, y: number, width = 500, height = 400): ZoneNodeData => ({ type: 'zone', zone: kind, x, y, width, height });

  it('is the field of the zone holding the note’s centre', () => {
    const nodes: BoardNodeData[] = [zone('goals', 0, 0), zone('objections', 600, 0)];
    expect(defaultPromoteField({ x: 100, y: 100 }, nodes)).toBe('goals');
    expect(defaultPromoteField({ x: 700, y: 50 }, nodes)).toBe('objections');
  });

  it('uses the centre, not the corner: a note hanging mostly outside is not in the zone', () => {
    const nodes = [zone('goals', 0, 0)];
    expect(defaultPromoteField({ x: 500 - STICKY_SIZE.width / 2 - 1, y: 10 }, nodes)).toBe('goals');
    expect(defaultPromoteField({ x: 500 - STICKY_SIZE.width / 2 + 1, y: 10 }, nodes)).toBeNull();
  });

  it('prefers the innermost zone when zones overlap', () => {
    const nodes = [zone('goals', 0, 0, 2000, 2000), zone('channels', 100, 100, 400, 300)];
    expect(defaultPromoteField({ x: 150, y: 150 }, nodes)).toBe('channels');
  });

  it('is null outside every zone', () => {
    expect(defaultPromoteField({ x: 5000, y: 5000 }, [zone('goals', 0, 0)])).toBeNull();
  });

  it('works with the persona template’s layout', () => {
    let n = 0;
    const template = personaTemplate(() => `t${++n}`);
    const goals = template.find((node) => node.data.type === 'zone' && node.data.zone === 'goals')!.data as ZoneNodeData;
    expect(defaultPromoteField({ x: goals.x + 20, y: goals.y + 60 }, template.map((node) => node.data))).toBe('goals');
  });

  it('finds the nearest persona card', () => {
    const doc = new Y.Doc();
    addNodes(
      doc,
      [
        { id: 'far', data: emptyPersona({ x: 5000, y: 0 }) },
        { id: 'near', data: emptyPersona({ x: 100, y: 0 }) },
      ],
      null,
    );
    expect(nearestPersonaId(readAllNodes(doc), { x: 0, y: 0 })).toBe('near');
    expect(nearestPersonaId(new Map(), { x: 0, y: 0 })).toBeNull();
  });
});

describe('clipboard', () => {
  const stickyAt = (x: number, y: number): StickyNodeData => ({
    ...newSticky({ x, y, text: 'voted', department: 'sales', authorId: 'noah' }),
    votes: 3,
    voters: ['a', 'b', 'c'],
    promotedTo: 'goals',
  });

  it('keeps the layout of the group relative to where it is pasted', () => {
    const clipboard = makeClipboard(
      [
        { position: { x: 100, y: 200 }, data: stickyAt(100, 200) },
        { position: { x: 400, y: 260 }, data: stickyAt(400, 260) },
      ],
      false,
    )!;
    let n = 0;
    const placed = placeItems(clipboard.items, { x: 0, y: 0 }, () => `p${++n}`, { keepResults: false });
    expect(placed.map((node) => [node.id, node.data.x, node.data.y])).toEqual([
      ['p1', 0, 0],
      ['p2', 300, 60],
    ]);
  });

  it('a copy starts fresh (no votes, no promotion mark); a cut note keeps its results', () => {
    const clipboard = makeClipboard([{ position: { x: 0, y: 0 }, data: stickyAt(0, 0) }], false)!;
    const [copy] = placeItems(clipboard.items, { x: 0, y: 0 }, () => 'c', { keepResults: false });
    expect(copy!.data).toMatchObject({ text: 'voted', department: 'sales', authorId: 'noah', votes: 0, voters: [], promotedTo: null });
    const [moved] = placeItems(clipboard.items, { x: 0, y: 0 }, () => 'm', { keepResults: true });
    expect(moved!.data).toMatchObject({ votes: 3, voters: ['a', 'b', 'c'], promotedTo: 'goals' });
    expect(freshCopy(emptyPersona({ name: 'Kept' }))).toMatchObject({ name: 'Kept' });
  });

  it('does not share objects with the copied nodes', () => {
    const data = stickyAt(0, 0);
    const clipboard = makeClipboard([{ position: { x: 0, y: 0 }, data }], true)!;
    data.voters.push('late');
    expect((clipboard.items[0]!.data as StickyNodeData).voters).toEqual(['a', 'b', 'c']);
    expect(makeClipboard([], false)).toBeNull();
  });
});
