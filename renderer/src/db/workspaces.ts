import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { bytesToBase64 } from '../../../shared/base64';
import { encodeLeadMonth } from '../../../shared/kpi/leadRecords';
import type { Department, Member } from '../../../shared/records/member';
import type { Workspace } from '../../../shared/records/workspace';
import {
  FILE_FORMAT,
  FILE_VERSION,
  type ParsedWorkspaceFile,
  type WorkspaceFile,
} from '../../../shared/workspaceFile';
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
      await database.members.where('workspaceId').equals(workspace.id).delete();
      await database.boards.where('workspaceId').equals(workspace.id).delete();
      await database.assets.where('workspaceId').equals(workspace.id).delete();
      for (const table of RECORD_TABLES) await database[table].where('workspaceId').equals(workspace.id).delete();
      await database.calendars.delete(workspace.id);
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

/** Tables of plain records keyed [workspaceId+id]: read, written and purged alike. */
const RECORD_TABLES = ['slaVersions', 'meetingSeries', 'meetings', 'actionItems', 'kpis', 'kpiValues', 'leadMonths'] as const;

function withoutWorkspaceId<T extends { workspaceId: string }>(rows: T[]): Omit<T, 'workspaceId'>[] {
  return rows.map(({ workspaceId: _, ...row }) => row);
}

async function readRecords(database: AlignboardDb, id: string) {
  return {
    slaVersions: withoutWorkspaceId(await database.slaVersions.where('workspaceId').equals(id).toArray()),
    meetingSeries: withoutWorkspaceId(await database.meetingSeries.where('workspaceId').equals(id).toArray()),
    meetings: withoutWorkspaceId(await database.meetings.where('workspaceId').equals(id).toArray()),
    actionItems: withoutWorkspaceId(await database.actionItems.where('workspaceId').equals(id).toArray()),
    kpis: withoutWorkspaceId(await database.kpis.where('workspaceId').equals(id).toArray()),
    kpiValues: withoutWorkspaceId(await database.kpiValues.where('workspaceId').equals(id).toArray()),
    leadMonths: withoutWorkspaceId(await database.leadMonths.where('workspaceId').equals(id).toArray()),
    calendar: (await database.calendars.get(id))?.calendar ?? null,
  };
}

/** Encodes one board's Y.Doc, loading it from IndexedDB if nobody has it open. */
async function encodeBoardDoc(doc: Y.Doc): Promise<Uint8Array> {
  const provider = DexieYProvider.load(doc);
  try {
    await provider.whenLoaded;
    return Y.encodeStateAsUpdate(doc);
  } finally {
    DexieYProvider.release(doc);
  }
}

/** Reads a whole workspace in the workspace-file shape, board docs as raw Yjs updates. */
export async function snapshotWorkspace(id: string, database: AlignboardDb = defaultDb): Promise<ParsedWorkspaceFile> {
  const { workspace, members, boards, assets, records } = await database.transaction(
    'r',
    [database.workspaces, database.members, database.boards, database.assets, database.calendars, ...RECORD_TABLES.map((table) => database[table])],
    async () => ({
      workspace: await database.workspaces.get(id),
      members: await database.members.where('workspaceId').equals(id).toArray(),
      boards: await database.boards.where('workspaceId').equals(id).toArray(),
      assets: await database.assets.where('workspaceId').equals(id).toArray(),
      records: await readRecords(database, id),
    }),
  );
  if (!workspace) throw new Error(`workspace ${id} not found`);
  const encoded: ParsedWorkspaceFile['boards'] = [];
  for (const board of boards) {
    encoded.push({
      id: board.id,
      kind: board.kind,
      name: board.name,
      createdAt: board.createdAt,
      updatedAt: board.updatedAt,
      agreement: board.agreement ?? null,
      update: await encodeBoardDoc(board.doc),
    });
  }
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: nowIso(),
    appVersion: APP_VERSION,
    workspace: { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt, updatedAt: workspace.updatedAt },
    members: members.map(({ workspaceId: _, ...member }) => member),
    boards: encoded,
    assets: assets.map(({ workspaceId: _, ...asset }) => asset),
    ...records,
  };
}

export function toWorkspaceFile(snapshot: ParsedWorkspaceFile): WorkspaceFile {
  return {
    ...snapshot,
    boards: snapshot.boards.map(({ update, ...board }) => ({ ...board, doc: bytesToBase64(update) })),
    assets: snapshot.assets.map(({ bytes, ...asset }) => ({ ...asset, data: bytesToBase64(bytes) })),
    leadMonths: snapshot.leadMonths.map(encodeLeadMonth),
  };
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
    await database.members.bulkAdd(file.members.map((member) => ({ ...member, workspaceId })));
    await database.boards.bulkAdd(
      file.boards.map(({ update, ...board }) => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, update);
        return { ...board, workspaceId, doc };
      }),
    );
    await database.assets.bulkAdd(file.assets.map((asset) => ({ ...asset, workspaceId })));
    await database.slaVersions.bulkAdd(file.slaVersions.map((version) => ({ ...version, workspaceId })));
    await database.meetingSeries.bulkAdd(file.meetingSeries.map((series) => ({ ...series, workspaceId })));
    await database.meetings.bulkAdd(file.meetings.map((meeting) => ({ ...meeting, workspaceId })));
    await database.actionItems.bulkAdd(file.actionItems.map((item) => ({ ...item, workspaceId })));
    await database.kpis.bulkAdd(file.kpis.map((kpi) => ({ ...kpi, workspaceId })));
    await database.kpiValues.bulkAdd(file.kpiValues.map((value) => ({ ...value, workspaceId })));
    await database.leadMonths.bulkAdd(file.leadMonths.map((month) => ({ ...month, workspaceId })));
    if (file.calendar) await database.calendars.add({ workspaceId, calendar: file.calendar, updatedAt: now });
  });
  return workspaceId;
}

export async function duplicateWorkspace(id: string, name: string, database: AlignboardDb = defaultDb): Promise<string> {
  return importWorkspace(await snapshotWorkspace(id, database), { name }, database);
}
