import { z } from 'zod';
import * as Y from 'yjs';
import { base64ToBytes } from './base64';
import { MAX_FILE_BYTES } from './fileLimits';
import { Board } from './records/board';
import { Member } from './records/member';
import { Workspace } from './records/workspace';
import { WorkingCalendar } from './calendar/calendar';
import { decodeLeadMonth, type LeadMonth, LeadMonthFile } from './kpi/leadRecords';
import { KpiDefinition, PeriodValue } from './kpi/records';
import { ActionItem, Meeting, MeetingSeries } from './meetings/records';
import { SlaVersion } from './sla/versions';

/**
 * The `.alignboard` workspace file: versioned JSON. Records are validated strictly by zod; each
 * board's Y.Doc travels as a base64-encoded Yjs update. Bump FORMAT_VERSION with a migration in
 * `migrateFile` whenever the shape changes.
 */
export const FILE_FORMAT = 'alignboard-workspace';
export const FILE_VERSION = 1;
export const FILE_EXTENSION = '.alignboard';
/** The one size limit of export, import and backup (see fileLimits.ts). */
export { MAX_FILE_BYTES };

const FileMember = Member.omit({ workspaceId: true });
const FileBoard = Board.omit({ workspaceId: true }).extend({
  /** Yjs update (Y.encodeStateAsUpdate) in base64. */
  doc: z.string(),
});

export const ASSET_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Binary assets (persona photos), already resized by the app; base64 in the file. */
const FileAsset = z.object({
  id: z.string().min(1).max(100),
  mime: z.enum(ASSET_MIME_TYPES),
  width: z.number().int().min(1).max(4096),
  height: z.number().int().min(1).max(4096),
  createdAt: z.iso.datetime({ offset: true }),
  data: z.string().max(20 * 1024 * 1024),
});
export type FileAsset = z.infer<typeof FileAsset>;

export const WorkspaceFileV1 = z.object({
  format: z.literal(FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(50),
  workspace: Workspace.omit({ deletedAt: true }),
  members: z.array(FileMember).max(100_000),
  boards: z.array(FileBoard).max(100_000),
  /** Added before the first release; files without it have no assets. */
  assets: z.array(FileAsset).max(100_000).default([]),
  /** SLA versions (drafts and signed ones, which travel unchanged); files without it have none. */
  slaVersions: z.array(SlaVersion).max(10_000).default([]),
  /** The regular meeting and shared KPIs; files without them have none. */
  meetingSeries: z.array(MeetingSeries).max(1_000).default([]),
  meetings: z.array(Meeting).max(100_000).default([]),
  actionItems: z.array(ActionItem).max(100_000).default([]),
  kpis: z.array(KpiDefinition).max(1_000).default([]),
  kpiValues: z.array(PeriodValue).max(1_000_000).default([]),
  /** The working calendar (what "business hours" means); files without it have none (the default applies). */
  calendar: WorkingCalendar.nullable().default(null),
  /** Lead-level response records of CRM imports, one entry per MQL month; files without them have none. */
  leadMonths: z.array(LeadMonthFile).max(1_200).default([]),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFileV1>;
/** A file as it may be written: fields with defaults may be absent. */
export type WorkspaceFileInput = z.input<typeof WorkspaceFileV1>;
export type FileMember = z.infer<typeof FileMember>;
export type FileBoard = z.infer<typeof FileBoard>;

/** A parsed file whose board documents are already decoded and known to load. */
export type ParsedWorkspaceFile = Omit<WorkspaceFile, 'boards' | 'assets' | 'leadMonths'> & {
  boards: (Omit<FileBoard, 'doc'> & { update: Uint8Array })[];
  assets: (Omit<FileAsset, 'data'> & { bytes: Uint8Array })[];
  leadMonths: LeadMonth[];
};

export type FileProblem =
  | { kind: 'empty' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'truncated' }
  | { kind: 'not-json'; detail: string }
  | { kind: 'not-alignboard' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'unsupported-version'; version: unknown }
  | { kind: 'invalid'; path: string; detail: string }
  | { kind: 'duplicate-id'; collection: IdCollection; id: string }
  | { kind: 'bad-board'; boardName: string; detail: string }
  | { kind: 'bad-asset'; id: string }
  | { kind: 'bad-lead-month'; period: string; detail: string };

/** The collections whose ids must be unique within a file. */
export const ID_COLLECTIONS = ['members', 'boards', 'assets', 'slaVersions', 'meetingSeries', 'meetings', 'actionItems', 'kpis', 'kpiValues', 'leadMonths'] as const;
export type IdCollection = (typeof ID_COLLECTIONS)[number];

export type ParseResult = { ok: true; file: ParsedWorkspaceFile } | { ok: false; problem: FileProblem };

type Cut = 'cut';
const CUT: Cut = 'cut';
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_CHARS = /[-+.eE0-9]*/y;
const HEX4 = /^[0-9a-fA-F]{0,4}$/;

/** Index just past the string opening at `start`, CUT if the text ends inside it, -1 if it is invalid. */
function scanString(text: string, start: number): number | Cut {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1; // "
    if (code < 0x20) return -1; // raw control characters are not allowed in JSON strings
    if (code !== 0x5c) continue; // backslash
    const escape = text[i + 1];
    if (escape === undefined) return CUT;
    if (escape === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!HEX4.test(hex)) return -1;
      if (hex.length < 4) return i + 2 + hex.length === text.length ? CUT : -1;
      i += 5;
    } else if ('"\\/bfnrt'.includes(escape)) {
      i += 1;
    } else {
      return -1;
    }
  }
  return CUT;
}

/**
 * True when `text` is an object or array that breaks off before its end with nothing wrong before
 * the cut, i.e. some continuation would make it valid JSON: the file was cut off in transit or on
 * disk. Decided by scanning the grammar rather than by reading JSON.parse messages, which differ
 * between engines and often point at the end of the text for other mistakes too (trailing garbage,
 * comments after the document).
 */
function isTruncatedJson(text: string): boolean {
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let started = false;
  const afterValue = (): Expect => (stack.length > 0 ? 'comma-or-close' : 'end');
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (!started) {
      if (c !== '{' && c !== '[') return false; // a workspace file is an object; anything else is not cut JSON
      started = true;
    }
    if (expect === 'end') return false;
    if (expect === 'colon') {
      if (c !== ':') return false;
      expect = 'value';
      i++;
      continue;
    }
    const open = stack[stack.length - 1];
    if (expect === 'comma-or-close' || expect === 'key-or-close' || expect === 'value-or-close') {
      if ((c === '}' && open === '{') || (c === ']' && open === '[')) {
        stack.pop();
        expect = afterValue();
        i++;
        continue;
      }
    }
    if (expect === 'comma-or-close') {
      if (c !== ',') return false;
      expect = open === '{' ? 'key' : 'value';
      i++;
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (c !== '"') return false;
      const end = scanString(text, i);
      if (end === CUT) return true;
      if (end < 0) return false;
      i = end;
      expect = 'colon';
      continue;
    }
    // A value.
    if (c === '{' || c === '[') {
      stack.push(c);
      expect = c === '{' ? 'key-or-close' : 'value-or-close';
      i++;
    } else if (c === '"') {
      const end = scanString(text, i);
      if (end === CUT) return true;
      if (end < 0) return false;
      i = end;
      expect = afterValue();
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER_CHARS.lastIndex = i;
      const token = NUMBER_CHARS.exec(text)![0];
      // A number running into the end of the text only has to be the start of a valid number.
      if (i + token.length === text.length) return NUMBER.test(token) || NUMBER.test(`${token}0`);
      if (!NUMBER.test(token)) return false;
      i += token.length;
      expect = afterValue();
    } else {
      const literal = ['true', 'false', 'null'].find((word) => word[0] === c);
      if (!literal) return false;
      const rest = text.slice(i, i + literal.length);
      if (rest !== literal) return i + rest.length === text.length && literal.startsWith(rest);
      i += literal.length;
      expect = afterValue();
    }
  }
  return started && expect !== 'end';
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

export function parseWorkspaceFile(input: string): ParseResult {
  const fail = (problem: FileProblem): ParseResult => ({ ok: false, problem });
  // A UTF-8 byte order mark (Windows editors add one) is not part of the JSON text.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') return fail({ kind: 'empty' });
  if (text.length > MAX_FILE_BYTES) return fail({ kind: 'too-large', bytes: text.length });

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // An interrupted write can also leave the unwritten tail of the file as zero bytes.
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 0) end--;
    if (isTruncatedJson(end === text.length ? text : text.slice(0, end))) return fail({ kind: 'truncated' });
    return fail({ kind: 'not-json', detail: error instanceof Error ? error.message : String(error) });
  }

  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail({ kind: 'not-alignboard' });
  const wrapper = raw as Record<string, unknown>;
  if (wrapper.format !== FILE_FORMAT) return fail({ kind: 'not-alignboard' });
  const version = wrapper.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail({ kind: 'unsupported-version', version });
  }
  if (version > FILE_VERSION) return fail({ kind: 'newer-version', version });

  const parsed = WorkspaceFileV1.safeParse(wrapper);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail({ kind: 'invalid', path: formatPath(issue.path), detail: issue.message });
  }
  const file = parsed.data;

  for (const collection of ID_COLLECTIONS) {
    const seen = new Set<string>();
    for (const record of file[collection]) {
      if (seen.has(record.id)) return fail({ kind: 'duplicate-id', collection, id: record.id });
      seen.add(record.id);
    }
  }

  const boards: ParsedWorkspaceFile['boards'] = [];
  for (const { doc, ...board } of file.boards) {
    const update = base64ToBytes(doc);
    if (!update) return fail({ kind: 'bad-board', boardName: board.name, detail: 'not base64' });
    const problem = checkUpdate(update);
    if (problem) return fail({ kind: 'bad-board', boardName: board.name, detail: problem });
    boards.push({ ...board, update });
  }
  const assets: ParsedWorkspaceFile['assets'] = [];
  for (const { data, ...asset } of file.assets) {
    const bytes = base64ToBytes(data);
    if (!bytes || bytes.length === 0) return fail({ kind: 'bad-asset', id: asset.id });
    assets.push({ ...asset, bytes });
  }
  const leadMonths: LeadMonth[] = [];
  for (const entry of file.leadMonths) {
    const decoded = decodeLeadMonth(entry);
    if (!decoded.ok) return fail({ kind: 'bad-lead-month', period: entry.period, detail: decoded.detail });
    leadMonths.push(decoded.month);
  }
  return { ok: true, file: { ...file, boards, assets, leadMonths } };
}

/** Applies the update to a throw-away doc; Yjs throws on malformed updates. */
function checkUpdate(update: Uint8Array): string | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    // An update whose structs reference missing ones is kept "pending" instead of applied:
    // that is a cut-off or spliced document, not a complete board.
    if (doc.store.pendingStructs || doc.store.pendingDs) return 'incomplete document';
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || 'unreadable document' : 'unreadable document';
  } finally {
    doc.destroy();
  }
}
