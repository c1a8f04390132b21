import { Dexie, type EntityTable, type Transaction } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import type { WorkingCalendar } from '@shared/calendar/calendar';
import type { LeadMonth } from '@shared/kpi/leadRecords';
import type { KpiDefinition, PeriodValue } from '@shared/kpi/records';
import type { ActionItem, Meeting, MeetingSeries } from '@shared/meetings/records';
import type { Board } from '@shared/records/board';
import type { Member } from '@shared/records/member';
import type { SlaVersion } from '@shared/sla/versions';
import type { Workspace } from '@shared/records/workspace';
import type { TableName } from '@shared/workspaceTables';
import { schemaAt } from '@shared/workspaceStores';

export type BoardRow = Board & { readonly doc: Y.Doc };

/** A binary asset of a workspace (persona photos), stored as bytes so it survives structured clone everywhere. */
export type AssetRow = {
  workspaceId: string;
  id: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: Uint8Array;
  width: number;
  height: number;
  createdAt: string;
};

/** An SLA version of a workspace (shared/sla/versions.ts); a signed one is never written again. */
export type SlaVersionRow = SlaVersion & { workspaceId: string };

/** Meetings, series, action items, KPI definitions and KPI values (shared/meetings, shared/kpi). */
export type MeetingSeriesRow = MeetingSeries & { workspaceId: string };
export type MeetingRow = Meeting & { workspaceId: string };
export type ActionItemRow = ActionItem & { workspaceId: string };
export type KpiRow = KpiDefinition & { workspaceId: string };
export type PeriodValueRow = PeriodValue & { workspaceId: string };

/** A workspace's working calendar (shared/calendar); none stored = the default for the UI language. */
export type CalendarRow = { workspaceId: string; calendar: WorkingCalendar; updatedAt: string };
/** Lead-level response records of one MQL month from a CRM import (shared/kpi/leadRecords.ts). */
export type LeadMonthRow = LeadMonth & { workspaceId: string };

export type AlignboardDb = Dexie & {
  workspaces: EntityTable<Workspace, 'id'>;
  members: Dexie.Table<Member, [string, string]>;
  boards: Dexie.Table<BoardRow, [string, string]>;
  assets: Dexie.Table<AssetRow, [string, string]>;
  slaVersions: Dexie.Table<SlaVersionRow, [string, string]>;
  meetingSeries: Dexie.Table<MeetingSeriesRow, [string, string]>;
  meetings: Dexie.Table<MeetingRow, [string, string]>;
  actionItems: Dexie.Table<ActionItemRow, [string, string]>;
  kpis: Dexie.Table<KpiRow, [string, string]>;
  kpiValues: Dexie.Table<PeriodValueRow, [string, string]>;
  calendars: EntityTable<CalendarRow, 'workspaceId'>;
  leadMonths: Dexie.Table<LeadMonthRow, [string, string]>;
};

/** Every table of shared/workspaceTables.ts has its row type above: one added there without fails to compile here. */
export type WorkspaceDbTables = Pick<AlignboardDb, TableName>;

export const DB_NAME = 'alignboard';

/**
 * Schema versions are cumulative: never edit a released version, add a new one with its upgrade
 * and a migration test that opens a database written by the previous version
 * (test/component/dbMigrations.test.ts). The tables and their indexes in each version are declared
 * once, in shared/workspaceStores.ts; a new table is an entry there with `{ [DB_VERSION]: … }`, an
 * entry of shared/workspaceTables.ts's list for the file format, and DB_VERSION one higher.
 *
 * Members and boards are keyed by [workspaceId+id]: ids are unique within a workspace, so a
 * workspace imported under a new id keeps every internal reference (board → member) intact.
 */
export const DB_VERSION = 5;

/** v1: workspaces, members, boards (with their Y.Doc). */
export const SCHEMA_V1 = schemaAt(1);
/** v2: persona photos (`assets`) and persona agreement on boards (`agreement`, null until agreed). */
export const SCHEMA_V2 = schemaAt(2);
/** v3: SLA versions (draft → in review → signed), keyed like members and boards. */
export const SCHEMA_V3 = schemaAt(3);
/** v4: the regular meeting and shared KPIs. */
export const SCHEMA_V4 = schemaAt(4);
/** v5: the working calendar (one per workspace) and the lead-level response records of CRM imports. */
export const SCHEMA_V5 = schemaAt(5);

/** Data changes a version needs beyond its tables (none = the new tables start empty). */
const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  2: async (tx) => {
    await tx
      .table('boards')
      .toCollection()
      .modify((board: { agreement?: unknown }) => {
        if (board.agreement === undefined) board.agreement = null;
      });
  },
};

/**
 * `durability`: IndexedDB's commit guarantee for this connection's write transactions (Dexie 4.4
 * sets it per Dexie instance, not per transaction). Chromium's default has been "relaxed" since
 * 121: committed once the OS has the data, which a power cut can still lose.
 */
export function openDb(name = DB_NAME, options: { durability?: 'strict' | 'relaxed' | 'default' } = {}): AlignboardDb {
  const db = new Dexie(name, { addons: [yDexie], ...(options.durability ? { chromeTransactionDurability: options.durability } : {}) }) as AlignboardDb;
  for (let version = 1; version <= DB_VERSION; version++) {
    const declared = db.version(version).stores(schemaAt(version));
    const upgrade = UPGRADES[version];
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

export const db = openDb();
