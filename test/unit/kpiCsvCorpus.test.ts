import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CsvMapping, type CsvProblem, type CsvTable, decodeCsvBytes, guessMapping, importCsv, parseCsvText } from '../../shared/kpi/csv';

/**
 * The CSV corpus (test/fixtures/csv, made by make-csv-fixtures.mjs): every file goes through the
 * whole import — bytes → text → table → guessed mapping → monthly values — and must give exactly
 * what expected.json says (written by hand from the rows).
 */

const root = join(import.meta.dirname, '..', 'fixtures', 'csv');

type Expected = {
  problem?: CsvProblem['code'];
  detail?: string;
  encoding?: string;
  delimiter?: string;
  lines?: number[];
  mapping?: {
    shape: 'leads' | 'periods';
    columns: Record<string, string>;
    periodColumn?: string;
    dateOrder?: string;
    decimal?: string;
    marketingSources?: string[];
    closedIsWon?: boolean;
  };
  rowsRead?: number;
  rowsUsed?: number;
  errors?: { line: number; column: string | null; code: string; firstLine?: number }[];
  values?: Record<string, number>;
  responses?: unknown;
};

const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as Record<string, Expected>;
const onDisk = ['good', 'bad'].flatMap((folder) => readdirSync(join(root, folder)).map((name) => `${folder}/${name}`)).sort();

function load(file: string): { ok: true; table: CsvTable; encoding: string } | { ok: false; problem: CsvProblem } {
  const decoded = decodeCsvBytes(new Uint8Array(readFileSync(join(root, file))));
  if (!decoded.ok) return decoded;
  const parsed = parseCsvText(decoded.text);
  return parsed.ok ? { ok: true, table: parsed.table, encoding: decoded.encoding } : parsed;
}

/** The mapping with header names instead of column indexes (what expected.json lists). */
function named(table: CsvTable, mapping: CsvMapping) {
  const columns = Object.fromEntries(Object.entries(mapping.columns).map(([field, column]) => [field, table.headers[column as number]]));
  if (mapping.shape === 'periods') return { shape: mapping.shape, columns, periodColumn: table.headers[mapping.periodColumn], dateOrder: mapping.dateOrder, decimal: mapping.decimal };
  const result: Record<string, unknown> = {
    shape: mapping.shape,
    columns,
    dateOrder: mapping.dateOrder,
    decimal: mapping.decimal,
    marketingSources: [...mapping.marketingSources].sort(),
  };
  if (mapping.closedIsWon) result.closedIsWon = true;
  return result;
}

describe('CSV corpus', () => {
  it('lists every fixture file in expected.json, and only those', () => {
    expect(Object.keys(expected).sort()).toEqual(onDisk);
    expect(onDisk.filter((file) => file.startsWith('good/')).length).toBeGreaterThanOrEqual(6);
    expect(onDisk.filter((file) => file.startsWith('bad/')).length).toBeGreaterThanOrEqual(10);
  });

  const problems = Object.entries(expected).filter(([, outcome]) => outcome.problem !== undefined);
  it.each(problems)('%s is refused as a whole file', (file, outcome) => {
    const result = load(file);
    const actual = result.ok ? { ok: true } : { problem: result.problem.code, detail: result.problem.detail };
    expect(actual).toMatchObject(outcome);
  });

  const imports = Object.entries(expected).filter(([, outcome]) => outcome.problem === undefined);
  // `responses` (per-record response times by a working calendar) is checked by kpiResponseCorpus.test.ts.
  it.each(imports.map(([file, { responses: _, ...outcome }]) => [file, outcome] as const))('%s imports as expected', (file, outcome) => {
    const result = load(file);
    if (!result.ok) throw new Error(`${file}: ${result.problem.code}`);
    const { table } = result;
    const mapping = guessMapping(table);
    const progress: [number, number][] = [];
    const preview = importCsv(table, mapping, (done, total) => progress.push([done, total]));
    const values = Object.fromEntries(preview.values.map((value) => [`${value.key}|${value.period}`, value.value]));
    const actual = {
      encoding: result.encoding,
      delimiter: table.delimiter,
      lines: table.lines,
      mapping: named(table, mapping),
      rowsRead: preview.rowsRead,
      rowsUsed: preview.rowsUsed,
      errors: preview.errors.map(({ line, column, code, firstLine }) => (firstLine === undefined ? { line, column, code } : { line, column, code, firstLine })),
      values,
    };
    // Every key expected.json gives must match; values and errors exactly (no extra ones).
    expect(actual).toMatchObject(outcome);
    expect(values).toEqual(outcome.values);
    expect(actual.errors).toEqual(outcome.errors);
    expect(preview.errorCount).toBe(outcome.errors?.length);
    expect(progress.at(-1)).toEqual([table.rows.length, table.rows.length]);
    expect(preview.values.every((value) => Number.isFinite(value.value))).toBe(true);
    const periods = preview.values.map((value) => value.period).sort();
    expect(preview.periods).toEqual(periods.length === 0 ? null : { first: periods[0], last: periods.at(-1) });
  });
});
