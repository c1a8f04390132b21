import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bytesToBase64 } from '../../shared/base64';
import {
  BOARD_DOC_STEPS,
  BOARD_DOC_VERSION,
  BOARD_META,
  type BoardDocStep,
  boardDocVersion,
  MIGRATION_ORIGIN,
  migrateBoardDoc,
  SCHEMA_VERSION,
  stampBoardDoc,
} from '../../shared/board/docVersion';
import { BOARD_NODES } from '../../shared/records/board';
import { parseWorkspaceFile } from '../../shared/workspaceFile';

const dir = fileURLToPath(new URL('../fixtures/migrations/', import.meta.url));
const fixturePath = (version: number) => `${dir}board-v${version}.json`;
type BoardFixture = { version: number; nodes: Record<string, unknown>; update: string };
const readFixture = (version: number): BoardFixture => JSON.parse(readFileSync(fixturePath(version), 'utf8'));

function docOf(fixture: BoardFixture): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(fixture.update, 'base64'));
  return doc;
}

function docWithVersion(version: unknown): Y.Doc {
  const doc = docOf(readFixture(1));
  doc.getMap(BOARD_META).set(SCHEMA_VERSION, version);
  return doc;
}

describe('the chain of board document steps (shared/board/docVersion.ts)', () => {
  it('has one named step from every older version, in order, each with a frozen document of that version', () => {
    expect(BOARD_DOC_STEPS.map((step) => step.from)).toEqual(Array.from({ length: BOARD_DOC_VERSION - 1 }, (_, i) => i + 1));
    expect(new Set(BOARD_DOC_STEPS.map((step) => step.name)).size).toBe(BOARD_DOC_STEPS.length);
    expect(BOARD_DOC_STEPS.filter((step) => !existsSync(fixturePath(step.from))).map((step) => step.name)).toEqual([]);
  });

  it.each(Array.from({ length: BOARD_DOC_VERSION }, (_, i) => i + 1))('brings the frozen document of version %i to the current version', (version) => {
    const fixture = readFixture(version);
    const doc = docOf(fixture);
    expect(boardDocVersion(doc)).toEqual({ ok: true, version });
    expect(migrateBoardDoc(doc)).toEqual({ ok: true, applied: BOARD_DOC_STEPS.filter((step) => step.from >= version).map((step) => step.name) });
    expect(boardDocVersion(doc)).toEqual({ ok: true, version: BOARD_DOC_VERSION });
  });
});

describe('board document versions', () => {
  it('reads a document with no version as version 1, and leaves it unchanged', () => {
    const fixture = readFixture(1);
    const doc = docOf(fixture);
    expect(doc.getMap(BOARD_NODES).toJSON()).toEqual(fixture.nodes);
    const before = Y.encodeStateAsUpdate(doc);
    expect(boardDocVersion(doc)).toEqual({ ok: true, version: 1 });
    expect(migrateBoardDoc(doc, 1, [])).toEqual({ ok: true, applied: [] });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('stamps a new document with the current version', () => {
    const doc = new Y.Doc();
    stampBoardDoc(doc);
    expect(doc.getMap(BOARD_META).get(SCHEMA_VERSION)).toBe(BOARD_DOC_VERSION);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(boardDocVersion(copy)).toEqual({ ok: true, version: BOARD_DOC_VERSION });
  });

  it('refuses a document from a newer version and leaves it exactly as it was', () => {
    const doc = docWithVersion(BOARD_DOC_VERSION + 1);
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrateBoardDoc(doc)).toEqual({ ok: false, problem: { kind: 'newer-board-version', version: BOARD_DOC_VERSION + 1 } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it.each([0, 1.5, -2, '2', null])('names a version that is not a whole number ≥ 1: %j', (version) => {
    expect(migrateBoardDoc(docWithVersion(version))).toEqual({ ok: false, problem: { kind: 'bad-board-version', version } });
  });

  it('runs made-up steps in order in one transaction that is not a user’s undo step', () => {
    const steps: BoardDocStep[] = [
      {
        name: 'notes: text becomes body',
        from: 1,
        migrate: (doc) => {
          for (const node of doc.getMap<Y.Map<unknown>>(BOARD_NODES).values()) {
            node.set('body', node.get('text'));
            node.delete('text');
          }
        },
      },
      { name: 'notes: a colour', from: 2, migrate: (doc) => doc.getMap<Y.Map<unknown>>(BOARD_NODES).forEach((node) => node.set('colour', node.has('body') ? 'yellow' : 'none')) },
    ];
    const doc = docOf(readFixture(1));
    const undo = new Y.UndoManager(doc.getMap(BOARD_NODES), { trackedOrigins: new Set([null, 'user']) });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    expect(migrateBoardDoc(doc, 3, steps)).toEqual({ ok: true, applied: ['notes: text becomes body', 'notes: a colour'] });
    expect(origins).toEqual([MIGRATION_ORIGIN]);
    expect(doc.getMap(BOARD_NODES).toJSON()).toEqual({ n1: { type: 'sticky', x: 10, y: 20, body: '予算は第4四半期に決まる', colour: 'yellow' } });
    expect(boardDocVersion(doc)).toEqual({ ok: true, version: 3 });
    expect(undo.canUndo()).toBe(false);
    // From version 2 only the second step runs.
    const two = docWithVersion(2);
    expect(migrateBoardDoc(two, 3, steps)).toEqual({ ok: true, applied: ['notes: a colour'] });
    expect(() => migrateBoardDoc(docOf(readFixture(1)), 3, [steps[1]!])).toThrow('no migration step from board document version 1');
  });
});

describe('board versions in a workspace file', () => {
  const file = (doc: Y.Doc) => {
    const raw = JSON.parse(readFileSync(`${dir}file-v1.alignboard`, 'utf8'));
    raw.boards[0].doc = bytesToBase64(Y.encodeStateAsUpdate(doc));
    return JSON.stringify(raw);
  };

  it('refuses a file holding a board from a newer version, naming the board and its version', () => {
    expect(parseWorkspaceFile(file(docWithVersion(BOARD_DOC_VERSION + 1)))).toEqual({
      ok: false,
      problem: { kind: 'newer-board', boardName: 'ペルソナ', version: BOARD_DOC_VERSION + 1 },
    });
  });

  it('names a board whose version is not a number', () => {
    expect(parseWorkspaceFile(file(docWithVersion('two')))).toMatchObject({ ok: false, problem: { kind: 'bad-board', boardName: 'ペルソナ', detail: expect.stringContaining('"two"') } });
  });

  it('reads boards of the current version, stamped or not', () => {
    const stamped = docOf(readFixture(1));
    stampBoardDoc(stamped);
    for (const doc of [docOf(readFixture(1)), stamped]) expect(parseWorkspaceFile(file(doc)).ok).toBe(true);
  });
});
