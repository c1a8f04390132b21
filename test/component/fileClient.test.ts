// Reading a workspace file for import off the page's thread, with a time budget
// (renderer/src/features/workspace/fileClient.ts; the real worker runs in importExport.e2e.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { nodesMap } from '../../shared/board/doc';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { exportWorkspace } from '../../renderer/src/db/workspaceFiles';
import { parsedFileBuffers, parseWorkspaceFileOffThread, prepareFileReader } from '../../renderer/src/features/workspace/fileClient';
import { describeProblem } from '../../renderer/src/features/workspace/fileProblems';
import { warmUpFileText } from '../../renderer/src/features/workspace/readerWarmUp';
import { initI18n } from '../../renderer/src/i18n';
import { fileTimeBudgetMs } from '../../renderer/src/workers/workerJob';
import { parseWorkspaceFile, type ParseResult } from '../../shared/workspaceFile';
import { resetDb } from './renderApp';
import { standIn, StandInWorker } from './standInWorker';

describe('parseWorkspaceFileOffThread', () => {
  beforeEach(resetDb);

  it('without workers, reads a real exported workspace inline: its boards, decoded', async () => {
    const text = await exportWorkspace(await createSampleWorkspace('en'));
    const result = await parseWorkspaceFileOffThread(text, { createWorker: null });
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expect(result.file.boards.length).toBeGreaterThan(0);
    expect(result.file.boards.every((board) => board.updateV2.byteLength > 0)).toBe(true);
  });

  it('hands the text to the worker and passes its result on, then terminates it', async () => {
    const reply: ParseResult = { ok: false, problem: { kind: 'not-alignboard' } };
    const { made, createWorker } = standIn<{ text: string }>('answer', reply);
    expect(await parseWorkspaceFileOffThread('{"hello":1}', { createWorker, workerFrom: 0 })).toEqual(reply);
    expect(made[0]!.received).toEqual({ text: '{"hello":1}' });
    expect(made[0]!.terminated).toBe(true);
  });

  it('terminates a worker past its time budget: the import says it took too long', async () => {
    const { made, createWorker } = standIn('silent');
    const result = await parseWorkspaceFileOffThread('{}', { createWorker, workerFrom: 0, timeBudgetMs: 1_000 });
    expect(result).toEqual({ ok: false, problem: { kind: 'too-slow', seconds: 1 } });
    expect(made[0]!.terminated).toBe(true);
  });

  it('a worker that crashes (out of memory) is a file that could not be read, not a broken app', async () => {
    const { made, createWorker } = standIn('crash');
    const result = await parseWorkspaceFileOffThread('{}', { createWorker, workerFrom: 0 });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'read-failed' } });
    expect(!result.ok && result.problem.kind === 'read-failed' && result.problem.detail).toMatch(/file reader failed: Out of memory/);
    expect(made[0]!.terminated).toBe(true);
  });

  it('reads a file under a megabyte inline: starting a worker would take longer than reading it', async () => {
    const { made, createWorker } = standIn('silent');
    expect(await parseWorkspaceFileOffThread('{"hello":1}', { createWorker })).toEqual({ ok: false, problem: { kind: 'not-alignboard' } });
    expect(made).toHaveLength(0);
  });

  it('reads a large file in the worker the file chooser started while the user picked it', async () => {
    const reply: ParseResult = { ok: false, problem: { kind: 'empty' } };
    const made: StandInWorker<{ text: string }>[] = [];
    // jsdom has no Worker: a stand-in class plays the real one (fileClient makes `new Worker(…)`).
    vi.stubGlobal(
      'Worker',
      class extends StandInWorker<{ text: string }> {
        constructor() {
          super('answer', reply);
          made.push(this);
        }
      },
    );
    try {
      const reader = prepareFileReader();
      expect(made).toHaveLength(1);
      const text = ' '.repeat(2 * 1024 * 1024);
      expect(await parseWorkspaceFileOffThread(text)).toEqual(reply);
      // The prepared worker did the read; none other was made, and it is gone after.
      expect(made).toHaveLength(1);
      expect(made[0]!.received).toEqual({ text });
      expect(made[0]!.terminated).toBe(true);
      reader.release();
      // A chooser cancelled: its prepared worker is ended.
      prepareFileReader().release();
      expect(made).toHaveLength(2);
      expect(made[1]!.terminated).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('gives bigger files more time: 10 s plus a quarter second per MB of text', () => {
    expect(fileTimeBudgetMs(2_000)).toBe(10_250);
    expect(fileTimeBudgetMs(200 * 1024 * 1024)).toBe(60_000);
  });

  it('says a stopped read in the app’s language', () => {
    expect(describeProblem({ kind: 'too-slow', seconds: 60 }, initI18n('en').t, 'en')).toMatch(/^Reading the file took longer than 60 s and was stopped\./);
    expect(describeProblem({ kind: 'too-slow', seconds: 60 }, initI18n('ja').t, 'ja')).toMatch(/60 秒を超えた/);
  });
});

describe('parsedFileBuffers', () => {
  it('lists each byte buffer of a parsed file once, so the worker can move them all', async () => {
    await resetDb();
    const parsed = parseWorkspaceFile(await exportWorkspace(await createSampleWorkspace('en')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const buffers = parsedFileBuffers(parsed.file);
    expect(buffers.length).toBe(new Set(buffers).size);
    for (const board of parsed.file.boards) expect(buffers).toContain(board.updateV2.buffer);
    // Two views of one buffer: listed once (a transfer list with a buffer twice is refused).
    const shared = new Uint8Array(8);
    const file = { ...parsed.file, boards: parsed.file.boards.slice(0, 2).map((board, index) => ({ ...board, updateV2: shared.subarray(index * 4, index * 4 + 4) })), assets: [] };
    expect(parsedFileBuffers(file)).toEqual([shared.buffer]);
  });
});

describe('the reader’s warm-up file', () => {
  it('is a whole workspace file that reads, with every member and every note, so the warm-up runs the reader’s full path', () => {
    const parsed = parseWorkspaceFile(warmUpFileText());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.file.members).toHaveLength(200);
    expect(parsed.file.boards).toHaveLength(10);
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, parsed.file.boards[0]!.updateV2);
    expect(nodesMap(doc).size).toBe(200);
  });
});
