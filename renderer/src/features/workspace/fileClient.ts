import { parseWorkspaceFile, type ParsedWorkspaceFile, type ParseResult } from '@shared/workspaceFile';
import { fileTimeBudgetMs, isStopped, runWorkerJob, type WorkerLike } from '../../workers/workerJob';
import type { ImportProblem } from './fileProblems';

/**
 * The import's side of reading a workspace file: parseWorkspaceFile runs in a Web Worker of its
 * own (fileWorker.ts) with a time budget, so a file of hundreds of MB, or one crafted to be slow,
 * never freezes the app; past the budget the worker is terminated and the import says so. Where
 * there are no workers (jsdom in component tests) the same parse runs inline.
 */

export type FileClientOptions = {
  /** Defaults to fileTimeBudgetMs of the text. */
  timeBudgetMs?: number;
  /** Makes the worker; by default the real one (tests give a stand-in). Null: run inline. */
  createWorker?: (() => WorkerLike) | null;
  signal?: AbortSignal;
};

function defaultWorker(): (() => WorkerLike) | null {
  if (typeof Worker === 'undefined') return null;
  return () => new Worker(new URL('./fileWorker.ts', import.meta.url), { type: 'module', name: 'alignboard-import' });
}

/** The byte buffers a parsed file holds (boards' documents, pictures), each once: moved, not copied, out of the worker. */
export function parsedFileBuffers(file: ParsedWorkspaceFile): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const board of file.boards) buffers.add(board.updateV2.buffer as ArrayBuffer);
  for (const asset of file.assets) buffers.add(asset.bytes.buffer as ArrayBuffer);
  return [...buffers];
}

export type ReadFileResult = { ok: true; file: ParsedWorkspaceFile } | { ok: false; problem: ImportProblem };

/** Checks and decodes a workspace file's text off the page's thread; never rejects. */
export async function parseWorkspaceFileOffThread(text: string, options: FileClientOptions = {}): Promise<ReadFileResult> {
  const create = options.createWorker === undefined ? defaultWorker() : options.createWorker;
  if (!create) return parseWorkspaceFile(text);
  const reply = await runWorkerJob<ParseResult>(create, { text }, {
    budgetMs: options.timeBudgetMs ?? fileTimeBudgetMs(text.length * 2),
    signal: options.signal,
    what: 'reading the file',
    reader: 'file reader',
  });
  if (!isStopped(reply)) return reply;
  if (reply.stopped === 'too-slow') return { ok: false, problem: { kind: 'too-slow', seconds: reply.seconds } };
  return { ok: false, problem: { kind: 'read-failed', detail: reply.detail } };
}
