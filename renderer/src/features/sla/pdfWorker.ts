/// <reference lib="webworker" />
import { runPdfJob, type ToPdfWorker } from './pdfJob';

/**
 * The Verify page's worker: pdf-lib parses a file the user picked here, off the UI thread, and the
 * page terminates the whole worker when it takes too long (pdfClient.ts). One worker per file.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<ToPdfWorker>) => {
  void runPdfJob(event.data).then((reply) => {
    const transfer = reply.type === 'sealed' && reply.outcome.kind === 'sealed' ? [reply.outcome.bytes.buffer as ArrayBuffer] : [];
    // A worker's postMessage has no target origin (it talks only to the page that made it).
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    scope.postMessage(reply, transfer);
  });
});
