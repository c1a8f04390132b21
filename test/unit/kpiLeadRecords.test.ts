import { describe, expect, it } from 'vitest';
import { BusinessClock } from '../../shared/calendar/businessHours';
import { defaultCalendar } from '../../shared/calendar/calendar';
import { slaAttainment, attainmentShare } from '../../shared/kpi/attainment';
import { type CsvTable, guessMapping, importCsv, parseCsvText } from '../../shared/kpi/csv';
import { measureMonth, meetsCompliance } from '../../shared/kpi/leadMeasure';
import { decodeLeadMonth, encodeLeadMonth, type LeadMonth, LeadMonthFile, NONE, RECORD_STRIDE } from '../../shared/kpi/leadRecords';
import { noResponseFigures, responseBasis, responseFigures, valuesToStore, withDerived } from '../../shared/kpi/responseFigures';
import { lookupFrom, metricKey } from '../../shared/kpi/values';
import { createCommitment } from '../../shared/sla/commitments';

const japan = new BusinessClock(defaultCalendar({ language: 'ja' }));

function table(text: string): CsvTable {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(parsed.problem.code);
  return parsed.table;
}

function months(text: string): LeadMonth[] {
  const preview = importCsv(table(text), guessMapping(table(text)));
  return (preview.leadMonths ?? []).map((month) => ({ ...month, importedAt: '2026-04-01T00:00:00.000Z' }));
}

describe('lead records kept by the CSV import', () => {
  it('keeps one row per MQL month with each lead’s id, file line and moments as written (zone or wall time)', () => {
    const [january, february] = months(
      ['Lead ID,Created Date,MQL Date,First Contact Date', 'A1,2026-01-05,2026-01-05 10:00,2026-01-05T12:30:00Z', 'A2,2026-01-30,2026-01-30,', 'B1,2026-02-02,2026-02-02 09:00,2026-02-03'].join('\n'),
    );
    expect(january!.period).toBe('2026-01');
    expect(january!.ids).toEqual(['A1', 'A2']);
    expect(january!.measures).toEqual({ firstContact: true, acceptReject: false });
    expect(Array.from(january!.data.subarray(0, RECORD_STRIDE))).toEqual([2, 20_458, 600, NONE, 20_458, 750, 0, NONE, -1, NONE]);
    // A2: a date without time, not contacted.
    expect(Array.from(january!.data.subarray(RECORD_STRIDE))).toEqual([3, 20_483, -1, NONE, NONE, -1, NONE, NONE, -1, NONE]);
    expect(february!.ids).toEqual(['B1']);
    // The export was made at or after its latest moment: 2026-02-03 (no time).
    expect(january!.asOf).toEqual({ day: 20_487, minutes: -1 });
  });

  it('keeps nothing without an MQL date column or without any answer column', () => {
    expect(importCsv(table('Lead ID,Created Date,First Contact Date\nA,2026-01-05,2026-01-06\n'), guessMapping(table('Lead ID,Created Date,First Contact Date\nA,2026-01-05,2026-01-06\n'))).leadMonths).toBeUndefined();
    const onlyMql = 'Lead ID,MQL Date,SQL Date\nA,2026-01-05,2026-01-06\n';
    expect(importCsv(table(onlyMql), guessMapping(table(onlyMql))).leadMonths).toBeUndefined();
  });

  it('accept/reject: the decision is the earlier of the SAL date and the rejection date; a rejection before the MQL is refused', () => {
    const text = [
      'Lead ID,MQL Date,SAL Date,Rejected Date',
      'R1,2026-01-13 10:00,2026-01-13 15:00,',
      'R2,2026-01-13 10:00,,2026-01-13 11:00',
      'R3,2026-01-13 10:00,2026-01-14 10:00,2026-01-13 16:00',
      'R4,2026-01-13 10:00,,2026-01-12 16:00',
      'R5,2026-01-13 10:00,,',
    ].join('\n');
    const preview = importCsv(table(text), guessMapping(table(text)));
    expect(guessMapping(table(text))).toMatchObject({ columns: { rejectedDate: 3, salDate: 2 } });
    expect(preview.errors).toEqual([{ line: 5, column: 'Rejected Date', code: 'dateOrder', text: '2026-01-12 16:00' }]);
    const [month] = preview.leadMonths!.map((entry) => ({ ...entry, importedAt: '2026-04-01T00:00:00.000Z' }));
    expect(month!.measures).toEqual({ firstContact: false, acceptReject: true });
    const result = measureMonth(month!, 'acceptReject', japan, 4, true)!;
    // R1 15:00 (4 business hours with lunch) within; R2 1 h; R3 rejected at 16:00 (5 h) late; R5 waiting.
    expect(result).toMatchObject({ records: 4, within: 2, late: 1, waiting: 1, pending: 0, share: 50 });
    expect(result.breaches.map((breach) => [breach.id, breach.waiting])).toEqual([
      ['R5', true],
      ['R3', false],
    ]);
    expect(measureMonth(month!, 'firstContact', japan, 24, true)).toBeNull();
  });
});

describe('measuring a month', () => {
  /** One record: MQL and contact as [day, minutes] pairs (wall time in the calendar zone). */
  function month(records: [mql: [number, number], contact: [number, number] | null][], asOf: { day: number; minutes: number }): LeadMonth {
    const data: number[] = [];
    records.forEach(([mql, contact], index) => data.push(index + 2, mql[0], mql[1], NONE, contact ? contact[0] : NONE, contact ? contact[1] : -1, NONE, NONE, -1, NONE));
    return { id: '2026-01', period: '2026-01', measures: { firstContact: true, acceptReject: false }, ids: records.map((_, index) => `L${index + 1}`), data: Int32Array.from(data), asOf, importedAt: '2026-04-01T00:00:00.000Z' };
  }
  // 2026-01-28 is a Wednesday; 2026-01-30 a Friday; February 2 a Monday.
  const WED = 20_481;
  const FRI = 20_483;

  it('an unanswered lead is judged at the file’s latest moment: one of the month’s last days still unanswered in a later export is a breach, not pending', () => {
    const data = month(
      [
        [[WED, 600], null], // Wed 10:00: 23 business hours by the month's end, 23 + 41 = 64 by Mon 2/9 10:00.
        [[FRI, 900], null], // Fri 15:00: 3 business hours by the month's end (inside 24), 3 + 41 = 44 by the file's end.
      ],
      { day: FRI + 10, minutes: 600 },
    );
    expect(measureMonth(data, 'firstContact', japan, 24, true)).toMatchObject({
      within: 0,
      late: 0,
      waiting: 2,
      pending: 0,
      share: 0,
      medianHours: null,
      breaches: [
        { id: 'L1', hours: 64, waiting: true },
        { id: 'L2', hours: 44, waiting: true },
      ],
    });
    expect(measureMonth(data, 'firstContact', japan, 50, true)).toMatchObject({ waiting: 1, pending: 1, breaches: [{ id: 'L1', hours: 64, waiting: true }] });
  });

  it('a month the export ends in is judged at the export’s latest moment, not at its end', () => {
    const data = month([[[WED, 600], null]], { day: WED + 1, minutes: 1_000 });
    // Wed 10–18 less lunch (7) + Thu 9–16:40 less lunch (6 2/3): under 16 → pending.
    expect(measureMonth(data, 'firstContact', japan, 16, true)).toMatchObject({ waiting: 0, pending: 1 });
    expect(measureMonth(data, 'firstContact', japan, 13, true)).toMatchObject({ waiting: 1, breaches: [{ hours: 13.67 }] });
  });

  it('meets a compliance level exactly, without rounding the share', () => {
    expect(meetsCompliance({ within: 19, late: 1, waiting: 0 }, 95)).toBe(true);
    expect(meetsCompliance({ within: 29, late: 71, waiting: 0 }, 29)).toBe(true);
    expect(meetsCompliance({ within: 189, late: 11, waiting: 1 }, 95)).toBe(false);
    expect(meetsCompliance({ within: 10, late: 0, waiting: 0 }, 100)).toBe(true);
  });
});

describe('the workspace-file form of lead records', () => {
  const data = months('Lead ID,MQL Date,First Contact Date\nA,2026-01-05 10:00,2026-01-05 11:00\nB,2026-01-06 10:00+09:00,\n')[0]!;

  it('round-trips through base64 little-endian integers', () => {
    const file = LeadMonthFile.parse(JSON.parse(JSON.stringify(encodeLeadMonth(data))));
    const decoded = decodeLeadMonth(file);
    expect(decoded).toEqual({ ok: true, month: data });
  });

  it.each([
    ['not base64', { data: '***' }, 'not base64'],
    ['a record short', { ids: ['A', 'B', 'C'] }, 'records and ids differ in number'],
  ])('refuses %s', (_, patch, detail) => {
    expect(decodeLeadMonth({ ...encodeLeadMonth(data), ...patch })).toEqual({ ok: false, detail });
  });

  it('refuses an MQL outside its month and impossible moments', () => {
    const moved = { ...data, period: '2026-02', id: '2026-02' };
    expect(decodeLeadMonth(encodeLeadMonth(moved))).toEqual({ ok: false, detail: 'record 1: MQL date outside 2026-02' });
    const bad = { ...data, data: Int32Array.from(data.data) };
    bad.data[5] = 9_999;
    expect(decodeLeadMonth(encodeLeadMonth(bad))).toEqual({ ok: false, detail: 'record 1: bad first contact date' });
    expect(LeadMonthFile.safeParse({ ...encodeLeadMonth(data), id: '2026-03' }).success).toBe(false);
  });
});

describe('SLA attainment per record', () => {
  const firstContact = createCommitment('firstContact', { id: 'fc', withinHours: 24, compliancePercent: 95 }, () => 'x');
  const acceptReject = createCommitment('acceptReject', { id: 'ar', withinHours: 24 }, () => 'x');
  const volume = createCommitment('volume', { id: 'v', count: 10 }, () => 'x');
  const response = (within: number, late: number, waiting: number) => ({
    period: '2026-01', measure: 'firstContact' as const, business: true, windowHours: 24, records: within + late + waiting, within, late, waiting, pending: 0,
    share: (within / (within + late + waiting)) * 100, medianHours: 3, breaches: [],
  });
  // The month's median (monthly figure) would say "met" in both months.
  const lookup = lookupFrom([
    { key: metricKey('responseHours'), period: '2026-01', value: 5 },
    { key: metricKey('responseHours'), period: '2026-02', value: 5 },
    { key: metricKey('mql'), period: '2026-01', value: 20 },
  ]);
  const records = (commitment: { id: string }, period: string) => (commitment.id === 'fc' && period === '2026-01' ? response(19, 0, 1) : commitment.id === 'ar' && period === '2026-01' ? response(7, 3, 0) : undefined);

  it('measures months with lead records by their share against the compliance level, other months by the median', () => {
    const [fc, ar, v] = slaAttainment([firstContact, acceptReject, volume], ['2026-01', '2026-02'], lookup, { records });
    // 19 of 20 within: 95 % meets 95 %.
    expect(fc!.rows[0]).toMatchObject({ committed: 95, actual: 95, met: true, records: { within: 19, waiting: 1 } });
    expect(fc!.rows[1]).toEqual({ period: '2026-02', committed: 24, actual: 5, met: true });
    // Accept/reject has no compliance level: every record (100 %), 70 % is missed.
    expect(ar!.rows[0]).toMatchObject({ committed: 100, actual: 70, met: false });
    expect(ar!.rows[1]).toMatchObject({ actual: null, met: null });
    expect(v!.rows[0]).toMatchObject({ met: true });
    expect(attainmentShare([firstContact, acceptReject, volume], '2026-01', lookup, { records })).toEqual({ met: 2, measured: 3 });
  });

  it('a month whose records are all still inside the window is not measured', () => {
    const pending = () => ({ ...response(0, 0, 0), share: null, pending: 4 });
    const [fc] = slaAttainment([firstContact], ['2026-01'], lookup, { records: pending });
    expect(fc!.rows[0]).toMatchObject({ committed: 95, actual: null, met: null });
    expect(fc!.periodsMeasured).toBe(0);
  });
});

describe('response figures by the calendar in force', () => {
  const text = [
    'Lead ID,MQL Date,First Contact Date',
    'A,2026-01-16 17:00,2026-01-19 10:00',
    'B,2026-01-13 10:00,2026-01-13 15:00',
    'C,2026-01-09 17:00,2026-01-13 10:00',
  ].join('\n');
  const signedCalendar = defaultCalendar({ language: 'ja' });
  const workspaceCalendar = { ...signedCalendar, publicHolidays: 'none' as const, lunch: null };

  it('uses the signed SLA’s calendar over the workspace’s, and business hours unless the signed first-contact commitment says plain hours', () => {
    const business = createCommitment('firstContact', { id: 'fc', withinHours: 8 }, () => 'x');
    const clock = createCommitment('firstContact', { id: 'fc', withinHours: 8, businessHours: false }, () => 'x');
    expect(responseBasis(null, workspaceCalendar)).toEqual({ calendar: workspaceCalendar, calendarSource: 'workspace', business: true });
    expect(responseBasis({ commitments: [business], calendar: signedCalendar }, workspaceCalendar)).toEqual({ calendar: signedCalendar, calendarSource: 'signed', business: true });
    // A signed SLA from before calendars states none: the workspace's applies.
    expect(responseBasis({ commitments: [clock], calendar: null }, workspaceCalendar)).toEqual({ calendar: workspaceCalendar, calendarSource: 'workspace', business: false });
  });

  it('measures the median and each commitment in its own unit (business or clock hours)', () => {
    const data = months(text);
    // Business hours with Japanese holidays (1/12 成人の日) and lunch: A 2, B 4, C 2 → median 2.
    const signed = responseFigures(data, responseBasis({ commitments: [], calendar: signedCalendar }, workspaceCalendar));
    expect(signed.derived).toEqual([{ key: 'metric:responseHours', period: '2026-01', value: 2 }]);
    // The workspace calendar counts Monday 1/12 and no lunch: A 2, B 5, C 10 → median 5.
    expect(responseFigures(data, responseBasis(null, workspaceCalendar)).derived[0]!.value).toBe(5);
    // A commitment in plain hours is measured in clock hours: 65, 5, 89 against 8 → 1 of 3.
    const plain = createCommitment('firstContact', { id: 'plain', withinHours: 8, businessHours: false }, () => 'x');
    expect(signed.records(plain, '2026-01')).toMatchObject({ business: false, within: 1, late: 2, medianHours: 65 });
    const inBusiness = createCommitment('firstContact', { id: 'b', withinHours: 3 }, () => 'x');
    expect(signed.records(inBusiness, '2026-01')).toMatchObject({ business: true, within: 2, late: 1, share: (2 / 3) * 100 });
    expect(signed.records(inBusiness, '2026-02')).toBeUndefined();
    expect(signed.records(createCommitment('volume', { id: 'v' }, () => 'x'), '2026-01')).toBeUndefined();
  });

  it('measures accept/reject per record from its kept records, in business hours of the calendar in force or in clock hours as the commitment says', () => {
    const decisions = months(
      [
        'Lead ID,MQL Date,SAL Date,Rejected Date',
        // Fri 1/9 17:00 → Tue 1/13 10:00 over 成人の日: 2 business hours, 89 clock hours.
        'D1,2026-01-09 17:00,2026-01-13 10:00,',
        // Tue 1/13 11:00 → 15:00 less lunch: 3 business hours, 4 clock hours.
        'D2,2026-01-13 11:00,,2026-01-13 15:00',
        // Wed 1/14 17:00 → Fri 1/16 17:00: 1 + 8 + 7 = 16 business hours, 48 clock hours.
        'D3,2026-01-14 17:00,2026-01-16 17:00,',
      ].join('\n'),
    );
    const figures = responseFigures(decisions, responseBasis({ commitments: [], calendar: signedCalendar }, workspaceCalendar));
    // No first-contact column: no response-time median to derive.
    expect(figures.derived).toEqual([]);
    const business = createCommitment('acceptReject', { id: 'ar', withinHours: 8 }, () => 'x');
    expect(figures.records(business, '2026-01')).toMatchObject({ measure: 'acceptReject', business: true, within: 2, late: 1, share: (2 / 3) * 100, breaches: [{ id: 'D3', hours: 16, waiting: false }] });
    const clock = createCommitment('acceptReject', { id: 'ar', withinHours: 8, businessHours: false }, () => 'x');
    expect(figures.records(clock, '2026-01')).toMatchObject({ business: false, within: 1, late: 2, breaches: [{ id: 'D1', hours: 89 }, { id: 'D3', hours: 48 }] });
    const [row] = slaAttainment([business], ['2026-01'], () => undefined, { records: figures.records });
    expect(row!.rows[0]).toMatchObject({ committed: 100, met: false });
    // First contact cannot be measured from these records.
    expect(figures.records(createCommitment('firstContact', { id: 'fc' }, () => 'x'), '2026-01')).toBeUndefined();
  });

  it('without lead records, the figures need no measuring: noResponseFigures gives what measuring no months gives', () => {
    const basis = responseBasis(null, workspaceCalendar);
    const measured = responseFigures([], basis);
    const none = noResponseFigures(basis);
    expect(none.basis).toBe(basis);
    expect(none.derived).toEqual(measured.derived);
    expect([...none.periods]).toEqual([...measured.periods]);
    const firstContact = createCommitment('firstContact', { id: 'fc', withinHours: 8 }, () => 'x');
    expect(none.records(firstContact, '2026-01')).toBe(measured.records(firstContact, '2026-01'));
  });

  it('stores an import’s values except the medians of months whose lead records come with it', () => {
    const values = [
      { key: 'metric:responseHours', period: '2026-01', value: 65 },
      { key: 'metric:responseHours', period: '2026-02', value: 3 },
      { key: 'metric:mql', period: '2026-01', value: 3 },
    ];
    expect(valuesToStore(values, months(text))).toEqual([values[1], values[2]]);
    expect(withDerived(values, [{ key: 'metric:responseHours', period: '2026-01', value: 2 }])).toEqual([values[1], values[2], { key: 'metric:responseHours', period: '2026-01', value: 2 }]);
  });
});
