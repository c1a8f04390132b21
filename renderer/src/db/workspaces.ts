import type { Department, Member } from '@shared/records/member';
import type { Workspace } from '@shared/records/workspace';
import {
  encodeWorkspaceFile,
  FILE_FORMAT,
  FILE_VERSION,
  type ParsedWorkspaceFile,
  type WorkspaceFile,
} from '@shared/workspaceFile';
import { type DecodedTables, type RecordsTable, TABLE_LIST, type TableKey, type WorkspaceTable } from '@shared/workspaceTables';
import { documentRows, readDocuments, updatesTableOf } from './boardUpdates';
import { type AlignboardDb, db as defaultDb } from './db';
import { newId, nowIso } from './ids';
import { writeAll } from './write';

export const APP_VERSION = __APP_VERSION__;

export type WorkspaceSummary = Workspace & { memberCount: number; boardCount: number };

export async function listWorkspaces(database: AlignboardDb = defaultDb): Promise<WorkspaceSummary[]> {
  const workspaces = (await database.workspaces.toArray()).filter((w) => !w.deletedAt);
  const [members, boards] = await Promise.all([
    database.members.orderBy('workspaceId').keys(),
    database.boards.orderBy('workspaceId').keys(),
  ]);
  const count = (keys: unknown[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
    return counts;
  };
  const memberCounts = count(members);
  const boardCounts = count(boards);
  return workspaces
    .map((w) => ({ ...w, memberCount: memberCounts.get(w.id) ?? 0, boardCount: boardCounts.get(w.id) ?? 0 }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function createWorkspace(name: string, database: AlignboardDb = defaultDb): Promise<string> {
  const id = newId();
  const now = nowIso();
  await writeAll(database, () => database.workspaces.add({ id, name: name.trim(), createdAt: now, updatedAt: now, deletedAt: null }));
  return id;
}

export async function renameWorkspace(id: string, name: string, database: AlignboardDb = defaultDb): Promise<void> {
  await writeAll(database, () => database.workspaces.update(id, { name: name.trim(), updatedAt: nowIso() }));
}

/** Hides the workspace at once; it is purged by `purgeDeletedWorkspaces` unless restored first. */
export async function softDeleteWorkspace(id: string, database: AlignboardDb = defaultDb): Promise<void> {
  await writeAll(database, () => database.workspaces.update(id, { deletedAt: nowIso() }));
}

export async function restoreWorkspace(id: string, database: AlignboardDb = defaultDb): Promise<void> {
  await writeAll(database, () => database.workspaces.update(id, { deletedAt: null }));
}

/** Removes soft-deleted workspaces and everything in them, in one transaction. */
export async function purgeDeletedWorkspaces(database: AlignboardDb = defaultDb, ids?: string[]): Promise<number> {
  return writeAll(database, async () => {
    const doomed = (await database.workspaces.toArray()).filter((w) => w.deletedAt && (!ids || ids.includes(w.id)));
    for (const workspace of doomed) {
      // Deleting the rows of a table with a Y.Doc also deletes the documents' updates (Dexie does).
      for (const table of TABLE_LIST) await database.table(table.table).where('workspaceId').equals(workspace.id).delete();
      await database.workspaces.delete(workspace.id);
    }
    return doomed.length;
  });
}

async function touch(database: AlignboardDb, workspaceId: string): Promise<void> {
  await database.workspaces.update(workspaceId, { updatedAt: nowIso() });
}

export type MemberInput = { name: string; department: Department; title: string };

export async function addMember(workspaceId: string, input: MemberInput, database: AlignboardDb = defaultDb): Promise<Member> {
  const now = nowIso();
  const member: Member = {
    workspaceId,
    id: newId(),
    name: input.name.trim(),
    department: input.department,
    title: input.title.trim(),
    createdAt: now,
    updatedAt: now,
  };
  await writeAll(database, async () => {
    await database.members.add(member);
    await touch(database, workspaceId);
  });
  return member;
}

export async function updateMember(
  workspaceId: string,
  id: string,
  input: MemberInput,
  database: AlignboardDb = defaultDb,
): Promise<void> {
  await writeAll(database, async () => {
    await database.members.update([workspaceId, id], {
      name: input.name.trim(),
      department: input.department,
      title: input.title.trim(),
      updatedAt: nowIso(),
    });
    await touch(database, workspaceId);
  });
}

export async function removeMember(workspaceId: string, id: string, database: AlignboardDb = defaultDb): Promise<Member | undefined> {
  return writeAll(database, async () => {
    const member = await database.members.get([workspaceId, id]);
    await database.members.delete([workspaceId, id]);
    await touch(database, workspaceId);
    return member;
  });
}

/** Puts back a member removed a moment ago (the undo of `removeMember`). */
export async function reinsertMember(member: Member, database: AlignboardDb = defaultDb): Promise<void> {
  await writeAll(database, async () => {
    await database.members.put(member);
    await touch(database, member.workspaceId);
  });
}

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

const ofWorkspace = (key: unknown) => (key as [string, string])[1];

/** Reads a whole workspace in the workspace-file shape, board documents as stored (Yjs v2 updates). */
export async function snapshotWorkspace(id: string, database: AlignboardDb = defaultDb): Promise<ParsedWorkspaceFile> {
  const withDocs = TABLE_LIST.filter((table): table is RecordsTable & { key: TableKey; yDoc: string } => table.shape === 'records' && !!table.yDoc);
  const { workspace, rows, documents } = await database.transaction(
    'r',
    [
      database.workspaces,
      ...TABLE_LIST.map((table) => database.table(table.table)),
      // A read-only transaction does not include y-dexie's updates tables by itself.
      ...withDocs.map((table) => updatesTableOf(database.table(table.table), table.yDoc)),
    ],
    async () => {
      const read = await Promise.all(TABLE_LIST.map((table) => database.table<Row>(table.table).where('workspaceId').equals(id).toArray()));
      const docs = new Map<string, Map<string, Uint8Array>>();
      for (const table of withDocs) {
        const found = read[TABLE_LIST.indexOf(table)]!;
        const keys = found.map((row) => [id, row.id]);
        docs.set(table.key, await readDocuments(database, database.table(table.table), table.yDoc, keys, ofWorkspace));
      }
      return { workspace: await database.workspaces.get(id), rows: read, documents: docs };
    },
  );
  if (!workspace) throw new Error(`workspace ${id} not found`);
  const tables: Record<string, unknown> = {};
  for (const [index, table] of TABLE_LIST.entries()) {
    const found = rows[index]!;
    if (table.shape === 'single') {
      tables[table.key] = found[0] ? valueOf(table, found[0]) : null;
      continue;
    }
    const docs = documents.get(table.key);
    tables[table.key] = found.map((row) => (docs ? { ...(valueOf(table, row) as object), updateV2: docs.get(String(row.id))! } : valueOf(table, row)));
  }
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: nowIso(),
    appVersion: APP_VERSION,
    workspace: { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt, updatedAt: workspace.updatedAt },
    ...(tables as DecodedTables),
  };
}

export function toWorkspaceFile(snapshot: ParsedWorkspaceFile): WorkspaceFile {
  return encodeWorkspaceFile(snapshot);
}

/** The `.alignboard` text of a workspace. */
export async function exportWorkspace(id: string, database: AlignboardDb = defaultDb): Promise<string> {
  return serializeWorkspaceFile(toWorkspaceFile(await snapshotWorkspace(id, database)));
}

export function serializeWorkspaceFile(file: WorkspaceFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

/**
 * Writes a parsed workspace file as a NEW workspace (new workspace id; member and board ids are
 * kept, as they are only unique per workspace). All-or-nothing: one transaction over every table,
 * including y-dexie's update tables, so a failure leaves nothing behind.
 */
export async function importWorkspace(
  file: ParsedWorkspaceFile,
  options: { name?: string } = {},
  database: AlignboardDb = defaultDb,
): Promise<string> {
  const workspaceId = newId();
  const now = nowIso();
  await writeAll(database, async () => {
    await database.workspaces.add({
      id: workspaceId,
      name: (options.name ?? file.workspace.name).trim(),
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
  });
  return workspaceId;
}

export async function duplicateWorkspace(id: string, name: string, database: AlignboardDb = defaultDb): Promise<string> {
  return importWorkspace(await snapshotWorkspace(id, database), { name }, database);
}
