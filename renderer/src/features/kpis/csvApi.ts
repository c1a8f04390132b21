/**
 * The CSV import API of shared/kpi/csv.ts (the KPI core), as the contract states it. Until that
 * module lands this file declares its types and refuses to run; it then becomes a re-export.
 */
import type { Metric } from '../../../../shared/kpi/records';

export type CsvProblem = { code: 'empty' | 'binary' | 'encoding' | 'noHeader' | 'tooLarge' | 'noRows'; detail?: string };
export type CsvTable = { headers: string[]; rows: string[][]; lines: number[]; delimiter: string };
export type LeadField = 'id' | 'createdDate' | 'mqlDate' | 'salDate' | 'sqlDate' | 'opportunityDate' | 'closedDate' | 'outcome' | 'amount' | 'firstContactDate' | 'source';
export type DateOrder = 'ymd' | 'mdy' | 'dmy';
export type CsvMapping =
  | { shape: 'leads'; columns: Partial<Record<LeadField, number>>; dateOrder: DateOrder; decimal: '.' | ','; marketingSources: string[] }
  | { shape: 'periods'; periodColumn: number; columns: Partial<Record<Metric, number>>; dateOrder: DateOrder; decimal: '.' | ',' };
export type CsvErrorCode = 'badDate' | 'badNumber' | 'negative' | 'missingRequired' | 'unknownOutcome' | 'wrongColumnCount' | 'dateOrder' | 'duplicatePeriod' | 'outOfRange';
export type CsvRowError = { line: number; column: string | null; code: CsvErrorCode; text: string };
export type CsvPreview = {
  values: { key: string; period: string; value: number }[];
  errors: CsvRowError[];
  rowsRead: number;
  rowsUsed: number;
  periods: { first: string; last: string } | null;
};

const missing = () => new Error('shared/kpi/csv.ts has not landed yet');
export function decodeCsvBytes(_bytes: Uint8Array): { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' } | { ok: false; problem: CsvProblem } {
  throw missing();
}
export function parseCsvText(_text: string): { ok: true; table: CsvTable } | { ok: false; problem: CsvProblem } {
  throw missing();
}
export function guessMapping(_table: CsvTable): CsvMapping {
  throw missing();
}
export function importCsv(_table: CsvTable, _mapping: CsvMapping, _onProgress?: (done: number, total: number) => void): CsvPreview {
  throw missing();
}
