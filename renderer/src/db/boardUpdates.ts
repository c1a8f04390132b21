import type { Dexie } from 'dexie';
import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';

/**
 * Board documents as y-dexie 4.4 stores them, read and written without building a Y.Doc where
 * none is needed: export, import and duplicate move whole workspaces of boards, and loading each
 * through a provider only to encode it again cost most of their time (npm run bench,
 * workspaceFile.*).
 *
 * What this relies on (test/component/boardUpdates.test.ts holds y-dexie to it): a table declared
 * with `doc: Y.Doc` gets an updates table (its name in `table.schema.yProps`) with rows
 * `{ i: auto-increment, k: the board's primary key, u: a Yjs update in the v2 encoding, f: 1 for
 * updates made here }`, indexed by `k`; a document is the sum of its rows; a document with no
 * content has no rows; y-dexie's periodic compression merges a document's rows into one, made
 * from a garbage-collected Y.Doc.
 */

export type UpdateRow = { i?: number; k: unknown; u: Uint8Array; f?: number };

/** The v2 encoding of an empty document. */
export const EMPTY_UPDATE_V2: Uint8Array = Y.encodeStateAsUpdateV2(new Y.Doc());

export function isEmptyUpdateV2(update: Uint8Array): boolean {
  return update.length === EMPTY_UPDATE_V2.length && update.every((byte, index) => byte === EMPTY_UPDATE_V2[index]);
}

/** The name of y-dexie's updates table for a table's Y.Doc property. */
export function updatesTableOf(table: Dexie.Table, prop: string): string {
  const name = table.schema.yProps?.find((yProp) => yProp.prop === prop)?.updatesTable;
  if (!name) throw new Error(`${table.name}.${prop} is not a Y.Doc property`);
  return name;
}

/**
 * One document from its stored updates, in the v2 encoding. A single row is already the whole
 * document as y-dexie or an import wrote it. Several rows are applied to a fresh, garbage-collected
 * doc, as y-dexie's compression would: merging the bytes alone (Y.mergeUpdates) would keep the
 * text of deleted notes in the file.
 */
export function documentOf(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 0) return EMPTY_UPDATE_V2;
  if (updates.length === 1) return updates[0]!;
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdateV2(doc, update);
    });
    return Y.encodeStateAsUpdateV2(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The document of one row, in the v2 encoding. A document that is open and loaded in this window
 * is taken from memory: it holds every stored update, and an edit made a moment ago whose write
 * has not reached the table yet. Otherwise its stored updates, merged (documentOf). Call inside a
 * transaction that includes the updates table (a read-only one does not add it by itself). The
 * read is sent at once, when this is called:
 * IndexedDB serves a transaction's requests in the order they are sent, so documents asked for
 * one by one arrive one by one, and each can be worked on while the next ones are read.
 */
export async function readDocument(database: Dexie, table: Dexie.Table, prop: string, primaryKey: unknown): Promise<Uint8Array> {
  const open = DexieYProvider.getDocCache(database).find(table.name, primaryKey, prop);
  if (open?.isLoaded) return Y.encodeStateAsUpdateV2(open);
  const rows = await database
    .table<UpdateRow>(updatesTableOf(table, prop))
    .where('k')
    .equals(primaryKey as never)
    .toArray();
  return documentOf(rows.map((row) => row.u));
}

/** The rows that store a new document (none for an empty one, as y-dexie does). */
export function documentRows(primaryKey: unknown, updateV2: Uint8Array): UpdateRow[] {
  return isEmptyUpdateV2(updateV2) ? [] : [{ k: primaryKey, u: updateV2, f: 1 }];
}
