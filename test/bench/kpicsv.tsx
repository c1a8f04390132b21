/**
 * The CSV import benchmark page (kpicsv.html). The runner (run.mjs) calls, in the same page:
 * - benchCsv.prepare(rows): builds a CRM leads export of `rows` rows (kpiData.ts) as UTF-8 bytes;
 * - benchCsv.runApp(): the app's own import path, as the dialog runs it: createCsvJob() (a Web
 *   Worker on csvWorker.ts) → load(bytes) (decode + parse + guess) → preview(guessed mapping)
 *   (aggregation per month with progress), until the preview is back on the page;
 * - benchCsv.runBaseline(): TextDecoder + Papa.parse of the same bytes on the page's thread, with no
 *   mapping, validation or aggregation: the floor of reading the file.
 * Each run also records the page's frame gaps (requestAnimationFrame to requestAnimationFrame):
 * the longest one says how long the UI was frozen. A .tsx file so that only test/bench/tsconfig.json
 * (renderer settings) checks it.
 */
import Papa from 'papaparse';
import { createCsvJob } from '../../renderer/src/features/kpis/csvClient';
import { leadsCsvText } from './kpiData';

type RunResult = Record<string, number | string | null>;

declare global {
  interface Window {
    benchCsv?: { prepare(rows: number): { bytes: number; rows: number }; runApp(): Promise<RunResult>; runBaseline(): Promise<RunResult> };
    benchCsvReady?: boolean;
  }
}

let bytes = new Uint8Array(0);

function watchFrames() {
  const frames: number[] = [];
  let on = true;
  const loop = (time: number) => {
    if (!on) return;
    frames.push(time);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  return () => {
    on = false;
    const gaps = frames.slice(1).map((time, index) => time - frames[index]!);
    return { frames: gaps.length, maxFrameGapMs: gaps.length ? Math.max(...gaps) : null };
  };
}

/** Lets a frame or two pass, so the frame watch has a start and the runner's sampler a baseline. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

window.benchCsv = {
  prepare(rows) {
    bytes = new TextEncoder().encode(leadsCsvText(rows));
    return { bytes: bytes.length, rows };
  },
  async runApp() {
    await settle();
    const stop = watchFrames();
    const started = performance.now();
    const job = createCsvJob();
    let progressEvents = 0;
    try {
      // The dialog hands the file's ArrayBuffer to the worker (transferred); a copy per run here.
      const outcome = await job.load(bytes.slice().buffer);
      if (!outcome.ok) throw new Error(`load: ${outcome.problem.code}`);
      const loaded = performance.now();
      const preview = await job.preview(outcome.loaded.guess, () => progressEvents++);
      const done = performance.now();
      await settle();
      return {
        inWorker: job.inWorker ? 'yes' : 'no',
        totalMs: done - started,
        loadMs: loaded - started,
        previewMs: done - loaded,
        rowsRead: preview.rowsRead,
        rowsUsed: preview.rowsUsed,
        errorCount: preview.errorCount,
        values: preview.values.length,
        progressEvents,
        ...stop(),
      };
    } finally {
      job.cancel();
    }
  },
  async runBaseline() {
    await settle();
    const stop = watchFrames();
    const started = performance.now();
    const text = new TextDecoder('utf-8').decode(bytes);
    const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
    const done = performance.now();
    await settle();
    return { totalMs: done - started, rows: result.data.length - 1, ...stop() };
  },
};
window.benchCsvReady = true;
