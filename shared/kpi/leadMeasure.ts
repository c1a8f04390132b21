import { BusinessClock, hoursBetween, MS_PER_HOUR, type Stamp } from '../calendar/businessHours';
import { median } from './median';
import { F, type LeadMonth, NONE, RECORD_STRIDE } from './leadRecords';
import type { Breach, MonthResponse, ResponseMeasure } from './leadResponse';

/**
 * Measuring kept lead records (leadRecords.ts) against a time window by a working calendar. Apart
 * from leadRecords.ts so the CSV import's worker, which only collects records, does not load the
 * calendar's holiday data. What it yields, and the compliance check, are in leadResponse.ts (no
 * calendar), re-exported here.
 */

export type { Breach, MonthResponse, ResponseMeasure } from './leadResponse';
export { meetsCompliance } from './leadResponse';

function stampAt(data: Int32Array, base: number): Stamp | null {
  const day = data[base]!;
  if (day === NONE) return null;
  const offset = data[base + 2]!;
  return { day, minutes: data[base + 1]!, offset: offset === NONE ? null : offset };
}

/** Hours rounded to the hundredth (what the app shows and stores), without binary noise. */
export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/**
 * The month's records against `windowHours` (business hours by the clock's calendar when
 * `business`, else clock hours). Null when the month's import could not measure `measure` (no
 * first-contact column, no accept or reject column).
 */
export function measureMonth(month: LeadMonth, measure: ResponseMeasure, clock: BusinessClock, windowHours: number, business: boolean): MonthResponse | null {
  if (!month.measures[measure]) return null;
  const { data } = month;
  const offset = measure === 'firstContact' ? F.contactDay : F.decisionDay;
  const asOf: Stamp = { day: month.asOf.day, minutes: month.asOf.minutes, offset: null };
  const cutoff = month.asOf.minutes < 0 ? clock.midnightOfDay(asOf.day) : clock.instantOf(asOf);
  const answered: number[] = [];
  const breaches: Breach[] = [];
  let within = 0;
  let late = 0;
  let waiting = 0;
  let pending = 0;
  for (let base = 0; base < data.length; base += RECORD_STRIDE) {
    const mql = stampAt(data, base + F.mqlDay)!;
    const answer = stampAt(data, base + offset);
    const record = base / RECORD_STRIDE;
    if (answer) {
      const hours = hoursBetween(clock, mql, answer, business);
      answered.push(hours);
      if (hours <= windowHours) within++;
      else {
        late++;
        breaches.push({ id: month.ids[record] ?? '', line: data[base + F.line]!, hours: roundHours(hours), waiting: false });
      }
      continue;
    }
    // Not answered in the file: how long it had waited by the file's latest moment.
    const start = mql.minutes < 0 ? clock.midnightOfDay(mql.day) : clock.instantOf(mql);
    const waited = business ? clock.businessHours(start, cutoff) : Math.max(0, cutoff - start) / MS_PER_HOUR;
    if (waited > windowHours) {
      waiting++;
      breaches.push({ id: month.ids[record] ?? '', line: data[base + F.line]!, hours: roundHours(waited), waiting: true });
    } else pending++;
  }
  breaches.sort((a, b) => b.hours - a.hours || a.line - b.line);
  const judged = within + late + waiting;
  const middle = median(answered);
  return {
    period: month.period,
    measure,
    business,
    windowHours,
    records: data.length / RECORD_STRIDE,
    within,
    late,
    waiting,
    pending,
    share: judged === 0 ? null : (within / judged) * 100,
    medianHours: middle === null ? null : roundHours(middle),
    breaches,
  };
}

/** Median hours from MQL to first contact of a month's answered records (the lead response time KPI), or null. */
export function medianResponseHours(month: LeadMonth, clock: BusinessClock, business: boolean): number | null {
  if (!month.measures.firstContact) return null;
  const { data } = month;
  const hours: number[] = [];
  for (let base = 0; base < data.length; base += RECORD_STRIDE) {
    const contact = stampAt(data, base + F.contactDay);
    if (contact) hours.push(hoursBetween(clock, stampAt(data, base + F.mqlDay)!, contact, business));
  }
  const middle = median(hours);
  return middle === null ? null : roundHours(middle);
}
