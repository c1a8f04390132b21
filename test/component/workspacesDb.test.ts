import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { KpiDefinition, valueId } from '../../shared/kpi/records';
import { ActionItem, Meeting } from '../../shared/meetings/records';
import { BOARD_NODES } from '../../shared/records/board';
import { parseWorkspaceFile } from '../../shared/workspaceFile';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { addMember, createWorkspace, listWorkspaces, purgeDeletedWorkspaces, reinsertMember, removeMember, renameWorkspace, restoreWorkspace, softDeleteWorkspace } from '../../renderer/src/db/workspaces';
import { duplicateWorkspace, exportWorkspace, importWorkspace, snapshotWorkspace } from '../../renderer/src/db/workspaceFiles';
import type { AlignboardDb } from '../../renderer/src/db/db';
import { draftOf, writeCalendarDraft } from '../../renderer/src/features/calendar/calendarDraft';
import { localKeys } from '../../renderer/src/db/workspaceLocal';
import { readBoardGlyphs, rememberBoardGlyphs } from '../../renderer/src/features/board/boardGlyphs';
import { defaultCalendar } from '../../shared/calendar/calendar';
import { countDocUpdates, freshDb, numbered } from './helpers';

async function boardJson(database: AlignboardDb, workspaceId: string) {
  const boards = await database.boards.where('workspaceId').equals(workspaceId).sortBy('id');
  const result: Record<string, unknown> = {};
  for (const board of boards) {
    const provider = DexieYProvider.load(board.doc);
    await provider.whenLoaded;
    result[board.id] = board.doc.getMap(BOARD_NODES).toJSON();
    DexieYProvider.release(board.doc);
  }
  return result;
}

function parseOrThrow(text: string) {
  const parsed = parseWorkspaceFile(text);
  if (!parsed.ok) throw new Error(`unexpected problem ${JSON.stringify(parsed.problem)}`);
  return parsed.file;
}

describe('workspace records', () => {
  it('creates, renames and lists workspaces with counts, newest edit first', async () => {
    const database = freshDb();
    const a = await createWorkspace('  Alpha  ', database);
    await new Promise((r) => setTimeout(r, 5));
    const b = await createWorkspace('Beta', database);
    await addMember(b, { name: 'Kenji', department: 'sales', title: 'Head of Sales' }, database);
    let list = await listWorkspaces(database);
    expect(list.map((w) => [w.name, w.memberCount, w.boardCount])).toEqual([
      ['Beta', 1, 0],
      ['Alpha', 0, 0],
    ]);
    await new Promise((r) => setTimeout(r, 5));
    await renameWorkspace(a, 'Alpha 2', database);
    list = await listWorkspaces(database);
    expect(list[0]!.name).toBe('Alpha 2');
    expect(list[0]!.id).toBe(a);
  });

  it('soft-deletes, restores, and purges a workspace with everything in it', async () => {
    const database = freshDb();
    const id = await createSampleWorkspace('en', database);
    const keep = await createWorkspace('Keep', database);
    await addMember(keep, { name: 'Aya', department: 'marketing', title: '' }, database);
    const updatesBefore = await countDocUpdates(database);
    expect(updatesBefore).toBeGreaterThan(0);

    await softDeleteWorkspace(id, database);
    expect((await listWorkspaces(database)).map((w) => w.id)).toEqual([keep]);
    await restoreWorkspace(id, database);
    expect((await listWorkspaces(database)).map((w) => w.id).sort()).toEqual([id, keep].sort());

    await softDeleteWorkspace(id, database);
    expect(await purgeDeletedWorkspaces(database)).toBe(1);
    expect(await database.workspaces.get(id)).toBeUndefined();
    expect(await database.members.where('workspaceId').equals(id).count()).toBe(0);
    expect(await database.boards.where('workspaceId').equals(id).count()).toBe(0);
    expect(await countDocUpdates(database)).toBe(0);
    expect(await database.members.where('workspaceId').equals(keep).count()).toBe(1);
  });

  it('purging a workspace forgets what is kept of it in localStorage (calendar form, meeting notes, boards’ characters); other workspaces keep theirs', async () => {
    const database = freshDb();
    const gone = await createWorkspace('Gone', database);
    const kept = await createWorkspace('Kept', database);
    const restored = await createWorkspace('Restored', database);
    for (const id of [gone, kept, restored]) {
      writeCalendarDraft(id, { ...draftOf(defaultCalendar({ language: 'en', timeZone: 'UTC' })), opens: '08:00' });
      localStorage.setItem(localKeys.meetingNotes(id, 'meeting-1', 'item-1'), `notes of ${id}`);
      rememberBoardGlyphs(id, 'board-1', { regular: `情 ${id}`, bold: '営業' });
    }
    localStorage.setItem('alignboard.other', 'not a draft');
    await softDeleteWorkspace(gone, database);
    await softDeleteWorkspace(restored, database);
    await restoreWorkspace(restored, database);

    expect(await purgeDeletedWorkspaces(database)).toBe(1);
    expect(localStorage.getItem(localKeys.calendarDraft(gone))).toBeNull();
    expect(localStorage.getItem(localKeys.meetingNotes(gone, 'meeting-1', 'item-1'))).toBeNull();
    expect(readBoardGlyphs(gone, 'board-1')).toBeNull();
    for (const id of [kept, restored]) {
      expect(readBoardGlyphs(id, 'board-1')?.bold).toBe('営業');
      expect(JSON.parse(localStorage.getItem(localKeys.calendarDraft(id))!)).toMatchObject({ opens: '08:00' });
      expect(localStorage.getItem(localKeys.meetingNotes(id, 'meeting-1', 'item-1'))).toBe(`notes of ${id}`);
    }
    expect(localStorage.getItem('alignboard.other')).toBe('not a draft');
  });

  it('a purge where localStorage is blocked (reading it throws) still succeeds: the database is what matters', async () => {
    const database = freshDb();
    const id = await createWorkspace('Gone', database);
    await softDeleteWorkspace(id, database);
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')!;
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      await expect(purgeDeletedWorkspaces(database)).resolves.toBe(1);
    } finally {
      Object.defineProperty(globalThis, 'localStorage', original);
    }
    expect(await database.workspaces.get(id)).toBeUndefined();
  });

  it('removes a member and puts it back on undo, unchanged', async () => {
    const database = freshDb();
    const ws = await createWorkspace('W', database);
    const member = await addMember(ws, { name: 'Aya', department: 'marketing', title: 'CMO' }, database);
    const removed = await removeMember(ws, member.id, database);
    expect(await database.members.count()).toBe(0);
    await reinsertMember(removed!, database);
    expect(await database.members.get([ws, member.id])).toEqual(member);
  });
});

describe('workspace files', () => {
  it('round-trips a workspace through export and import as a new workspace', async () => {
    const database = freshDb();
    const original = await createSampleWorkspace('ja', database);
    const text = await exportWorkspace(original, database);
    const copy = (await importWorkspace(parseOrThrow(text), { numbered }, database)).id;
    expect(copy).not.toBe(original);

    const strip = (snapshot: Awaited<ReturnType<typeof snapshotWorkspace>>) => ({
      members: snapshot.members,
      boards: snapshot.boards.map(({ updateV2: _, ...board }) => board),
    });
    expect(strip(await snapshotWorkspace(copy, database))).toEqual(strip(await snapshotWorkspace(original, database)));
    // Its name is numbered: the original's is taken.
    const originalName = (await database.workspaces.get(original))!.name;
    expect((await database.workspaces.get(copy))!.name).toBe(`${originalName} (2)`);
    const originalBoards = await boardJson(database, original);
    // The persona board and the funnel board.
    expect(Object.keys(originalBoards)).toHaveLength(2);
    expect(JSON.stringify(originalBoards)).toContain('中村 拓也');
    expect(await boardJson(database, copy)).toEqual(originalBoards);
  });

  it('carries meetings, action items, KPIs and KPI values through export, import and purge', async () => {
    const database = freshDb();
    const ws = await createWorkspace('Meetings', database);
    const at = '2026-11-01T09:00:00.000Z';
    await database.meetingSeries.add({ workspaceId: ws, id: 's1', name: '定例会', cadence: 'biweekly', nextDate: '2026-11-16', defaultAttendeeIds: [], createdAt: at, updatedAt: at });
    await database.meetings.add({
      ...Meeting.parse({ id: 'm1', seriesId: 's1', title: '定例会 11/2', date: '2026-11-02', agenda: [{ id: 'a1', kind: 'kpiReview', title: 'KPI', minutes: 10 }], createdAt: at, updatedAt: at }),
      workspaceId: ws,
    });
    await database.actionItems.add({ ...ActionItem.parse({ id: 'x1', title: 'Fix MQL definition', department: 'joint', dueDate: '2026-11-10', createdInMeetingId: 'm1', createdAt: at, updatedAt: at }), workspaceId: ws });
    await database.kpis.add({
      ...KpiDefinition.parse({ id: 'k1', name: 'MQL', formula: { type: 'metric', metric: 'mql' }, unit: 'count', direction: 'higher', target: 200, owner: 'marketing', createdAt: at, updatedAt: at }),
      workspaceId: ws,
    });
    await database.kpiValues.add({ workspaceId: ws, id: valueId('metric:mql', '2026-10'), key: 'metric:mql', period: '2026-10', value: 180, source: 'csv', updatedAt: at });

    const parsed = parseOrThrow(await exportWorkspace(ws, database));
    expect(parsed.meetings.map((meeting) => meeting.agenda[0]!.title)).toEqual(['KPI']);
    const copy = (await importWorkspace(parsed, { numbered }, database)).id;
    const records = async (id: string) => {
      const snapshot = await snapshotWorkspace(id, database);
      return [snapshot.meetingSeries, snapshot.meetings, snapshot.actionItems, snapshot.kpis, snapshot.kpiValues];
    };
    expect(await records(copy)).toEqual(await records(ws));
    expect((await records(copy)).map((rows) => rows.length)).toEqual([1, 1, 1, 1, 1]);

    await softDeleteWorkspace(ws, database);
    await purgeDeletedWorkspaces(database);
    for (const table of [database.meetingSeries, database.meetings, database.actionItems, database.kpis, database.kpiValues]) {
      expect(await table.where('workspaceId').equals(ws).count()).toBe(0);
      expect(await table.where('workspaceId').equals(copy).count()).toBe(1);
    }
  });

  it('imports a file again under a name no listed workspace has, and says which; a deleted workspace’s name is free', async () => {
    const database = freshDb();
    const acme = await createWorkspace('Acme', database);
    const file = parseOrThrow(await exportWorkspace(acme, database));
    const second = await importWorkspace(file, { numbered }, database);
    const third = await importWorkspace(file, { numbered }, database);
    expect([second.name, third.name]).toEqual(['Acme (2)', 'Acme (3)']);
    // What the home page lists: each name once.
    expect((await listWorkspaces(database)).map((w) => w.name).sort()).toEqual(['Acme', 'Acme (2)', 'Acme (3)']);

    await softDeleteWorkspace(second.id, database);
    expect((await importWorkspace(file, { numbered }, database)).name).toBe('Acme (2)');
    // A name given (a restored backup's) is numbered the same way; a duplicate's too.
    expect((await importWorkspace(file, { name: 'Beta', numbered }, database)).name).toBe('Beta');
    expect((await importWorkspace(file, { name: 'Beta', numbered }, database)).name).toBe('Beta (2)');
    expect((await duplicateWorkspace(acme, { name: 'Beta', numbered }, database)).name).toBe('Beta (3)');
  });

  it('numbers a name at the limit within the limit, so the copy’s file can be imported again', async () => {
    const database = freshDb();
    const long = `${'x'.repeat(195)}北風の会社`;
    const id = await createWorkspace(long, database);
    const copy = await importWorkspace(parseOrThrow(await exportWorkspace(id, database)), { numbered }, database);
    expect(copy.name).toBe(`${'x'.repeat(195)}… (2)`);
    expect(copy.name).toHaveLength(200);
    expect(parseWorkspaceFile(await exportWorkspace(copy.id, database)).ok).toBe(true);
  });

  it('two imports at once take two names: each chooses inside its own transaction', async () => {
    const database = freshDb();
    const acme = await createWorkspace('Acme', database);
    const file = parseOrThrow(await exportWorkspace(acme, database));
    const names = (await Promise.all([1, 2, 3].map(() => importWorkspace(file, { numbered }, database)))).map((copy) => copy.name);
    expect(names.sort()).toEqual(['Acme (2)', 'Acme (3)', 'Acme (4)']);
  });

  it('imports all-or-nothing: a failure half-way writes nothing', async () => {
    const database = freshDb();
    const existing = await createSampleWorkspace('en', database);
    const file = parseOrThrow(await exportWorkspace(existing, database));
    const before = {
      workspaces: await database.workspaces.count(),
      members: await database.members.count(),
      boards: await database.boards.count(),
      updates: await countDocUpdates(database),
    };
    // The board write fails after the workspace and members were written in the same transaction.
    const failing = (() => {
      throw new Error('disk says no');
    }) as never;
    database.boards.hook('creating', failing);
    await expect(importWorkspace(file, { numbered }, database)).rejects.toThrow('disk says no');
    database.boards.hook('creating').unsubscribe(failing);
    expect({
      workspaces: await database.workspaces.count(),
      members: await database.members.count(),
      boards: await database.boards.count(),
      updates: await countDocUpdates(database),
    }).toEqual(before);
  });

  it('duplicates a workspace with its members and board contents', async () => {
    const database = freshDb();
    const original = await createSampleWorkspace('en', database);
    const copy = (await duplicateWorkspace(original, { name: 'Copy', numbered }, database)).id;
    const list = await listWorkspaces(database);
    expect(list.find((w) => w.id === copy)).toMatchObject({ name: 'Copy', memberCount: 7, boardCount: 2 });
    expect(await boardJson(database, copy)).toEqual(await boardJson(database, original));

    // The copy is independent: editing its board leaves the original alone.
    const [board] = await database.boards.where('workspaceId').equals(copy).toArray();
    const provider = DexieYProvider.load(board!.doc);
    await provider.whenLoaded;
    const node = new Y.Map<unknown>();
    node.set('type', 'sticky');
    board!.doc.getMap(BOARD_NODES).set('extra', node);
    DexieYProvider.release(board!.doc);
    await new Promise((r) => setTimeout(r, 50));
    expect(Object.keys((await boardJson(database, copy))[board!.id] as object)).toContain('extra');
    expect(Object.keys((await boardJson(database, original))[board!.id] as object)).not.toContain('extra');
  });

  it('creates the sample workspace in the requested language', async () => {
    const database = freshDb();
    const en = await createSampleWorkspace('en', database);
    const ja = await createSampleWorkspace('ja', database);
    const names = Object.fromEntries((await listWorkspaces(database)).map((w) => [w.id, w.name]));
    expect(names[en]).toMatch(/Northwind/);
    expect(names[ja]).toMatch(/ノースウィンド/);
    const jaMembers = await database.members.where('workspaceId').equals(ja).toArray();
    expect(new Set(jaMembers.map((m) => m.department))).toEqual(new Set(['sales', 'marketing', 'other']));
    expect(jaMembers.some((m) => m.title === '営業部長')).toBe(true);
  });
});
