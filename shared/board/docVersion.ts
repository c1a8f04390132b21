import * as Y from 'yjs';

/**
 * The schema version of a board's Y.Doc, kept inside the document (`meta.schemaVersion`) so that it
 * travels with it wherever the document goes: a workspace file, a backup, a room.
 *
 * A document with no version is version 1 (every board made before the version existed). Changing
 * the document's layout means: bump BOARD_DOC_VERSION, add one named step here from the version
 * before, and freeze a document of the old version as test/fixtures/migrations/board-v<from>.json;
 * test/unit/boardDocVersion.test.ts fails for a version without a step or a step without its fixture.
 */
export const BOARD_META = 'meta';
export const SCHEMA_VERSION = 'schemaVersion';
export const BOARD_DOC_VERSION = 1;

export type BoardDocStep = {
  readonly name: string;
  /** The version the step reads; it leaves the document at `from + 1`. */
  readonly from: number;
  /** Changes the document in place, inside the migration's transaction. */
  migrate(doc: Y.Doc): void;
};

/** Version 1 is the first layout: there is nothing to migrate from yet. */
export const BOARD_DOC_STEPS: readonly BoardDocStep[] = [];

/** The origin of a migration's transaction: not a user edit, so never an undo step. */
export const MIGRATION_ORIGIN = Symbol('board-doc-migration');

export type BoardDocProblem = { kind: 'newer-board-version'; version: number } | { kind: 'bad-board-version'; version: unknown };

/** The document's schema version, or the problem with the value stored there. */
export function boardDocVersion(doc: Y.Doc): { ok: true; version: number } | { ok: false; problem: BoardDocProblem } {
  // A root map that was never written adds nothing to the document's updates.
  const version = doc.getMap(BOARD_META).get(SCHEMA_VERSION);
  if (version === undefined) return { ok: true, version: 1 };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problem: { kind: 'bad-board-version', version } };
  return { ok: true, version };
}

/** Writes the current version into a new document (no transaction origin: not an undo step). */
export function stampBoardDoc(doc: Y.Doc): void {
  doc.transact(() => doc.getMap(BOARD_META).set(SCHEMA_VERSION, BOARD_DOC_VERSION), null);
}

/**
 * Brings a document up to version `current` in one transaction, and says which steps ran. A
 * document from a newer version, or with a version that is not a whole number ≥ 1, is left exactly
 * as it is and reported.
 */
export function migrateBoardDoc(
  doc: Y.Doc,
  current: number = BOARD_DOC_VERSION,
  steps: readonly BoardDocStep[] = BOARD_DOC_STEPS,
): { ok: true; applied: string[] } | { ok: false; problem: BoardDocProblem } {
  const read = boardDocVersion(doc);
  if (!read.ok) return read;
  if (read.version > current) return { ok: false, problem: { kind: 'newer-board-version', version: read.version } };
  const chain: BoardDocStep[] = [];
  for (let at = read.version; at < current; at++) {
    const step = steps.find((candidate) => candidate.from === at);
    if (!step) throw new Error(`no migration step from board document version ${at}`);
    chain.push(step);
  }
  if (chain.length === 0) return { ok: true, applied: [] };
  doc.transact(() => {
    for (const step of chain) step.migrate(doc);
    doc.getMap(BOARD_META).set(SCHEMA_VERSION, current);
  }, MIGRATION_ORIGIN);
  return { ok: true, applied: chain.map((step) => step.name) };
}
