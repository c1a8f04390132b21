import { z } from 'zod';
import { FILE_EXTENSION, FILE_FORMAT, FILE_VERSION, MAX_FILE_BYTES } from './fileLimits';
import { migrateFile } from './migrateFile';
import { Workspace } from './records/workspace';
import {
  type DecodedTables,
  type EntryProblem,
  type IdCollection,
  ID_COLLECTIONS,
  TABLE_LIST,
  tableFields,
  type TableKey,
} from './workspaceTables';

/**
 * The `.alignboard` workspace file: versioned JSON. Records are validated strictly by zod; each
 * board's Y.Doc travels as a base64-encoded Yjs update (v2 encoding from version 2 on). The tables it carries are listed once, in
 * workspaceTables.ts. Bump FILE_VERSION with a named step in migrateFile.ts whenever the shape changes.
 */
export { FILE_EXTENSION, FILE_FORMAT, FILE_VERSION };
/** The one size limit of export, import and backup (see fileLimits.ts). */
export { MAX_FILE_BYTES };
export { ASSET_MIME_TYPES, FileAsset, FileBoard, FileMember, ID_COLLECTIONS, type IdCollection } from './workspaceTables';

export const WorkspaceFileSchema = z.object({
  format: z.literal(FILE_FORMAT),
  version: z.literal(FILE_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(50),
  workspace: Workspace.omit({ deletedAt: true }),
  ...tableFields(),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;
/** A file as it may be written: fields with defaults may be absent. */
export type WorkspaceFileInput = z.input<typeof WorkspaceFileSchema>;

/** A parsed file whose entries are decoded (bytes, typed arrays) and board documents known to load. */
export type ParsedWorkspaceFile = Omit<WorkspaceFile, TableKey> & DecodedTables;

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
  | EntryProblem;

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
  const migrated = migrateFile(wrapper, FILE_VERSION);
  if (!migrated.ok) return fail(migrated.problem);

  const parsed = WorkspaceFileSchema.safeParse(migrated.file);
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

  const decoded: Record<string, unknown> = {};
  for (const table of TABLE_LIST) {
    const key = table.key;
    const field: unknown = file[key];
    if (table.shape === 'single') {
      if (field === null) {
        decoded[key] = null;
        continue;
      }
      const result = table.decode(field);
      if (!result.ok) return fail(result.problem);
      decoded[key] = result.value;
      continue;
    }
    const values: unknown[] = [];
    for (const entry of field as unknown[]) {
      const result = table.decode(entry);
      if (!result.ok) return fail(result.problem);
      values.push(result.value);
    }
    decoded[key] = values;
  }
  return { ok: true, file: { ...file, ...(decoded as DecodedTables) } };
}

/** The file form of a parsed file (what an export writes): every table's values encoded again. */
export function encodeWorkspaceFile(file: ParsedWorkspaceFile): WorkspaceFile {
  const encoded: Record<string, unknown> = {};
  for (const table of TABLE_LIST) {
    const key = table.key;
    const value: unknown = file[key];
    if (table.shape === 'single') encoded[key] = value === null ? null : table.encode(value);
    else encoded[key] = (value as unknown[]).map((entry) => table.encode(entry));
  }
  return { ...file, ...(encoded as Pick<WorkspaceFile, TableKey>) };
}
