import { MAX_PDF_BYTES, type PdfRefusal, type PdfSealRequest, type VerifyResult } from '@shared/pdfSeal/contract';
import type { KnownSlaVersion } from './exportRequest';
import type { FromPdfWorker, SealOutcome, ToPdfWorker, Unreadable } from './pdfJob';
import { fileTimeBudgetMs, isStopped, runWorkerJob, type WorkerLike } from '../../workers/workerJob';

/**
 * The Verify page's side of the PDF work. Each file is read in a Web Worker of its own with a time
 * budget: past it, the worker is terminated whatever it is doing and the verdict is "unreadable:
 * it took too long". Memory is bounded before that: the file's size is checked before it is read
 * (File.size), and shared/pdfSeal refuses chained filters and caps every stream pdf-lib inflates.
 * Where there are no workers (jsdom in component tests) the same job runs inline. The page itself
 * never loads pdf-lib.
 */

/** Ten seconds, plus a quarter of a second per MB (a 200 MB file gets 60 s): far above a real PDF's parse. */
export const pdfTimeBudgetMs = fileTimeBudgetMs;

export type PdfWorkerLike = WorkerLike;

export type PdfClientOptions = {
  /** Defaults to pdfTimeBudgetMs of the file. */
  timeBudgetMs?: number;
  /** Makes the worker; by default the real one (tests give a stand-in). Null: run inline. */
  createWorker?: (() => PdfWorkerLike) | null;
  /** Aborting terminates the worker at once (another file was picked, the page was left). */
  signal?: AbortSignal;
};

function defaultWorker(): (() => PdfWorkerLike) | null {
  if (typeof Worker === 'undefined') return null;
  return () => new Worker(new URL('./pdfWorker.ts', import.meta.url), { type: 'module', name: 'alignboard-pdf' });
}

/** What a job gives when it cannot finish: the file's verdict is "unreadable", with this refusal. */
type Stopped = { stopped: PdfRefusal; detail: string };

async function run(message: ToPdfWorker, options: PdfClientOptions): Promise<FromPdfWorker | Stopped> {
  const create = options.createWorker === undefined ? defaultWorker() : options.createWorker;
  // pdf-lib is loaded only where the job runs: in the worker, or here when there are no workers.
  if (!create) return import('./pdfJob').then(({ runPdfJob }) => runPdfJob(message));
  const reply = await runWorkerJob<FromPdfWorker>(create, message, {
    transfer: [message.bytes],
    budgetMs: options.timeBudgetMs ?? pdfTimeBudgetMs(message.bytes.byteLength),
    signal: options.signal,
    what: 'reading the PDF',
    reader: 'PDF reader',
  });
  if (!isStopped(reply)) return reply;
  return { stopped: reply.stopped === 'too-slow' ? { code: 'too-slow', seconds: reply.seconds } : { code: 'reader-failed' }, detail: reply.detail };
}

/** A file over MAX_PDF_BYTES, refused from its size alone (never read into memory). */
export function tooLargeToRead(file: Pick<File, 'size'>): Required<Unreadable> | null {
  return file.size > MAX_PDF_BYTES ? { refusal: { code: 'file-too-large', limit: MAX_PDF_BYTES }, detail: `the file is larger than ${MAX_PDF_BYTES} bytes` } : null;
}

/** Checks a PDF against the signed versions in a worker; never rejects for a bad file. */
export async function verifyPdfOffThread(bytes: ArrayBuffer, known: KnownSlaVersion[], options: PdfClientOptions = {}): Promise<VerifyResult<KnownSlaVersion>> {
  const reply = await run({ type: 'verify', bytes, known }, options);
  if ('stopped' in reply) return { status: 'unreadable', problem: 'unreadable', detail: reply.detail, refusal: reply.stopped };
  if (reply.type === 'error') throw new Error(reply.message);
  if (reply.type !== 'verified') throw new Error(`unexpected reply from the PDF worker: ${reply.type}`);
  return reply.result;
}

/** Seals a PDF saved from the print dialog in a worker (see pdfJob.ts); rejects only when sealing itself fails. */
export async function sealPdfOffThread(bytes: ArrayBuffer, request: PdfSealRequest, known: KnownSlaVersion[], options: PdfClientOptions = {}): Promise<SealOutcome> {
  const reply = await run({ type: 'seal', bytes, request, known }, options);
  if ('stopped' in reply) return { kind: 'unreadable', unreadable: { detail: reply.detail, refusal: reply.stopped } };
  if (reply.type === 'error') throw new Error(reply.message);
  if (reply.type !== 'sealed') throw new Error(`unexpected reply from the PDF worker: ${reply.type}`);
  return reply.outcome;
}
