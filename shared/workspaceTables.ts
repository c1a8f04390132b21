import { z } from 'zod';
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from './base64';
import { migrateBoardDoc } from './board/docVersion';
import { WorkingCalendar } from './calendar/calendar';
import { decodeLeadMonth, encodeLeadMonth, type LeadMonth, LeadMonthFile } from './kpi/leadRecords';
import { KpiDefinition, PeriodValue } from './kpi/records';
import { ActionItem, Meeting, MeetingSeries } from './meetings/records';
import { Board } from './records/board';
import { Member } from './records/member';
import { SlaVersion } from './sla/versions';
import { TABLE_STORES } from './workspaceStores';

/**
 * The tables that hold a workspace, listed once. Each entry says where the table's rows of one
 * workspace live: its Dexie declaration in every schema version, its field in the `.alignboard`
 * file (zod schema and limit), and how a file entry is checked and decoded into what the app
 * stores and encoded back. The file schema and its duplicate-id check (workspaceFile.ts), the
 * database schema (renderer/src/db/db.ts), and export, import, duplicate, backups and purge
 * (renderer/src/db/workspaces.ts) all go through this list: adding a table is one entry here plus
 * a new Dexie version.
 *
 * Two shapes exist. `records`: many rows per workspace keyed [workspaceId+id], an array in the
 * file whose ids must be unique. `single`: at most one row per workspace keyed by workspaceId
 * (`{ workspaceId, [field]: value, updatedAt }`), one object or null in the file.
 */

/** What can be wrong with one decoded entry of a file (the rest of FileProblem is about the wrapper). */
export type EntryProblem =
  | { kind: 'bad-board'; boardName: string; detail: string }
  /** The board's document was written by a newer version of the app (its schema version). */
  | { kind: 'newer-board'; boardName: string; version: number }
  | { kind: 'bad-asset'; id: string }
  | { kind: 'bad-lead-month'; period: string; detail: string };

export type Decoded<Value> = { ok: true; value: Value } | { ok: false; problem: EntryProblem };

type Codec<Entry extends z.ZodType, Value> = {
  /** The Dexie table. */
  readonly table: string;
  /** Dexie's declaration of the table from a schema version on: `{ [version]: 'primary key, indexes' }`. */
  readonly stores: Readonly<Record<number, string>>;
  readonly entry: Entry;
  /** Files written before the table existed have no field for it: it reads as none. */
  readonly optional: boolean;
  /** Checks a validated file entry and turns it into what the app stores (bytes instead of base64, …). */
  decode(entry: z.output<Entry>): Decoded<Value>;
  encode(value: Value): z.output<Entry>;
};

export type RecordsTable<Entry extends z.ZodType = z.ZodType, Value = unknown, Optional extends boolean = boolean> = Codec<Entry, Value> & {
  readonly shape: 'records';
  readonly optional: Optional;
  /** At most this many entries in a file. */
  readonly max: number;
  /**
   * The row's Y.Doc property (y-dexie), if any: it is not a stored field but a document whose
   * updates y-dexie keeps in its own table (renderer/src/db/boardUpdates.ts); a decoded value
   * carries it as `updateV2` (see BoardValue).
   */
  readonly yDoc?: string;
};

export type SingleTable<Entry extends z.ZodType = z.ZodType, Value = unknown, Optional extends boolean = boolean> = Codec<Entry, Value> & {
  readonly shape: 'single';
  readonly optional: Optional;
  /** The row property that holds the value. */
  readonly field: string;
};

export type WorkspaceTable = RecordsTable<z.ZodType, unknown> | SingleTable<z.ZodType, unknown>;

const identity = <Value>(value: Value): Decoded<Value> => ({ ok: true, value });

function records<Table extends string, Entry extends z.ZodType, Optional extends boolean, Value = z.output<Entry>>(spec: {
  table: Table;
  stores: Record<number, string>;
  entry: Entry;
  max: number;
  optional: Optional;
  yDoc?: string;
  decode?: (entry: z.output<Entry>) => Decoded<Value>;
  encode?: (value: Value) => z.output<Entry>;
}): RecordsTable<Entry, Value, Optional> & { readonly table: Table } {
  return {
    shape: 'records',
    decode: identity as unknown as (entry: z.output<Entry>) => Decoded<Value>,
    encode: (value: Value) => value as unknown as z.output<Entry>,
    ...spec,
  };
}

function single<Table extends string, Entry extends z.ZodType, Optional extends boolean>(spec: {
  table: Table;
  stores: Record<number, string>;
  entry: Entry;
  field: string;
  optional: Optional;
}): SingleTable<Entry, z.output<Entry>, Optional> & { readonly table: Table } {
  return { shape: 'single', decode: identity, encode: (value) => value, ...spec };
}

// ---------------------------------------------------------------------------------------------
// Boards: the record plus its Y.Doc, which travels as a base64 Yjs update
// ---------------------------------------------------------------------------------------------

export const FileBoard = Board.omit({ workspaceId: true })
  .extend({
    /** Yjs update in the v1 encoding (Y.encodeStateAsUpdate), base64: what files of version 1 hold. */
    doc: z.string().optional(),
    /**
     * Yjs update in the v2 encoding (Y.encodeStateAsUpdateV2, as y-dexie stores it), base64: what
     * exports write from file version 2 on. Written and read as it is, without the re-encoding of
     * every string that the v1 encoding costs.
     */
    docV2: z.string().optional(),
  })
  .check((context) => {
    const { doc, docV2 } = context.value;
    if ((doc === undefined) === (docV2 === undefined)) {
      context.issues.push({
        code: 'custom',
        input: context.value,
        path: ['doc'],
        message: doc === undefined ? 'a board needs its document (doc or docV2)' : 'a board has one document: doc or docV2, not both',
      });
    }
  });
export type FileBoard = z.infer<typeof FileBoard>;
/**
 * A decoded board: the document as one Yjs update in the v2 encoding (Y.encodeStateAsUpdateV2),
 * which is how y-dexie stores it and how the file carries it (docV2), so an import writes it as it
 * is and an export of a board that nobody has open reads it as it is.
 */
export type BoardValue = Omit<FileBoard, 'doc' | 'docV2'> & { updateV2: Uint8Array };

/** A Yjs update read into a fresh doc: the doc, or why it is not a complete board. */
function readUpdate(update: Uint8Array, encoding: 'v1' | 'v2'): { doc: Y.Doc } | { problem: string } {
  const doc = new Y.Doc();
  try {
    if (encoding === 'v1') Y.applyUpdate(doc, update);
    else Y.applyUpdateV2(doc, update);
  } catch (error) {
    doc.destroy();
    return { problem: error instanceof Error ? error.message || 'unreadable document' : 'unreadable document' };
  }
  // An update whose structs reference missing ones is kept "pending" instead of applied:
  // that is a cut-off or spliced document, not a complete board.
  if (doc.store.pendingStructs || doc.store.pendingDs) {
    doc.destroy();
    return { problem: 'incomplete document' };
  }
  return { doc };
}

function decodeBoard({ doc: v1, docV2, ...board }: FileBoard): Decoded<BoardValue> {
  const encoding = docV2 === undefined ? 'v1' : 'v2';
  const update = base64ToBytes(docV2 ?? v1 ?? '');
  if (!update) return { ok: false, problem: { kind: 'bad-board', boardName: board.name, detail: 'not base64' } };
  const read = readUpdate(update, encoding);
  if ('problem' in read) return { ok: false, problem: { kind: 'bad-board', boardName: board.name, detail: read.problem } };
  try {
    const migrated = migrateBoardDoc(read.doc);
    if (!migrated.ok) {
      const { problem } = migrated;
      if (problem.kind === 'newer-board-version') return { ok: false, problem: { kind: 'newer-board', boardName: board.name, version: problem.version } };
      return { ok: false, problem: { kind: 'bad-board', boardName: board.name, detail: `schema version ${JSON.stringify(problem.version)} is not a whole number ≥ 1` } };
    }
    // A v2 document that needed no migration is stored as the file holds it: it was just read whole.
    const updateV2 = encoding === 'v2' && migrated.applied.length === 0 ? update : Y.encodeStateAsUpdateV2(read.doc);
    return { ok: true, value: { ...board, updateV2 } };
  } finally {
    read.doc.destroy();
  }
}

function encodeBoard({ updateV2, ...board }: BoardValue): FileBoard {
  return { ...board, docV2: bytesToBase64(updateV2) };
}

// ---------------------------------------------------------------------------------------------
// Assets: persona photos, bytes in the app and base64 in the file
// ---------------------------------------------------------------------------------------------

export const ASSET_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Binary assets (persona photos), already resized by the app; base64 in the file. */
export const FileAsset = z.object({
  id: z.string().min(1).max(100),
  mime: z.enum(ASSET_MIME_TYPES),
  width: z.number().int().min(1).max(4096),
  height: z.number().int().min(1).max(4096),
  createdAt: z.iso.datetime({ offset: true }),
  data: z.string().max(20 * 1024 * 1024),
});
export type FileAsset = z.infer<typeof FileAsset>;
export type AssetValue = Omit<FileAsset, 'data'> & { bytes: Uint8Array };

function decodeAsset({ data, ...asset }: FileAsset): Decoded<AssetValue> {
  const bytes = base64ToBytes(data);
  if (!bytes || bytes.length === 0) return { ok: false, problem: { kind: 'bad-asset', id: asset.id } };
  return { ok: true, value: { ...asset, bytes } };
}

function encodeAsset({ bytes, ...asset }: AssetValue): FileAsset {
  return { ...asset, data: bytesToBase64(bytes) };
}

// ---------------------------------------------------------------------------------------------

export const FileMember = Member.omit({ workspaceId: true });
export type FileMember = z.infer<typeof FileMember>;

/**
 * In file order (the order an export writes them, and the order duplicate ids and entries are
 * checked, so the first problem of a file is always the same one).
 */
export const WORKSPACE_TABLES = {
  members: records({ table: 'members', stores: TABLE_STORES.members, entry: FileMember, max: 100_000, optional: false }),
  boards: records({
    table: 'boards',
    stores: TABLE_STORES.boards,
    entry: FileBoard,
    max: 100_000,
    optional: false,
    yDoc: 'doc',
    decode: decodeBoard,
    encode: encodeBoard,
  }),
  /** Added before the first release; files without it have no assets. */
  assets: records({ table: 'assets', stores: TABLE_STORES.assets, entry: FileAsset, max: 100_000, optional: true, decode: decodeAsset, encode: encodeAsset }),
  /** SLA versions (drafts and signed ones, which travel unchanged). */
  slaVersions: records({ table: 'slaVersions', stores: TABLE_STORES.slaVersions, entry: SlaVersion, max: 10_000, optional: true }),
  /** The regular meeting and shared KPIs. Meetings are listed by date, action items by status
   * (carry-forward reads the open ones), KPI values by key and period (a trend is one range read). */
  meetingSeries: records({ table: 'meetingSeries', stores: TABLE_STORES.meetingSeries, entry: MeetingSeries, max: 1_000, optional: true }),
  meetings: records({ table: 'meetings', stores: TABLE_STORES.meetings, entry: Meeting, max: 100_000, optional: true }),
  actionItems: records({ table: 'actionItems', stores: TABLE_STORES.actionItems, entry: ActionItem, max: 100_000, optional: true }),
  kpis: records({ table: 'kpis', stores: TABLE_STORES.kpis, entry: KpiDefinition, max: 1_000, optional: true }),
  kpiValues: records({ table: 'kpiValues', stores: TABLE_STORES.kpiValues, entry: PeriodValue, max: 1_000_000, optional: true }),
  /** Lead-level response records of CRM imports, one entry per MQL month (id = 'YYYY-MM'). */
  leadMonths: records({
    table: 'leadMonths',
    stores: TABLE_STORES.leadMonths,
    entry: LeadMonthFile,
    max: 1_200,
    optional: true,
    decode: (entry): Decoded<LeadMonth> => {
      const decoded = decodeLeadMonth(entry);
      return decoded.ok ? { ok: true, value: decoded.month } : { ok: false, problem: { kind: 'bad-lead-month', period: entry.period, detail: decoded.detail } };
    },
    encode: encodeLeadMonth,
  }),
  /** The working calendar (what "business hours" means); none = the default for the UI language. */
  calendar: single({ table: 'calendars', stores: TABLE_STORES.calendars, entry: WorkingCalendar, field: 'calendar', optional: true }),
};
// (No `satisfies Record<string, WorkspaceTable>` on it: that would become the builders' contextual
// return type and widen their inferred value types to `unknown`. TABLE_LIST checks each entry.)

export type WorkspaceTables = typeof WORKSPACE_TABLES;
export type TableKey = keyof WorkspaceTables;
export const TABLE_KEYS = Object.keys(WORKSPACE_TABLES) as TableKey[];
/** The entries in file order, each checked to be a WorkspaceTable. */
export const TABLE_LIST: readonly (WorkspaceTable & { key: TableKey })[] = TABLE_KEYS.map((key) => ({ ...WORKSPACE_TABLES[key], key }));
/** The Dexie tables of the list (renderer/src/db/db.ts types each of them). */
export type TableName = WorkspaceTables[TableKey]['table'];

/** The tables whose entries have ids that must be unique within a file. */
export type IdCollection = { [K in TableKey]: WorkspaceTables[K]['shape'] extends 'records' ? K : never }[TableKey];
export const ID_COLLECTIONS = TABLE_KEYS.filter((key): key is IdCollection => WORKSPACE_TABLES[key].shape === 'records');

type ValueOf<T> = T extends { decode(entry: never): Decoded<infer Value> } ? Value : never;
/** A workspace's tables as the app stores them (decoded: bytes, typed arrays). */
export type DecodedTables = {
  -readonly [K in TableKey]: WorkspaceTables[K]['shape'] extends 'records' ? ValueOf<WorkspaceTables[K]>[] : ValueOf<WorkspaceTables[K]> | null;
};

type FieldSchema<T> = T extends { shape: infer Shape; entry: infer Entry extends z.ZodType; optional: infer Optional }
  ? Shape extends 'records'
    ? Optional extends true
      ? z.ZodDefault<z.ZodArray<Entry>>
      : z.ZodArray<Entry>
    : Optional extends true
      ? z.ZodDefault<z.ZodNullable<Entry>>
      : z.ZodNullable<Entry>
  : never;

/** The zod fields of the file, one per table. */
export function tableFields(): { [K in TableKey]: FieldSchema<WorkspaceTables[K]> } {
  const fields: Record<string, z.ZodType> = {};
  for (const table of TABLE_LIST) {
    if (table.shape === 'records') {
      const list = z.array(table.entry).max(table.max);
      fields[table.key] = table.optional ? list.default([]) : list;
    } else {
      const value = table.entry.nullable();
      fields[table.key] = table.optional ? value.default(null) : value;
    }
  }
  return fields as { [K in TableKey]: FieldSchema<WorkspaceTables[K]> };
}

// The database schema (Dexie's declarations) is in workspaceStores.ts, which opening the database needs.
export { schemaAt } from './workspaceStores';
