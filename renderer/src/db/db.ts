import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import type { Board } from '../../../shared/records/board';
import type { Member } from '../../../shared/records/member';
import type { Workspace } from '../../../shared/records/workspace';

export type BoardRow = Board & { readonly doc: Y.Doc };

export type AlignboardDb = Dexie & {
  workspaces: EntityTable<Workspace, 'id'>;
  members: Dexie.Table<Member, [string, string]>;
  boards: Dexie.Table<BoardRow, [string, string]>;
};

export const DB_NAME = 'alignboard';

/**
 * Schema versions are cumulative: never edit a released version, add a new one with its upgrade
 * and a migration test that opens a database written by the previous version
 * (test/component/dbMigrations.test.ts).
 *
 * Members and boards are keyed by [workspaceId+id]: ids are unique within a workspace, so a
 * workspace imported under a new id keeps every internal reference (board → member) intact.
 */
export const SCHEMA_V1 = {
  workspaces: 'id, updatedAt',
  members: '[workspaceId+id], workspaceId',
  boards: '[workspaceId+id], workspaceId, doc: Y.Doc',
} as const;

export function openDb(name = DB_NAME): AlignboardDb {
  const db = new Dexie(name, { addons: [yDexie] }) as AlignboardDb;
  db.version(1).stores(SCHEMA_V1);
  return db;
}

export const db = openDb();
