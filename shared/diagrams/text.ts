/**
 * Text measurement and line breaking for diagrams, as pure functions, so a layout computed in a
 * unit test is the layout printed. Widths are an upper bound of the bundled fonts' advances (Inter
 * for Latin, Noto Sans JP for Japanese): wrapping with them never lets a line run past its box,
 * whichever weight is drawn and whatever kerning the engine applies.
 */

/**
 * Advance widths of printable ASCII (U+0020–U+007E) in hundredths of an em: the larger of Inter
 * 400 and 700, rounded up (measured in Chromium with the @fontsource files the app bundles).
 */
const ASCII_WIDTHS = [
  29, 34, 56, 65, 66, 102, 68, 34, 38, 38, 56, 68, 34, 47, 34, 39, 68, 44, 63, 65, 68, 63, 65, 59, 66, 65, 34, 35, 68, 68, 68, 56, 102, 75, 67, 74, 73, 61, 60,
  76, 75, 29, 59, 72, 57, 94, 77, 78, 65, 78, 66, 66, 67, 75, 75, 104, 74, 74, 67, 38, 39, 38, 49, 48, 37, 59, 64, 59, 64, 60, 40, 64, 63, 28, 28, 59, 28, 92,
  63, 62, 64, 64, 41, 57, 37, 63, 60, 86, 59, 61, 58, 47, 38, 47, 68,
];

/** Headroom over the measured advances (rounding of font sizes, hinting, fallback faces). */
const SAFETY = 1.03;

function isCombining(code: number): boolean {
  return (code >= 0x0300 && code <= 0x036f) || (code >= 0x3099 && code <= 0x309a) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0x200d;
}

/** Width of one character (code point) in hundredths of an em (whole numbers: sums are exact). */
function charUnits(code: number): number {
  if (code >= 0x20 && code <= 0x7e) return ASCII_WIDTHS[code - 0x20]!;
  if (code === 0x09) return 4 * 29;
  if (code < 0x20 || isCombining(code)) return 0;
  return 100;
}

/** Width of one character (code point) in ems. Anything outside ASCII counts as a full em. */
export function charWidthEm(char: string): number {
  return charUnits(char.codePointAt(0) ?? 0) / 100;
}

/** Width of `text` in hundredths of an em. */
function units(text: string): number {
  let sum = 0;
  for (const char of text) sum += charUnits(char.codePointAt(0) ?? 0);
  return sum;
}

/** Upper bound of the drawn width of text `units` wide (hundredths of an em) at `size`. */
const unitsWidth = (width: number, size: number) => (width / 100) * size * SAFETY;

/** Upper bound of the drawn width of `text` at `size` (same unit as size). */
export function textWidth(text: string, size: number): number {
  return unitsWidth(units(text), size);
}

/** Scripts broken between any two characters (Japanese, Chinese, Korean, full-width forms). */
function isIdeographicLike(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals, kana, CJK symbols, unified ideographs
    (code >= 0xac00 && code <= 0xd7af) || // Hangul
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) || // full-width and half-width forms
    (code >= 0x20000 && code <= 0x3ffff)
  );
}

/** Japanese line-breaking rules (kinsoku): characters that may not start a line… */
const NO_LINE_START = new Set('、。，．・：；？！゛゜ヽヾゝゞ々ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ）〕］｝〉》」』】〙〗〟’”»,.;:!?)]}%…‥');
/** …and characters that may not end one. */
const NO_LINE_END = new Set('（〔［｛〈《「『【〘〖〝‘“«([{');

/**
 * Splits a paragraph into unbreakable pieces: Latin words with their trailing spaces, single CJK
 * characters, with kinsoku characters glued to their neighbour.
 */
export function pieces(paragraph: string): string[] {
  const out: string[] = [];
  let word = '';
  let glueNext = false;
  const push = (piece: string) => {
    if (glueNext && out.length > 0) out[out.length - 1] += piece;
    else out.push(piece);
    glueNext = false;
  };
  for (const char of paragraph) {
    const code = char.codePointAt(0) ?? 0;
    if (NO_LINE_START.has(char) || isCombining(code)) {
      // Stays with what comes before it (a word being built, or the last piece).
      if (word) word += char;
      else if (out.length > 0) out[out.length - 1] += char;
      else word = char;
      continue;
    }
    if (char === ' ' || char === '\t') {
      word += char;
      if (word.trim() !== '') {
        push(word);
        word = '';
      }
      continue;
    }
    if (isIdeographicLike(code) || NO_LINE_END.has(char)) {
      if (word) push(word);
      word = '';
      push(char);
      if (NO_LINE_END.has(char)) glueNext = true;
      continue;
    }
    // A Latin letter right after a trailing space starts a new word.
    if (word.endsWith(' ')) {
      push(word);
      word = '';
    }
    word += char;
  }
  if (word) push(word);
  return out;
}

/** Cuts a piece that is wider than the line into pieces that fit, character by character. */
function splitWide(piece: string, maxWidth: number, size: number): string[] {
  const out: string[] = [];
  let current = '';
  let width = 0;
  for (const char of piece) {
    const charWidth = charUnits(char.codePointAt(0) ?? 0);
    if (current && unitsWidth(width + charWidth, size) > maxWidth) {
      out.push(current);
      current = '';
      width = 0;
    }
    current += char;
    width += charWidth;
  }
  if (current) out.push(current);
  return out;
}

/** A piece of a paragraph (see pieces) with the widths line breaking asks for, in hundredths of an em. */
type MeasuredPiece = { text: string; units: number; trimmedEnd: number; startTrimmed: string; startTrimmedUnits: number; blank: boolean };

/**
 * Paragraphs' measured pieces, kept for the next layout of the same text: a figure is laid out
 * at several type sizes until it fits, and widths in ems do not depend on the size.
 */
const measuredParagraphs = new Map<string, MeasuredPiece[]>();
const MEASURED_PARAGRAPHS_KEPT = 2_000;

/** A piece (or a part of one cut by splitWide) with its widths. */
function measuredPiece(text: string): MeasuredPiece {
  const trimmedEnd = text.trimEnd();
  const startTrimmed = text.trimStart();
  return { text, units: units(text), trimmedEnd: units(trimmedEnd), startTrimmed, startTrimmedUnits: units(startTrimmed), blank: trimmedEnd === '' };
}

function measuredPieces(paragraph: string): MeasuredPiece[] {
  const known = measuredParagraphs.get(paragraph);
  if (known) return known;
  const measured = pieces(paragraph).map(measuredPiece);
  if (measuredParagraphs.size >= MEASURED_PARAGRAPHS_KEPT) measuredParagraphs.clear();
  measuredParagraphs.set(paragraph, measured);
  return measured;
}

export type WrappedText = {
  lines: string[];
  /** Text was left out to respect maxLines (the last line ends with “…”). */
  truncated: boolean;
  /** The widest line's width. */
  width: number;
};

const ELLIPSIS = '…';

/** The longest start of `line` that fits `maxWidth` together with an ellipsis. */
function withEllipsis(line: string, maxWidth: number, size: number): string {
  let chars = Array.from(line.trimEnd());
  while (chars.length > 0 && textWidth(chars.join('') + ELLIPSIS, size) > maxWidth) chars = chars.slice(0, -1);
  return chars.join('').trimEnd() + ELLIPSIS;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` at `size`: at spaces in Latin text, between
 * characters in Japanese (respecting kinsoku), inside a word only when the word alone is too wide;
 * explicit line breaks are kept, runs of spaces at a line's ends dropped. With `maxLines`, the text
 * beyond is cut and the last line ends with “…”.
 */
export function wrapText(text: string, maxWidth: number, size: number, maxLines = Number.POSITIVE_INFINITY): WrappedText {
  const lines: string[] = [];
  const paragraphs = text.replace(/\r\n?/g, '\n').split('\n');
  let truncated = false;
  outer: for (const paragraph of paragraphs) {
    // The line so far, its width, and the width of the line without its trailing spaces: each
    // piece adds to them (linear in the paragraph, not quadratic in the line's length).
    let line = '';
    let lineUnits = 0;
    let lineTrimmedUnits = 0;
    for (const measured of measuredPieces(paragraph)) {
      const parts =
        unitsWidth(measured.trimmedEnd, size) > maxWidth
          ? splitWide(measured.text, maxWidth, size).map(measuredPiece)
          : [measured];
      for (const piece of parts) {
        if (line && unitsWidth(piece.blank ? lineTrimmedUnits : lineUnits + piece.trimmedEnd, size) > maxWidth) {
          lines.push(line.trimEnd());
          line = '';
          lineUnits = 0;
          lineTrimmedUnits = 0;
          if (lines.length >= maxLines) {
            truncated = true;
            break outer;
          }
        }
        const added = line ? piece.text : piece.startTrimmed;
        const addedUnits = line ? piece.units : piece.startTrimmedUnits;
        if (!piece.blank) lineTrimmedUnits = lineUnits + (line ? piece.trimmedEnd : units(added.trimEnd()));
        line += added;
        lineUnits += addedUnits;
      }
    }
    lines.push(line.trimEnd());
    if (lines.length >= maxLines && paragraph !== paragraphs.at(-1)) {
      truncated = true;
      break;
    }
  }
  if (lines.length > maxLines) {
    lines.length = maxLines;
    truncated = true;
  }
  if (truncated && lines.length > 0) lines[lines.length - 1] = withEllipsis(lines[lines.length - 1]!, maxWidth, size);
  // Trailing empty lines (a text ending in a newline) take room for nothing.
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  const width = Math.max(0, ...lines.map((line) => textWidth(line, size)));
  return { lines, truncated, width };
}

/** One line of text, shortened with “…” when wider than `maxWidth`. */
export function fitLine(text: string, maxWidth: number, size: number): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return textWidth(single, size) <= maxWidth ? single : withEllipsis(single, maxWidth, size);
}
