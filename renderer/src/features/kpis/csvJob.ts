import {
  type CsvMapping,
  type CsvPreview,
  type CsvProblem,
  type CsvRowError,
  type CsvTable,
  decodeCsvBytes,
  guessMapping,
  importCsv,
  parseCsvText,
} from './csvApi';

/**
 * The CSV import's work (decode → parse → aggregate), written as a message handler so the very
 * same code runs in a Web Worker (csvWorker.ts) and, where there are no workers (jsdom), inline.
 * The parsed table stays on the handler's side; only the header, a few sample rows, progress and
 * the aggregated preview cross over. Nothing here writes anywhere.
 */

export const SAMPLE_ROWS = 5;
/** Row errors sent back (the dialog lists them; the total is sent as a count). */
export const MAX_ERRORS_SENT = 200;
/** Header and sample cells longer than this are cut for the dialog (a hostile cell may be megabytes). */
export const MAX_SHOWN_CELL = 200;

const clip = (cell: string) => (cell.length > MAX_SHOWN_CELL ? `${cell.slice(0, MAX_SHOWN_CELL)}…` : cell);

export type ToCsvWorker = { type: 'load'; bytes: ArrayBuffer } | { type: 'preview'; seq: number; mapping: CsvMapping };

export type CsvLoaded = {
  headers: string[];
  sample: string[][];
  sampleLines: number[];
  rowCount: number;
  encoding: string;
  guess: CsvMapping;
};

export type CsvPreviewResult = CsvPreview & { errors: CsvRowError[] };

export type FromCsvWorker =
  | { type: 'stage'; stage: 'decoding' | 'parsing' }
  | { type: 'loaded'; loaded: CsvLoaded }
  | { type: 'problem'; problem: CsvProblem }
  | { type: 'progress'; seq: number; done: number; total: number }
  | { type: 'previewed'; seq: number; preview: CsvPreviewResult }
  | { type: 'error'; message: string };

export function createCsvHandler(post: (message: FromCsvWorker) => void): (message: ToCsvWorker) => void {
  let table: CsvTable | null = null;
  return (message) => {
    try {
      if (message.type === 'load') {
        table = null;
        post({ type: 'stage', stage: 'decoding' });
        const decoded = decodeCsvBytes(new Uint8Array(message.bytes));
        if (!decoded.ok) return post({ type: 'problem', problem: decoded.problem });
        post({ type: 'stage', stage: 'parsing' });
        const parsed = parseCsvText(decoded.text);
        if (!parsed.ok) return post({ type: 'problem', problem: parsed.problem });
        table = parsed.table;
        return post({
          type: 'loaded',
          loaded: {
            headers: table.headers.map(clip),
            sample: table.rows.slice(0, SAMPLE_ROWS).map((row) => row.map(clip)),
            sampleLines: table.lines.slice(0, SAMPLE_ROWS),
            rowCount: table.rows.length,
            encoding: decoded.encoding,
            guess: guessMapping(table),
          },
        });
      }
      if (!table) return post({ type: 'error', message: 'No file loaded' });
      const { seq } = message;
      // Progress at most every 1 % of the rows, so the messages never cost more than the work.
      const step = Math.max(1, Math.floor(table.rows.length / 100));
      let next = 0;
      const preview = importCsv(table, message.mapping, (done, total) => {
        if (done >= next || done === total) {
          next = done + step;
          post({ type: 'progress', seq, done, total });
        }
      });
      post({
        type: 'previewed',
        seq,
        preview: { ...preview, errors: preview.errors.slice(0, MAX_ERRORS_SENT), errorCount: Math.max(preview.errorCount, preview.errors.length) },
      });
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
