import { mmToInches, PAPER_MM, type Margins, type PdfFooterInfo, type PdfPrintOptions } from './pdf';
import { escapeHtml } from './html';
import { PDF_FOOTER_FONT_WOFF2_BASE64 } from './pdfFooterFontData';

/**
 * What only printing needs, apart from shared/pdf.ts so that the app's first screen does not carry
 * the footer font: the footer template and the adapters from printOptions() to Electron's
 * printToPDF and Playwright's page.pdf (which add that footer).
 */

/**
 * The footer's own font (shared/pdfFooterFont.ts): templates cannot use the page's web fonts, so
 * the template declares it from a data: URL. Chromium draws the footer without waiting for fonts:
 * the print page must have loaded the same URL before printing (waitForPrintAssets does, given
 * PDF_FOOTER_FONT), and then the footer finds it in the memory cache.
 */
export const PDF_FOOTER_FONT = {
  family: 'Alignboard Footer',
  source: `url(data:font/woff2;base64,${PDF_FOOTER_FONT_WOFF2_BASE64}) format('woff2')`,
} as const;

const TEMPLATE_FONT = `'${PDF_FOOTER_FONT.family}',sans-serif`;

/** With displayHeaderFooter Chromium prints date and title at the top unless given a header: none. */
export const EMPTY_HEADER_TEMPLATE = '<span></span>';

/** The page footer: label and version/hash on the left, "n / N" on the right. */
export function footerTemplate(footer: PdfFooterInfo, options: Pick<PdfPrintOptions, 'marginsMm'>): string {
  const { left, right } = options.marginsMm;
  const meta = [footer.version, footer.hash].filter((part): part is string => Boolean(part));
  const leftParts = [
    footer.label ? `<span class="alignboard-footer-label">${escapeHtml(footer.label)}</span>` : '',
    meta.length ? `<span class="alignboard-footer-meta">${meta.map(escapeHtml).join(' · ')}</span>` : '',
  ].filter(Boolean);
  // Templates start at font-size 0 and margin 8px; everything is spelled out inline.
  return [
    `<style>@font-face{font-family:'${PDF_FOOTER_FONT.family}';src:${PDF_FOOTER_FONT.source};font-weight:400;font-style:normal}</style>`,
    `<div style="box-sizing:border-box;width:100%;margin:0;padding:0 ${right}mm 0 ${left}mm;`,
    `font-family:${TEMPLATE_FONT};font-size:8pt;line-height:1.3;color:#444;`,
    `display:flex;justify-content:space-between;align-items:flex-end;gap:6mm;`,
    `-webkit-print-color-adjust:exact;print-color-adjust:exact">`,
    `<div style="min-width:0;overflow-wrap:anywhere">${leftParts.join('<br>')}</div>`,
    // The extra word spacing keeps "1 / 2" apart in text extraction (pdftotext reads "1/2" otherwise).
    `<div style="white-space:nowrap;word-spacing:0.3em"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    `</div>`,
  ].join('');
}

// ---------------------------------------------------------------------------------------------
// Adapters. The option types are spelled out here (shared/ imports neither Electron nor
// Playwright); the main process and the tests check them against the real library types.

/** Electron 45 `webContents.printToPDF` options (sizes and margins in inches). */
export type ElectronPrintToPdfOptions = {
  pageSize: { width: number; height: number };
  landscape: boolean;
  printBackground: boolean;
  margins: { top: number; right: number; bottom: number; left: number };
  preferCSSPageSize: boolean;
  scale: number;
  generateTaggedPDF: boolean;
  generateDocumentOutline: boolean;
  displayHeaderFooter: boolean;
  headerTemplate?: string;
  footerTemplate?: string;
};

/** Playwright `page.pdf` options (sizes and margins as CSS length strings). */
export type PlaywrightPdfOptions = {
  width: string;
  height: string;
  landscape: boolean;
  printBackground: boolean;
  margin: { top: string; right: string; bottom: string; left: string };
  preferCSSPageSize: boolean;
  scale: number;
  tagged: boolean;
  outline: boolean;
  displayHeaderFooter: boolean;
  headerTemplate?: string;
  footerTemplate?: string;
};

function marginsInInches(margins: Margins) {
  return {
    top: mmToInches(margins.top),
    right: mmToInches(margins.right),
    bottom: mmToInches(margins.bottom),
    left: mmToInches(margins.left),
  };
}

/** Header and footer, identical for both engines. */
function headerFooter(options: PdfPrintOptions) {
  if (!options.footer) return { displayHeaderFooter: false } as const;
  return {
    displayHeaderFooter: true,
    headerTemplate: EMPTY_HEADER_TEMPLATE,
    footerTemplate: footerTemplate(options.footer, options),
  } as const;
}

/**
 * The paper is given portrait plus `landscape`, which Chromium turns. `preferCSSPageSize` is off:
 * these options decide the page; the route's `@page` rule (toCssPageRule) says the same thing for
 * the browser's print dialog, and would lose if it ever disagreed.
 */
export function toElectronPrintOptions(options: PdfPrintOptions): ElectronPrintToPdfOptions {
  const paper = PAPER_MM[options.paper];
  return {
    pageSize: { width: mmToInches(paper.width), height: mmToInches(paper.height) },
    landscape: options.landscape,
    printBackground: options.printBackground,
    margins: marginsInInches(options.marginsMm),
    preferCSSPageSize: false,
    scale: 1,
    generateTaggedPDF: options.tagged,
    generateDocumentOutline: options.outline,
    ...headerFooter(options),
  };
}

export function toPlaywrightPdfOptions(options: PdfPrintOptions): PlaywrightPdfOptions {
  const paper = PAPER_MM[options.paper];
  const inches = marginsInInches(options.marginsMm);
  const length = (value: number) => `${value}in`;
  return {
    width: length(mmToInches(paper.width)),
    height: length(mmToInches(paper.height)),
    landscape: options.landscape,
    printBackground: options.printBackground,
    margin: { top: length(inches.top), right: length(inches.right), bottom: length(inches.bottom), left: length(inches.left) },
    preferCSSPageSize: false,
    scale: 1,
    tagged: options.tagged,
    outline: options.outline,
    ...headerFooter(options),
  };
}

