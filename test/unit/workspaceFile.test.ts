import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bytesToBase64 } from '../../shared/base64';
import { encodeLeadMonth } from '../../shared/kpi/leadRecords';
import { DEPARTMENTS } from '../../shared/records/member';
import {
  FILE_FORMAT,
  encodeWorkspaceFile,
  FILE_VERSION,
  type FileProblem,
  MAX_FILE_BYTES,
  type ParsedWorkspaceFile,
  type ParseResult,
  parseWorkspaceFile,
  type WorkspaceFile,
  type WorkspaceFileInput,
  WorkspaceFileSchema,
} from '../../shared/workspaceFile';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const goodDir = join(fixtures, 'workspace-files', 'good');
const badDir = join(fixtures, 'bad-files');

/** Files are read the way the app reads them: as UTF-8 text. */
const readText = (path: string): string => readFileSync(path, 'utf8');

type Nodes = Record<string, Record<string, unknown>>;

function expectOk(result: ParseResult): ParsedWorkspaceFile {
  if (!result.ok) throw new Error(`expected the file to parse, got ${JSON.stringify(result.problem)}`);
  return result.file;
}

function expectProblem(result: ParseResult): FileProblem {
  if (result.ok) throw new Error('expected the file to be rejected, but it parsed');
  return result.problem;
}

function nodesOf(update: Uint8Array): Nodes {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const nodes = doc.getMap('nodes').toJSON() as Nodes;
  doc.destroy();
  return nodes;
}

/** The nodes of a decoded board (its document in the v2 encoding, as y-dexie stores it). */
const nodesOfV2 = (updateV2: Uint8Array): Nodes => nodesOf(Y.convertUpdateFormatV2ToV1(updateV2));

/** The parsed file written back in the file format (what an export of it would contain). */
function serialize(file: ParsedWorkspaceFile): WorkspaceFile {
  return {
    ...file,
    boards: file.boards.map(({ updateV2, ...board }) => ({ ...board, doc: bytesToBase64(Y.convertUpdateFormatV2ToV1(updateV2)) })),
    assets: file.assets.map(({ bytes, ...asset }) => ({ ...asset, data: bytesToBase64(bytes) })),
    leadMonths: file.leadMonths.map(encodeLeadMonth),
  };
}

/** A valid file as a plain object, to be modified by a test and stringified. */
function validFile(): Record<string, unknown> & WorkspaceFileInput {
  const doc = new Y.Doc();
  const node = new Y.Map<unknown>();
  doc.getMap('nodes').set('n1', node);
  node.set('type', 'sticky');
  node.set('x', 1);
  node.set('y', 2);
  node.set('text', 'hi');
  const date = '2025-01-01T00:00:00.000Z';
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: date,
    appVersion: '0.1.0',
    workspace: { id: 'w', name: 'Workspace', createdAt: date, updatedAt: date },
    members: [
      { id: 'm1', name: 'Ann', department: 'sales', title: 'Rep', createdAt: date, updatedAt: date },
      { id: 'm2', name: 'Bo', department: 'marketing', title: '', createdAt: date, updatedAt: date },
    ],
    boards: [
      { id: 'b1', kind: 'persona', name: 'Persona', createdAt: date, updatedAt: date, doc: bytesToBase64(Y.encodeStateAsUpdate(doc)) },
      { id: 'b2', kind: 'funnel', name: 'Funnel', createdAt: date, updatedAt: date, doc: 'AAA=' },
    ],
  };
}

const parseObject = (file: unknown): ParseResult => parseWorkspaceFile(JSON.stringify(file));

/** Sets the value at a dotted path such as `members.0.title` (creating nothing). */
function setAt(target: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** `members.0.title` -> `members[0].title`, the form FileProblem paths use. */
const problemPath = (path: string): string => path.replace(/\.(\d+)/g, '[$1]');

// -------------------------------------------------------------------------------------------------

describe('good workspace files', () => {
  const goodFiles = readdirSync(goodDir)
    .filter((name) => name.endsWith('.alignboard'))
    .sort();
  const expectedNodes = JSON.parse(readText(join(goodDir, 'expected-nodes.json'))) as Record<string, Record<string, Nodes>>;

  it('has an expected-nodes entry for exactly the good files on disk', () => {
    expect(goodFiles.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(expectedNodes).sort()).toEqual(goodFiles);
    expect(readdirSync(goodDir).sort()).toEqual([...goodFiles, 'expected-nodes.json'].sort());
  });

  it('includes a Japanese file with members of every department and two boards', () => {
    const file = expectOk(parseWorkspaceFile(readText(join(goodDir, 'japanese-members-and-boards.alignboard'))));
    expect(file.workspace.name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(new Set(file.members.map((member) => member.department))).toEqual(new Set(DEPARTMENTS));
    expect(file.members.length).toBeGreaterThanOrEqual(3);
    expect(file.boards).toHaveLength(2);
    for (const board of file.boards) {
      const nodes = Object.values(nodesOfV2(board.updateV2));
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        expect(node).toEqual(
          expect.objectContaining({ type: expect.any(String), x: expect.any(Number), y: expect.any(Number), text: expect.any(String) }),
        );
      }
    }
  });

  it('includes a board larger than 32 KiB', () => {
    const file = expectOk(parseWorkspaceFile(readText(join(goodDir, 'large-board-minified.alignboard'))));
    expect(Y.convertUpdateFormatV2ToV1(file.boards[0]!.updateV2).length).toBeGreaterThan(32 * 1024);
  });

  describe.each(goodFiles)('%s', (name) => {
    const text = readText(join(goodDir, name));
    const expected = expectedNodes[name]!;

    it('parses, with every record of the file', () => {
      const file = expectOk(parseWorkspaceFile(text));
      const raw = JSON.parse(text.replace(/^\uFEFF/, '')) as WorkspaceFile;
      expect(file.format).toBe(FILE_FORMAT);
      expect(file.version).toBe(FILE_VERSION);
      expect(file.workspace).toEqual(raw.workspace);
      expect(file.members).toEqual(raw.members);
      expect(file.boards.map((board) => board.id)).toEqual(raw.boards.map((board) => board.id));
      expect(file.boards.map((board) => board.id).sort()).toEqual(Object.keys(expected).sort());
    });

    it("decodes each board's Y.Doc to the nodes it was made with", () => {
      const file = expectOk(parseWorkspaceFile(text));
      for (const board of file.boards) expect(nodesOfV2(board.updateV2)).toEqual(expected[board.id]);
    });

    it('round-trips: writing the parsed file again gives the same JSON and parses to the same result', () => {
      const first = expectOk(parseWorkspaceFile(text));
      const written = serialize(first);
      // Byte-exact: the base64 of each decoded update is the original `doc` string. Files made
      // before working calendars and lead records gain them empty; older versions read as the current one.
      expect(written).toEqual({ calendar: null, leadMonths: [], ...JSON.parse(text.replace(/^\uFEFF/, '')), version: FILE_VERSION });
      const second = expectOk(parseWorkspaceFile(JSON.stringify(written, null, 2)));
      expect(second).toEqual(first);
    });

    it('round-trips each board through a fresh Y.Doc', () => {
      const file = expectOk(parseWorkspaceFile(text));
      for (const board of file.boards) {
        const doc = new Y.Doc();
        Y.applyUpdateV2(doc, board.updateV2);
        const again = Y.encodeStateAsUpdate(doc);
        expect(nodesOf(again)).toEqual(expected[board.id]);
        // Applying the same update twice changes nothing (what importing a file twice does).
        Y.applyUpdateV2(doc, board.updateV2);
        expect(doc.getMap('nodes').toJSON()).toEqual(expected[board.id]);
      }
    });
  });
});

// -------------------------------------------------------------------------------------------------

type Expected = { kind: FileProblem['kind'] } & Record<string, unknown>;

describe('bad workspace files', () => {
  const manifest = JSON.parse(readText(join(badDir, 'expected.json'))) as Record<string, Expected>;
  const badFiles = readdirSync(badDir)
    .filter((name) => name !== 'expected.json')
    .sort();

  it('lists exactly the files on disk in expected.json', () => {
    const listed = Object.keys(manifest).sort();
    expect(badFiles.filter((name) => !listed.includes(name)), 'files missing from expected.json').toEqual([]);
    expect(listed.filter((name) => !badFiles.includes(name)), 'expected.json entries without a file').toEqual([]);
  });

  it('is a corpus of at least 24 files covering every problem kind a file on disk can have', () => {
    expect(badFiles.length).toBeGreaterThanOrEqual(24);
    const kinds = new Set(Object.values(manifest).map((entry) => entry.kind));
    // too-large needs a 200 MB file; it is tested below with a generated string instead.
    expect([...kinds].sort()).toEqual(
      ['bad-asset', 'bad-board', 'bad-lead-month', 'duplicate-id', 'empty', 'invalid', 'newer-version', 'not-alignboard', 'not-json', 'truncated', 'unsupported-version'],
    );
  });

  it.each(badFiles)('%s', (name) => {
    const expected = manifest[name];
    if (!expected) throw new Error(`${name} is not listed in expected.json`);
    const problem = expectProblem(parseWorkspaceFile(readText(join(badDir, name))));
    expect(problem.kind).toBe(expected.kind);
    expect(problem).toMatchObject(expected);
  });

  it('reports the missing version as undefined and an overflowing one as Infinity', () => {
    expect(expectProblem(parseWorkspaceFile(readText(join(badDir, 'version-missing.alignboard'))))).toEqual({
      kind: 'unsupported-version',
      version: undefined,
    });
    expect(expectProblem(parseWorkspaceFile(readText(join(badDir, 'version-1e400-overflows.alignboard'))))).toEqual({
      kind: 'unsupported-version',
      version: Infinity,
    });
  });

  it('gives a reason for boards that are not loadable', () => {
    const badBoards = badFiles.filter((file) => manifest[file]!.kind === 'bad-board');
    expect(badBoards.length).toBeGreaterThanOrEqual(5);
    const withoutReason = badBoards.filter((name) => {
      const problem = expectProblem(parseWorkspaceFile(readText(join(badDir, name))));
      return problem.kind !== 'bad-board' || problem.detail.trim() === '';
    });
    expect(withoutReason).toEqual([]);
  });
});

// -------------------------------------------------------------------------------------------------

describe('empty and oversized input', () => {
  it.each(['', ' ', '\n\r\n\t', '\uFEFF', '\uFEFF \n'])('%j is empty', (text) => {
    expect(expectProblem(parseWorkspaceFile(text))).toEqual({ kind: 'empty' });
  });

  it('rejects text longer than MAX_FILE_BYTES before parsing it', () => {
    const text = `{${' '.repeat(MAX_FILE_BYTES)}}`;
    expect(expectProblem(parseWorkspaceFile(text))).toEqual({ kind: 'too-large', bytes: MAX_FILE_BYTES + 2 });
  });
});

describe('byte order mark', () => {
  it('ignores one UTF-8 byte order mark at the start', () => {
    const text = JSON.stringify(validFile());
    expect(parseWorkspaceFile(`\uFEFF${text}`)).toEqual(parseWorkspaceFile(text));
    expect(parseWorkspaceFile(`\uFEFF${text}`).ok).toBe(true);
  });

  it('does not ignore a second one or one elsewhere', () => {
    const text = JSON.stringify(validFile());
    expect(expectProblem(parseWorkspaceFile(`\uFEFF\uFEFF${text}`)).kind).toBe('not-json');
    expect(expectProblem(parseWorkspaceFile(`${text}\uFEFF`)).kind).toBe('not-json');
  });
});

describe('truncated or not JSON', () => {
  it.each([
    '{',
    '[',
    ' \n{',
    '{"',
    '{"format',
    '{"format"',
    '{"format":',
    '{"format": "align',
    '{"a":"\\',
    '{"a":"\\u00',
    '{"a":"\\"',
    '{"a":-',
    '{"a":1',
    '{"a":1.',
    '{"a":1.5e',
    '{"a":1e+',
    '{"a":t',
    '{"a":fals',
    '{"a":nul',
    '{"a":[',
    '{"a":[1,',
    '{"a":[{}',
    '{"a":[{}]',
    '{"a":{"b":[]}',
    '[1,2',
    '{"a":"b"',
    '{"a":"日本',
    '{"a":\u0000\u0000\u0000',
  ])('%j is truncated', (text) => {
    expect(expectProblem(parseWorkspaceFile(text))).toEqual({ kind: 'truncated' });
  });

  it.each([
    'hello',
    'n',
    'tru',
    '"abc',
    '-',
    '{a:1}',
    "{'a':1}",
    '{"a":1,}',
    '[1,]',
    '{"a" 1',
    '{"a":1 "b"',
    '{"a":01',
    '{"a":1-2',
    '{"a":.5',
    '{"a":+1',
    '{"a":tx',
    '{"a":nulll',
    '{"a":"x\ny"',
    '{"a":"\\x"',
    '{"a":"\\u12G4"',
    '{"a":1]',
    '[1}',
    '{"a":1}}',
    '{"a":1}x',
    '{"a":1} {',
    '{"a":1}\n// end',
    '// start\n{"a":1}',
    '{"a":NaN',
    '{"a":Infinity}',
    '{"a":-Infinity}',
    '{"a":undefined}',
    '{"a":1}\u0000\u0000',
    '\u0000\u0000\u0000',
  ])('%j is not JSON', (text) => {
    const problem = expectProblem(parseWorkspaceFile(text));
    expect(problem.kind).toBe('not-json');
    expect(problem.kind === 'not-json' && problem.detail.length > 0).toBe(true);
  });

  it('reports every cut-off start of a good file as truncated', () => {
    const text = readText(join(goodDir, 'small.alignboard'));
    const complete = text.lastIndexOf('}') + 1;
    const misread: string[] = [];
    for (let end = 1; end < complete; end++) {
      const problem = expectProblem(parseWorkspaceFile(text.slice(0, end)));
      if (problem.kind !== 'truncated') misread.push(`cut at ${end} (…${JSON.stringify(text.slice(end - 20, end))}): ${problem.kind}`);
    }
    expect(misread).toEqual([]);
    expect(parseWorkspaceFile(text.slice(0, complete)).ok).toBe(true);
  });

  it('reports every cut-off start of the Japanese file, even inside a character, as truncated', () => {
    const bytes = readFileSync(join(goodDir, 'japanese-members-and-boards.alignboard'));
    const complete = bytes.lastIndexOf('}'.charCodeAt(0)) + 1;
    const decoder = new TextDecoder();
    const misread: string[] = [];
    for (let end = 1; end < complete; end++) {
      const problem = expectProblem(parseWorkspaceFile(decoder.decode(bytes.subarray(0, end))));
      if (problem.kind !== 'truncated') misread.push(`cut at byte ${end}: ${problem.kind}`);
    }
    expect(misread).toEqual([]);
  });

  it.each(['x', '}', ']', ',', '{', '"', '0', '// c', '/* c */', '\u0000'])(
    'a complete file followed by %j is not JSON (rather than truncated)',
    (suffix) => {
      const text = readText(join(goodDir, 'small.alignboard'));
      expect(expectProblem(parseWorkspaceFile(text + suffix)).kind).toBe('not-json');
    },
  );
});

// -------------------------------------------------------------------------------------------------

describe('version', () => {
  const withVersion = (literal: string): string => JSON.stringify({ ...validFile(), version: 777 }).replace('777', literal);

  it.each(['1', '1.0', '1e0', '10e-1'])('accepts %s, which JSON reads as the number 1, and reads it as the current version', (literal) => {
    expect(expectOk(parseWorkspaceFile(withVersion(literal))).version).toBe(FILE_VERSION);
  });

  it('accepts the current version', () => {
    expect(expectOk(parseWorkspaceFile(withVersion(String(FILE_VERSION)))).version).toBe(FILE_VERSION);
  });

  it.each([
    ['null', null],
    ['0', 0],
    ['-0', -0],
    ['-1', -1],
    ['1.5', 1.5],
    ['1e400', Infinity],
    ['-1e400', -Infinity],
    ['"1"', '1'],
    ['true', true],
    ['[1]', [1]],
    ['{"major":1}', { major: 1 }],
  ])('version %s is unsupported', (literal, version) => {
    expect(expectProblem(parseWorkspaceFile(withVersion(literal)))).toEqual({ kind: 'unsupported-version', version });
  });

  it.each([FILE_VERSION + 1, 99, 2 ** 31])('version %s is newer, whatever the rest of the file looks like', (version) => {
    expect(expectProblem(parseWorkspaceFile(withVersion(String(version))))).toEqual({ kind: 'newer-version', version });
    expect(expectProblem(parseObject({ format: FILE_FORMAT, version }))).toEqual({ kind: 'newer-version', version });
  });

  it.each(['NaN', 'Infinity', '-Infinity'])('a %s literal is not JSON at all', (literal) => {
    expect(expectProblem(parseWorkspaceFile(withVersion(literal))).kind).toBe('not-json');
  });

  it('checks the format before the version', () => {
    expect(expectProblem(parseObject({ format: 'something-else', version: 2 })).kind).toBe('not-alignboard');
    expect(expectProblem(parseObject({ version: 1 })).kind).toBe('not-alignboard');
  });
});

describe('string and number fields', () => {
  const STRING_FIELDS = [
    'exportedAt',
    'appVersion',
    'workspace.id',
    'workspace.name',
    'workspace.createdAt',
    'workspace.updatedAt',
    'members.0.id',
    'members.0.name',
    'members.0.department',
    'members.0.title',
    'members.1.createdAt',
    'members.1.updatedAt',
    'boards.0.id',
    'boards.0.kind',
    'boards.0.name',
    'boards.1.createdAt',
    'boards.1.updatedAt',
    'boards.1.doc',
  ];
  // JSON literals as they would appear in the file. 1e400 is read as Infinity, -1e400 as -Infinity.
  const NON_STRINGS = ['null', '0', '-1', '1.5', '1e400', '-1e400', 'true', 'false', '[]', '["x"]', '{}'];

  describe.each(STRING_FIELDS)('%s', (path) => {
    const withLiteral = (literal: string): string => {
      const file = validFile();
      setAt(file, path, '__PLACEHOLDER__');
      return JSON.stringify(file).replace('"__PLACEHOLDER__"', literal);
    };

    it.each(NON_STRINGS)('= %s is invalid at that path', (literal) => {
      const problem = expectProblem(parseWorkspaceFile(withLiteral(literal)));
      expect(problem).toMatchObject({ kind: 'invalid', path: problemPath(path) });
    });

    it.each(['NaN', 'Infinity', '-Infinity', 'undefined'])('= %s is not JSON', (literal) => {
      expect(expectProblem(parseWorkspaceFile(withLiteral(literal))).kind).toBe('not-json');
    });
  });

  it.each(STRING_FIELDS.filter((path) => path !== 'members.0.title'))('%s missing is invalid at that path', (path) => {
    const file = validFile();
    setAt(file, path, undefined); // JSON.stringify drops it
    expect(expectProblem(parseObject(file))).toMatchObject({ kind: 'invalid', path: problemPath(path) });
  });

  it('a missing member title defaults to ""', () => {
    const file = validFile();
    setAt(file, 'members.0.title', undefined);
    expect(expectOk(parseObject(file)).members[0]!.title).toBe('');
  });

  it('rejects NaN and ±Infinity in the schema too (values that cannot come from JSON text)', () => {
    for (const version of [NaN, Infinity, -Infinity]) {
      expect(WorkspaceFileSchema.safeParse({ ...validFile(), version }).success).toBe(false);
    }
    for (const bad of [NaN, Infinity, null]) {
      const file = validFile();
      setAt(file, 'workspace.name', bad);
      expect(WorkspaceFileSchema.safeParse(file).success).toBe(false);
    }
    expect(WorkspaceFileSchema.safeParse(validFile()).success).toBe(true);
  });

  it.each(['workspace', 'members', 'boards', 'members.0', 'boards.1'])('%s = null is invalid at that path', (path) => {
    const file = validFile();
    setAt(file, path, null);
    expect(expectProblem(parseObject(file))).toMatchObject({ kind: 'invalid', path: problemPath(path) });
  });
});

describe('ids and names', () => {
  it.each(['workspace.id', 'members.0.id', 'members.1.id', 'boards.0.id', 'boards.1.id'])(
    '%s accepts 100 characters and rejects 101 and ""',
    (path) => {
      const at100 = validFile();
      setAt(at100, path, 'x'.repeat(100));
      expect(parseObject(at100).ok).toBe(true);
      for (const id of ['x'.repeat(101), '']) {
        const file = validFile();
        setAt(file, path, id);
        expect(expectProblem(parseObject(file))).toMatchObject({ kind: 'invalid', path: problemPath(path) });
      }
    },
  );

  it.each(['workspace.name', 'members.0.name', 'boards.0.name'])('%s is trimmed, 200 characters at most', (path) => {
    const padded = validFile();
    setAt(padded, path, '  Ünïcode 名前 👍  ');
    const file = expectOk(parseObject(padded));
    const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], file);
    expect(value).toBe('Ünïcode 名前 👍');

    const at200 = validFile();
    setAt(at200, path, `  ${'n'.repeat(200)}  `);
    expect(parseObject(at200).ok).toBe(true);
    const at201 = validFile();
    setAt(at201, path, 'n'.repeat(201));
    expect(expectProblem(parseObject(at201))).toMatchObject({ kind: 'invalid', path: problemPath(path) });
  });

  it('allows a member and a board to share an id (ids are unique per collection)', () => {
    const file = validFile();
    setAt(file, 'boards.0.id', 'm1');
    expect(parseObject(file).ok).toBe(true);
  });

  it('ids are case-sensitive: "B1" and "b1" are different boards', () => {
    const file = validFile();
    setAt(file, 'boards.1.id', 'B1');
    expect(parseObject(file).ok).toBe(true);
  });

  it('reports the first repeated id of a collection', () => {
    const file = validFile();
    file.members.push({ ...file.members[1]! }, { ...file.members[0]! });
    expect(expectProblem(parseObject(file))).toEqual({ kind: 'duplicate-id', collection: 'members', id: 'm2' });
  });

  it('accepts empty member and board lists', () => {
    const file = expectOk(parseObject({ ...validFile(), members: [], boards: [] }));
    expect(file.members).toEqual([]);
    expect(file.boards).toEqual([]);
  });
});

describe('unknown properties', () => {
  // zod objects strip keys they do not know: a file from a later 1.x exporter that adds a field
  // still imports, and the extra field is dropped rather than stored.
  it('drops unknown properties at every level instead of rejecting the file', () => {
    const raw = validFile();
    const extras = { extra: 'x', nested: { deep: [1, 2] } };
    const withExtras = {
      ...raw,
      ...extras,
      workspace: { ...raw.workspace, ...extras, color: 'red' },
      members: raw.members.map((member) => ({ ...member, ...extras, email: 'a@example.com' })),
      boards: raw.boards.map((board) => ({ ...board, ...extras, locked: true })),
    };
    const file = expectOk(parseObject(withExtras));
    expect(file).toEqual(expectOk(parseObject(raw)));
    expect(Object.keys(file).sort()).toEqual(['actionItems', 'appVersion', 'assets', 'boards', 'calendar', 'exportedAt', 'format', 'kpiValues', 'kpis', 'leadMonths', 'meetingSeries', 'meetings', 'members', 'slaVersions', 'version', 'workspace']);
    expect(Object.keys(file.workspace).sort()).toEqual(['createdAt', 'id', 'name', 'updatedAt']);
    expect(Object.keys(file.members[0]!).sort()).toEqual(['createdAt', 'department', 'id', 'name', 'title', 'updatedAt']);
    expect(Object.keys(file.boards[0]!).sort()).toEqual(['agreement', 'createdAt', 'id', 'kind', 'name', 'updateV2', 'updatedAt']);
  });

  it('drops record fields the file format leaves out (workspaceId, deletedAt)', () => {
    const raw = validFile();
    const file = expectOk(
      parseObject({
        ...raw,
        workspace: { ...raw.workspace, deletedAt: '2025-01-02T00:00:00Z' },
        members: raw.members.map((member) => ({ ...member, workspaceId: 'other' })),
        boards: raw.boards.map((board) => ({ ...board, workspaceId: 'other' })),
      }),
    );
    expect(file.workspace).not.toHaveProperty('deletedAt');
    expect(file.members[0]).not.toHaveProperty('workspaceId');
    expect(file.boards[0]).not.toHaveProperty('workspaceId');
  });

  it('does not let a "__proto__" key change the parsed objects', () => {
    const text = JSON.stringify(validFile()).replace('"workspace":{', '"workspace":{"__proto__":{"polluted":true},');
    const file = expectOk(parseWorkspaceFile(text));
    expect((file.workspace as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('board documents', () => {
  it('names the damaged board, not the first one', () => {
    const file = validFile();
    setAt(file, 'boards.1.doc', 'AAEC');
    expect(expectProblem(parseObject(file))).toMatchObject({ kind: 'bad-board', boardName: 'Funnel' });
  });

  it('accepts an empty Y.Doc ("AAA=") and hands its update over as bytes', () => {
    const file = expectOk(parseObject(validFile()));
    expect(file.boards[1]!.updateV2).toEqual(Y.encodeStateAsUpdateV2(new Y.Doc()));
    expect(nodesOfV2(file.boards[1]!.updateV2)).toEqual({});
  });

  it('rejects every truncation of a board update', () => {
    const raw = validFile();
    const full = new Uint8Array(Buffer.from(raw.boards[0]!.doc!, 'base64'));
    for (let end = 0; end < full.length; end++) {
      const file = validFile();
      setAt(file, 'boards.0.doc', bytesToBase64(full.subarray(0, end)));
      const problem = expectProblem(parseObject(file));
      expect(problem, `cut at ${end}`).toMatchObject({ kind: 'bad-board', boardName: 'Persona' });
    }
  });

  it('accepts a doc made of several merged updates', () => {
    const a = new Y.Doc();
    a.getMap('nodes').set('a', new Y.Map([['type', 'sticky']]));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getMap('nodes').set('b', new Y.Map([['type', 'stage']]));
    const merged = Y.mergeUpdates([Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))]);
    const file = validFile();
    setAt(file, 'boards.0.doc', bytesToBase64(merged));
    expect(nodesOfV2(expectOk(parseObject(file)).boards[0]!.updateV2)).toEqual({ a: { type: 'sticky' }, b: { type: 'stage' } });
  });
});

describe('board documents in the v2 encoding (docV2, what exports write from version 2 on)', () => {
  /** validFile() with its first board's document as docV2 instead of doc. */
  function withDocV2(updateV2?: Uint8Array): Record<string, unknown> & WorkspaceFileInput {
    const file = validFile();
    const board = file.boards[0] as Record<string, unknown>;
    const v1 = new Uint8Array(Buffer.from(board.doc as string, 'base64'));
    delete board.doc;
    board.docV2 = bytesToBase64(updateV2 ?? Y.convertUpdateFormatV1ToV2(v1));
    return file;
  }

  it('reads the document, and hands over the file’s bytes as they are', () => {
    const file = withDocV2();
    const bytes = new Uint8Array(Buffer.from((file.boards[0] as { docV2: string }).docV2, 'base64'));
    const board = expectOk(parseObject(file)).boards[0]!;
    expect(nodesOfV2(board.updateV2)).toEqual({ n1: { type: 'sticky', x: 1, y: 2, text: 'hi' } });
    expect(board.updateV2).toEqual(bytes);
    expect(board).not.toHaveProperty('docV2');
  });

  it('reads what an export writes: the same nodes as the v1 document', () => {
    const v1 = expectOk(parseObject(validFile()));
    const exported = encodeWorkspaceFile(v1);
    expect(exported.boards.map((board) => [board.doc, typeof board.docV2])).toEqual([
      [undefined, 'string'],
      [undefined, 'string'],
    ]);
    const again = expectOk(parseObject(exported));
    expect(again.boards.map((board) => nodesOfV2(board.updateV2))).toEqual(v1.boards.map((board) => nodesOfV2(board.updateV2)));
  });

  it('rejects every truncation of a v2 update, naming the board', () => {
    const full = new Uint8Array(Buffer.from((withDocV2().boards[0] as { docV2: string }).docV2, 'base64'));
    for (let end = 0; end < full.length; end++) {
      const problem = expectProblem(parseObject(withDocV2(full.subarray(0, end))));
      expect(problem, `cut at ${end}`).toMatchObject({ kind: 'bad-board', boardName: 'Persona' });
    }
  });

  it('rejects random bytes, text that is not base64, and a v1 update passed off as v2', () => {
    expect(expectProblem(parseObject(withDocV2(Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256))))).toMatchObject({ kind: 'bad-board', boardName: 'Persona' });
    const notBase64 = withDocV2();
    setAt(notBase64, 'boards.0.docV2', 'not base64!');
    expect(expectProblem(parseObject(notBase64))).toEqual({ kind: 'bad-board', boardName: 'Persona', detail: 'not base64' });
    const v1 = new Uint8Array(Buffer.from(validFile().boards[0]!.doc!, 'base64'));
    expect(expectProblem(parseObject(withDocV2(v1)))).toMatchObject({ kind: 'bad-board', boardName: 'Persona' });
  });

  it('names a board with both documents or with none', () => {
    const both = withDocV2();
    setAt(both, 'boards.0.doc', 'AAA=');
    expect(expectProblem(parseObject(both))).toMatchObject({ kind: 'invalid', path: 'boards[0].doc' });
    const none = withDocV2();
    delete (none.boards[0] as Record<string, unknown>).docV2;
    expect(expectProblem(parseObject(none))).toMatchObject({ kind: 'invalid', path: 'boards[0].doc', detail: 'a board needs its document (doc or docV2)' });
  });

  it('refuses a document of a newer board schema in v2 as in v1', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 99);
    expect(expectProblem(parseObject(withDocV2(Y.encodeStateAsUpdateV2(doc))))).toEqual({ kind: 'newer-board', boardName: 'Persona', version: 99 });
  });
});
