import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectStreamParser,
  PDFRawStream,
  PDFXRefStreamParser,
  type PDFContext,
} from 'pdf-lib';
import { formatBytes } from './inflate';
import { PdfRefusedError, type PdfRefusal } from './prescan';

/**
 * Ceilings on what pdf-lib inflates while it parses. `PDFDocument.load` decodes each object stream
 * and cross-reference stream as it meets it, through every filter and with no limit (a 1 MB object
 * stream of one deflate layer is 1 GB once inflated). pdf-lib 1.17 has no option for this, so the
 * two parsers it calls for those streams are wrapped, once, where pdf-lib is first used: each
 * stream is decoded here, in chunks, and refused past the ceiling before it is handed on already
 * decoded. pdf-lib catches errors of single objects while parsing (and keeps going), so a refusal
 * is also recorded against the document's context: `refusalOf(doc.context)` tells the caller.
 *
 * The ceilings are far above anything a PDF we print or seal needs (pdf-lib writes 50 objects
 * per stream, Chromium writes none) and bound the memory a hostile file can take to a few
 * hundred megabytes.
 */

/** One object or cross-reference stream, decoded. */
export const MAX_OBJECT_STREAM_BYTES = 16 * 1024 * 1024;
/** All of them in one document. */
export const MAX_OBJECT_STREAMS_TOTAL_BYTES = 128 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

const refusals = new WeakMap<PDFContext, { refusal: PdfRefusal; detail: string }>();
const decodedTotals = new WeakMap<PDFContext, number>();

/** The first refusal met while this context's document was parsed, if any. */
export function refusalOf(context: PDFContext): { refusal: PdfRefusal; detail: string } | undefined {
  return refusals.get(context);
}

function refuse(context: PDFContext, refusal: PdfRefusal, detail: string): never {
  if (!refusals.has(context)) refusals.set(context, { refusal, detail });
  throw new PdfRefusedError(refusal, detail);
}

/** The stream decoded (at most the ceilings), as an unfiltered stream with the same dictionary otherwise. */
function decodedCopy(raw: PDFRawStream): PDFRawStream {
  const { dict } = raw;
  const { context } = dict;
  const filter = dict.lookup(PDFName.of('Filter'));
  if (filter instanceof PDFArray && filter.size() > 1) {
    refuse(context, { code: 'chained-filters', filters: filter.asArray().map(String) }, 'an object stream of the PDF is encoded several times over');
  }
  const stream = decodePDFRawStream(raw);
  const spent = decodedTotals.get(context) ?? 0;
  const ceiling = Math.min(MAX_OBJECT_STREAM_BYTES, MAX_OBJECT_STREAMS_TOTAL_BYTES - spent);
  let total = 0;
  for (;;) {
    const chunk = stream.getBytes(CHUNK_BYTES);
    if (chunk.length === 0) break;
    total += chunk.length;
    if (total > ceiling) {
      const limit = ceiling === MAX_OBJECT_STREAM_BYTES ? MAX_OBJECT_STREAM_BYTES : MAX_OBJECT_STREAMS_TOTAL_BYTES;
      refuse(context, { code: 'stream-too-large', limit }, `an object stream of the PDF decompresses to more than ${formatBytes(limit)}`);
    }
  }
  decodedTotals.set(context, spent + total);
  stream.reset();
  const bytes = Uint8Array.from(stream.getBytes(total));
  const plain = dict.clone(context);
  plain.delete(PDFName.of('Filter'));
  plain.delete(PDFName.of('DecodeParms'));
  plain.set(PDFName.of('Length'), PDFNumber.of(bytes.length));
  return PDFRawStream.of(plain, bytes);
}

function number(dict: PDFDict, key: string): number | undefined {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}

/**
 * pdf-lib reads as many cross-reference entries as /Index (or /Size) declares, past the end of
 * the data if need be: "/Size 1000000000" in a tiny stream is a billion entries in memory.
 */
function checkXRefStream(decoded: PDFRawStream) {
  const { dict } = decoded;
  const { context } = dict;
  const bad: (detail: string) => never = (detail) => refuse(context, { code: 'bad-xref-stream' }, `the cross-reference stream of the PDF ${detail}`);
  const widths = dict.lookup(PDFName.of('W'));
  if (!(widths instanceof PDFArray) || widths.size() > 3) bad('has no valid /W');
  let rowBytes = 0;
  for (let index = 0; index < widths.size(); index++) {
    const width = widths.lookup(index);
    if (!(width instanceof PDFNumber) || !Number.isInteger(width.asNumber()) || width.asNumber() < 0 || width.asNumber() > 8) bad('has no valid /W');
    rowBytes += width.asNumber();
  }
  let entries = 0;
  const index = dict.lookup(PDFName.of('Index'));
  if (index instanceof PDFArray) {
    for (let at = 1; at < index.size(); at += 2) {
      const count = index.lookup(at);
      if (!(count instanceof PDFNumber) || !Number.isInteger(count.asNumber()) || count.asNumber() < 0) bad('has an invalid /Index');
      entries += count.asNumber();
    }
  } else {
    const size = number(dict, 'Size');
    if (size === undefined || !Number.isInteger(size) || size < 0) bad('has no valid /Size');
    entries = size;
  }
  if (entries > 0 && (rowBytes === 0 || entries * rowBytes > decoded.contents.length)) bad(`declares ${entries} entries, more than its data holds`);
}

let installed = false;

/** Wraps pdf-lib's object-stream and cross-reference-stream parsers (once per JavaScript realm). */
export function installPdfLibGuard(): void {
  if (installed) return;
  installed = true;
  const objectStreams = PDFObjectStreamParser.forStream.bind(PDFObjectStreamParser);
  PDFObjectStreamParser.forStream = (raw, shouldWaitForTick) => objectStreams(decodedCopy(raw), shouldWaitForTick);
  const xrefStreams = PDFXRefStreamParser.forStream.bind(PDFXRefStreamParser);
  PDFXRefStreamParser.forStream = (raw) => {
    const decoded = decodedCopy(raw);
    checkXRefStream(decoded);
    return xrefStreams(decoded);
  };
}
