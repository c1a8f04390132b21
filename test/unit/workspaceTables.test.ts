import { describe, expect, it } from 'vitest';
import { FILE_FORMAT, FILE_VERSION, parseWorkspaceFile, WorkspaceFileSchema } from '../../shared/workspaceFile';
import { fileWithOneOfEach } from '../fixtures/oneOfEachTable';
import { ID_COLLECTIONS, schemaAt, TABLE_KEYS, TABLE_LIST, WORKSPACE_TABLES } from '../../shared/workspaceTables';

const KEYED = '[workspaceId+id], workspaceId';

/**
 * The Dexie declarations of every released schema version, written out as they shipped. The list
 * in workspaceTables.ts must reproduce them exactly: a released version never changes (an
 * installed app would refuse to open its database, or lose an index, if it did).
 */
const RELEASED: Record<number, Record<string, string>> = {
  1: { workspaces: 'id, updatedAt', members: KEYED, boards: `${KEYED}, doc: Y.Doc` },
  2: { workspaces: 'id, updatedAt', members: KEYED, boards: `${KEYED}, doc: Y.Doc`, assets: KEYED },
  3: { workspaces: 'id, updatedAt', members: KEYED, boards: `${KEYED}, doc: Y.Doc`, assets: KEYED, slaVersions: KEYED },
  4: {
    workspaces: 'id, updatedAt',
    members: KEYED,
    boards: `${KEYED}, doc: Y.Doc`,
    assets: KEYED,
    slaVersions: KEYED,
    meetingSeries: KEYED,
    meetings: `${KEYED}, [workspaceId+date]`,
    actionItems: `${KEYED}, [workspaceId+status]`,
    kpis: KEYED,
    kpiValues: `${KEYED}, [workspaceId+key+period]`,
  },
  5: {
    workspaces: 'id, updatedAt',
    members: KEYED,
    boards: `${KEYED}, doc: Y.Doc`,
    assets: KEYED,
    slaVersions: KEYED,
    meetingSeries: KEYED,
    meetings: `${KEYED}, [workspaceId+date]`,
    actionItems: `${KEYED}, [workspaceId+status]`,
    kpis: KEYED,
    kpiValues: `${KEYED}, [workspaceId+key+period]`,
    calendars: 'workspaceId',
    leadMonths: KEYED,
  },
};

describe('the list of workspace tables', () => {
  it.each(Object.keys(RELEASED).map(Number))('reproduces the released Dexie schema of version %i exactly', (version) => {
    expect(schemaAt(version)).toEqual(RELEASED[version]);
  });

  it('declares every table of the list, and nothing before version 1', () => {
    expect(schemaAt(0)).toEqual({});
    const latest = schemaAt(Number.MAX_SAFE_INTEGER);
    expect(Object.keys(latest).sort()).toEqual(['workspaces', ...TABLE_LIST.map((table) => table.table)].sort());
  });

  it('gives the file one field per table, after the wrapper fields, in the order of the list', () => {
    expect(Object.keys(WorkspaceFileSchema.shape)).toEqual(['format', 'version', 'exportedAt', 'appVersion', 'workspace', ...TABLE_KEYS]);
  });

  it('checks ids for uniqueness in exactly the tables of many records', () => {
    expect(ID_COLLECTIONS).toEqual(TABLE_KEYS.filter((key) => WORKSPACE_TABLES[key].shape === 'records'));
    expect(ID_COLLECTIONS).toEqual(['members', 'boards', 'assets', 'slaVersions', 'meetingSeries', 'meetings', 'actionItems', 'kpis', 'kpiValues', 'leadMonths']);
  });

  it.each(ID_COLLECTIONS)('refuses a file whose %s repeat an id, naming the table and the id', (collection) => {
    const file = fileWithOneOfEach();
    const entries = file[collection] as { id: string }[];
    expect(entries).toHaveLength(1);
    const result = parseWorkspaceFile(JSON.stringify({ ...file, [collection]: [entries[0], { ...entries[0] }] }));
    expect(result).toEqual({ ok: false, problem: { kind: 'duplicate-id', collection, id: entries[0]!.id } });
  });

  it('reads a file with one entry in every table', () => {
    const result = parseWorkspaceFile(JSON.stringify(fileWithOneOfEach()));
    expect(result.ok).toBe(true);
  });

  it('files written before a table existed read as having none of it', () => {
    const optional = TABLE_LIST.filter((table) => table.optional).map((table) => table.key);
    expect(optional).toEqual(['assets', 'slaVersions', 'meetingSeries', 'meetings', 'actionItems', 'kpis', 'kpiValues', 'leadMonths', 'calendar']);
    const parsed = WorkspaceFileSchema.parse({
      format: FILE_FORMAT,
      version: FILE_VERSION,
      exportedAt: '2025-01-01T00:00:00.000Z',
      appVersion: '1',
      workspace: { id: 'w', name: 'W', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
      members: [],
      boards: [],
    });
    for (const table of TABLE_LIST.filter((t) => t.optional)) expect(parsed[table.key]).toEqual(table.shape === 'records' ? [] : null);
  });
});
