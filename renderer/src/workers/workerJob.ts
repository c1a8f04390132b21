/**
 * One job in a Web Worker of its own, with a time budget: past it the worker is terminated,
 * whatever it is doing. A file the user picked is read this way (a PDF on the Verify page, a
 * workspace file being imported), so a huge or hostile one never freezes the page.
 */

export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

/** Why a job gave no reply: too slow (terminated), cancelled, or the worker failed or could not start. */
export type JobStopped = { stopped: 'too-slow'; seconds: number; detail: string } | { stopped: 'cancelled' | 'failed'; detail: string };

const MIB = 1024 * 1024;

/** Ten seconds, plus a quarter of a second per MB (a 200 MB file gets 60 s): far above a real file's read. */
export function fileTimeBudgetMs(byteLength: number): number {
  return 10_000 + Math.ceil(byteLength / MIB) * 250;
}

/**
 * Posts `message` (transferring `transfer`) to a new worker from `create` and resolves with its
 * first reply, or with why there is none. Never rejects. `what` names the work in the details
 * ("reading the PDF").
 */
export function runWorkerJob<Reply>(
  create: () => WorkerLike,
  message: unknown,
  options: { transfer?: Transferable[]; budgetMs: number; signal?: AbortSignal; what: string; reader: string },
): Promise<Reply | JobStopped> {
  const { budgetMs, signal, what, reader } = options;
  return new Promise((resolve) => {
    let worker: WorkerLike | undefined;
    const settle = (outcome: Reply | JobStopped) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      worker?.terminate();
      resolve(outcome);
    };
    const cancelled: JobStopped = { stopped: 'cancelled', detail: `${what} was cancelled` };
    const abort = () => settle(cancelled);
    if (signal?.aborted) {
      resolve(cancelled);
      return;
    }
    signal?.addEventListener('abort', abort, { once: true });
    const timer = setTimeout(() => {
      const seconds = Math.round(budgetMs / 1000);
      settle({ stopped: 'too-slow', seconds, detail: `${what} took longer than ${seconds} s and was stopped` });
    }, budgetMs);
    try {
      worker = create();
    } catch (error) {
      settle({ stopped: 'failed', detail: `the ${reader} could not start: ${String(error)}` });
      return;
    }
    worker.addEventListener('message', (event) => settle((event as MessageEvent<Reply>).data));
    // An uncaught error or a crash of the worker (out of memory): the file is what broke it.
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      settle({ stopped: 'failed', detail: `the ${reader} failed: ${(event as ErrorEvent).message || 'unknown error'}` });
    });
    worker.addEventListener('messageerror', () => settle({ stopped: 'failed', detail: `the ${reader} sent an unreadable reply` }));
    worker.postMessage(message, options.transfer ?? []);
  });
}

export const isStopped = (reply: unknown): reply is JobStopped => typeof reply === 'object' && reply !== null && 'stopped' in reply;
