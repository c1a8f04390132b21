import { describe, expect, it } from 'vitest';
import {
  classifyOutcome,
  type CsvMapping,
  type CsvTable,
  decodeCsvBytes,
  distinctValues,
  guessMapping,
  importCsv,
  isMarketingSource,
  MAX_LISTED_ERRORS,
  parseCsvDate,
  parseCsvNumber,
  parseCsvText,
  toHalfWidth,
} from '../../shared/kpi/csv';
import { dayNumber, readMonthCell, readNumberCell } from '../../shared/kpi/csvCells';
import { leadCsv, periodCsv, seededRandom } from '../fixtures/csv/generate';

function table(text: string): CsvTable {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.problem.code}`);
  return parsed.table;
}

function valuesOf(preview: { values: { key: string; period: string; value: number }[] }): Record<string, number> {
  return Object.fromEntries(preview.values.map((value) => [`${value.key}|${value.period}`, value.value]));
}

describe('numbers', () => {
  it.each([
    ['1234', '.', 1234],
    ['1,234', '.', 1234],
    ['１２３４', '.', 1234],
    ['１，２３４', '.', 1234],
    ['¥1,234', '.', 1234],
    ['￥1,234', '.', 1234],
    ['1,234円', '.', 1234],
    ['1,234 円', '.', 1234],
    ['$1,234.50', '.', 1234.5],
    ['-$1,234.50', '.', -1234.5],
    ['$-1,234.50', '.', -1234.5],
    ['(1,234)', '.', -1234],
    ['▲1,234', '.', -1234],
    ['−1234', '.', -1234],
    ['12%', '.', 12],
    ['12.5 %', '.', 12.5],
    ['1.2万円', '.', 12000],
    ['3億', '.', 300000000],
    ['3.5h', '.', 3.5],
    ['24時間', '.', 24],
    ['12件', '.', 12],
    ['.5', '.', 0.5],
    ['0', '.', 0],
    ['  42  ', '.', 42],
    ['1.234,5', ',', 1234.5],
    ['1 234,5', ',', 1234.5],
    ['12,5', ',', 12.5],
    ['1.234', ',', 1234],
    ['1,234', ',', 1.234],
    ['€1.234,50', ',', 1234.5],
    ['1,234,567.89', '.', 1234567.89],
    ['1000000000000000', '.', 1e15],
  ] as const)('%j with decimal %j → %d', (text, decimal, value) => {
    expect(parseCsvNumber(text, decimal)).toBe(value);
  });

  it.each([
    ['', '.', null],
    ['   ', '.', null],
    ['12x', '.', 'bad'],
    ['1,5', '.', 'bad'],
    ['1,2,3', '.', 'bad'],
    ['1.5', ',', 'bad'],
    ['--5', '.', 'bad'],
    ['abc', '.', 'bad'],
    ['1.2.3', '.', 'bad'],
    ['-', '.', 'bad'],
    ['1e5', '.', 'bad'],
    ['NaN', '.', 'bad'],
    ['Infinity', '.', 'bad'],
    ['10000000000000000', '.', 'range'],
    [`1${'0'.repeat(400)}`, '.', 'range'],
  ] as const)('%j with decimal %j is %j', (text, decimal, result) => {
    expect(readNumberCell(text, decimal)).toBe(result);
  });

  it('folds full-width characters', () => {
    expect(toHalfWidth('２０２６年１月')).toBe('2026年1月');
    expect(toHalfWidth('ＭＱＬ　数')).toBe('MQL 数');
    expect(toHalfWidth('plain')).toBe('plain');
  });
});

describe('dates', () => {
  it.each([
    ['2026-01-15', 'mdy', [2026, 1, 15, -1, null]],
    ['2026/1/15', 'mdy', [2026, 1, 15, -1, null]],
    ['2026.01.15', 'dmy', [2026, 1, 15, -1, null]],
    ['2026年1月15日', 'ymd', [2026, 1, 15, -1, null]],
    ['２０２６年１月１５日', 'ymd', [2026, 1, 15, -1, null]],
    ['令和8年1月15日', 'ymd', [2026, 1, 15, -1, null]],
    ['令和元年5月1日', 'ymd', [2019, 5, 1, -1, null]],
    ['平成31年4月30日', 'ymd', [2019, 4, 30, -1, null]],
    ['01/15/2026', 'mdy', [2026, 1, 15, -1, null]],
    ['15/01/2026', 'dmy', [2026, 1, 15, -1, null]],
    ['15.01.2026', 'dmy', [2026, 1, 15, -1, null]],
    ['02/03/2026', 'mdy', [2026, 2, 3, -1, null]],
    ['02/03/2026', 'dmy', [2026, 3, 2, -1, null]],
    ['13/01/2026', 'ymd', [2026, 1, 13, -1, null]],
    ['Jan 15, 2026', 'mdy', [2026, 1, 15, -1, null]],
    ['15 January 2026', 'dmy', [2026, 1, 15, -1, null]],
    ['15-Jan-2026', 'dmy', [2026, 1, 15, -1, null]],
    ['2026-01-15 10:30', 'ymd', [2026, 1, 15, 630, null]],
    ['2026-01-15T10:30:15Z', 'ymd', [2026, 1, 15, 630, 0]],
    ['2026-01-15T10:30:00.000+09:00', 'ymd', [2026, 1, 15, 630, 540]],
    ['2026-01-15T10:30:00-0500', 'ymd', [2026, 1, 15, 630, -300]],
    ['1/15/2026 3:05 PM', 'mdy', [2026, 1, 15, 905, null]],
    ['1/15/2026 12:00 AM', 'mdy', [2026, 1, 15, 0, null]],
    ['1/15/2026 12:30 PM', 'mdy', [2026, 1, 15, 750, null]],
    ['2026/01/15(木) 10:30', 'ymd', [2026, 1, 15, 630, null]],
    ['2026年1月15日 10時30分', 'ymd', [2026, 1, 15, 630, null]],
    ['2026年1月15日 午後3:00', 'ymd', [2026, 1, 15, 900, null]],
    ['2024-02-29', 'ymd', [2024, 2, 29, -1, null]],
  ] as const)('%j (%s)', (text, order, [year, month, day, minutes, offset]) => {
    expect(parseCsvDate(text, order)).toEqual({ year, month, day, minutes, offset });
  });

  it.each(['', '2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', 'next week', '15/13/2026', '2026-01-15 25:00', '2026-01-15 10:61', '1/15/2026 13:00 PM', 'Foo 15, 2026', '26-01-15', '1899-12-31', '2101-01-01'])(
    '%j is not a date',
    (text) => {
      expect(parseCsvDate(text, 'mdy')).toBeNull();
    },
  );

  it('counts days exactly across leap years', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2026, 1, 1) - dayNumber(2025, 1, 1)).toBe(365);
    expect(dayNumber(2025, 1, 1) - dayNumber(2024, 1, 1)).toBe(366);
    expect(dayNumber(2026, 3, 1) - dayNumber(2026, 2, 28)).toBe(1);
    expect(dayNumber(2024, 3, 1) - dayNumber(2024, 2, 28)).toBe(2);
    expect(dayNumber(2026, 1, 15)).toBe(Date.UTC(2026, 0, 15) / 86_400_000);
  });

  it.each([
    ['2026-01', 2026 * 12],
    ['2026/3', 2026 * 12 + 2],
    ['2026年3月', 2026 * 12 + 2],
    ['2026年3月度', 2026 * 12 + 2],
    ['令和8年3月', 2026 * 12 + 2],
    ['03/2026', 2026 * 12 + 2],
    ['03.2026', 2026 * 12 + 2],
    ['Mar 2026', 2026 * 12 + 2],
    ['March 2026', 2026 * 12 + 2],
    ['Mar-26', 2026 * 12 + 2],
    ['2026 Mar', 2026 * 12 + 2],
    ['2026-03-31', 2026 * 12 + 2],
    ['', null],
    ['2026-13', 'bad'],
    ['Q1 2026', 'bad'],
    ['1850-01', 'range'],
  ] as const)('month %j', (text, result) => {
    expect(readMonthCell(text, 'ymd')).toBe(result);
  });
});

describe('decodeCsvBytes', () => {
  const text = '年月,MQL数\n2026年1月,100\n';
  const utf16 = (value: string, littleEndian: boolean, bom: boolean) => {
    const bytes: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      bytes.push(...(littleEndian ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]));
    }
    return Uint8Array.from(bytes);
  };

  it('decodes UTF-8 with and without BOM, UTF-16 LE/BE with BOM, and ASCII-heavy UTF-16 without BOM', () => {
    const encoded = new TextEncoder().encode(text);
    expect(decodeCsvBytes(encoded)).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...encoded]))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeCsvBytes(utf16(text, true, true))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeCsvBytes(utf16(text, false, true))).toEqual({ ok: true, text, encoding: 'utf-16be' });
    const ascii = 'Month,MQL\n2026-01,100\n';
    expect(decodeCsvBytes(utf16(ascii, true, false))).toEqual({ ok: true, text: ascii, encoding: 'utf-16le' });
    expect(decodeCsvBytes(utf16(ascii, false, false))).toEqual({ ok: true, text: ascii, encoding: 'utf-16be' });
  });

  it('falls back to Shift_JIS when the bytes are not UTF-8', () => {
    // 年 = 94 4E, 月 = 8C 8E in Shift_JIS.
    const bytes = Uint8Array.from([0x94, 0x4e, 0x8c, 0x8e, 0x2c, 0x4d, 0x0a, 0x31, 0x2c, 0x32, 0x0a]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: '年月,M\n1,2\n', encoding: 'shift_jis' });
  });

  it('names binary files', () => {
    expect(decodeCsvBytes(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ ok: false, problem: { code: 'binary', detail: 'excel' } });
    expect(decodeCsvBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toEqual({ ok: false, problem: { code: 'binary', detail: 'image' } });
    expect(decodeCsvBytes(Uint8Array.from([0x41, 0x2c, 0x42, 0x0a, 0x00, 0x01]))).toMatchObject({ ok: false, problem: { code: 'binary' } });
    const control = new TextEncoder().encode(`a,b\n${'\u0001\u0002\u0003'.repeat(20)}\n`);
    expect(decodeCsvBytes(control)).toEqual({ ok: false, problem: { code: 'binary', detail: 'control' } });
  });

  it('refuses empty, blank and invalid UTF-16', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(decodeCsvBytes(new TextEncoder().encode(' \n\r\n'))).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf]))).toEqual({ ok: false, problem: { code: 'empty' } });
    // A lone high surrogate.
    expect(decodeCsvBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]))).toEqual({ ok: false, problem: { code: 'encoding', detail: 'utf-16le' } });
  });
});

describe('parseCsvText', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1,5;2,5;3\n', ';'],
    ['a\tb\tc\n1,5\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['name,notes\n"x","a;b;c"\n"y","d;e"\n', ','],
    ['single\n1\n2\n', ','],
  ])('detects the delimiter of %j', (text, delimiter) => {
    expect(table(text).delimiter).toBe(delimiter);
  });

  it('skips leading and inner empty lines and keeps file line numbers', () => {
    const parsed = table('\n\nMonth,MQL\r\n\r\n2026-01,1\r\n,\r\n2026-02,2');
    expect(parsed.headers).toEqual(['Month', 'MQL']);
    expect(parsed.rows).toEqual([
      ['2026-01', '1'],
      ['2026-02', '2'],
    ]);
    expect(parsed.lines).toEqual([5, 7]);
  });

  it('counts line breaks inside quoted cells (LF, CRLF and CR)', () => {
    const parsed = table('a,b\n1,"x\ny"\n2,"p\r\nq\rr"\n3,z\n');
    expect(parsed.lines).toEqual([2, 4, 7]);
  });

  it('trims header cells and strips a byte-order mark', () => {
    expect(table('\uFEFF Month , MQL \n2026-01,1').headers).toEqual(['Month', 'MQL']);
  });

  it('reports whole-file problems', () => {
    expect(parseCsvText('')).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(parseCsvText('Month,MQL\n')).toEqual({ ok: false, problem: { code: 'noRows' } });
    expect(parseCsvText('2026-01,100\n2026-02,110')).toMatchObject({ ok: false, problem: { code: 'noHeader' } });
    expect(parseCsvText('1,2,3\n4,5,6')).toMatchObject({ ok: false, problem: { code: 'noHeader' } });
    expect(parseCsvText(',,\nMonth,MQL\n,\n')).toEqual({ ok: false, problem: { code: 'noRows' } });
    expect(parseCsvText('a,b\n1\u00002')).toEqual({ ok: false, problem: { code: 'binary', detail: 'nul' } });
  });

  it('marks the row of an unclosed quote', () => {
    expect(table('a,b\n1,2\n3,"open\n4,5\n').unclosedQuoteLine).toBe(3);
    expect(table('a,b\n1,2\n').unclosedQuoteLine).toBeUndefined();
  });
});

describe('header guessing', () => {
  it('maps English lead exports', () => {
    const mapping = guessMapping(table('Lead ID,Created Date,MQL Date,SAL Date,SQL Date,Opportunity Created Date,Close Date,Stage,Amount,First Contact Date,Lead Source\n1,2026-01-01,,,,,,,,,Web'));
    expect(mapping).toMatchObject({
      shape: 'leads',
      columns: { id: 0, createdDate: 1, mqlDate: 2, salDate: 3, sqlDate: 4, opportunityDate: 5, closedDate: 6, outcome: 7, amount: 8, firstContactDate: 9, source: 10 },
      marketingSources: ['Web'],
    });
  });

  it('maps Japanese lead exports, with annotations and full-width letters in headers', () => {
    const mapping = guessMapping(table('ＭＱＬ日,作成日時,金額（円）,受注日,初回対応日,流入元\n2026/1/2,2026/1/1,"1,000",,,展示会'));
    expect(mapping).toMatchObject({ shape: 'leads', columns: { mqlDate: 0, createdDate: 1, amount: 2, closedDate: 3, firstContactDate: 4, source: 5 }, dateOrder: 'ymd', closedIsWon: true });
  });

  it('maps periods sheets in English and Japanese', () => {
    expect(guessMapping(table('Month,Leads,MQL,SAL,SQL,Opportunities,Closed,Won,Revenue,Quota,Pipeline,Response Time (h)\n2026-01,1,1,1,1,1,1,1,1,1,1,1'))).toEqual({
      shape: 'periods',
      periodColumn: 0,
      columns: { leads: 1, mql: 2, sal: 3, sql: 4, opportunities: 5, opportunitiesClosed: 6, won: 7, revenue: 8, revenueTarget: 9, marketingPipeline: 10, responseHours: 11 },
      dateOrder: 'mdy',
      decimal: '.',
    });
    expect(guessMapping(table('対象月,リード数,MQL数,SQL数,商談数,受注数,売上,売上目標,初回対応時間\n2026年1月,1,1,1,1,1,1,1,1'))).toMatchObject({
      shape: 'periods',
      periodColumn: 0,
      columns: { leads: 1, mql: 2, sql: 3, opportunities: 4, won: 5, revenue: 6, revenueTarget: 7, responseHours: 8 },
      dateOrder: 'ymd',
    });
  });

  it('guesses the date order and decimal separator from the values', () => {
    expect(guessMapping(table('Created Date\n03/04/2026\n25/04/2026'))).toMatchObject({ dateOrder: 'dmy' });
    expect(guessMapping(table('Created Date\n03/04/2026\n04/25/2026'))).toMatchObject({ dateOrder: 'mdy' });
    expect(guessMapping(table('Created Date;Amount\n03/04/2026;1.234,50'))).toMatchObject({ dateOrder: 'dmy', decimal: ',' });
    expect(guessMapping(table('Created Date;Amount\n2026-04-03;1234.50'))).toMatchObject({ decimal: '.' });
  });

  it('falls back to a periods mapping on column 0 when nothing is recognised', () => {
    expect(guessMapping(table('foo,bar\nx,y'))).toEqual({ shape: 'periods', periodColumn: 0, columns: {}, dateOrder: 'mdy', decimal: '.' });
  });

  it('lists distinct values, most frequent first', () => {
    expect(distinctValues(table('Source\nWeb\nPartner\n Web \n\nEvent\nWeb'), 0)).toEqual([
      { value: 'Web', count: 3 },
      { value: 'Event', count: 1 },
      { value: 'Partner', count: 1 },
    ]);
  });
});

describe('outcomes and sources', () => {
  it.each([
    ['Closed Won', 'won'],
    ['closedwon', 'won'],
    ['受注', 'won'],
    ['成約済み', 'won'],
    ['TRUE', 'won'],
    ['Closed Lost', 'lost'],
    ['失注', 'lost'],
    ['見送り', 'lost'],
    ['', 'open'],
    ['Negotiation/Review', 'open'],
    ['商談中', 'open'],
    ['受注見込み', 'open'],
    ['Maybe later', null],
  ] as const)('%j is %s', (text, outcome) => {
    expect(classifyOutcome(text)).toBe(outcome);
  });

  it.each([
    ['Web', true],
    ['Paid Search', true],
    ['Webinar', true],
    ['展示会', true],
    ['資料請求', true],
    ['Referral', false],
    ['Partner', false],
    ['紹介', false],
    ['Offline Sources', false],
    ['', false],
  ] as const)('%j is marketing: %s', (text, marketing) => {
    expect(isMarketingSource(text)).toBe(marketing);
  });
});

describe('importCsv', () => {
  it('counts every closed record as closed when there is no outcome column (won unknown)', () => {
    const parsed = table('Created Date,Close Date\n2026-01-05,2026-02-01\n2026-01-06,\n');
    const preview = importCsv(parsed, guessMapping(parsed));
    expect(valuesOf(preview)).toEqual({ 'metric:leads|2026-01': 2, 'metric:opportunitiesClosed|2026-02': 1 });
  });

  it('counts only the chosen marketing sources as marketing pipeline ([] = all)', () => {
    const parsed = table('Created Date,Opportunity Date,Amount,Source\n2026-01-01,2026-01-10,100,Web\n2026-01-02,2026-01-11,50,Partner\n2026-01-03,2026-01-12,25,ｗｅｂ\n');
    const mapping = guessMapping(parsed) as Extract<CsvMapping, { shape: 'leads' }>;
    expect(mapping.marketingSources.sort()).toEqual(['Web', 'ｗｅｂ']);
    expect(valuesOf(importCsv(parsed, { ...mapping, marketingSources: ['web'] }))['metric:marketingPipeline|2026-01']).toBe(125);
    expect(valuesOf(importCsv(parsed, { ...mapping, marketingSources: [] }))['metric:marketingPipeline|2026-01']).toBe(175);
    expect(valuesOf(importCsv(parsed, { ...mapping, marketingSources: ['Partner'] }))['metric:marketingPipeline|2026-01']).toBe(50);
  });

  it('measures response hours across time zones and fills quiet months with 0 within each metric’s months', () => {
    const parsed = table(
      'Created Date,MQL Date,First Contact Date\n' +
        '2026-01-05,2026-01-05T09:00:00+09:00,2026-01-05T01:00:00Z\n' +
        '2026-03-05,2026-03-05 09:00,2026-03-05 21:30\n',
    );
    const preview = importCsv(parsed, guessMapping(parsed));
    expect(valuesOf(preview)).toEqual({
      'metric:leads|2026-01': 1,
      'metric:leads|2026-02': 0,
      'metric:leads|2026-03': 1,
      'metric:mql|2026-01': 1,
      'metric:mql|2026-02': 0,
      'metric:mql|2026-03': 1,
      'metric:responseHours|2026-01': 1,
      'metric:responseHours|2026-03': 12.5,
    });
    expect(preview.periods).toEqual({ first: '2026-01', last: '2026-03' });
  });

  it('reads European periods with a decimal comma only when told', () => {
    const parsed = table('Month;Revenue\n2026-01;1.234,5\n');
    const mapping = guessMapping(parsed);
    expect(valuesOf(importCsv(parsed, mapping))).toEqual({ 'metric:revenue|2026-01': 1234.5 });
    const wrong = importCsv(parsed, { ...mapping, decimal: '.' });
    expect(wrong.errors).toEqual([{ line: 2, column: 'Revenue', code: 'badNumber', text: '1.234,5' }]);
    expect(wrong.values).toEqual([]);
    expect(wrong.periods).toBeNull();
  });

  it('reports a missing month in a periods sheet', () => {
    const parsed = table('Month,MQL\n,5\n2026-01,6\n');
    const preview = importCsv(parsed, guessMapping(parsed));
    expect(preview.errors).toEqual([{ line: 2, column: 'Month', code: 'missingRequired', text: '' }]);
    expect(valuesOf(preview)).toEqual({ 'metric:mql|2026-01': 6 });
  });

  it('lists at most MAX_LISTED_ERRORS errors, counts them all, and shortens long cell text', () => {
    const rows = Array.from({ length: MAX_LISTED_ERRORS + 50 }, (_, index) => `${index},bad`);
    const parsed = table(`Lead ID,Created Date\n${rows.join('\n')}\nx,"${'y'.repeat(300)}"\n`);
    const preview = importCsv(parsed, guessMapping(parsed));
    expect(preview.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(preview.errorCount).toBe(MAX_LISTED_ERRORS + 51);
    expect(preview.rowsUsed).toBe(0);
    expect(preview.values).toEqual([]);
    const long = importCsv({ ...parsed, rows: parsed.rows.slice(-1), lines: parsed.lines.slice(-1) }, guessMapping(parsed));
    expect(long.errors[0]!.text).toHaveLength(101);
  });

  it('reports lead amount errors and skips the whole row', () => {
    const parsed = table('Created Date,Close Date,Stage,Amount\n2026-01-05,2026-01-20,Closed Won,-100\n2026-01-06,2026-01-21,Closed Won,abc\n2026-01-07,2026-01-22,Closed Won,"1,000"\n');
    const preview = importCsv(parsed, guessMapping(parsed));
    expect(preview.errors).toEqual([
      { line: 2, column: 'Amount', code: 'negative', text: '-100' },
      { line: 3, column: 'Amount', code: 'badNumber', text: 'abc' },
    ]);
    expect(valuesOf(preview)).toEqual({ 'metric:leads|2026-01': 1, 'metric:opportunitiesClosed|2026-01': 1, 'metric:won|2026-01': 1, 'metric:revenue|2026-01': 1000 });
  });

  it('reports every error of a row, in column order, with one row skipped', () => {
    const parsed = table('Created Date,MQL Date,Close Date,Stage,Amount\n2026-02-30,someday,2026-01-20,Pending review,x\n');
    const preview = importCsv(parsed, guessMapping(parsed));
    expect(preview.errors.map((error) => [error.column, error.code])).toEqual([
      ['Created Date', 'badDate'],
      ['MQL Date', 'badDate'],
      ['Stage', 'unknownOutcome'],
      ['Amount', 'badNumber'],
    ]);
    expect(preview.rowsUsed).toBe(0);
    expect(preview.periods).toBeNull();
  });

  it('refuses years outside the accepted range in a periods sheet', () => {
    const parsed = table('Month,MQL\n1850-01,5\n2026-01,6\n');
    expect(importCsv(parsed, guessMapping(parsed)).errors).toEqual([{ line: 2, column: 'Month', code: 'outOfRange', text: '1850-01' }]);
  });

  it('reads files with classic Mac line breaks (CR only)', () => {
    const parsed = table('Month,MQL\r2026-01,5\r2026-02,6\r');
    expect(parsed.lines).toEqual([2, 3]);
    expect(valuesOf(importCsv(parsed, guessMapping(parsed)))).toEqual({ 'metric:mql|2026-01': 5, 'metric:mql|2026-02': 6 });
  });

  it('reports an unclosed quote on the line it opens, in both shapes, and other short rows as a wrong column count', () => {
    const periods = table('Month,MQL,Notes\n2026-01,100\n2026-02,110,"never closed\n2026-03,120,swallowed\n');
    const preview = importCsv(periods, guessMapping(periods));
    expect(preview.errors).toEqual([
      { line: 2, column: null, code: 'wrongColumnCount', text: '2026-01,100' },
      { line: 3, column: null, code: 'unclosedQuote', text: '2026-02,110,never closed\n2026-03,120,swallowed\n' },
    ]);
    expect(preview.rowsUsed).toBe(0);
    const leads = table('Lead ID,Created Date,Notes\nA,2026-01-05,ok\nB,2026-01-06,"open\nC,2026-01-07,x\n');
    const leadPreview = importCsv(leads, guessMapping(leads));
    expect(leadPreview.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([{ line: 3, column: null, code: 'unclosedQuote' }]);
    expect(valuesOf(leadPreview)).toEqual({ 'metric:leads|2026-01': 1 });
  });

  it('reports a repeated lead id (trimmed, case-sensitive) on the later line with the first line, and skips that row', () => {
    const parsed = table('Lead ID,Created Date,MQL Date\nA1,2026-01-05,2026-01-06\n A1 ,2026-01-07,2026-01-08\na1,2026-01-09,\n,2026-01-10,\n,2026-01-11,\nA1,2026-02-01,2026-02-02\n');
    const preview = importCsv(parsed, guessMapping(parsed));
    expect(preview.errors).toEqual([
      { line: 3, column: 'Lead ID', code: 'duplicateId', text: 'A1', firstLine: 2 },
      { line: 7, column: 'Lead ID', code: 'duplicateId', text: 'A1', firstLine: 2 },
    ]);
    expect(preview.errorCount).toBe(2);
    expect(preview.rowsUsed).toBe(4);
    expect(valuesOf(preview)).toEqual({ 'metric:leads|2026-01': 4, 'metric:mql|2026-01': 1 });
    // Errors of other codes carry no firstLine.
    expect(importCsv(table('Lead ID,Created Date\nA,soon\n'), guessMapping(table('Lead ID,Created Date\nA,soon\n'))).errors[0]).not.toHaveProperty('firstLine');
  });

  it('compares ids only when the id column is mapped, and only in the leads shape', () => {
    const parsed = table('Lead ID,Created Date\nA1,2026-01-05\nA1,2026-01-06\n');
    const mapping = guessMapping(parsed) as Extract<CsvMapping, { shape: 'leads' }>;
    expect(importCsv(parsed, mapping).rowsUsed).toBe(1);
    const { id: _id, ...withoutId } = mapping.columns;
    const unmapped = importCsv(parsed, { ...mapping, columns: withoutId });
    expect(unmapped.errors).toEqual([]);
    expect(valuesOf(unmapped)).toEqual({ 'metric:leads|2026-01': 2 });
  });

  it('finds duplicate ids among 100,000 generated leads: none at first, every repeated row once added', () => {
    const parsed = table(leadCsv(100_000, { seed: 5 }));
    const mapping = guessMapping(parsed);
    const clean = importCsv(parsed, mapping);
    expect(clean.errorCount).toBe(0);
    expect(clean.rowsUsed).toBe(100_000);
    // Every 10th row again at the end of the file: 10,000 duplicates, each naming its original line.
    const copies = parsed.rows.filter((_, index) => index % 10 === 0);
    const last = parsed.lines.at(-1)!;
    const doubled = { ...parsed, rows: [...parsed.rows, ...copies], lines: [...parsed.lines, ...copies.map((_, index) => last + 1 + index)] };
    const preview = importCsv(doubled, mapping);
    expect(preview.errorCount).toBe(10_000);
    expect(preview.rowsUsed).toBe(100_000);
    expect(preview.errors.every((error) => error.code === 'duplicateId')).toBe(true);
    expect(preview.errors[0]).toMatchObject({ line: last + 1, text: parsed.rows[0]![0], firstLine: parsed.lines[0] });
    expect(preview.errors[1]).toMatchObject({ line: last + 2, text: parsed.rows[10]![0], firstLine: parsed.lines[10] });
    expect(preview.values).toEqual(clean.values);
    // Large inputs: a guard against hangs, not a speed target (2 shared cores can take >5 s).
  }, 60_000);

  it('reports progress every 5,000 rows and at the end', () => {
    const parsed = table(leadCsv(12_000, { seed: 3 }));
    const progress: [number, number][] = [];
    importCsv(parsed, guessMapping(parsed), (done, total) => progress.push([done, total]));
    expect(progress).toEqual([
      [5_000, 12_000],
      [10_000, 12_000],
      [12_000, 12_000],
    ]);
  });
});

describe('generated CSV (benchmarks, e2e)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(leadCsv(200, { seed: 5 })).toBe(leadCsv(200, { seed: 5 }));
    expect(leadCsv(200, { seed: 5 })).not.toBe(leadCsv(200, { seed: 6 }));
    expect(periodCsv(12, '2025-04')).toBe(periodCsv(12, '2025-04'));
  });

  it.each(['en', 'ja'] as const)('imports %s lead rows without errors and with a consistent funnel', (language) => {
    const parsed = table(leadCsv(3_000, { seed: 11, language, startMonth: '2025-10', months: 6 }));
    expect(parsed.rows).toHaveLength(3_000);
    const mapping = guessMapping(parsed);
    expect(mapping.shape).toBe('leads');
    const preview = importCsv(parsed, mapping);
    expect(preview.errors).toEqual([]);
    expect(preview.rowsUsed).toBe(3_000);
    const sum = (key: string) => preview.values.filter((value) => value.key === key).reduce((total, value) => total + value.value, 0);
    expect(sum('metric:leads')).toBe(3_000);
    expect(sum('metric:mql')).toBeLessThan(sum('metric:leads'));
    expect(sum('metric:sal')).toBeLessThanOrEqual(sum('metric:mql'));
    expect(sum('metric:sql')).toBeLessThanOrEqual(sum('metric:sal'));
    expect(sum('metric:opportunities')).toBeLessThanOrEqual(sum('metric:sql'));
    expect(sum('metric:won')).toBeLessThanOrEqual(sum('metric:opportunitiesClosed'));
    expect(sum('metric:opportunitiesClosed')).toBeLessThanOrEqual(sum('metric:opportunities'));
    expect(sum('metric:revenue')).toBeGreaterThan(0);
    expect(preview.periods?.first).toBe('2025-10');
    for (const value of preview.values.filter((item) => item.key === 'metric:leads')) expect(value.period <= '2026-03').toBe(true);
    for (const value of preview.values.filter((item) => item.key === 'metric:responseHours')) {
      expect(value.value).toBeGreaterThanOrEqual(1);
      expect(value.value).toBeLessThanOrEqual(73);
    }
  });

  it('imports the generated periods sheet', () => {
    const parsed = table(periodCsv(14, '2025-11'));
    const preview = importCsv(parsed, guessMapping(parsed));
    expect(preview.errors).toEqual([]);
    expect(preview.periods).toEqual({ first: '2025-11', last: '2026-12' });
    expect(new Set(preview.values.map((value) => value.key))).toEqual(
      new Set(['leads', 'mql', 'sql', 'opportunities', 'opportunitiesClosed', 'won', 'revenue', 'revenueTarget', 'marketingPipeline', 'responseHours'].map((metric) => `metric:${metric}`)),
    );
    expect(preview.values).toHaveLength(14 * 10);
  });
});

describe('property: the import never throws and never yields a non-finite value', () => {
  it('decodes 500 random byte strings to a result or a problem code', () => {
    const next = seededRandom(99);
    const codes = new Set<string>();
    for (let round = 0; round < 500; round++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 64) }, () => (next() < 0.7 ? 32 + Math.floor(next() * 95) : Math.floor(next() * 256)));
      const result = decodeCsvBytes(bytes);
      codes.add(result.ok ? result.encoding : result.problem.code);
    }
    expect([...codes].every((code) => ['utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'empty', 'binary', 'encoding'].includes(code))).toBe(true);
    expect(codes.has('binary')).toBe(true);
  });

  it('imports 300 random tables of awkward cells into finite values only', () => {
    const next = seededRandom(2026);
    const cells = ['', ' ', '0', '-1', '1e309', 'NaN', 'Infinity', '2026-02-29', '2026-01-31', '1/2/2026', '31/12/2026', '2026年13月1日', '令和元年1月1日', '¥1,234', '1.234,5', '9'.repeat(20), 'Closed Won', '失注', '?', '"', '2026-01', 'Web', '12:00', '2026-01-15T25:00'];
    const headers = ['Created Date', 'MQL Date', 'SQL Date', 'Close Date', 'Stage', 'Amount', 'First Contact Date', 'Lead Source', 'Month', 'MQL', 'Revenue', 'Response Hours'];
    const bad: string[] = [];
    for (let round = 0; round < 300; round++) {
      const columns = headers.filter(() => next() < 0.5);
      if (columns.length === 0) continue;
      const rows = Array.from({ length: 1 + Math.floor(next() * 20) }, () => columns.map(() => cells[Math.floor(next() * cells.length)]!));
      const text = [columns.join(','), ...rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(','))].join('\n');
      const parsed = parseCsvText(text);
      if (!parsed.ok) continue;
      for (const decimal of ['.', ','] as const) {
        const preview = importCsv(parsed.table, { ...guessMapping(parsed.table), decimal });
        for (const value of preview.values) if (!Number.isFinite(value.value) || Math.abs(value.value) > 1e15) bad.push(JSON.stringify({ round, value }));
        if (preview.rowsUsed + new Set(preview.errors.map((error) => error.line)).size !== preview.rowsRead) bad.push(JSON.stringify({ round, counts: preview }));
      }
    }
    expect(bad).toEqual([]);
  });
});
