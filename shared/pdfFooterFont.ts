/**
 * The font of PDF page footers: Inter Regular, latin subset, as @fontsource/inter 5.3.0 ships it
 * (files/inter-latin-400-normal.woff2, SIL Open Font License 1.1), base64-encoded.
 *
 * Chromium draws header and footer templates in a document of their own that does not see the
 * page's web fonts, so without this the footer's "1 / 2" is drawn in whatever font the OS has
 * (and extracted as "1/2" when that is Noto Sans CJK). The template declares this font as a data:
 * URL; the print page loads the very same URL first (waitForPrintAssets), because Chromium only
 * uses a footer font that is already in the page's memory cache when it draws the footer.
 *
 * Generated: node -e "console.log(require('fs').readFileSync('node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2').toString('base64'))"
 * test/unit/pdfFooterFont.test.ts fails when it no longer matches the installed file.
 */

/** The printable part of the latin subset's unicode-range (no control characters). */
const FOOTER_FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x131, 0x131],
  [0x152, 0x153],
  [0x2bb, 0x2bc],
  [0x2c6, 0x2c6],
  [0x2da, 0x2da],
  [0x2dc, 0x2dc],
  [0x304, 0x304],
  [0x308, 0x308],
  [0x329, 0x329],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
];

/** Whether the footer font draws every character of `text` (footer text must stay within it). */
export function fitsFooterFont(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (!FOOTER_FONT_RANGES.some(([from, to]) => code >= from && code <= to)) return false;
  }
  return true;
}
