import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { en } from '../../shared/locales/en';
import { FILE_VERSION } from '../../shared/workspaceFile';
import {
  captureDownload,
  createWorkspace,
  expectWorkspacePage,
  goHome,
  importFile,
  openSample,
  readBoards,
  readMembers,
  readWorkspaces,
  toasts,
  workspaceAction,
  workspaceIdFromUrl,
  type MemberRow,
  workspacesTable,
} from './support/app';
import { cleanUpBrowsers, launchBrowser, makeTempDir, type AppBrowser } from './support/browser';
import { DIAGRAM_BOARD_NAMES, diagramsWorkspaceFile } from '../fixtures/diagrams';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const BAD_FILES = join(FIXTURES, 'bad-files');
const GOOD_FILES = join(FIXTURES, 'workspace-files/good');
const SAMPLE = 'Sample: Northwind Cloud';

type FileJson = {
  format: string;
  version: number;
  exportedAt: string;
  appVersion: string;
  workspace: { id: string; name: string; createdAt: string; updatedAt: string };
  members: { id: string; name: string; department: 'sales' | 'marketing' | 'other'; title: string; createdAt: string; updatedAt: string }[];
  boards: { id: string; kind: string; name: string; createdAt: string; updatedAt: string; docV2: string }[];
};

/** A board's Y.Doc (a v2 update, as exports write it) as plain JSON: every root type (the app's boards use Y.Maps). */
function decodeBoardDoc(base64: string): Record<string, unknown> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, Buffer.from(base64, 'base64'));
    const roots = [...doc.share.keys()].sort();
    return Object.fromEntries(roots.map((name) => [name, doc.getMap(name).toJSON()]));
  } finally {
    doc.destroy();
  }
}

/**
 * What must survive an export → import → export round trip: everything but the workspace id
 * (an import is a new workspace), its updatedAt (set at import) and the export time. Board
 * documents are compared decoded, since two encodings of the same Y.Doc may differ byte-wise.
 */
function comparable(file: FileJson) {
  const { id: _id, updatedAt: _updatedAt, ...workspace } = file.workspace;
  return {
    format: file.format,
    version: file.version,
    appVersion: file.appVersion,
    workspace,
    members: [...file.members].sort((a, b) => a.id.localeCompare(b.id)),
    boards: [...file.boards]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(({ docV2, ...board }) => ({ ...board, doc: decodeBoardDoc(docV2) })),
  };
}

function membersInFile(file: FileJson): MemberRow[] {
  return file.members
    .map((m) => ({ name: m.name, department: en.department[m.department], title: m.title }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function exportFromWorkspacePage(page: Page) {
  const saved = await captureDownload(page, () => page.getByRole('button', { name: 'Export…' }).click());
  return { ...saved, json: JSON.parse(saved.text) as FileJson };
}

describe('import and export', () => {
  afterEach(cleanUpBrowsers);

  test('an exported workspace imports back as an identical copy', async () => {
    const { page, pageErrors } = await launchBrowser();
    const originalId = await openSample(page);
    const originalMembers = await readMembers(page);
    const originalBoards = await readBoards(page);
    expect(originalMembers).toHaveLength(en.sample.members.length);
    expect(originalBoards).toEqual([en.sample.personaBoard]);

    // Export from the home page's actions menu: a download of a versioned JSON file.
    await goHome(page);
    const [sampleRow] = await readWorkspaces(page);
    expect(sampleRow).toEqual({ name: SAMPLE, members: String(en.sample.members.length), boards: expect.stringMatching(/^[1-9]\d*$/) });
    const exported = await captureDownload(page, () => workspaceAction(page, SAMPLE, 'Export…'));
    await toasts(page).getByText(`Exported “${SAMPLE}”`).waitFor();
    expect(exported.suggestedFilename).toBe('Sample_ Northwind Cloud.alignboard');
    const original = JSON.parse(exported.text) as FileJson;
    expect(original).toMatchObject({ format: 'alignboard-workspace', version: FILE_VERSION, workspace: { id: originalId, name: SAMPLE } });
    expect(membersInFile(original)).toEqual(originalMembers);
    expect(String(original.boards.length)).toBe(sampleRow!.boards);
    // The board document really carries the sample's persona and stickies.
    const nodes = Object.values(decodeBoardDoc(original.boards.find((board) => board.kind === 'persona')!.docV2).nodes as Record<string, Record<string, unknown>>);
    expect(nodes.find((node) => node.type === 'persona')).toMatchObject({ name: en.sample.persona.name, quote: en.sample.persona.quote });
    expect(nodes.filter((node) => node.type === 'sticky').map((node) => node.text).sort()).toEqual(
      [...en.sample.stickies.map((sticky) => sticky.text), ...en.sampleStory.notes].sort(),
    );

    // Import it back through the file chooser: a second workspace with the same content, under a
    // name the home page tells apart from the original's, which the message gives.
    const dir = await makeTempDir();
    const file = join(dir, exported.suggestedFilename);
    await writeFile(file, exported.text);
    await importFile(page, file);
    const copyName = `${SAMPLE} (2)`;
    await expectWorkspacePage(page, copyName);
    await toasts(page).getByText(`Imported “${copyName}”`).waitFor();
    const copyId = workspaceIdFromUrl(page);
    expect(copyId).not.toBe(originalId);
    expect(await readMembers(page)).toEqual(originalMembers);
    expect(await readBoards(page)).toEqual(originalBoards);

    // The copy exports to the same file, but for its id, name and timestamps.
    const reexported = (await exportFromWorkspacePage(page)).json;
    expect(reexported.workspace.id).toBe(copyId);
    expect(reexported.workspace.name).toBe(copyName);
    expect(comparable({ ...reexported, workspace: { ...reexported.workspace, name: SAMPLE } })).toEqual(comparable(original));

    // Imported again: a third name.
    await goHome(page);
    await importFile(page, file);
    await expectWorkspacePage(page, `${SAMPLE} (3)`);
    await toasts(page).getByText(`Imported “${SAMPLE} (3)”`).waitFor();

    await goHome(page);
    expect(await readWorkspaces(page)).toEqual([
      { ...sampleRow, name: `${SAMPLE} (3)` },
      { ...sampleRow, name: copyName },
      sampleRow,
    ]);
    expect(pageErrors).toEqual([]);
  });

  test('a file over a megabyte is read in the import’s own worker (its code loads and reads in Chromium), not on the page’s thread', async () => {
    const { page, pageErrors } = await launchBrowser();
    const text = diagramsWorkspaceFile({ language: 'en', notes: 4_000, name: 'Large import' });
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const dir = await makeTempDir();
    const path = join(dir, 'large.alignboard');
    await writeFile(path, text);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await importFile(page, path);
    await expectWorkspacePage(page, 'Large import');
    await toasts(page).getByText('Imported “Large import”').waitFor({ timeout: 60_000 });
    expect(await readBoards(page)).toEqual([DIAGRAM_BOARD_NAMES.en.board(4_000)]);
    expect(workers.filter((url) => /fileWorker/.test(url))).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  test.for(['japanese-members-and-boards.alignboard', 'utf8-bom.alignboard'])(
    'the good corpus file %s imports with its members and boards',
    async (name) => {
      const path = join(GOOD_FILES, name);
      const file = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as FileJson;
      const { page, pageErrors } = await launchBrowser();
      await importFile(page, path);
      await expectWorkspacePage(page, file.workspace.name);
      expect(await readMembers(page)).toEqual(membersInFile(file));
      const personas = file.boards.filter((board) => board.kind === 'persona').map((board) => board.name);
      expect((await readBoards(page)).sort()).toEqual(personas.sort());
      await goHome(page);
      expect(await readWorkspaces(page)).toEqual([
        { name: file.workspace.name, members: String(file.members.length), boards: String(file.boards.length) },
      ]);
      expect(pageErrors).toEqual([]);
    },
  );
});

/**
 * Bad files from the shared corpus (test/fixtures/bad-files, expected.json says what is wrong
 * with each), imported one by one into the same browser. Each is its own test so one failure
 * names its file and does not hide the others.
 */
describe('importing a bad file', () => {
  const expected = JSON.parse(readFileSync(join(BAD_FILES, 'expected.json'), 'utf8')) as Record<string, Problem>;
  const files = pickBadFiles(expected);
  let app: AppBrowser;

  beforeAll(async () => {
    app = await launchBrowser();
    await openSample(app.page);
    await goHome(app.page);
    await createWorkspace(app.page, 'Untouched workshop');
    await goHome(app.page);
  });
  afterAll(cleanUpBrowsers);

  test('the selection covers every kind of problem in the corpus', () => {
    const kinds = new Set(Object.values(expected).map((problem) => problem.kind));
    expect(new Set(files.map((name) => expected[name]!.kind))).toEqual(kinds);
  });

  test.for(files)('%s: the error dialog names the problem and nothing changes', async (name) => {
    const { page } = app;
    const dialog = page.getByRole('alertdialog', { name: 'This file could not be imported' });
    if (await dialog.isVisible()) await page.keyboard.press('Escape'); // left over from a failed test
    await goHome(page);
    const before = await readWorkspaces(page);

    await importFile(page, join(BAD_FILES, name));
    await Promise.race([dialog.waitFor(), page.waitForURL(/#\/w\//)]);
    if (!(await dialog.isVisible())) {
      const title = await page.getByRole('heading', { level: 1 }).innerText();
      throw new Error(`${name} (${JSON.stringify(expected[name])}) was imported as workspace “${title}” instead of being rejected`);
    }
    const text = (await dialog.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(problemPattern(expected[name]!));
    expect(text).toContain('Nothing was changed.');
    // Its primary "Close" button (the × in the corner is also named "Close").
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/#\/$/);
    expect(await readWorkspaces(page)).toEqual(before);
  });

  test('rejected files left nothing behind: a reload shows the same list', async () => {
    const { page } = app;
    await goHome(page);
    const before = await readWorkspaces(page);
    await page.reload();
    await workspacesTable(page).waitFor();
    expect(await readWorkspaces(page)).toEqual(before);
    expect(app.pageErrors).toEqual([]);
  });
});

type Problem = { kind: string; [field: string]: unknown };

/** One file per problem kind (the first listed), plus a few that stress the reading path. */
function pickBadFiles(expected: Record<string, Problem>): string[] {
  const picked = new Map<string, string>();
  for (const [name, problem] of Object.entries(expected)) if (!picked.has(problem.kind)) picked.set(problem.kind, name);
  const extras = [
    'binary-random-bytes.alignboard',
    // The browser host reads files with Blob.text(); Chromium's sniffs a UTF-16 byte order mark.
    'utf16le-with-bom.alignboard',
    'truncated-mid-japanese-character.alignboard',
    'truncated-zero-filled-tail.alignboard',
    'version-3-newer.alignboard',
    'member-unknown-department.alignboard',
    'board-doc-update-missing-base.alignboard',
  ].filter((name) => name in expected);
  return [...new Set([...picked.values(), ...extras])];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English message the app must show for a problem, from the same template the UI uses:
 * placeholders the corpus pins down (version, path, id, board name, …) must appear as given;
 * the others (parser details) may be anything.
 */
function problemPattern(problem: Problem): RegExp {
  const template = (en.import.problem as Record<string, string>)[problem.kind];
  if (!template) throw new Error(`no message template for problem kind ${problem.kind}`);
  const values: Record<string, string> = {};
  if ('version' in problem) values.version = JSON.stringify(problem.version) as string;
  if (problem.kind === 'newer-version') values.version = String(problem.version);
  if (problem.kind === 'newer-version') values.supported = String(FILE_VERSION);
  if (typeof problem.path === 'string') values.path = problem.path || '/';
  if (typeof problem.collection === 'string') values.collection = problem.collection;
  if (typeof problem.id === 'string') values.id = problem.id;
  if (typeof problem.boardName === 'string') values.board = problem.boardName;
  if (typeof problem.detail === 'string') values.detail = problem.detail;
  const source = template
    .split(/(\{\{\w+\}\})/)
    .map((part) => {
      const key = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
      if (!key) return escape(part);
      return key in values ? escape(values[key]!) : '.*?';
    })
    .join('');
  return new RegExp(source);
}
