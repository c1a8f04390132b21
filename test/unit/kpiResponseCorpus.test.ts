import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BusinessClock } from '../../shared/calendar/businessHours';
import { defaultCalendar, WorkingCalendar } from '../../shared/calendar/calendar';
import { decodeCsvBytes, guessMapping, importCsv, parseCsvText } from '../../shared/kpi/csv';
import { slaAttainment } from '../../shared/kpi/attainment';
import { measureMonth, medianResponseHours } from '../../shared/kpi/leadMeasure';
import type { LeadMonth } from '../../shared/kpi/leadRecords';
import { lookupFrom, metricKey } from '../../shared/kpi/values';
import { createCommitment } from '../../shared/sla/commitments';

/**
 * The corpus files whose expected.json entry has `responses` (made by make-csv-fixtures.mjs, worked
 * out by hand there): the lead-level records the import keeps, measured per record against the
 * window in business hours of the given calendar and in clock hours.
 */

const root = join(import.meta.dirname, '..', 'fixtures', 'csv');

type Figures = { median: number; within: number; late: number; waiting: number; pending: number; share: number; met: boolean; medianMet: boolean; breaches: { id: string; line: number; hours: number; waiting: boolean }[] };
type Responses = { calendar: 'ja' | unknown; window: number; months: Record<string, { records: number; business: Figures; clock: Figures }> };

const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as Record<string, { responses?: Responses }>;
const cases = Object.entries(expected).flatMap(([file, outcome]) => (outcome.responses ? [[file, outcome.responses] as const] : []));

function leadMonths(file: string): LeadMonth[] {
  const decoded = decodeCsvBytes(new Uint8Array(readFileSync(join(root, file))));
  if (!decoded.ok) throw new Error(decoded.problem.code);
  const parsed = parseCsvText(decoded.text);
  if (!parsed.ok) throw new Error(parsed.problem.code);
  const preview = importCsv(parsed.table, guessMapping(parsed.table));
  return (preview.leadMonths ?? []).map((month) => ({ ...month, importedAt: '2026-03-05T00:00:00.000Z' }));
}

describe('CSV corpus: response times by a working calendar, per record', () => {
  it('has the two hand-worked files (medians that differ; a median that meets while 30 % breach)', () => {
    expect(cases.map(([file]) => file).sort()).toEqual(['good/ja-business-hours.csv', 'good/us-median-meets-30pct-breach.csv']);
  });

  it.each(cases)('%s', (file, responses) => {
    const calendar = responses.calendar === 'ja' ? defaultCalendar({ language: 'ja' }) : WorkingCalendar.parse(responses.calendar);
    const clock = new BusinessClock(calendar);
    const months = leadMonths(file);
    expect(months.map((month) => month.period)).toEqual(Object.keys(responses.months));
    for (const month of months) {
      const want = responses.months[month.period]!;
      expect(month.ids.length).toBe(want.records);
      for (const business of [true, false]) {
        const figures = business ? want.business : want.clock;
        const measured = measureMonth(month, 'firstContact', clock, responses.window, business)!;
        expect(medianResponseHours(month, clock, business)).toBe(figures.median);
        const { met, medianMet, ...counts } = figures;
        expect({
          median: measured.medianHours,
          within: measured.within,
          late: measured.late,
          waiting: measured.waiting,
          pending: measured.pending,
          share: Math.round(measured.share! * 100) / 100,
          breaches: measured.breaches,
        }).toEqual(counts);
        // Met or not, as SLA attainment decides it: per record at the default compliance level
        // (every record), and by the month's median where only the monthly figure exists.
        const commitment = createCommitment('firstContact', { id: 'fc', withinHours: responses.window, businessHours: business }, () => 'x');
        const [perRecord] = slaAttainment([commitment], [month.period], () => undefined, { records: () => measured });
        expect(perRecord!.rows[0]).toMatchObject({ committed: 100, met });
        const [monthly] = slaAttainment([commitment], [month.period], lookupFrom([{ key: metricKey('responseHours'), period: month.period, value: figures.median }]));
        expect(monthly!.rows[0]).toMatchObject({ committed: responses.window, actual: figures.median, met: medianMet });
      }
    }
  });

  it('the median meets the window while the share within it does not reach 100 % (nor 95 %)', () => {
    const [, responses] = cases.find(([file]) => file.startsWith('good/us-'))!;
    const month = responses.months['2026-02']!.business;
    expect(month.median).toBeLessThanOrEqual(responses.window);
    expect(month.share).toBe(70);
    expect(month.late + month.waiting).toBe(3);
    expect(month).toMatchObject({ met: false, medianMet: true });
  });
});
