import { BusinessClock } from '../calendar/businessHours';
import type { Commitment } from '../sla/commitments';
import type { RecordLookup } from './attainment';
import { measureMonth, medianResponseHours, type MonthResponse } from './leadMeasure';
import type { LeadMonth } from './leadRecords';
import type { ResponseBasis, ResponseFigures } from './responseBasis';
import { metricKey } from './values';

export { noResponseFigures, responseBasis, valuesToStore, withDerived, type ResponseBasis, type ResponseFigures } from './responseBasis';

/** The figures of the stored lead months by `basis`: derived medians now, per-record results on demand (cached). */
export function responseFigures(months: readonly LeadMonth[], basis: ResponseBasis): ResponseFigures {
  const clock = new BusinessClock(basis.calendar);
  const byPeriod = new Map(months.map((month) => [month.period, month]));
  const derived: ResponseFigures['derived'] = [];
  for (const month of [...months].sort((a, b) => a.period.localeCompare(b.period))) {
    const median = medianResponseHours(month, clock, basis.business);
    if (median !== null) derived.push({ key: metricKey('responseHours'), period: month.period, value: median });
  }
  const cache = new Map<string, MonthResponse | null>();
  const records: RecordLookup = (commitment: Commitment, period: string) => {
    if (commitment.kind !== 'firstContact' && commitment.kind !== 'acceptReject') return undefined;
    const month = byPeriod.get(period);
    if (!month) return undefined;
    const key = `${commitment.kind}|${commitment.withinHours}|${commitment.businessHours}|${period}`;
    let result = cache.get(key);
    if (result === undefined) {
      result = measureMonth(month, commitment.kind, clock, commitment.withinHours, commitment.businessHours);
      cache.set(key, result);
    }
    return result ?? undefined;
  };
  return { basis, derived, periods: new Set(byPeriod.keys()), records };
}
