import type { Department, Member } from '@shared/records/member';
import type { Workspace } from '@shared/records/workspace';
import { TABLE_STORES } from '@shared/workspaceStores';
import { type AlignboardDb, db as defaultDb, type SlaVersionRow } from './db';
import { newId, nowIso } from './ids';
import { forgetWorkspaceLocal } from './workspaceLocal';
import { writeAll } from './write';

/*
 * Workspaces and their members: what every screen needs. A workspace as a whole — its file
 * (export, import), a duplicate, a backup — is in workspaceFiles.ts, with the file format's
 * schemas of every record, loaded when first used (issue 12: not part of the first screen).
 */

/** The code of a workspace as a whole (export, import, duplicate), loaded on first use. */
export const loadWorkspaceFiles = () => import('./workspaceFiles');

/** The tables of a workspace's data (every table but the workspaces themselves). */
const WORKSPACE_DATA_TABLES = Object.keys(TABLE_STORES).filter((table) => table !== 'workspaces');

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

/**
 * Removes soft-deleted workspaces and everything in them, in one transaction; then their drafts
 * and what else is kept of them beside the database (workspaceLocal.ts).
 */
export async function purgeDeletedWorkspaces(database: AlignboardDb = defaultDb, ids?: string[]): Promise<number> {
  const purged = await writeAll(database, async () => {
    const doomed = (await database.workspaces.toArray()).filter((w) => w.deletedAt && (!ids || ids.includes(w.id)));
    for (const workspace of doomed) {
      // Deleting the rows of a table with a Y.Doc also deletes the documents' updates (Dexie does).
      for (const table of WORKSPACE_DATA_TABLES) await database.table(table).where('workspaceId').equals(workspace.id).delete();
      await database.workspaces.delete(workspace.id);
    }
    return doomed.map((workspace) => workspace.id);
  });
  forgetWorkspaceLocal(purged);
  return purged.length;
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

/**
 * What else in the workspace names a member, by what removing them changes on other pages (the
 * records keep the member's id, shown afterwards as a former member): the SLAs they are to sign
 * and no longer can, the action and agenda items they own, the meetings they attended. Signatures
 * already given keep the signer's name and are unchanged.
 */
export type MemberUses = { unsignedSlas: number; signedSlas: number; openActions: number; agendaItems: number; meetingsAttended: number };

export async function memberUses(workspaceId: string, memberId: string, database: AlignboardDb = defaultDb): Promise<MemberUses> {
  return database.transaction('r', [database.slaVersions, database.actionItems, database.meetings], async () => {
    const [versions, actions, meetings] = await Promise.all([
      database.slaVersions.where('workspaceId').equals(workspaceId).toArray(),
      database.actionItems.where('[workspaceId+status]').anyOf([workspaceId, 'open'], [workspaceId, 'inProgress']).toArray(),
      database.meetings.where('workspaceId').equals(workspaceId).toArray(),
    ]);
    const signed = (version: SlaVersionRow) => version.signatures.some((signature) => signature.memberId === memberId);
    return {
      unsignedSlas: versions.filter((version) => version.state !== 'signed' && version.signers.includes(memberId) && !signed(version)).length,
      signedSlas: versions.filter(signed).length,
      openActions: actions.filter((action) => action.ownerId === memberId).length,
      agendaItems: meetings.reduce((sum, meeting) => sum + meeting.agenda.filter((item) => item.ownerId === memberId).length, 0),
      meetingsAttended: meetings.filter((meeting) => meeting.attendeeIds.includes(memberId)).length,
    };
  });
}

/** Puts back a member removed a moment ago (the undo of `removeMember`). */
export async function reinsertMember(member: Member, database: AlignboardDb = defaultDb): Promise<void> {
  await writeAll(database, async () => {
    await database.members.put(member);
    await touch(database, member.workspaceId);
  });
}
