import type { CsvMapping, CsvProblem } from './csvApi';
import { type CsvLoaded, type CsvPreviewResult, createCsvHandler, type FromCsvWorker, type ToCsvWorker } from './csvJob';

/**
 * The UI's side of the CSV import: one job per opened file. Runs the work in a Web Worker when the
 * browser has them (always in Electron and Chromium), else inline (jsdom in component tests).
 * cancel() terminates the worker at once, whatever it is doing; pending calls reject with
 * CancelledError.
 */

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export type LoadOutcome = { ok: true; loaded: CsvLoaded } | { ok: false; problem: CsvProblem };
export type LoadStage = 'decoding' | 'parsing';

export type CsvJob = {
  readonly inWorker: boolean;
  load(bytes: ArrayBuffer, onStage?: (stage: LoadStage) => void): Promise<LoadOutcome>;
  preview(mapping: CsvMapping, onProgress?: (done: number, total: number) => void): Promise<CsvPreviewResult>;
  cancel(): void;
};

type Pending = { resolve(message: FromCsvWorker): void; reject(error: Error): void; onMessage?(message: FromCsvWorker): void };

export function createCsvJob(options: { worker?: boolean } = {}): CsvJob {
  const useWorker = (options.worker ?? true) && typeof Worker !== 'undefined';
  let worker: Worker | null = null;
  let inline: ((message: ToCsvWorker) => void) | null = null;
  let cancelled = false;
  let seq = 0;
  let loading: Pending | null = null;
  const previews = new Map<number, Pending>();

  const receive = (message: FromCsvWorker) => {
    if (cancelled) return;
    switch (message.type) {
      case 'stage':
        loading?.onMessage?.(message);
        return;
      case 'loaded':
      case 'problem':
        loading?.resolve(message);
        loading = null;
        return;
      case 'progress':
        previews.get(message.seq)?.onMessage?.(message);
        return;
      case 'previewed':
        previews.get(message.seq)?.resolve(message);
        previews.delete(message.seq);
        return;
      case 'error': {
        const error = new Error(message.message);
        loading?.reject(error);
        loading = null;
        for (const pending of previews.values()) pending.reject(error);
        previews.clear();
      }
    }
  };

  const send = (message: ToCsvWorker, transfer: Transferable[] = []) => {
    if (useWorker) {
      worker ??= createWorker(receive, (error) => receive({ type: 'error', message: error }));
      worker.postMessage(message, transfer);
    } else {
      inline ??= createCsvHandler(receive);
      const handler = inline;
      // A task later, like a worker message, so callers see the same order of events.
      setTimeout(() => {
        if (!cancelled) handler(message);
      }, 0);
    }
  };

  return {
    inWorker: useWorker,
    load(bytes, onStage) {
      if (cancelled) return Promise.reject(new CancelledError());
      return new Promise<LoadOutcome>((resolve, reject) => {
        loading?.reject(new CancelledError());
        loading = {
          resolve: (message) => resolve(message.type === 'loaded' ? { ok: true, loaded: message.loaded } : { ok: false, problem: (message as Extract<FromCsvWorker, { type: 'problem' }>).problem }),
          reject,
          onMessage: (message) => message.type === 'stage' && onStage?.(message.stage),
        };
        send({ type: 'load', bytes }, [bytes]);
      });
    },
    preview(mapping, onProgress) {
      if (cancelled) return Promise.reject(new CancelledError());
      const id = ++seq;
      return new Promise<CsvPreviewResult>((resolve, reject) => {
        previews.set(id, {
          resolve: (message) => resolve((message as Extract<FromCsvWorker, { type: 'previewed' }>).preview),
          reject,
          onMessage: (message) => message.type === 'progress' && onProgress?.(message.done, message.total),
        });
        send({ type: 'preview', seq: id, mapping });
      });
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      worker?.terminate();
      worker = null;
      const error = new CancelledError();
      loading?.reject(error);
      loading = null;
      for (const pending of previews.values()) pending.reject(error);
      previews.clear();
    },
  };
}

function createWorker(receive: (message: FromCsvWorker) => void, fail: (message: string) => void): Worker {
  const worker = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<FromCsvWorker>) => receive(event.data));
  worker.addEventListener('error', (event) => fail(event.message || 'The import worker failed'));
  worker.addEventListener('messageerror', () => fail('The import worker sent an unreadable message'));
  return worker;
}
