import Papa from 'papaparse';
import {
  type DateOrder,
  type DateParts,
  dateScratch,
  dayNumber,
  type DecimalSeparator,
  periodOfIndex,
  readDateCell,
  readMonthCell,
  readNumberCell,
} from './csvCells';
import { classifyOutcome, headerKey, isMarketingSource, LEAD_FIELDS, LEAD_HEADERS, type LeadField, METRIC_HEADERS, PERIOD_HEADERS, WON_DATE_HEADERS } from './csvHeaders';
import { type LeadMonth, LeadRecordBuilder, type StampParts } from './leadRecords';
import { median } from './median';
import { MAX_VALUE, METRICS, type Metric } from './records';
import { metricKey } from './values';

export { classifyOutcome, isMarketingSource, LEAD_FIELDS, type LeadField } from './csvHeaders';
export { type DateOrder, type DateParts, type DecimalSeparator, MAX_YEAR, MIN_YEAR, parseCsvDate, parseCsvNumber, toHalfWidth } from './csvCells';

/**
 * CRM CSV import, in four pure steps the UI runs one after the other and shows in between:
 * decodeCsvBytes (bytes → text, whatever the encoding) → parseCsvText (text → table, whatever the
 * delimiter) → guessMapping (which column is what) → importCsv (rows → monthly metric values and
 * the errors of the rows it skipped). Nothing is written anywhere here; the UI stores the values
 * only after the user has seen the preview and confirmed. Problems and errors are codes (the UI
 * translates them), with the file line and column of each bad row.
 */

/** Larger files are refused (a year of leads of a big company is well under this). */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;
/** Data rows beyond this are refused with 'tooLarge'. */
export const MAX_CSV_ROWS = 1_000_000;
/** Row errors listed in a preview; `errorCount` has the total. */
export const MAX_LISTED_ERRORS = 1_000;
/** Longest cell text quoted in an error. */
const MAX_ERROR_TEXT = 100;

/** Why a whole file cannot be read. `detail`: e.g. 'excel', 'pdf', 'zip', 'image' for binary files. */
export type CsvProblem = { code: 'empty' | 'binary' | 'encoding' | 'noHeader' | 'tooLarge' | 'noRows'; detail?: string };

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

const problem = (code: CsvProblem['code'], detail?: string): { ok: false; problem: CsvProblem } =>
  detail === undefined ? { ok: false, problem: { code } } : { ok: false, problem: { code, detail } };

/** What a binary file is, from its first bytes (so the UI can say "this is an Excel workbook, save it as CSV"). */
function binarySignature(bytes: Uint8Array): string | null {
  const starts = (...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip'; // .xlsx, .docx and .zip
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'excel'; // .xls (OLE)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'image';
  if (starts(0x1f, 0x8b)) return 'gzip';
  return null;
}

/** UTF-16 without a byte-order mark: ASCII-heavy text has a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4_096) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab, line feed, form feed, carriage return and DOS end-of-file. */
function controlShare(text: string): number {
  const sample = Math.min(text.length, 8_192);
  let count = 0;
  for (let index = 0; index < sample; index++) {
    const code = text.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13 && code !== 26) || code === 0xfffd) count++;
  }
  return sample === 0 ? 0 : count / sample;
}

/**
 * Bytes of a file → text. A byte-order mark decides (UTF-8, UTF-16 LE/BE); UTF-16 without one is
 * recognised by its zero bytes; otherwise strict UTF-8, then Shift_JIS (Excel and many Japanese CRMs
 * still export it), else 'encoding'. Empty or blank files are 'empty'; zip/xlsx, xls, pdf, images and
 * anything with NUL or many control characters are 'binary'; files over MAX_CSV_BYTES 'tooLarge'.
 * The returned text has no byte-order mark.
 */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string; encoding: CsvEncoding } | { ok: false; problem: CsvProblem } {
  if (bytes.length === 0) return problem('empty');
  if (bytes.length > MAX_CSV_BYTES) return problem('tooLarge', String(bytes.length));
  const signature = binarySignature(bytes);
  if (signature) return problem('binary', signature);
  let encoding: CsvEncoding | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else encoding = sniffUtf16(bytes);
  let text: string;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      return problem('encoding', encoding);
    }
  } else {
    if (bytes.indexOf(0) >= 0) return problem('binary', 'nul');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      if (encoding === 'utf-8') return problem('encoding', 'utf-8');
      try {
        text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
        encoding = 'shift_jis';
      } catch {
        return problem('encoding');
      }
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return problem('empty');
  if (text.includes('\u0000') || controlShare(text) > 0.02) return problem('binary', 'control');
  return { ok: true, text, encoding };
}

/** A parsed file: header cells (trimmed), data rows, and the 1-based file line each row starts on. */
export type CsvTable = {
  headers: string[];
  rows: string[][];
  lines: number[];
  delimiter: string;
  /** Line of the row whose quoted cell is never closed (the rest of the file ran into that cell). */
  unclosedQuoteLine?: number;
};

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter whose split gives the header's column count (≥ 2) on the most sample rows,
 * then the most columns; ',' when nothing splits. Papaparse's own guess is fooled by decimal
 * commas in semicolon files, hence this.
 */
function detectDelimiter(text: string): string {
  let sample = text.slice(0, 65_536);
  if (sample.length < text.length) sample = sample.slice(0, Math.max(sample.lastIndexOf('\n'), 1));
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, preview: 30 }).data.filter((row) => !(row.length === 1 && row[0]!.trim() === ''));
    const columns = rows[0]?.length ?? 0;
    if (columns < 2) continue;
    const data = rows.slice(1);
    const consistent = data.length === 0 ? 1 : data.filter((row) => row.length === columns).length / data.length;
    const score = consistent * 1_000 + Math.min(columns, 999);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Line breaks inside a cell ('\r\n', '\n' and a lone '\r' each count one). */
function lineBreaks(cell: string): number {
  let count = 0;
  let index = cell.indexOf('\n');
  while (index >= 0) {
    count++;
    index = cell.indexOf('\n', index + 1);
  }
  index = cell.indexOf('\r');
  while (index >= 0) {
    if (cell.charCodeAt(index + 1) !== 10) count++;
    index = cell.indexOf('\r', index + 1);
  }
  return count;
}

function isEmptyRow(row: readonly string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/** A header cell that is really a value: a number, a date or a month ('2026-01'). */
function looksLikeData(cell: string): boolean {
  const scratch = dateScratch();
  return readNumberCell(cell, '.') !== 'bad' || readDateCell(cell, 'ymd', scratch) === 'ok' || typeof readMonthCell(cell, 'ymd', scratch) === 'number';
}

/**
 * Text → table. Detects the delimiter (comma, semicolon, tab, pipe; Excel's "sep=;" first line is
 * honoured), takes the first non-empty row as the header, drops empty rows and keeps for each row
 * the file line it starts on (right even when quoted cells span several lines). Problems: 'empty',
 * 'binary' (NUL characters), 'tooLarge', 'noHeader' (the first row is all numbers or dates, or
 * blank cells), 'noRows' (a header and nothing else).
 */
export function parseCsvText(text: string): { ok: true; table: CsvTable } | { ok: false; problem: CsvProblem } {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return problem('empty');
  if (body.length > MAX_CSV_BYTES) return problem('tooLarge', String(body.length));
  if (body.includes('\u0000')) return problem('binary', 'nul');
  let firstLine = 1;
  let delimiter: string | null = null;
  const sep = /^sep=([,;\t|])[ \t]*(\r\n|\n|\r)/i.exec(body);
  if (sep) {
    delimiter = sep[1]!;
    body = body.slice(sep[0].length);
    firstLine = 2;
  }
  delimiter ??= detectDelimiter(body);
  // One line break for the whole file: exports that mix CRLF and LF would otherwise keep '\r' in cells.
  if (body.includes('\r\n')) body = body.replace(/\r\n/g, '\n');
  const newline = body.includes('\n') ? '\n' : '\r';
  const parsed = Papa.parse<string[]>(body, { delimiter, newline, skipEmptyLines: false });
  const unclosed = parsed.errors.find((error) => error.code === 'MissingQuotes');
  let line = firstLine;
  let headers: string[] | null = null;
  let headerLine = 0;
  const rows: string[][] = [];
  const lines: number[] = [];
  let unclosedQuoteLine: number | undefined;
  for (let index = 0; index < parsed.data.length; index++) {
    const row = parsed.data[index]!;
    const start = line;
    let breaks = 0;
    for (const cell of row) if (cell.length > 0 && (cell.includes('\n') || cell.includes('\r'))) breaks += lineBreaks(cell);
    line += 1 + breaks;
    if (unclosed?.row === index) unclosedQuoteLine = start;
    if (isEmptyRow(row)) continue;
    if (headers === null) {
      headers = row.map((cell) => cell.trim());
      headerLine = start;
      continue;
    }
    rows.push(row);
    lines.push(start);
    if (rows.length > MAX_CSV_ROWS) return problem('tooLarge', `${MAX_CSV_ROWS}+ rows`);
  }
  if (headers === null) return problem('empty');
  const named = headers.filter((cell) => cell !== '');
  if (named.every(looksLikeData)) return problem('noHeader', String(headerLine));
  if (rows.length === 0) return problem('noRows');
  const table: CsvTable = { headers, rows, lines, delimiter };
  if (unclosedQuoteLine !== undefined) table.unclosedQuoteLine = unclosedQuoteLine;
  return { ok: true, table };
}

/** Which column holds what, plus how to read dates and numbers. Column = index into headers. */
export type CsvMapping =
  | {
      shape: 'leads';
      columns: Partial<Record<LeadField, number>>;
      dateOrder: DateOrder;
      decimal: DecimalSeparator;
      /** Source values that count as marketing-sourced pipeline (compared case- and width-insensitively); [] = every opportunity. */
      marketingSources: string[];
      /** The closed-date column records wins only (受注日, Won Date): without an outcome column, closed = won. */
      closedIsWon?: boolean;
    }
  | { shape: 'periods'; periodColumn: number; columns: Partial<Record<Metric, number>>; dateOrder: DateOrder; decimal: DecimalSeparator };

/** The stage dates of a lead, in funnel order (each must not be before the previous one). */
const STAGE_DATES = ['createdDate', 'mqlDate', 'salDate', 'sqlDate', 'opportunityDate', 'closedDate'] as const satisfies readonly LeadField[];

function findColumn(keys: readonly string[], names: ReadonlySet<string>, taken: ReadonlySet<number>): number | undefined {
  const index = keys.findIndex((key, column) => !taken.has(column) && names.has(key));
  return index >= 0 ? index : undefined;
}

const SAMPLE_ROWS = 2_000;

/** dmy when a sample date's first number is over 12, mdy when its second is; otherwise the file's habit. */
function guessDateOrder(table: CsvTable, columns: readonly number[], fallback: DateOrder): DateOrder {
  let dmy = 0;
  let mdy = 0;
  let numeric = 0;
  const pattern = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/;
  for (let index = 0; index < Math.min(table.rows.length, SAMPLE_ROWS); index++) {
    for (const column of columns) {
      const match = pattern.exec(table.rows[index]![column] ?? '');
      if (!match) continue;
      numeric++;
      if (Number(match[1]) > 12) dmy++;
      if (Number(match[2]) > 12) mdy++;
    }
  }
  if (dmy > mdy) return 'dmy';
  if (mdy > dmy) return 'mdy';
  return numeric > 0 && fallback === 'ymd' ? 'mdy' : fallback;
}

/** ',' when sample numbers look European ('1.234,5', '12,50'), '.' when they look Japanese/US ('1,234.5', '12.50'). */
function guessDecimal(table: CsvTable, columns: readonly number[], fallback: DecimalSeparator): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (let index = 0; index < Math.min(table.rows.length, SAMPLE_ROWS); index++) {
    for (const column of columns) {
      const cell = table.rows[index]![column] ?? '';
      if (/\d\.\d{3},\d|^[^.,]*\d,\d{1,2}(?!\d)[^.,]*$/.test(cell)) comma++;
      else if (/\d,\d{3}\.\d|^[^.,]*\d\.\d{1,2}(?!\d)[^.,]*$/.test(cell)) dot++;
    }
  }
  if (comma > dot) return ',';
  if (dot > comma) return '.';
  return fallback;
}

/**
 * Distinct non-blank values of a column with how often each occurs, most frequent first (at most
 * `limit`): for choosing the marketing sources or checking outcomes.
 */
export function distinctValues(table: CsvTable, column: number, limit = 100): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const value = (row[column] ?? '').trim();
    if (value === '') continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, limit);
}

/**
 * Guesses the mapping from the headers (English and Japanese: Created Date / 作成日, MQL Date /
 * MQL日, Close Date / 受注日, Amount / 金額, Month / 年月, MQL / MQL数, Revenue / 売上 …). A file
 * with stage-date columns is 'leads' (one row per lead); one with a month column and metric
 * columns is 'periods'. Date order and decimal separator come from sample values (a semicolon
 * file defaults to dmy and decimal comma, a Japanese one to ymd). Marketing sources are the source
 * values that sound like marketing ([] = all). The UI shows the guess for the user to correct.
 */
export function guessMapping(table: CsvTable): CsvMapping {
  const keys = table.headers.map(headerKey);
  const japanese = table.headers.some((header) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(header));
  const european = table.delimiter === ';';
  const taken = new Set<number>();
  const leadColumns: Partial<Record<LeadField, number>> = {};
  for (const field of LEAD_FIELDS) {
    const column = findColumn(keys, LEAD_HEADERS[field], taken);
    if (column !== undefined) {
      leadColumns[field] = column;
      taken.add(column);
    }
  }
  const stageDates = STAGE_DATES.filter((field) => leadColumns[field] !== undefined).length;
  const periodTaken = new Set<number>();
  const periodColumn = findColumn(keys, PERIOD_HEADERS, periodTaken);
  if (periodColumn !== undefined) periodTaken.add(periodColumn);
  const metricColumns: Partial<Record<Metric, number>> = {};
  for (const metric of METRICS) {
    const column = findColumn(keys, METRIC_HEADERS[metric], periodTaken);
    if (column !== undefined) {
      metricColumns[metric] = column;
      periodTaken.add(column);
    }
  }
  const metrics = Object.keys(metricColumns).length;
  const fallbackOrder: DateOrder = japanese ? 'ymd' : european ? 'dmy' : 'mdy';
  const fallbackDecimal: DecimalSeparator = european ? ',' : '.';

  if (stageDates > 0 && (periodColumn === undefined || stageDates >= metrics)) {
    const dateColumns = [...STAGE_DATES, 'firstContactDate' as const].flatMap((field) => (leadColumns[field] === undefined ? [] : [leadColumns[field]]));
    const sourceColumn = leadColumns.source;
    const marketingSources = sourceColumn === undefined ? [] : distinctValues(table, sourceColumn, 500).map((item) => item.value).filter(isMarketingSource);
    const mapping: CsvMapping = {
      shape: 'leads',
      columns: leadColumns,
      dateOrder: guessDateOrder(table, dateColumns, fallbackOrder),
      decimal: leadColumns.amount === undefined ? fallbackDecimal : guessDecimal(table, [leadColumns.amount], fallbackDecimal),
      marketingSources,
    };
    if (leadColumns.outcome === undefined && leadColumns.closedDate !== undefined && WON_DATE_HEADERS.has(keys[leadColumns.closedDate]!)) mapping.closedIsWon = true;
    return mapping;
  }
  const column = periodColumn ?? 0;
  return {
    shape: 'periods',
    periodColumn: column,
    columns: metricColumns,
    dateOrder: guessDateOrder(table, [column], fallbackOrder),
    decimal: guessDecimal(table, Object.values(metricColumns), fallbackDecimal),
  };
}

/** What can be wrong with one row (the UI names it in words). */
export type CsvErrorCode =
  | 'badDate'
  | 'badNumber'
  | 'negative'
  | 'missingRequired'
  | 'unknownOutcome'
  | 'wrongColumnCount'
  | 'unclosedQuote'
  | 'duplicateId'
  | 'dateOrder'
  | 'duplicatePeriod'
  | 'outOfRange';

/**
 * One bad row: its file line, the header of the bad column (null for the whole row), the code, and
 * the cell text (the whole row for 'wrongColumnCount' and 'unclosedQuote'). `firstLine`: for
 * 'duplicateId', the line where the id first appears.
 */
export type CsvRowError = { line: number; column: string | null; code: CsvErrorCode; text: string; firstLine?: number };

/** The result of an import, for the preview: nothing is stored until the user confirms. */
export type CsvPreview = {
  /** Aggregated per month: key 'metric:…', period 'YYYY-MM', value finite and within ±MAX_VALUE. */
  values: { key: string; period: string; value: number }[];
  /** Errors of the skipped rows, in file order (at most MAX_LISTED_ERRORS; see errorCount). */
  errors: CsvRowError[];
  /** All errors found, including those not listed. */
  errorCount: number;
  rowsRead: number;
  rowsUsed: number;
  periods: { first: string; last: string } | null;
  /**
   * Lead-level response records per MQL month (leads shape with an MQL date and a first-contact,
   * SAL or rejected date column): kept so response times can be measured per record, in business
   * hours, and again when the working calendar changes. Absent otherwise.
   */
  leadMonths?: Omit<LeadMonth, 'importedAt'>[];
};

/** Collects errors of the current row, and the preview's list. */
class Errors {
  readonly listed: CsvRowError[] = [];
  count = 0;
  rowHasError = false;
  constructor(private readonly headers: readonly string[]) {}
  add(line: number, column: number | null, code: CsvErrorCode, text: string, firstLine?: number): void {
    this.rowHasError = true;
    this.count++;
    if (this.listed.length < MAX_LISTED_ERRORS) {
      const error: CsvRowError = { line, column: column === null ? null : (this.headers[column] ?? `#${column + 1}`), code, text: text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text };
      if (firstLine !== undefined) error.firstLine = firstLine;
      this.listed.push(error);
    }
  }
  /**
   * A row that cannot be split into its cells: 'unclosedQuote' on the row whose quoted cell never
   * closes (the rest of the file ran into it), else 'wrongColumnCount'. True when one was added.
   */
  addShape(table: CsvTable, row: readonly string[], line: number): boolean {
    if (table.unclosedQuoteLine === line) this.add(line, null, 'unclosedQuote', row.join(table.delimiter));
    else if (!columnCountOk(row, table.headers.length)) this.add(line, null, 'wrongColumnCount', row.join(table.delimiter));
    else return false;
    return true;
  }
}

/**
 * A row with another column count than the header: an error, except extra cells that are all
 * blank (Excel adds trailing separators) — missing trailing cells are an error, since the row
 * was cut or shifted.
 */
function columnCountOk(row: readonly string[], width: number): boolean {
  if (row.length === width) return true;
  if (row.length < width) return false;
  for (let index = width; index < row.length; index++) if (row[index]!.trim() !== '') return false;
  return true;
}

const METRIC_INDEX: Readonly<Record<Metric, number>> = Object.fromEntries(METRICS.map((metric, index) => [metric, index])) as Record<Metric, number>;

/**
 * Per-month sums, one Float64Array of METRICS per month index, and for each metric the first and
 * last month it was seen in: a metric is zero-filled only within its own range (an export of this
 * year's MQLs may hold leads created years ago; those years had MQLs the file does not show).
 */
class MonthTotals {
  readonly byMonth = new Map<number, Float64Array>();
  private readonly marks = new Map<number, Uint8Array>();
  readonly first = new Float64Array(METRICS.length).fill(Number.POSITIVE_INFINITY);
  readonly last = new Float64Array(METRICS.length).fill(Number.NEGATIVE_INFINITY);
  add(month: number, metric: number, value: number): void {
    let totals = this.byMonth.get(month);
    let marks = this.marks.get(month);
    if (!totals || !marks) {
      totals = new Float64Array(METRICS.length);
      marks = new Uint8Array(METRICS.length);
      this.byMonth.set(month, totals);
      this.marks.set(month, marks);
    }
    totals[metric] = totals[metric]! + value;
    marks[metric] = 1;
    if (month < this.first[metric]!) this.first[metric] = month;
    if (month > this.last[metric]!) this.last[metric] = month;
  }
  get(month: number, metric: number): number {
    return this.byMonth.get(month)?.[metric] ?? 0;
  }
  /** Whether anything was added for the metric in the month (a 0 added counts). */
  has(month: number, metric: number): boolean {
    return this.marks.get(month)?.[metric] === 1;
  }
}

/** Rounds away binary noise of sums (0.1 + 0.2) without changing real values. */
function tidy(value: number): number {
  return Math.abs(value) >= 1e9 ? value : Math.round(value * 1e6) / 1e6;
}

const PROGRESS_EVERY = 5_000;

/**
 * Rows → monthly metric values, per the mapping. A row with any error is reported (line, column,
 * code, text) and skipped as a whole, so a half-read row never counts.
 *
 * Leads shape: leads / mql / sal / sql / opportunities = records per month of their createdDate /
 * mqlDate / salDate / sqlDate / opportunityDate; opportunitiesClosed and won per month of
 * closedDate (outcome won or lost; a closed date with an open stage is an expected close date and
 * ignored), revenue = sum of won amounts; marketingPipeline = sum of the amounts of opportunities
 * whose source is one of marketingSources (all when empty) per opportunity month; responseHours =
 * median hours from mqlDate to firstContactDate per MQL month (days × 24 when either has no time).
 * Each mapped metric gets a value for every month from the first to the last month it occurs in
 * (0 for a quiet month in between, which is a real 0 rather than "no data"; nothing outside its
 * own months, since an export of this year's MQLs may hold leads created years ago);
 * responseHours only where measured.
 * Errors (both shapes): unclosedQuote (the row whose quoted cell never closes, column null),
 * wrongColumnCount. Leads errors: duplicateId (a row whose trimmed id, compared case-sensitively, an
 * earlier row already has; only when the id column is mapped; blank ids are not compared; the
 * earlier row is the first in the file with that id, even if it was skipped for another error; the
 * duplicate row is skipped without reading its other cells; `firstLine` names the earlier row),
 * badDate, outOfRange (year outside MIN_YEAR–MAX_YEAR, amount beyond
 * MAX_VALUE), missingRequired (blank created date when mapped; won/lost without closed date),
 * unknownOutcome (a closed date with an outcome word the app does not know), badNumber, negative (amount), dateOrder (a stage date before an
 * earlier stage's, first contact or rejection before MQL). `leadMonths`: the records of
 * every used row with an MQL date (see leadRecords.ts).
 *
 * Periods shape: one row per month; blank cells give no value; errors: missingRequired (no month),
 * badDate (unreadable month), duplicatePeriod (second row of a month), badNumber, negative,
 * outOfRange.
 */
export function importCsv(table: CsvTable, mapping: CsvMapping, onProgress?: (done: number, total: number) => void): CsvPreview {
  const errors = new Errors(table.headers);
  const totals = new MonthTotals();
  const emitted = new Set<Metric>();
  const responses = new Map<number, number[]>();
  const total = table.rows.length;
  let rowsUsed = 0;
  const scratch = dateScratch();
  let leadMonths: CsvPreview['leadMonths'];

  if (mapping.shape === 'leads') {
    const read = leadReader(mapping, errors, scratch);
    for (const metric of read.emits) emitted.add(metric);
    for (let index = 0; index < total; index++) {
      if (onProgress && index > 0 && index % PROGRESS_EVERY === 0) onProgress(index, total);
      const row = table.rows[index]!;
      const line = table.lines[index]!;
      errors.rowHasError = false;
      if (!errors.addShape(table, row, line) && read.row(row, line, totals, responses)) {
        rowsUsed++;
      }
    }
    leadMonths = read.records?.finish();
  } else {
    const seen = new Set<number>();
    const metrics = METRICS.filter((metric) => mapping.columns[metric] !== undefined);
    for (const metric of metrics) emitted.add(metric);
    const values = new Float64Array(METRICS.length);
    const present = new Uint8Array(METRICS.length);
    for (let index = 0; index < total; index++) {
      if (onProgress && index > 0 && index % PROGRESS_EVERY === 0) onProgress(index, total);
      const row = table.rows[index]!;
      const line = table.lines[index]!;
      errors.rowHasError = false;
      if (errors.addShape(table, row, line)) continue;
      const cell = row[mapping.periodColumn] ?? '';
      const month = readMonthCell(cell, mapping.dateOrder, scratch);
      if (month === null) errors.add(line, mapping.periodColumn, 'missingRequired', cell);
      else if (month === 'bad') errors.add(line, mapping.periodColumn, 'badDate', cell);
      else if (month === 'range') errors.add(line, mapping.periodColumn, 'outOfRange', cell);
      else if (seen.has(month)) errors.add(line, mapping.periodColumn, 'duplicatePeriod', cell);
      present.fill(0);
      for (const metric of metrics) {
        const column = mapping.columns[metric]!;
        const text = row[column] ?? '';
        const value = readNumberCell(text, mapping.decimal);
        if (value === null) continue;
        if (value === 'bad') errors.add(line, column, 'badNumber', text);
        else if (value === 'range') errors.add(line, column, 'outOfRange', text);
        else if (value < 0) errors.add(line, column, 'negative', text);
        else {
          values[METRIC_INDEX[metric]] = value;
          present[METRIC_INDEX[metric]] = 1;
        }
      }
      if (errors.rowHasError || typeof month !== 'number') continue;
      seen.add(month);
      rowsUsed++;
      // A blank cell is no value (not 0): only present metrics are added, and only they extend the metric's months.
      for (let metric = 0; metric < METRICS.length; metric++) if (present[metric]) totals.add(month, metric, values[metric]!);
    }
  }
  onProgress?.(total, total);

  const values: CsvPreview['values'] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const metric of METRICS) {
    if (!emitted.has(metric)) continue;
    const index = METRIC_INDEX[metric];
    if (metric === 'responseHours' && mapping.shape === 'leads') {
      for (const month of responses.keys()) {
        first = Math.min(first, month);
        last = Math.max(last, month);
      }
      continue;
    }
    first = Math.min(first, totals.first[index]!);
    last = Math.max(last, totals.last[index]!);
  }
  for (let month = first; month <= last; month++) {
    const period = periodOfIndex(month);
    for (const metric of METRICS) {
      if (!emitted.has(metric)) continue;
      const index = METRIC_INDEX[metric];
      let value: number;
      if (metric === 'responseHours' && mapping.shape === 'leads') {
        const middle = median(responses.get(month) ?? []);
        if (middle === null) continue;
        value = Math.round(middle * 100) / 100;
      } else if (mapping.shape === 'periods') {
        // Only what the sheet says: a blank cell or a missing month is no value, not 0.
        if (!totals.has(month, index)) continue;
        value = totals.get(month, index);
      } else {
        if (month < totals.first[index]! || month > totals.last[index]!) continue;
        value = tidy(totals.get(month, index));
      }
      if (!Number.isFinite(value) || Math.abs(value) > MAX_VALUE) {
        errors.add(table.lines[0] ?? 1, null, 'outOfRange', `${metricKey(metric)} ${period}`);
        continue;
      }
      values.push({ key: metricKey(metric), period, value });
    }
  }
  const periods = values.length === 0 ? null : { first: values[0]!.period, last: values[values.length - 1]!.period };
  const preview: CsvPreview = { values, errors: errors.listed, errorCount: errors.count, rowsRead: total, rowsUsed, periods };
  if (leadMonths) preview.leadMonths = leadMonths;
  return preview;
}

type LeadMapping = Extract<CsvMapping, { shape: 'leads' }>;

/** Whether `a` is before `b` (by the day as written, then by time; a missing time is the day's start). */
function earlier(a: StampParts, b: StampParts): boolean {
  const dayA = dayNumber(a.year, a.month, a.day);
  const dayB = dayNumber(b.year, b.month, b.day);
  return dayA !== dayB ? dayA < dayB : a.minutes < b.minutes;
}

/** Reads lead rows: validates one row, then adds it to the month totals. */
function leadReader(mapping: LeadMapping, errors: Errors, scratch: DateParts) {
  const columns = mapping.columns;
  const stageFields = STAGE_DATES.filter((field) => columns[field] !== undefined);
  const stageColumns = stageFields.map((field) => columns[field]!);
  const stageMetric: Partial<Record<LeadField, number>> = {
    createdDate: METRIC_INDEX.leads,
    mqlDate: METRIC_INDEX.mql,
    salDate: METRIC_INDEX.sal,
    sqlDate: METRIC_INDEX.sql,
    opportunityDate: METRIC_INDEX.opportunities,
  };
  const stageMetricIndex = stageFields.map((field) => stageMetric[field] ?? -1);
  const closedIndex = stageFields.indexOf('closedDate');
  const mqlIndex = stageFields.indexOf('mqlDate');
  const opportunityIndex = stageFields.indexOf('opportunityDate');
  const outcomeColumn = columns.outcome;
  const amountColumn = columns.amount;
  const contactColumn = columns.firstContactDate;
  const sourceColumn = columns.source;
  const idColumn = columns.id;
  const salIndex = stageFields.indexOf('salDate');
  const rejectedColumn = columns.rejectedDate;
  // Per-record response data (business hours, per-record SLA attainment) needs the MQL date and an answer column.
  const records =
    mqlIndex >= 0 && (contactColumn !== undefined || salIndex >= 0 || rejectedColumn !== undefined)
      ? new LeadRecordBuilder({ firstContact: contactColumn !== undefined, acceptReject: salIndex >= 0 || rejectedColumn !== undefined })
      : null;
  const stageParts: StampParts[] = stageFields.map(() => ({ year: 0, month: 0, day: 0, minutes: -1, offset: null }));
  const contactParts: StampParts = { year: 0, month: 0, day: 0, minutes: -1, offset: null };
  const rejectedParts: StampParts = { year: 0, month: 0, day: 0, minutes: -1, offset: null };
  const copyParts = (into: StampParts) => {
    into.year = scratch.year;
    into.month = scratch.month;
    into.day = scratch.day;
    into.minutes = scratch.minutes;
    into.offset = scratch.offset;
  };
  /** Trimmed id → the line it first appears on (one Map lookup per row: fine for a million rows). */
  const firstLines = new Map<string, number>();
  const hasOutcome = outcomeColumn !== undefined || mapping.closedIsWon === true;
  const marketing = new Set(mapping.marketingSources.map(headerKey));
  const allSources = marketing.size === 0;

  const emits: Metric[] = [];
  for (const field of stageFields) {
    const metricIndex = stageMetric[field];
    if (metricIndex !== undefined) emits.push(METRICS[metricIndex]!);
  }
  if (closedIndex >= 0) {
    emits.push('opportunitiesClosed');
    if (hasOutcome) emits.push('won');
    if (hasOutcome && amountColumn !== undefined) emits.push('revenue');
  }
  if (opportunityIndex >= 0 && amountColumn !== undefined) emits.push('marketingPipeline');
  if (mqlIndex >= 0 && contactColumn !== undefined) emits.push('responseHours');

  // Per-row scratch: instant (minutes since 1970), minute of day (−1 none), month index of each stage date.
  const instants = new Float64Array(stageFields.length);
  const minutes = new Float64Array(stageFields.length);
  const months = new Float64Array(stageFields.length);
  const present = new Uint8Array(stageFields.length);

  function readDate(cells: readonly string[], column: number, line: number): 'blank' | 'ok' | 'error' {
    const text = cells[column] ?? '';
    const result = readDateCell(text, mapping.dateOrder, scratch);
    if (result === 'bad') errors.add(line, column, 'badDate', text);
    else if (result === 'range') errors.add(line, column, 'outOfRange', text);
    return result === 'ok' || result === 'blank' ? result : 'error';
  }

  /** Minutes since 1970 in UTC when the cell had a zone, local wall time otherwise. */
  const instant = (): number => dayNumber(scratch.year, scratch.month, scratch.day) * 1_440 + Math.max(scratch.minutes, 0) - (scratch.offset ?? 0);

  function row(cells: readonly string[], line: number, totals: MonthTotals, responses: Map<number, number[]>): boolean {
    if (idColumn !== undefined) {
      const id = (cells[idColumn] ?? '').trim();
      if (id !== '') {
        const firstLine = firstLines.get(id);
        if (firstLine !== undefined) {
          errors.add(line, idColumn, 'duplicateId', id, firstLine);
          return false;
        }
        firstLines.set(id, line);
      }
    }
    for (let index = 0; index < stageFields.length; index++) {
      present[index] = 0;
      if (readDate(cells, stageColumns[index]!, line) !== 'ok') continue;
      present[index] = 1;
      instants[index] = instant();
      minutes[index] = scratch.minutes;
      months[index] = scratch.year * 12 + scratch.month - 1;
      if (records) copyParts(stageParts[index]!);
    }
    if (columns.createdDate !== undefined && (cells[columns.createdDate] ?? '').trim() === '') errors.add(line, columns.createdDate, 'missingRequired', '');

    // Outcome: only a won or lost record is closed; a closed date with an open stage is an expected close date.
    let outcome: 'won' | 'lost' | 'open' | null = 'open';
    if (outcomeColumn !== undefined) {
      const text = cells[outcomeColumn] ?? '';
      outcome = classifyOutcome(text);
      // An unknown word only matters on a closed record (open records have custom stage names).
      if (outcome === null) {
        if (closedIndex >= 0 && present[closedIndex]) errors.add(line, outcomeColumn, 'unknownOutcome', text);
        outcome = 'open';
      } else if (closedIndex >= 0 && (outcome === 'won' || outcome === 'lost') && !present[closedIndex] && (cells[stageColumns[closedIndex]!] ?? '').trim() === '') {
        errors.add(line, stageColumns[closedIndex]!, 'missingRequired', '');
      }
    } else if (mapping.closedIsWon && closedIndex >= 0 && present[closedIndex]) {
      outcome = 'won';
    }

    let amount = 0;
    if (amountColumn !== undefined) {
      const text = cells[amountColumn] ?? '';
      const value = readNumberCell(text, mapping.decimal);
      if (value === 'bad') errors.add(line, amountColumn, 'badNumber', text);
      else if (value === 'range') errors.add(line, amountColumn, 'outOfRange', text);
      else if (value !== null && value < 0) errors.add(line, amountColumn, 'negative', text);
      else if (value !== null) amount = value;
    }

    // Stage dates in funnel order (same day is fine: dates without time compare by day).
    let latest = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < stageFields.length; index++) {
      if (!present[index]) continue;
      const day = Math.floor(instants[index]! / 1_440);
      if (day < latest) errors.add(line, stageColumns[index]!, 'dateOrder', cells[stageColumns[index]!] ?? '');
      else latest = day;
    }

    let responseHours: number | null = null;
    let contacted = false;
    if (contactColumn !== undefined && readDate(cells, contactColumn, line) === 'ok' && mqlIndex >= 0 && present[mqlIndex]) {
      contacted = true;
      if (records) copyParts(contactParts);
      const contact = instant();
      const bothTimed = scratch.minutes >= 0 && minutes[mqlIndex]! >= 0;
      const hours = bothTimed ? (contact - instants[mqlIndex]!) / 60 : (Math.floor(contact / 1_440) - Math.floor(instants[mqlIndex]! / 1_440)) * 24;
      if (hours < 0) errors.add(line, contactColumn, 'dateOrder', cells[contactColumn] ?? '');
      else responseHours = hours;
    }
    // A rejection (the other half of accept/reject) cannot come before the lead was handed over.
    let rejected = false;
    if (rejectedColumn !== undefined && readDate(cells, rejectedColumn, line) === 'ok') {
      rejected = true;
      copyParts(rejectedParts);
      if (mqlIndex >= 0 && present[mqlIndex]) {
        const bothTimed = scratch.minutes >= 0 && minutes[mqlIndex]! >= 0;
        const at = instant();
        if (bothTimed ? at < instants[mqlIndex]! : Math.floor(at / 1_440) < Math.floor(instants[mqlIndex]! / 1_440)) errors.add(line, rejectedColumn, 'dateOrder', cells[rejectedColumn] ?? '');
      }
    }

    if (errors.rowHasError) return false;

    for (let index = 0; index < stageFields.length; index++) {
      if (!present[index] || stageMetricIndex[index]! < 0) continue;
      totals.add(months[index]!, stageMetricIndex[index]!, 1);
    }
    if (closedIndex >= 0 && present[closedIndex] && (outcome === 'won' || outcome === 'lost' || !hasOutcome)) {
      const month = months[closedIndex]!;
      const won = outcome === 'won';
      totals.add(month, METRIC_INDEX.opportunitiesClosed, 1);
      totals.add(month, METRIC_INDEX.won, won ? 1 : 0);
      totals.add(month, METRIC_INDEX.revenue, won ? amount : 0);
    }
    if (opportunityIndex >= 0 && present[opportunityIndex]) {
      const fromMarketing = allSources || (sourceColumn !== undefined && marketing.has(headerKey(cells[sourceColumn] ?? '')));
      totals.add(months[opportunityIndex]!, METRIC_INDEX.marketingPipeline, fromMarketing ? amount : 0);
    }
    if (responseHours !== null) {
      const month = months[mqlIndex]!;
      let list = responses.get(month);
      if (!list) responses.set(month, (list = []));
      list.push(responseHours);
    }
    if (records) {
      for (let index = 0; index < stageFields.length; index++) if (present[index]) records.seen(stageParts[index]!);
      if (contacted) records.seen(contactParts);
      if (rejected) records.seen(rejectedParts);
      if (present[mqlIndex]) {
        // The decision is the earlier of acceptance (SAL) and rejection.
        const accepted = salIndex >= 0 && present[salIndex] ? stageParts[salIndex]! : null;
        const decision = accepted && rejected ? (earlier(accepted, rejectedParts) ? accepted : rejectedParts) : (accepted ?? (rejected ? rejectedParts : null));
        records.add(idColumn === undefined ? '' : (cells[idColumn] ?? '').trim(), line, stageParts[mqlIndex]!, contacted ? contactParts : null, decision);
      }
    }
    return true;
  }

  return { emits, row, records };
}
