import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../base64';
import { dayNumber, MAX_YEAR, MIN_YEAR, periodOfIndex } from './csvCells';
import { PeriodMonth } from './records';

/**
 * Lead-level response records, kept from a CRM import so that response times and the SLA's
 * time-window commitments can be measured per record (every MQL, not the month's median) and
 * measured again whenever the working calendar changes, without re-importing.
 *
 * One row per MQL month. Each record is ten 32-bit integers (40 bytes; a million leads are 40 MB,
 * a year of a busy team a few hundred KB): the file line, and the MQL, first-contact and
 * accept/reject-decision moments as written in the file — day number, minutes since midnight
 * (−1 without a time) and UTC offset (NONE: the calendar zone's wall time). Keeping the wall
 * times rather than instants is what lets a change of time zone re-read them.
 */

export const RECORD_STRIDE = 10;
/** "Not in the file" for a day or an offset. */
export const NONE = -2_147_483_648;
/** Records of one month (a month of a very large company is well under this). */
export const MAX_MONTH_RECORDS = 1_000_000;

/** Offsets of a record's fields within its RECORD_STRIDE integers. */
export const F = { line: 0, mqlDay: 1, mqlMinutes: 2, mqlOffset: 3, contactDay: 4, contactMinutes: 5, contactOffset: 6, decisionDay: 7, decisionMinutes: 8, decisionOffset: 9 } as const;

/** What a month's records can measure: the import had a first-contact column, an accept (SAL) or reject column. */
export const LeadMeasures = z.object({ firstContact: z.boolean(), acceptReject: z.boolean() });
export type LeadMeasures = z.infer<typeof LeadMeasures>;

/** The stored shape (Dexie row without workspaceId). `data` is RECORD_STRIDE integers per record. */
export type LeadMonth = {
  /** The MQL month, 'YYYY-MM' (also the id: one row per month, a later import of the month replaces it). */
  id: string;
  period: string;
  measures: LeadMeasures;
  /** Lead id per record ('' when the file had no id column). */
  ids: string[];
  data: Int32Array;
  /** The latest date-time anywhere in the file it came from: the export was made at or after it. */
  asOf: { day: number; minutes: number };
  importedAt: string;
};

/** A LeadMonth in a workspace file: the integers as little-endian bytes in base64. */
export const LeadMonthFile = z
  .object({
    id: PeriodMonth,
    period: PeriodMonth,
    measures: LeadMeasures,
    ids: z.array(z.string().max(200)).max(MAX_MONTH_RECORDS),
    data: z.string().max(Math.ceil((MAX_MONTH_RECORDS * RECORD_STRIDE * 4) / 3) + 4),
    asOf: z.object({ day: z.number().int().min(-100_000).max(100_000), minutes: z.number().int().min(-1).max(1_440) }),
    importedAt: z.iso.datetime({ offset: true }),
  })
  .refine((month) => month.id === month.period, { message: 'A lead month id is its period', path: ['id'] });
export type LeadMonthFile = z.infer<typeof LeadMonthFile>;

export function encodeLeadMonth(month: LeadMonth): LeadMonthFile {
  const bytes = new Uint8Array(month.data.length * 4);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < month.data.length; index++) view.setInt32(index * 4, month.data[index]!, true);
  return { id: month.id, period: month.period, measures: { ...month.measures }, ids: [...month.ids], data: bytesToBase64(bytes), asOf: { ...month.asOf }, importedAt: month.importedAt };
}

/** The stored month of a file's entry, or a reason it cannot be one (bad base64, wrong length, impossible values). */
export function decodeLeadMonth(file: LeadMonthFile): { ok: true; month: LeadMonth } | { ok: false; detail: string } {
  const bytes = base64ToBytes(file.data);
  if (!bytes) return { ok: false, detail: 'not base64' };
  if (bytes.length !== file.ids.length * RECORD_STRIDE * 4) return { ok: false, detail: 'records and ids differ in number' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = new Int32Array(bytes.length / 4);
  for (let index = 0; index < data.length; index++) data[index] = view.getInt32(index * 4, true);
  const month = { id: file.id, period: file.period, measures: { ...file.measures }, ids: file.ids, data, asOf: { ...file.asOf }, importedAt: file.importedAt };
  const problem = checkRecords(month);
  return problem ? { ok: false, detail: problem } : { ok: true, month };
}

const MIN_DAY = dayNumber(MIN_YEAR, 1, 1);
const MAX_DAY = dayNumber(MAX_YEAR, 12, 31);

function stampProblem(day: number, minutes: number, offset: number, optional: boolean): boolean {
  if (day === NONE) return !optional;
  if (day < MIN_DAY || day > MAX_DAY) return true;
  if (minutes < -1 || minutes > 1_440) return true;
  return offset !== NONE && (offset < -24 * 60 || offset > 24 * 60 || minutes < 0);
}

/** Why stored records cannot be measured, or null: every MQL in its month, every moment a real one. */
export function checkRecords(month: Pick<LeadMonth, 'period' | 'data' | 'ids'>): string | null {
  const { data } = month;
  if (data.length !== month.ids.length * RECORD_STRIDE) return 'records and ids differ in number';
  const [year, mon] = month.period.split('-').map(Number) as [number, number];
  const first = dayNumber(year, mon, 1);
  const next = dayNumber(mon === 12 ? year + 1 : year, mon === 12 ? 1 : mon + 1, 1);
  for (let base = 0; base < data.length; base += RECORD_STRIDE) {
    if (stampProblem(data[base + F.mqlDay]!, data[base + F.mqlMinutes]!, data[base + F.mqlOffset]!, false)) return `record ${base / RECORD_STRIDE + 1}: bad MQL date`;
    if (data[base + F.mqlDay]! < first || data[base + F.mqlDay]! >= next) return `record ${base / RECORD_STRIDE + 1}: MQL date outside ${month.period}`;
    if (stampProblem(data[base + F.contactDay]!, data[base + F.contactMinutes]!, data[base + F.contactOffset]!, true)) return `record ${base / RECORD_STRIDE + 1}: bad first contact date`;
    if (stampProblem(data[base + F.decisionDay]!, data[base + F.decisionMinutes]!, data[base + F.decisionOffset]!, true)) return `record ${base / RECORD_STRIDE + 1}: bad decision date`;
  }
  return null;
}

/** A moment as the CSV reader gives it (DateParts-like). */
export type StampParts = { year: number; month: number; day: number; minutes: number; offset: number | null };

/**
 * Collects records while a CSV import reads its rows (csv.ts), month by month of the MQL date.
 * `seen` is told every date of every row used, for the file's "as of" moment.
 */
export class LeadRecordBuilder {
  /** Per month: ids and a growing Int32Array (40 bytes a record, not ten boxed numbers). */
  private readonly months = new Map<number, { ids: string[]; data: Int32Array; length: number }>();
  private latest = { day: Number.NEGATIVE_INFINITY, minutes: -1 };
  constructor(readonly measures: LeadMeasures) {}

  seen(parts: StampParts): void {
    const day = dayNumber(parts.year, parts.month, parts.day);
    if (day > this.latest.day || (day === this.latest.day && parts.minutes > this.latest.minutes)) this.latest = { day, minutes: parts.minutes };
  }

  add(id: string, line: number, mql: StampParts, contact: StampParts | null, decision: StampParts | null): void {
    const month = mql.year * 12 + mql.month - 1;
    let entry = this.months.get(month);
    if (!entry) this.months.set(month, (entry = { ids: [], data: new Int32Array(RECORD_STRIDE * 64), length: 0 }));
    if (entry.length + RECORD_STRIDE > entry.data.length) {
      const grown = new Int32Array(entry.data.length * 2);
      grown.set(entry.data);
      entry.data = grown;
    }
    entry.ids.push(id);
    const data = entry.data;
    let at = entry.length;
    data[at++] = line;
    for (const parts of [mql, contact, decision]) {
      if (!parts) {
        data[at++] = NONE;
        data[at++] = -1;
        data[at++] = NONE;
      } else {
        data[at++] = dayNumber(parts.year, parts.month, parts.day);
        data[at++] = parts.minutes;
        data[at++] = parts.offset ?? NONE;
      }
    }
    entry.length = at;
  }

  /** The months collected, oldest first (without importedAt: the store sets it when it writes). */
  finish(): Omit<LeadMonth, 'importedAt'>[] {
    const asOf = { day: Number.isFinite(this.latest.day) ? this.latest.day : 0, minutes: this.latest.minutes };
    return [...this.months.keys()]
      .sort((a, b) => a - b)
      .map((month) => {
        const entry = this.months.get(month)!;
        const period = periodOfIndex(month);
        return { id: period, period, measures: { ...this.measures }, ids: entry.ids, data: entry.data.slice(0, entry.length), asOf: { ...asOf } };
      });
  }
}
