import type { ParsedWorkspaceFile, ParseResult } from '@shared/workspaceFile';
import { fileTimeBudgetMs, isStopped, runWorkerJob, type WorkerLike } from '../../workers/workerJob';
import type { ImportProblem } from './fileProblems';

/**
 * The import's side of reading a workspace file: parseWorkspaceFile runs in a Web Worker of its
 * own (fileWorker.ts) with a time budget, so a file of hundreds of MB, or one crafted to be slow,
 * never freezes the app; past the budget the worker is terminated and the import says so. A
 * worker takes a tenth of a second or more to start: a file under a megabyte (read in a few tens
 * of ms) is read inline, and the file chooser starts the next worker while the user picks
 * (prepareFileReader). Where there are no workers (jsdom in component tests) the parse runs inline.
 */

export type FileClientOptions = {
  /** Defaults to fileTimeBudgetMs of the text. */
  timeBudgetMs?: number;
  /** A text shorter than this (UTF-16 code units) is read inline; default one mebi. */
  workerFrom?: number;
  /** Makes the worker; by default the real one (tests give a stand-in). Null: run inline. */
  createWorker?: (() => WorkerLike) | null;
  signal?: AbortSignal;
};

const WORKER_FROM = 1024 * 1024;

function defaultWorker(): (() => WorkerLike) | null {
  if (typeof Worker === 'undefined') return null;
  return () => {
    const ready = spare;
    spare = null;
    return ready ?? new Worker(new URL('./fileWorker.ts', import.meta.url), { type: 'module', name: 'alignboard-import' });
  };
}

/** A worker started before its file was known (prepareFileReader), for the next read. */
let spare: Worker | null = null;

/**
 * Starts the worker the next large file will be read in, so it has loaded by the time the user
 * has picked one (the file chooser calls it as it opens). Does nothing where there are no workers.
 * `release` ends it if no read took it (the chooser was cancelled, or the file was small).
 */
export function prepareFileReader(): { release(): void } {
  const create = defaultWorker();
  if (create && !spare) spare = create() as Worker;
  return {
    release() {
      spare?.terminate();
      spare = null;
    },
  };
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
  // A small file is read here, by the file format's code loaded on first use (it checks every
  // record: not part of the first screen, issue 12).
  if (!create || text.length < (options.workerFrom ?? WORKER_FROM)) return (await import('@shared/workspaceFile')).parseWorkspaceFile(text);
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
