import type { WorkingCalendar } from '../calendar/calendar';
import type { Commitment } from '../sla/commitments';
import type { RecordLookup } from './attainment';
import type { LeadMonth } from './leadRecords';
import { metricKey } from './values';

/**
 * The basis and shape of the response figures, and the stored values they replace; no measuring.
 * responseFigures.ts measures lead records (business hours by the working calendar, its holiday
 * data); this module is apart from it so that views with no lead records stored (most) load none
 * of that (issue 12). responseFigures.ts re-exports everything here.
 */

/**
 * What the KPI views measure lead-level data by. One calendar for every figure: the one the latest
 * signed SLA states — what both heads agreed "business hours" means — else the workspace's. A
 * later change of the workspace calendar therefore moves the figures only once a revision stating
 * it is signed (or at once, while nothing is signed).
 */
export type ResponseBasis = {
  calendar: WorkingCalendar;
  calendarSource: 'signed' | 'workspace';
  /** The lead response time KPI in business hours: as the signed first-contact commitment says; business hours when there is none (the SLA's usual promise). */
  business: boolean;
};

export function responseBasis(signed: { commitments: readonly Commitment[]; calendar: WorkingCalendar | null } | null, workspace: WorkingCalendar): ResponseBasis {
  const firstContact = signed?.commitments.find((commitment) => commitment.kind === 'firstContact');
  return {
    calendar: signed?.calendar ?? workspace,
    calendarSource: signed?.calendar ? 'signed' : 'workspace',
    business: firstContact?.kind === 'firstContact' ? firstContact.businessHours : true,
  };
}

export type ResponseFigures = {
  basis: ResponseBasis;
  /** metric:responseHours of each month with first-contact records: the median, in the basis unit. */
  derived: { key: string; period: string; value: number }[];
  /** Months that have lead records (of any kind). */
  periods: ReadonlySet<string>;
  /** Per-record results of time-window commitments (each commitment in its own unit: business or clock hours). */
  records: RecordLookup;
};

/** The figures of a workspace without lead records: nothing measured, nothing derived (what responseFigures gives for no months). */
export function noResponseFigures(basis: ResponseBasis): ResponseFigures {
  return { basis, derived: [], periods: new Set(), records: () => undefined };
}

/** Stored values with the derived ones in place of any stored value of the same key and month. */
export function withDerived<T extends { key: string; period: string; value: number }>(values: readonly T[], derived: readonly { key: string; period: string; value: number }[]): { key: string; period: string; value: number }[] {
  if (derived.length === 0) return [...values];
  const replaced = new Set(derived.map((value) => `${value.key}|${value.period}`));
  return [...values.filter((value) => !replaced.has(`${value.key}|${value.period}`)), ...derived];
}

/**
 * The values of an import that are stored: all but the response-time medians of months whose
 * lead records come with it (those are measured from the records, by the working calendar).
 */
export function valuesToStore<T extends { key: string; period: string }>(values: readonly T[], months: readonly Pick<LeadMonth, 'period' | 'measures'>[]): T[] {
  const measured = new Set(months.filter((month) => month.measures.firstContact).map((month) => month.period));
  if (measured.size === 0) return [...values];
  const key = metricKey('responseHours');
  return values.filter((value) => value.key !== key || !measured.has(value.period));
}
