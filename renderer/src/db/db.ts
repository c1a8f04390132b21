import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import type { WorkingCalendar } from '../../../shared/calendar/calendar';
import type { LeadMonth } from '../../../shared/kpi/leadRecords';
import type { KpiDefinition, PeriodValue } from '../../../shared/kpi/records';
import type { ActionItem, Meeting, MeetingSeries } from '../../../shared/meetings/records';
import type { Board } from '../../../shared/records/board';
import type { Member } from '../../../shared/records/member';
import type { SlaVersion } from '../../../shared/sla/versions';
import type { Workspace } from '../../../shared/records/workspace';

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

/** v2: persona photos (`assets`) and persona agreement on boards (`agreement`, null until agreed). */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  assets: '[workspaceId+id], workspaceId',
} as const;

/** v3: SLA versions (draft → in review → signed), keyed like members and boards. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  slaVersions: '[workspaceId+id], workspaceId',
} as const;

/**
 * v4: the regular meeting and shared KPIs. Meetings are listed by date, action items by status
 * (carry-forward reads the open ones), KPI values by key and period (a trend is one range read).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  meetingSeries: '[workspaceId+id], workspaceId',
  meetings: '[workspaceId+id], workspaceId, [workspaceId+date]',
  actionItems: '[workspaceId+id], workspaceId, [workspaceId+status]',
  kpis: '[workspaceId+id], workspaceId',
  kpiValues: '[workspaceId+id], workspaceId, [workspaceId+key+period]',
} as const;

/**
 * v5: the working calendar (one per workspace, keyed by it) and the lead-level response records
 * of CRM imports, one row per MQL month (id = 'YYYY-MM'), kept to measure per record and again
 * when the calendar changes.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  calendars: 'workspaceId',
  leadMonths: '[workspaceId+id], workspaceId',
} as const;

/**
 * `durability`: IndexedDB's commit guarantee for this connection's write transactions (Dexie 4.4
 * sets it per Dexie instance, not per transaction). Chromium's default has been "relaxed" since
 * 121: committed once the OS has the data, which a power cut can still lose.
 */
export function openDb(name = DB_NAME, options: { durability?: 'strict' | 'relaxed' | 'default' } = {}): AlignboardDb {
  const db = new Dexie(name, { addons: [yDexie], ...(options.durability ? { chromeTransactionDurability: options.durability } : {}) }) as AlignboardDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      await tx
        .table('boards')
        .toCollection()
        .modify((board: { agreement?: unknown }) => {
          if (board.agreement === undefined) board.agreement = null;
        });
    });
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V4);
  db.version(5).stores(SCHEMA_V5);
  return db;
}

export const db = openDb();
