import { z } from 'zod';
import { escapeHtml } from './html';
import { fitsFooterFont } from './pdfFooterFont';
import { PdfSealRequest } from './pdfSeal/contract';

/**
 * The one source of truth for how each document kind is printed to PDF. Electron's
 * `webContents.printToPDF` (the app), Playwright's `page.pdf` (the tests), the print route's CSS
 * `@page` rule (the browser's own print dialog) and the hidden print window's size are all derived
 * from `printOptions(kind, …)` by the adapters below, so a test prints exactly as the app does.
 *
 * Paper sizes are passed to both engines as explicit dimensions from PAPER_MM rather than as names
 * ('A4'): Electron, Playwright and Puppeteer each keep their own inch table for the names, and
 * those tables differ in the second decimal (A4 is 8.27 × 11.7 in in one, 8.2677 × 11.6929 in
 * another). One table here means the same page box in both, and the exact ISO/ANSI size.
 */

export const PDF_KINDS = ['persona-sheet', 'sla', 'minutes', 'funnel-sheet', 'board'] as const;
export const PdfKind = z.enum(PDF_KINDS);
export type PdfKind = z.infer<typeof PdfKind>;

export const PAPER_SIZES = ['A4', 'Letter', 'A3'] as const;
export const Paper = z.enum(PAPER_SIZES);
export type Paper = z.infer<typeof Paper>;

export type PageSize = { readonly width: number; readonly height: number };
export type Margins = { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };

/** Portrait paper sizes in millimetres (ISO 216 A4 and A3; ANSI Letter is 8.5 × 11 in). */
export const PAPER_MM: Readonly<Record<Paper, PageSize>> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
  A3: { width: 297, height: 420 },
};

export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export const Orientation = z.enum(ORIENTATIONS);
export type Orientation = z.infer<typeof Orientation>;

const MM_PER_INCH = 25.4;
const CSS_PX_PER_INCH = 96;

type KindSpec = {
  /** The page's orientation, or the default one when `turns`. */
  readonly orientation: Orientation;
  /** The print view picks the orientation its content fits best (diagrams) and reports it when ready. */
  readonly turns: boolean;
  /** The papers a user may pick; the first is the default. */
  readonly papers: readonly [Paper, ...Paper[]];
  readonly marginsMm: Margins;
  /** A "page n / N" footer (with version and hash when given) drawn by Chromium on every page. */
  readonly pageFooter: boolean;
  /** PDF bookmarks from the headings: worth it for multi-page documents with numbered sections. */
  readonly outline: boolean;
};

export const PDF_KIND_SPECS = {
  // One persona on one sheet, to pin on a wall: a fixed A4 landscape page, no footer.
  'persona-sheet': {
    orientation: 'landscape',
    turns: false,
    papers: ['A4'],
    marginsMm: { top: 10, right: 10, bottom: 10, left: 10 },
    pageFooter: false,
    outline: false,
  },
  // Documents that get filed: the bottom margin leaves room for the footer Chromium draws in it.
  sla: {
    orientation: 'portrait',
    turns: false,
    papers: ['A4', 'Letter'],
    marginsMm: { top: 18, right: 18, bottom: 20, left: 18 },
    pageFooter: true,
    outline: true,
  },
  minutes: {
    orientation: 'portrait',
    turns: false,
    papers: ['A4', 'Letter'],
    marginsMm: { top: 18, right: 18, bottom: 20, left: 18 },
    pageFooter: true,
    outline: true,
  },
  // The funnel on one sheet: portrait for a tall funnel, landscape when a short one and its
  // reverse-funnel table fit better side by side.
  'funnel-sheet': {
    orientation: 'portrait',
    turns: true,
    papers: ['A4', 'Letter'],
    marginsMm: { top: 12, right: 12, bottom: 12, left: 12 },
    pageFooter: false,
    outline: false,
  },
  // A whole board: one large page, or tiles when its notes would print too small.
  board: {
    orientation: 'landscape',
    turns: true,
    papers: ['A3', 'A4', 'Letter'],
    marginsMm: { top: 10, right: 10, bottom: 10, left: 10 },
    pageFooter: false,
    outline: false,
  },
} as const satisfies Record<PdfKind, KindSpec>;

export function defaultPaper(kind: PdfKind): Paper {
  return PDF_KIND_SPECS[kind].papers[0];
}

export function isPaperAllowed(kind: PdfKind, paper: Paper): boolean {
  return (PDF_KIND_SPECS[kind].papers as readonly Paper[]).includes(paper);
}

/**
 * Footer text: printable characters of the footer font's latin subset (fitsFooterFont).
 * Anything else would be drawn in a font of the OS, different on every machine.
 */
const FooterText = (max: number) =>
  z
    .string()
    .max(max)
    .refine(fitsFooterFont, 'footer text must be printable Latin text (the footer font has no other glyphs)');

/** What the footer shows besides "n / N". Plain text: it is HTML-escaped when the template is built. */
export const PdfFooterInfo = z.object({
  label: FooterText(200).optional(),
  version: FooterText(100).optional(),
  hash: FooterText(200).optional(),
});
export type PdfFooterInfo = z.infer<typeof PdfFooterInfo>;

export type PdfPrintOptions = {
  readonly kind: PdfKind;
  readonly paper: Paper;
  readonly landscape: boolean;
  /** The page box in millimetres, already turned for landscape. */
  readonly pageMm: PageSize;
  readonly marginsMm: Margins;
  readonly printBackground: true;
  readonly tagged: true;
  readonly outline: boolean;
  /** Null for kinds without a page footer. */
  readonly footer: PdfFooterInfo | null;
};

export function isOrientationAllowed(kind: PdfKind, orientation: Orientation): boolean {
  const spec: KindSpec = PDF_KIND_SPECS[kind];
  return spec.turns || spec.orientation === orientation;
}

/**
 * The print options of one document. Throws for a paper the kind does not offer, for an
 * orientation it cannot turn to and for footer text given to a kind that has no footer (silently
 * dropping either would print something other than what was asked for).
 */
export function printOptions(kind: PdfKind, choice: { paper?: Paper; footer?: PdfFooterInfo; orientation?: Orientation } = {}): PdfPrintOptions {
  const spec: KindSpec = PDF_KIND_SPECS[kind];
  const paper = choice.paper ?? defaultPaper(kind);
  if (!isPaperAllowed(kind, paper)) {
    throw new Error(`A ${kind} is printed on ${spec.papers.join(' or ')} paper, not ${paper}.`);
  }
  if (choice.orientation && !isOrientationAllowed(kind, choice.orientation)) throw new Error(`A ${kind} is printed ${spec.orientation}, not ${choice.orientation}.`);
  if (choice.footer && !spec.pageFooter) throw new Error(`A ${kind} has no page footer.`);
  const portrait = PAPER_MM[paper];
  const landscape = (choice.orientation ?? spec.orientation) === 'landscape';
  return {
    kind,
    paper,
    landscape,
    pageMm: landscape ? { width: portrait.height, height: portrait.width } : portrait,
    marginsMm: spec.marginsMm,
    printBackground: true,
    tagged: true,
    outline: spec.outline,
    footer: spec.pageFooter ? { ...choice.footer } : null,
  };
}

export function mmToInches(mm: number): number {
  return mm / MM_PER_INCH;
}

/** The page in CSS pixels (96 per inch), rounded up: the size to lay a print page out at. */
export function pageViewport(options: PdfPrintOptions): { width: number; height: number } {
  const px = (mm: number) => Math.ceil((mm / MM_PER_INCH) * CSS_PX_PER_INCH);
  return { width: px(options.pageMm.width), height: px(options.pageMm.height) };
}

/** The printable area (page minus margins) in millimetres. */
export function contentBoxMm(options: PdfPrintOptions): PageSize {
  const { pageMm, marginsMm } = options;
  return {
    width: pageMm.width - marginsMm.left - marginsMm.right,
    height: pageMm.height - marginsMm.top - marginsMm.bottom,
  };
}

// ---------------------------------------------------------------------------------------------
// Header/footer templates (Chromium fills <span class="pageNumber"> and <span class="totalPages">
// in both Electron and Playwright; it ignores the page's styles and fonts there).

export { escapeHtml };

/** The print route's `@page` rule: what `window.print()` starts from in the browser host. */
export function toCssPageRule(options: PdfPrintOptions): string {
  const { pageMm, marginsMm: m } = options;
  return `@page { size: ${pageMm.width}mm ${pageMm.height}mm; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`;
}

// ---------------------------------------------------------------------------------------------
// Print routes and the export request.

export const PRINT_ROUTE_PREFIX = '/print/';

/**
 * A print route is a hash path of the app (`/print/persona/<workspaceId>/<boardId>`): letters,
 * digits and `-_.~/%` only, so it cannot carry a query, another hash or a scheme.
 */
export const PrintRoute = z
  .string()
  .max(1000)
  .regex(/^\/print\/[A-Za-z0-9\-_.~/%]+$/, 'not a print route')
  .refine((route) => !route.split('/').includes('..'), 'not a print route');

/**
 * Builds a print route from its segments, percent-encoding each (ids are UUIDs today, but a
 * segment must never add a `/`, `?` or `#`): `printRoute('persona', workspaceId, boardId)`.
 */
export function printRoute(...segments: [string, ...string[]]): string {
  const encode = (segment: string) =>
    encodeURIComponent(segment).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return PrintRoute.parse(`${PRINT_ROUTE_PREFIX}${segments.map(encode).join('/')}`);
}

/**
 * The hash (with `#`) that opens a print route for a paper: `#/print/…?paper=Letter`. With
 * `view`, the route is opened for a person to read in the app's own window (`&view=screen`): it
 * shows a bar to go back and print, and does not report to a print host.
 */
export function printHash(route: string, paper: Paper, options: { view?: boolean } = {}): string {
  return `#${route}?paper=${paper}${options.view ? '&view=screen' : ''}`;
}

/** Splits a hash location (`/print/…?paper=A4`, without `#`) into route, paper (null if absent or unknown) and view. */
export function parsePrintLocation(location: string): { path: string; paper: Paper | null; view: boolean } {
  const [path = '', query = ''] = location.split('?', 2);
  const params = new URLSearchParams(query);
  const parsed = Paper.safeParse(params.get('paper'));
  return { path, paper: parsed.success ? parsed.data : null, view: params.get('view') === 'screen' };
}

export function isPrintPath(path: string): boolean {
  return path.startsWith(PRINT_ROUTE_PREFIX);
}

export const PdfExportRequest = z
  .object({
    kind: PdfKind,
    route: PrintRoute,
    /** File name offered in the save dialog; `.pdf` is added when missing. */
    suggestedName: z.string().min(1).max(200),
    /** Defaults to the kind's first paper. */
    paper: Paper.optional(),
    footer: PdfFooterInfo.optional(),
    /** Signed SLAs: metadata and the signed canonical JSON embedded after printing. */
    seal: PdfSealRequest.optional(),
  })
  .superRefine((request, context) => {
    if (request.seal && request.kind !== 'sla') {
      context.addIssue({ code: 'custom', path: ['seal'], message: `only a signed SLA carries a seal, not ${request.kind}` });
    }
    if (request.paper && !isPaperAllowed(request.kind, request.paper)) {
      context.addIssue({ code: 'custom', path: ['paper'], message: `${request.kind} is not printed on ${request.paper}` });
    }
    if (request.footer && !PDF_KIND_SPECS[request.kind].pageFooter) {
      context.addIssue({ code: 'custom', path: ['footer'], message: `${request.kind} has no page footer` });
    }
  });
export type PdfExportRequest = z.infer<typeof PdfExportRequest>;

/**
 * What a print page reports when it is ready (problem null) or cannot be printed (why). A kind
 * that turns says which orientation it laid its content out for; the printer uses that one.
 */
export const PrintReadyReport = z.object({ problem: z.string().min(1).max(1000).nullable(), orientation: Orientation.optional() });
export type PrintReadyReport = z.infer<typeof PrintReadyReport>;

/** How long a print page was waited for, in an error message: "30 s" (or "30 ms" in tests). */
export function formatWait(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

// ---------------------------------------------------------------------------------------------
// After printing.

/** True for bytes that can be a PDF: not empty, starting with the `%PDF-` header. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const header = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
  return bytes.byteLength > header.length && header.every((byte, index) => bytes[index] === byte);
}

/**
 * A step between printing and saving, the same in the app and in the tests (the SLA will set the
 * PDF metadata and attach the signed JSON here with pdf-lib). Must return the bytes to save.
 */
export type PdfPostProcess = (pdfBytes: Uint8Array, kind: PdfKind) => Promise<Uint8Array>;

export const identityPostProcess: PdfPostProcess = async (pdfBytes) => pdfBytes;
