import { Dexie } from 'dexie';
import type { Workspace } from '@shared/records/workspace';
import {
  encodeWorkspaceFile,
  FILE_FORMAT,
  FILE_VERSION,
  type ParsedWorkspaceFile,
  type WorkspaceFile,
} from '@shared/workspaceFile';
import { jsonText } from '@shared/jsonText';
import { Workspace as WorkspaceSchema } from '@shared/records/workspace';
import { uniqueName } from '@shared/uniqueName';
import { type DecodedTables, type RecordsTable, TABLE_LIST, type TableKey, type WorkspaceTable } from '@shared/workspaceTables';
import { documentRows, readDocument, updatesTableOf } from './boardUpdates';
import { type AlignboardDb, db as defaultDb } from './db';
import { newId, nowIso } from './ids';
import { writeAll } from './write';

/*
 * A workspace as a whole: read in one transaction (snapshot, export to its file), written as a new
 * workspace (import, duplicate). With the file format's schemas of every record: loaded when first
 * used, not with the first screen (workspaces.ts holds what every screen needs).
 */

export const APP_VERSION = __APP_VERSION__;

type Row = Record<string, unknown> & { workspaceId: string };

/** The stored value of a row: the row without its workspace (a single table's value field). */
function valueOf(table: WorkspaceTable, row: Row): unknown {
  if (table.shape === 'single') return row[table.field];
  // A Y.Doc property is y-dexie's getter on the row's prototype, not an own field: not copied.
  const { workspaceId: _, ...value } = row;
  return value;
}

/** The row of a stored value, without its Y.Doc (whose updates are written apart: documentRows). */
function rowOf(table: WorkspaceTable, value: unknown, workspaceId: string, now: string): Row {
  if (table.shape === 'single') return { workspaceId, [table.field]: value, updatedAt: now };
  if (!table.yDoc) return { ...(value as object), workspaceId };
  const { updateV2: _, ...rest } = value as { updateV2: Uint8Array };
  return { ...rest, workspaceId };
}

/**
 * The rows of one workspace in a table. A records table is keyed [workspaceId+id]: its rows are one
 * range of the primary key, read straight from the table (through the workspaceId index, every
 * row costs IndexedDB a second lookup).
 */
function rowsOf(database: AlignboardDb, table: WorkspaceTable, workspaceId: string): Promise<Row[]> {
  const rows = database.table<Row>(table.table);
  if (table.shape === 'single') return rows.where('workspaceId').equals(workspaceId).toArray();
  return rows.where(':id').between([workspaceId, Dexie.minKey], [workspaceId, Dexie.maxKey], true, true).toArray();
}

type DocTable = RecordsTable & { key: TableKey; yDoc: string };

const DOC_TABLES = TABLE_LIST.filter((table): table is DocTable => table.shape === 'records' && !!table.yDoc);

/**
 * Reads a whole workspace in one transaction: its record, and each table's values (`valueOf`), the
 * values of a table with a Y.Doc made by `withDocument(table, value, document as a v2 update)`
 * as each document arrives (readDocument).
 */
async function readWorkspace(
  id: string,
  database: AlignboardDb,
  withDocument: (table: DocTable, value: object, updateV2: Uint8Array) => unknown,
): Promise<{ workspace: Workspace; tables: Record<TableKey, unknown> }> {
  const { workspace, tables } = await database.transaction(
    'r',
    [
      database.workspaces,
      ...TABLE_LIST.map((table) => database.table(table.table)),
      // A read-only transaction does not include y-dexie's updates tables by itself.
      ...DOC_TABLES.map((table) => updatesTableOf(database.table(table.table), table.yDoc)),
    ],
    async () => {
      // IndexedDB serves a transaction's requests in the order they are sent. The rows of the
      // tables with a document come first, then every document, one request each, and the other
      // tables last: each document is made (`withDocument`: an export encodes it for the file) as
      // soon as it arrives, while IndexedDB reads the next ones and the rest.
      const reads = new Map<TableKey, Promise<unknown>>();
      const docRows = await Promise.all(DOC_TABLES.map((table) => rowsOf(database, table, id)));
      for (const [index, table] of DOC_TABLES.entries()) {
        const dexieTable = database.table(table.table);
        const entries = docRows[index]!.map((row) =>
          readDocument(database, dexieTable, table.yDoc, [id, row.id]).then((updateV2) => withDocument(table, valueOf(table, row) as object, updateV2)),
        );
        reads.set(table.key, Promise.all(entries));
      }
      for (const table of TABLE_LIST) {
        if (reads.has(table.key)) continue;
        reads.set(
          table.key,
          rowsOf(database, table, id).then((rows) =>
            table.shape === 'single' ? (rows[0] ? valueOf(table, rows[0]) : null) : rows.map((row) => valueOf(table, row)),
          ),
        );
      }
      const values = await Promise.all(TABLE_LIST.map((table) => reads.get(table.key)));
      // In file order.
      const inFileOrder = Object.fromEntries(TABLE_LIST.map((table, index) => [table.key, values[index]])) as Record<TableKey, unknown>;
      return { workspace: await database.workspaces.get(id), tables: inFileOrder };
    },
  );
  if (!workspace) throw new Error(`workspace ${id} not found`);
  return { workspace, tables };
}

function fileHead(workspace: Workspace) {
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: nowIso(),
    appVersion: APP_VERSION,
    workspace: { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt, updatedAt: workspace.updatedAt },
  } as const;
}

/** Reads a whole workspace in the workspace-file shape, board documents as stored (Yjs v2 updates). */
export async function snapshotWorkspace(id: string, database: AlignboardDb = defaultDb): Promise<ParsedWorkspaceFile> {
  const { workspace, tables } = await readWorkspace(id, database, (_table, value, updateV2) => ({ ...value, updateV2 }));
  return { ...fileHead(workspace), ...(tables as DecodedTables) };
}

export function toWorkspaceFile(snapshot: ParsedWorkspaceFile): WorkspaceFile {
  return encodeWorkspaceFile(snapshot);
}

/**
 * The `.alignboard` text of a workspace: what `serializeWorkspaceFile(toWorkspaceFile(snapshot))`
 * gives, with each board's document encoded for the file as soon as it is read (while IndexedDB
 * reads the next ones) instead of after the whole snapshot.
 */
export async function exportWorkspace(id: string, database: AlignboardDb = defaultDb): Promise<string> {
  const { workspace, tables } = await readWorkspace(id, database, (table, value, updateV2) => table.encode({ ...value, updateV2 }));
  const encoded: Record<string, unknown> = {};
  for (const table of TABLE_LIST) {
    const value = tables[table.key];
    if (table.shape === 'single') encoded[table.key] = value === null ? null : table.encode(value);
    else encoded[table.key] = table.yDoc ? value : (value as unknown[]).map((entry) => table.encode(entry));
  }
  return serializeWorkspaceFile({ ...fileHead(workspace), ...(encoded as Pick<WorkspaceFile, TableKey>) });
}

/** The file's text: JSON indented by one space (jsonText: the same text as JSON.stringify(file, null, 1), faster). */
export function serializeWorkspaceFile(file: WorkspaceFile): string {
  return `${jsonText(file)}\n`;
}

/** The numbered form of a name that is taken: the UI's words (“Acme (2)”), so the caller's to give. */
export type NumberedName = (name: string, number: number) => string;

export type ImportOptions = {
  /** The name to give (a restored backup's); the file's own name otherwise. */
  name?: string;
  numbered: NumberedName;
};

/** The longest workspace name the schema (and so any later import of its file) accepts. */
const MAX_WORKSPACE_NAME = WorkspaceSchema.shape.name.maxLength ?? 200;

/**
 * Writes a parsed workspace file as a NEW workspace (new workspace id; member and board ids are
 * kept, as they are only unique per workspace). All-or-nothing: one transaction over every table,
 * including y-dexie's update tables, so a failure leaves nothing behind.
 *
 * Its name differs from every workspace not deleted (uniqueName: “Acme (2)” when “Acme” is listed),
 * so two imports of one file are told apart on the home page. Chosen inside the transaction: two
 * imports at once cannot both take the same free name. A deleted workspace's name is free: it is
 * no longer listed, and its Undo may well bring back two of the same name, as it always could.
 */
export async function importWorkspace(
  file: ParsedWorkspaceFile,
  options: ImportOptions,
  database: AlignboardDb = defaultDb,
): Promise<{ id: string; name: string }> {
  const workspaceId = newId();
  const now = nowIso();
  const name = await writeAll(database, async () => {
    const listed = (await database.workspaces.toArray()).filter((workspace) => !workspace.deletedAt).map((workspace) => workspace.name);
    const unique = uniqueName(options.name ?? file.workspace.name, listed, MAX_WORKSPACE_NAME, options.numbered);
    await database.workspaces.add({
      id: workspaceId,
      name: unique,
      createdAt: file.workspace.createdAt,
      updatedAt: now,
      deletedAt: null,
    });
    for (const table of TABLE_LIST) {
      const value: unknown = file[table.key];
      if (table.shape === 'single') {
        if (value !== null) await database.table(table.table).add(rowOf(table, value, workspaceId, now));
        continue;
      }
      const values = value as { id: string; updateV2?: Uint8Array }[];
      await database.table(table.table).bulkAdd(values.map((entry) => rowOf(table, entry, workspaceId, now)));
      if (table.yDoc) {
        // Stored as y-dexie stores a new document, without building one (the file was checked).
        const updates = database.table(updatesTableOf(database.table(table.table), table.yDoc));
        await updates.bulkAdd(values.flatMap((entry) => documentRows([workspaceId, entry.id], entry.updateV2!)));
      }
    }
    return unique;
  });
  return { id: workspaceId, name };
}

/** A copy of a workspace named `name` (made unique as an import's: importWorkspace). */
export async function duplicateWorkspace(
  id: string,
  options: ImportOptions & { name: string },
  database: AlignboardDb = defaultDb,
): Promise<{ id: string; name: string }> {
  return importWorkspace(await snapshotWorkspace(id, database), options, database);
}
