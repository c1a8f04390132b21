import { formatBytes } from './inflate';

/**
 * A look at the raw bytes of a PDF before pdf-lib parses it. pdf-lib's `PDFDocument.load`
 * inflates every object stream and cross-reference stream it meets, with no ceiling and through
 * any chain of filters: a 2 kB file whose object stream is deflated twice expands to gigabytes and
 * blocks its thread for many seconds. This pass refuses what no PDF we make or verify needs:
 * - a file larger than the ceiling;
 * - a chain of filters on any stream (`/Filter [/FlateDecode /FlateDecode]`): each layer
 *   multiplies the expansion (Chromium and pdf-lib write one filter per stream);
 * - a filter given indirectly (`/Filter 7 0 R`) or through an array entry that is not a name:
 *   the chain would then be invisible here;
 * - a name that spells a structural key in `#xx` escapes (`/Fil#74er`): pdf-lib decodes those, a
 *   byte search would not see them.
 * It is one linear pass over the bytes, needs no pdf-lib, and errs on the side of refusing: a
 * false alarm costs a verdict of "unreadable" on a strange file, a miss costs a frozen app. What
 * it cannot see (how far one layer of deflate expands) is bounded while pdf-lib parses, by the
 * capped decoding in ./guard.ts.
 */

export type PdfRefusal =
  /** The file is larger than `limit` bytes. */
  | { code: 'file-too-large'; limit: number }
  /** A stream is encoded with several filters in a row. */
  | { code: 'chained-filters'; filters: string[] }
  /** A stream's filter is hidden: an indirect reference, an escaped name, an array of non-names. */
  | { code: 'hidden-filter' }
  /** An object or cross-reference stream decompresses to more than `limit` bytes (see ./guard.ts). */
  | { code: 'stream-too-large'; limit: number }
  /** A cross-reference stream declares more entries than its data holds (see ./guard.ts). */
  | { code: 'bad-xref-stream' }
  /** Reading took longer than its time budget and was stopped (the renderer's PDF worker). */
  | { code: 'too-slow'; seconds: number }
  /** The PDF worker itself failed (ran out of memory, crashed) while reading the file. */
  | { code: 'reader-failed' };

/** A PDF refused as hostile or oversized (`refusal` says why); sealPdf throws it. */
export class PdfRefusedError extends Error {
  constructor(
    readonly refusal: PdfRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'PdfRefusedError';
  }
}

export type PrescanResult = { ok: true } | { ok: false; refusal: PdfRefusal; detail: string };

/** Keys and names whose escaped spelling can only be meant to get past a byte search. */
const STRUCTURAL_NAMES = new Set([
  'Filter',
  'DecodeParms',
  'Type',
  'ObjStm',
  'XRef',
  'Length',
  'FlateDecode',
  'Fl',
  'LZWDecode',
  'LZW',
  'RunLengthDecode',
  'RL',
  'ASCII85Decode',
  'A85',
  'ASCIIHexDecode',
  'AHx',
  'N',
  'First',
  'W',
  'Index',
  'Size',
]);

const SLASH = 0x2f;
const HASH = 0x23;

/** PDF white space (ISO 32000 § 7.2.2). */
function isWhite(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

/** PDF delimiters: ( ) < > [ ] { } / % */
function isDelimiter(byte: number): boolean {
  return byte === 0x28 || byte === 0x29 || byte === 0x3c || byte === 0x3e || byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d || byte === 0x2f || byte === 0x25;
}

function isRegular(byte: number | undefined): byte is number {
  return byte !== undefined && !isWhite(byte) && !isDelimiter(byte);
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/** A name token starting at `start` (the byte after "/"): its decoded text, whether it had escapes, and where it ends. */
function readName(bytes: Uint8Array, start: number): { name: string; escaped: boolean; end: number } {
  let name = '';
  let escaped = false;
  let index = start;
  // Names are at most 127 bytes (Annex C); reading a little past that is enough to judge one.
  const limit = Math.min(bytes.length, start + 256);
  while (index < limit && isRegular(bytes[index])) {
    const byte = bytes[index]!;
    if (byte === HASH && index + 2 < bytes.length && hexValue(bytes[index + 1]!) >= 0 && hexValue(bytes[index + 2]!) >= 0) {
      name += String.fromCharCode(hexValue(bytes[index + 1]!) * 16 + hexValue(bytes[index + 2]!));
      escaped = true;
      index += 3;
    } else {
      name += String.fromCharCode(byte);
      index++;
    }
  }
  return { name, escaped, end: index };
}

/** Skips white space and comments from `index`. */
function skipBlank(bytes: Uint8Array, index: number): number {
  let at = index;
  for (;;) {
    while (at < bytes.length && isWhite(bytes[at]!)) at++;
    if (bytes[at] !== 0x25) return at;
    while (at < bytes.length && bytes[at] !== 0x0a && bytes[at] !== 0x0d) at++;
  }
}

type FilterValue = { kind: 'names'; names: string[] } | { kind: 'hidden' } | { kind: 'other' };

/** The value after a /Filter key: a name, an array of names, or something that hides them. */
function readFilterValue(bytes: Uint8Array, start: number): FilterValue {
  let at = skipBlank(bytes, start);
  const byte = bytes[at];
  if (byte === SLASH) {
    const name = readName(bytes, at + 1);
    return { kind: 'names', names: [name.name] };
  }
  // "7 0 R": an indirect filter, resolved by pdf-lib, invisible here.
  if (byte !== undefined && byte >= 0x30 && byte <= 0x39) return { kind: 'hidden' };
  if (byte !== 0x5b) return { kind: 'other' };
  const names: string[] = [];
  at++;
  // A filter array is short; a long one is no filter array anyone writes.
  for (let count = 0; count < 64; count++) {
    at = skipBlank(bytes, at);
    if (at >= bytes.length) return { kind: 'hidden' };
    if (bytes[at] === 0x5d) return { kind: 'names', names };
    if (bytes[at] !== SLASH) return { kind: 'hidden' };
    const name = readName(bytes, at + 1);
    names.push(name.name);
    at = name.end;
  }
  return { kind: 'hidden' };
}

/**
 * One pass over the bytes (see the file comment). `maxPdfBytes`: larger files are refused without
 * being read.
 */
export function prescanPdf(bytes: Uint8Array, options: { maxPdfBytes: number }): PrescanResult {
  if (bytes.byteLength > options.maxPdfBytes) {
    return { ok: false, refusal: { code: 'file-too-large', limit: options.maxPdfBytes }, detail: `the file is larger than ${formatBytes(options.maxPdfBytes)}` };
  }
  let index = bytes.indexOf(SLASH);
  while (index >= 0) {
    const { name, escaped, end } = readName(bytes, index + 1);
    if (escaped && STRUCTURAL_NAMES.has(name)) {
      return { ok: false, refusal: { code: 'hidden-filter' }, detail: `the PDF spells the name /${name} in escapes, which only serves to hide it` };
    }
    if (name === 'Filter') {
      // The value's names are looked at again by this loop (an escaped filter name is refused too).
      const value = readFilterValue(bytes, end);
      if (value.kind === 'hidden') return { ok: false, refusal: { code: 'hidden-filter' }, detail: 'a stream of the PDF names its filter indirectly' };
      if (value.kind === 'names' && value.names.length > 1) {
        return {
          ok: false,
          refusal: { code: 'chained-filters', filters: value.names },
          detail: `a stream of the PDF is encoded several times over (${value.names.join(' + ')})`,
        };
      }
    }
    index = bytes.indexOf(SLASH, Math.max(end, index + 1));
  }
  return { ok: true };
}
