import type { PrintToPDFOptions } from 'electron';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentBoxMm, escapeHtml, identityPostProcess, isPrintPath, looksLikePdf, pageViewport, PAPER_MM, parsePrintLocation, PDF_KINDS, PdfExportRequest, printHash, printOptions, printRoute, PrintRoute, toCssPageRule, type Paper, type PdfKind } from '../../shared/pdf';
import { footerTemplate, toElectronPrintOptions, toPlaywrightPdfOptions } from '../../shared/pdfFooter';

/** Every kind with every paper it offers, plus a footer for the kinds that have one. */
const CASES: [PdfKind, Paper][] = [
  ['persona-sheet', 'A4'],
  ['sla', 'A4'],
  ['sla', 'Letter'],
  ['minutes', 'A4'],
  ['minutes', 'Letter'],
  ['funnel-sheet', 'A4'],
  ['funnel-sheet', 'Letter'],
  ['board', 'A3'],
  ['board', 'A4'],
  ['board', 'Letter'],
];

const inches = (length: string) => {
  const match = /^(\d+(?:\.\d+)?)in$/.exec(length);
  if (!match) throw new Error(`not a length in inches: ${length}`);
  return Number(match[1]);
};

describe('printOptions', () => {
  it('prints the persona sheet on one A4 landscape page with no footer', () => {
    const options = printOptions('persona-sheet');
    expect(options).toMatchObject({ paper: 'A4', landscape: true, pageMm: { width: 297, height: 210 }, footer: null });
  });

  it.each(['sla', 'minutes'] as const)('prints %s portrait on A4 by default, Letter on request, with a footer', (kind) => {
    expect(printOptions(kind)).toMatchObject({ paper: 'A4', landscape: false, pageMm: { width: 210, height: 297 }, footer: {} });
    expect(printOptions(kind, { paper: 'Letter', footer: { version: 'v2' } })).toMatchObject({
      paper: 'Letter',
      pageMm: { width: 215.9, height: 279.4 },
      footer: { version: 'v2' },
    });
  });

  it('refuses a paper the kind does not offer, and footer text for a kind without a footer', () => {
    expect(() => printOptions('persona-sheet', { paper: 'Letter' })).toThrow('A persona-sheet is printed on A4 paper, not Letter.');
    expect(() => printOptions('persona-sheet', { footer: { version: 'v1' } })).toThrow('has no page footer');
  });

  it('turns diagrams to the orientation their page reports, and nothing else', () => {
    expect(printOptions('funnel-sheet')).toMatchObject({ landscape: false, pageMm: { width: 210, height: 297 }, footer: null });
    expect(printOptions('funnel-sheet', { paper: 'Letter', orientation: 'landscape' })).toMatchObject({ landscape: true, pageMm: { width: 279.4, height: 215.9 } });
    expect(printOptions('board', { paper: 'A3' })).toMatchObject({ landscape: true, pageMm: { width: 420, height: 297 } });
    expect(printOptions('board', { paper: 'A4', orientation: 'portrait' })).toMatchObject({ landscape: false, pageMm: { width: 210, height: 297 } });
    expect(printOptions('sla', { orientation: 'portrait' }).landscape).toBe(false);
    expect(() => printOptions('sla', { orientation: 'landscape' })).toThrow('A sla is printed portrait, not landscape.');
    expect(() => printOptions('persona-sheet', { orientation: 'portrait' })).toThrow('printed landscape');
    expect(() => printOptions('sla', { paper: 'A3' })).toThrow('A sla is printed on A4 or Letter paper, not A3.');
  });

  it('leaves a printable area on every page', () => {
    for (const kind of PDF_KINDS) {
      const box = contentBoxMm(printOptions(kind));
      expect(box.width).toBeGreaterThan(150);
      expect(box.height).toBeGreaterThan(150);
    }
  });

  it('gives the page size in CSS pixels for laying the page out', () => {
    expect(pageViewport(printOptions('persona-sheet'))).toEqual({ width: 1123, height: 794 });
    expect(pageViewport(printOptions('sla', { paper: 'Letter' }))).toEqual({ width: 816, height: 1056 });
  });
});

describe('the Electron and Playwright adapters', () => {
  it.each(CASES)('give %s on %s the same paper, orientation and margins', (kind, paper) => {
    const options = printOptions(kind, { paper });
    const electron = toElectronPrintOptions(options);
    const playwright = toPlaywrightPdfOptions(options);

    // Both get the portrait sheet of the one table plus `landscape`, in inches.
    expect(electron.pageSize.width).toBeCloseTo(PAPER_MM[paper].width / 25.4, 10);
    expect(electron.pageSize.height).toBeCloseTo(PAPER_MM[paper].height / 25.4, 10);
    expect(inches(playwright.width)).toBe(electron.pageSize.width);
    expect(inches(playwright.height)).toBe(electron.pageSize.height);
    expect(playwright.landscape).toBe(electron.landscape);
    expect(electron.landscape).toBe(kind === 'persona-sheet' || kind === 'board');
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      expect(inches(playwright.margin[side])).toBe(electron.margins[side]);
      expect(electron.margins[side] * 25.4).toBeCloseTo(options.marginsMm[side], 10);
    }
    expect(playwright.printBackground).toBe(true);
    expect(electron.printBackground).toBe(true);
    expect(playwright.preferCSSPageSize).toBe(electron.preferCSSPageSize);
    expect(playwright.scale).toBe(electron.scale);
    expect(playwright.tagged).toBe(electron.generateTaggedPDF);
    expect(playwright.outline).toBe(electron.generateDocumentOutline);
    expect(playwright.displayHeaderFooter).toBe(electron.displayHeaderFooter);
    expect(playwright.headerTemplate).toBe(electron.headerTemplate);
    expect(playwright.footerTemplate).toBe(electron.footerTemplate);
  });

  it('draw the page footer only for the kinds that have one, and no default header', () => {
    expect(toElectronPrintOptions(printOptions('persona-sheet'))).toMatchObject({ displayHeaderFooter: false });
    expect(toElectronPrintOptions(printOptions('persona-sheet')).footerTemplate).toBeUndefined();
    const sla = toPlaywrightPdfOptions(printOptions('sla', { footer: { version: 'v3', hash: 'ab12' } }));
    expect(sla.displayHeaderFooter).toBe(true);
    expect(sla.headerTemplate).toBe('<span></span>');
    expect(sla.footerTemplate).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span>');
    expect(sla.footerTemplate).toContain('v3 · ab12');
  });

  it('fit the real library option types', () => {
    const options = printOptions('sla', { paper: 'Letter', footer: { label: 'SLA' } });
    const electron: PrintToPDFOptions = toElectronPrintOptions(options);
    const playwright: NonNullable<Parameters<Page['pdf']>[0]> = toPlaywrightPdfOptions(options);
    expect(electron.pageSize).toEqual({ width: 8.5, height: 11 });
    expect(playwright.width).toBe('8.5in');
  });

  it('agree with the @page rule of the print route', () => {
    expect(toCssPageRule(printOptions('persona-sheet'))).toBe('@page { size: 297mm 210mm; margin: 10mm 10mm 10mm 10mm; }');
    expect(toCssPageRule(printOptions('sla', { paper: 'Letter' }))).toBe(
      '@page { size: 215.9mm 279.4mm; margin: 18mm 18mm 20mm 18mm; }',
    );
  });
});

describe('footer text', () => {
  it('escapes HTML in every piece of text', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&#60;img src=x onerror=&#34;alert(&#39;1&#39;)&#34;&#62;&#38;');
    const html = footerTemplate(
      { label: '<script>alert(1)</script>', version: 'v1 "draft"', hash: '<span class="pageNumber">' },
      printOptions('sla'),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('v1 &#34;draft&#34;');
    // Only our own page-number spans are left for Chromium to fill in.
    expect(html.match(/class="pageNumber"/g)).toHaveLength(1);
    expect(html.match(/class="totalPages"/g)).toHaveLength(1);
  });

  it('keeps Japanese text as it is and sets a visible font size (templates start at 0)', () => {
    const html = footerTemplate({ label: 'サービスレベル合意書' }, printOptions('minutes'));
    expect(html).toContain('サービスレベル合意書');
    expect(html).toContain('font-size:8pt');
  });

  it('lines the footer up with the page margins', () => {
    expect(footerTemplate({}, printOptions('sla'))).toContain('padding:0 18mm 0 18mm');
  });
});

describe('print routes', () => {
  it.each(['/print/persona/w1/b1', '/print/sla/6f1c2a0e-1d2b-4c3d-9e8f-0a1b2c3d4e5f/v%202'])('accepts %s', (route) => {
    expect(PrintRoute.safeParse(route).success).toBe(true);
  });

  it.each([
    ['/w/1', 'not under /print/'],
    ['/print/', 'empty'],
    ['/print/x?paper=A4', 'a query'],
    ['/print/x#y', 'a second hash'],
    ['/print/../settings', 'a parent segment'],
    ['/print/x y', 'a space'],
    ['https://evil.example/print/x', 'a URL'],
    [`/print/${'a'.repeat(1000)}`, 'too long'],
  ])('refuses %s (%s)', (route) => {
    expect(PrintRoute.safeParse(route).success).toBe(false);
  });

  it('builds routes whose segments cannot escape their place', () => {
    expect(printRoute('persona', '6f1c2a0e-1d2b-4c3d-9e8f-0a1b2c3d4e5f', 'b1')).toBe('/print/persona/6f1c2a0e-1d2b-4c3d-9e8f-0a1b2c3d4e5f/b1');
    expect(printRoute('sla', 'w/1?x#y', "v(2)!'*")).toBe('/print/sla/w%2F1%3Fx%23y/v%282%29%21%27%2A');
    expect(() => printRoute('sla', '..')).toThrow(/not a print route/);
  });

  it('carries the paper in the hash query and reads it back', () => {
    expect(printHash('/print/sla/w/v', 'Letter')).toBe('#/print/sla/w/v?paper=Letter');
    expect(parsePrintLocation('/print/sla/w/v?paper=Letter')).toEqual({ path: '/print/sla/w/v', paper: 'Letter', view: false });
    expect(parsePrintLocation('/print/sla/w/v')).toEqual({ path: '/print/sla/w/v', paper: null, view: false });
    expect(parsePrintLocation('/print/sla/w/v?paper=A5')).toEqual({ path: '/print/sla/w/v', paper: null, view: false });
    expect(parsePrintLocation('/print/board/w/b?paper=A3')).toEqual({ path: '/print/board/w/b', paper: 'A3', view: false });
    // Opened by a person in the app's window ("Open the print view").
    expect(printHash('/print/sla/w/v', 'A4', { view: true })).toBe('#/print/sla/w/v?paper=A4&view=screen');
    expect(parsePrintLocation('/print/sla/w/v?paper=A4&view=screen')).toEqual({ path: '/print/sla/w/v', paper: 'A4', view: true });
    expect(isPrintPath('/print/persona/w/b')).toBe(true);
    expect(isPrintPath('/printers')).toBe(false);
    expect(isPrintPath('/w/1')).toBe(false);
  });
});

describe('PdfExportRequest', () => {
  const base = { kind: 'sla', route: '/print/sla/w1/v1', suggestedName: 'SLA v1' } as const;

  it('accepts a request with and without paper and footer', () => {
    expect(PdfExportRequest.parse(base)).toEqual(base);
    expect(PdfExportRequest.parse({ ...base, paper: 'Letter', footer: { version: 'v1', hash: 'ab' } })).toMatchObject({ paper: 'Letter' });
  });

  it.each([
    ['an unknown kind', { ...base, kind: 'invoice' }],
    ['an unknown paper', { ...base, paper: 'A3' }],
    ['Letter for the persona sheet', { ...base, kind: 'persona-sheet', paper: 'Letter' }],
    ['a footer for the persona sheet', { ...base, kind: 'persona-sheet', footer: { version: 'v1' } }],
    ['a route outside /print/', { ...base, route: '/settings' }],
    ['an empty name', { ...base, suggestedName: '' }],
    ['a huge footer', { ...base, footer: { hash: 'x'.repeat(201) } }],
  ])('refuses %s', (_label, request) => {
    expect(PdfExportRequest.safeParse(request).success).toBe(false);
  });
});

describe('PDF bytes', () => {
  it('recognises a PDF by its header and refuses empty output', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%…');
    expect(looksLikePdf(pdf)).toBe(true);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
    expect(looksLikePdf(new TextEncoder().encode('<html>'))).toBe(false);
    expect(looksLikePdf(new TextEncoder().encode('%PDF-'))).toBe(false);
    expect(await identityPostProcess(pdf, 'sla')).toBe(pdf);
  });
});
