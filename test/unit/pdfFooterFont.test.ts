import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfExportRequest, PdfFooterInfo, printOptions } from '../../shared/pdf';
import { footerTemplate, PDF_FOOTER_FONT } from '../../shared/pdfFooter';
import { PDF_FOOTER_FONT_WOFF2_BASE64 } from '../../shared/pdfFooterFontData';

/** The footer font embedded in shared/pdfFooterFont.ts, and the footer text it can draw. */

const INSTALLED = path.resolve(import.meta.dirname, '../../node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2');

describe('PDF footer font', () => {
  it('is the installed @fontsource/inter latin 400 file, byte for byte (regenerate it when @fontsource/inter changes)', () => {
    expect(Buffer.from(PDF_FOOTER_FONT_WOFF2_BASE64, 'base64').equals(readFileSync(INSTALLED))).toBe(true);
  });

  it('is declared in every footer template from the same data: URL the print page loads', () => {
    const template = footerTemplate({ label: 'SLA', version: 'Revision 1' }, printOptions('sla'));
    expect(template).toContain(`@font-face{font-family:'${PDF_FOOTER_FONT.family}';src:${PDF_FOOTER_FONT.source}`);
    expect(template).toContain(`font-family:'${PDF_FOOTER_FONT.family}'`);
  });

  it.each([
    ['SLA', true],
    ['Revision 2 (in-review) · SHA-256 e3b0c442…', true],
    ['Minutes 2026-03-01', true],
    ['Ünïcödé Latin-1 ©', true],
    ['議事録', false],
    ['SLA\u0007', false],
  ])('footer text %j is allowed: %s', (label, allowed) => {
    expect(PdfFooterInfo.safeParse({ label }).success).toBe(allowed);
    expect(PdfExportRequest.safeParse({ kind: 'minutes', route: '/print/minutes/w/m', suggestedName: 'x.pdf', footer: { label } }).success).toBe(allowed);
  });
});
