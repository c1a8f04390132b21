/**
 * What measuring lead records against a time window yields (leadMeasure.ts measures), and whether a
 * month's share meets a commitment. Apart from leadMeasure.ts so that the KPI formulas and SLA
 * attainment, which only read results, do not load the working calendar's business hours and its
 * holiday data (issue 12: ~150 KB the KPI dashboard evaluated before its first paint).
 */

export type ResponseMeasure = 'firstContact' | 'acceptReject';

/** One record that missed the window: answered late (hours used) or still unanswered in the file (hours waited by its latest moment). */
export type Breach = { id: string; line: number; hours: number; waiting: boolean };

/**
 * A month's records against a time window. `within` answered in time, `late` answered after the
 * window, `waiting` not answered in the file and past the window by the file's latest moment (a
 * lead of the 30th still unanswered in an export of the next month's end is a breach of its own
 * month, not "pending" for ever), `pending` not answered but still inside the window then (not
 * counted either way: the file cannot tell yet). share = within ÷ (within + late + waiting) × 100, null when
 * nothing could be judged. medianHours: of the answered records.
 */
export type MonthResponse = {
  period: string;
  measure: ResponseMeasure;
  business: boolean;
  windowHours: number;
  records: number;
  within: number;
  late: number;
  waiting: number;
  pending: number;
  share: number | null;
  medianHours: number | null;
  /** Every breach (late and waiting), most hours first. */
  breaches: Breach[];
};

/** Whether the share of records within the window reaches `percent` (exact: no rounding of the share). */
export function meetsCompliance(response: Pick<MonthResponse, 'within' | 'late' | 'waiting'>, percent: number): boolean {
  return response.within * 100 >= percent * (response.within + response.late + response.waiting);
}
