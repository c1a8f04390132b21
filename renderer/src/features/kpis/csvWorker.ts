/// <reference lib="webworker" />
import { createCsvHandler, type ToCsvWorker } from './csvJob';

/** The CSV import's worker: decoding, parsing and aggregating 100,000 rows off the UI thread. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
// A worker's postMessage has no target origin (it talks only to the page that made it).
// oxlint-disable-next-line unicorn/require-post-message-target-origin
const handle = createCsvHandler((message) => scope.postMessage(message));
scope.addEventListener('message', (event: MessageEvent<ToCsvWorker>) => handle(event.data));
