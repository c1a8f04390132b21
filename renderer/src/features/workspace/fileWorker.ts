/// <reference lib="webworker" />
import { parseWorkspaceFile } from '@shared/workspaceFile';
import { parsedFileBuffers } from './fileClient';
import { warmUpFileText } from './readerWarmUp';

/**
 * The import's worker: a workspace file is checked and decoded here (JSON, every record, every
 * board's Yjs document), off the page's thread, and the page terminates the whole worker when
 * it takes too long (fileClient.ts). One worker per file.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<{ text: string }>) => {
  const result = parseWorkspaceFile(event.data.text);
  // A worker's postMessage has no target origin (it talks only to the page that made it).
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  scope.postMessage(result, result.ok ? parsedFileBuffers(result.file) : []);
});

// The worker starts while the user picks a file (prepareFileReader): it reads a small made-up
// file meanwhile, a few times, so the reader's code is compiled and optimised before the real file
// arrives. A fresh worker read a 3 MB file cold, slower than the page's own thread (issue 12). A
// file picked sooner waits for this (tens of ms).
const warmUp = warmUpFileText();
for (let run = 0; run < 5; run++) parseWorkspaceFile(warmUp);
