/**
 * Fonts a print view needs, asked for as soon as a print route mounts rather than when the page is
 * laid out: the fetches and the decoding then run while the route's code and data still load, and
 * waitForPrintAssets (which still checks everything after layout) finds them done.
 *
 * - The PDF footer's font (shared/pdfFooter.ts): Chromium draws the footer template without the
 *   page's web fonts, so the page loads the template's data: URL face itself; its bytes come with
 *   the first print view, not with the app.
 * - The Latin faces of the print font (print.css: Inter, regular and bold): every print view sets
 *   text in them. The Noto Sans JP subsets a page needs depend on its text, and load when laid out.
 */

type FontFaceLike = { load(): Promise<unknown> };
type FontsLike = { add(face: never): unknown; load(font: string): Promise<unknown> };

let started: Promise<void> | null = null;

/** The page's document (typed loosely: this module is also compiled for the Node tests). */
function pageDocument<Doc>(): Doc | undefined {
  return (globalThis as unknown as { document?: Doc }).document;
}

/** Starts loading the print fonts (once per window); resolves when the footer's face is loaded (or failed: it then prints without it). */
export function startPrintFonts(doc: { fonts?: FontsLike } | undefined = pageDocument()): Promise<void> {
  started ??= (() => {
    const fonts = doc?.fonts;
    const FontFaceClass = (globalThis as { FontFace?: new (family: string, source: string) => FontFaceLike }).FontFace;
    if (!fonts || !FontFaceClass) return Promise.resolve();
    for (const weight of [400, 700]) fonts.load(`${weight} 16px Inter`).catch(() => undefined);
    return import('@shared/pdfFooter')
      .then(({ PDF_FOOTER_FONT }) => {
        const face = new FontFaceClass(PDF_FOOTER_FONT.family, PDF_FOOTER_FONT.source);
        fonts.add(face as never);
        return face.load();
      })
      .then(
        () => undefined,
        () => undefined,
      );
  })();
  return started;
}

/** Code point ranges of a CSS unicode-range value ("U+0-FF, U+131, U+4??"). */
export function unicodeRanges(value: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of value.split(',')) {
    const match = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match) continue;
    const [, start, end] = match;
    if (start!.includes('?')) ranges.push([Number.parseInt(start!.replaceAll('?', '0'), 16), Number.parseInt(start!.replaceAll('?', 'f'), 16)]);
    else ranges.push([Number.parseInt(start!, 16), Number.parseInt(end ?? start!, 16)]);
  }
  return ranges;
}

export type PrintFontFace = { readonly family: string; readonly weight: string; readonly style: string; readonly unicodeRange: string };
type PrintFontSet = Iterable<PrintFontFace> & { load(font: string, text?: string): Promise<unknown> };

/**
 * The characters of `text` (each once) that no face of `family` at `weight` has: the ones the
 * browser sets in the next family of the list. Faces are picked by their exact weight (the print
 * views use 400 and 700, and 600 resolves to 700).
 */
export function uncoveredText(faces: Iterable<PrintFontFace>, family: string, weight: string, text: string): string {
  const ranges: [number, number][] = [];
  for (const face of faces) {
    if (face.weight === weight && face.style === 'normal' && face.family.replace(/^["']|["']$/g, '') === family) ranges.push(...unicodeRanges(face.unicodeRange));
  }
  const codes = new Set<number>();
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index)!;
    if (code > 0xffff) index++;
    if (code > 0x20) codes.add(code);
  }
  let rest = '';
  for (const code of codes) if (!ranges.some(([from, to]) => code >= from && code <= to)) rest += String.fromCodePoint(code);
  return rest;
}

/** The print font (print.css): Inter, and Noto Sans JP for what Inter lacks. */
export const PRINT_FAMILIES = ['Inter', 'Noto Sans JP'] as const;

/**
 * Starts loading the faces a print view's text will need as soon as the text is known, before it
 * is rendered and laid out: the Noto Sans JP subsets of its Japanese text and of symbols Inter
 * lacks (an arrow, say), regular for `text` and bold for `boldText` (headings). Layout would ask
 * for them anyway, and waitForPrintAssets still waits for whatever it asks for; asked for here,
 * they arrive while the view renders. The browser picks the subsets (FontFaceSet.load); only
 * Inter's few faces are read here, to leave out what Inter sets.
 */
export function preloadFontsForText(text: string, boldText = '', doc: { fonts?: PrintFontSet } | undefined = pageDocument()): void {
  const fonts = doc?.fonts;
  if (!fonts) return;
  const [first, fallback] = PRINT_FAMILIES;
  for (const [weight, words] of [
    ['400', text],
    ['700', boldText],
  ] as const) {
    const rest = uncoveredText(fonts, first, weight, words);
    if (rest) fonts.load(`${weight} 16px "${fallback}"`, rest).catch(() => undefined);
  }
}

/** Every string in `value` (a locale subtree, a document), joined. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join('\n');
  return '';
}
