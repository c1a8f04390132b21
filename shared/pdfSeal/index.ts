import {
  AFRelationship,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  ParseSpeeds,
  type PDFObject,
} from 'pdf-lib';
import {
  buildSealJson,
  judgeSealJson,
  MAX_PDF_BYTES,
  MAX_SEAL_JSON_BYTES,
  SEAL_FILE_NAME,
  SEAL_MIME_TYPE,
  type HashFn,
  type KnownVersion,
  type PdfSealRequest,
  type SealProblem,
  type VerifyResult,
} from './contract';
import { installPdfLibGuard, refusalOf } from './guard';
import { formatBytes, inflateCapped } from './inflate';
import { PdfRefusedError, prescanPdf, type PdfRefusal } from './prescan';
import { buildXmp, type XmpFacts } from './xmp';

export * from './contract';
export { MAX_OBJECT_STREAM_BYTES, MAX_OBJECT_STREAMS_TOTAL_BYTES } from './guard';
export { PdfRefusedError, prescanPdf, type PdfRefusal, type PrescanResult } from './prescan';

installPdfLibGuard();

/**
 * Sealing a printed PDF so a manager can file it and later check it: the document's metadata (Info
 * dictionary, XMP packet, /Lang) and the signed content attached as `sla-signed.json`; and reading
 * and verifying such a file. pdf-lib's platform-neutral API only (Uint8Array in and out), so the
 * same code runs in the main process, in tests and in the browser renderer.
 */

// ---------------------------------------------------------------------------------------------
// Sealing.

/** What the seal writes into the Info dictionary and the XMP packet (language: BCP 47, `ja`, `en-US`). */
export type SealMetadata = XmpFacts;

export type SealAttachment = {
  /** Plain ASCII (letters, digits, `._-`): PDF readers show it and save the file under it. */
  readonly fileName: string;
  /** The file's text, normally buildSealJson(…). Must be JSON. */
  readonly json: string;
  readonly description: string;
};

export type SealOptions = SealMetadata & { readonly attachment: SealAttachment };

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
/** Object streams (pdf-lib's default output) need PDF 1.5; /AF is PDF 2.0 but 1.7 readers ignore it. */
const MIN_OUTPUT_VERSION = { major: 1, minor: 7 };

const utf8 = new TextEncoder();

function validDate(date: Date, name: string): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error(`sealPdf: ${name} is not a valid date.`);
  return date;
}

function checkOptions(options: SealOptions): Uint8Array {
  const { attachment } = options;
  if (!FILE_NAME.test(attachment.fileName)) throw new Error(`sealPdf: "${attachment.fileName}" is not a plain file name.`);
  if (!LANGUAGE.test(options.language)) throw new Error(`sealPdf: "${options.language}" is not a language tag.`);
  validDate(options.creationDate, 'creationDate');
  validDate(options.modificationDate, 'modificationDate');
  try {
    JSON.parse(attachment.json);
  } catch {
    throw new Error('sealPdf: the attachment is not JSON.');
  }
  const bytes = utf8.encode(attachment.json);
  if (bytes.byteLength > MAX_SEAL_JSON_BYTES) {
    throw new Error(`sealPdf: the attachment is larger than ${formatBytes(MAX_SEAL_JSON_BYTES)}, which readSeal refuses.`);
  }
  return bytes;
}

/**
 * Sets the metadata and attaches the JSON; returns the new PDF. Deterministic: the same input
 * bytes and options give the same output bytes (dates are the caller's; pdf-lib's own metadata
 * update and empty-form creation are turned off; Chromium writes no /ID and none is invented).
 * Throws for invalid options or a PDF pdf-lib cannot load (our own printer's output: a failure is
 * a bug to report, not a file to guess about).
 */
export async function sealPdf(pdfBytes: Uint8Array, options: SealOptions): Promise<Uint8Array> {
  const jsonBytes = checkOptions(options);
  // The same limits as for a file a user picks: the main process seals without a worker around it.
  const scan = prescanPdf(pdfBytes, { maxPdfBytes: MAX_PDF_BYTES });
  if (!scan.ok) throw new PdfRefusedError(scan.refusal, `sealPdf: ${scan.detail}.`);
  const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const refused = refusalOf(doc.context);
  if (refused) throw new PdfRefusedError(refused.refusal, `sealPdf: ${refused.detail}.`);

  doc.setTitle(options.title);
  doc.setAuthor(options.author);
  doc.setSubject(options.subject);
  // One string, as in the Info dictionary; "a, b" rather than pdf-lib's "a b" keeps multi-word keywords apart.
  doc.setKeywords([options.keywords.join(', ')]);
  doc.setCreator(options.creator);
  doc.setProducer(options.producer);
  doc.setCreationDate(options.creationDate);
  doc.setModificationDate(options.modificationDate);
  doc.setLanguage(options.language);
  // Readers show the title, not the file name, in their title bar (PDF/UA asks for it).
  const preferences = lookup(doc.context, doc.catalog.get(PDFName.of('ViewerPreferences')));
  if (preferences instanceof PDFDict) preferences.set(PDFName.of('DisplayDocTitle'), doc.context.obj(true));
  else doc.catalog.set(PDFName.of('ViewerPreferences'), doc.context.obj({ DisplayDocTitle: true }));

  setXmp(doc, options);
  removeAttachment(doc, options.attachment.fileName);
  await doc.attach(jsonBytes, options.attachment.fileName, {
    mimeType: SEAL_MIME_TYPE,
    description: options.attachment.description,
    creationDate: options.creationDate,
    modificationDate: options.modificationDate,
    afRelationship: AFRelationship.Source,
  });
  raiseVersion(doc);

  return doc.save({ addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

/** sealPdf with what the renderer sends over IPC: builds the seal JSON and the options. */
export function sealOptionsFromRequest(request: PdfSealRequest): SealOptions {
  return {
    title: request.title,
    author: request.author,
    subject: request.subject,
    keywords: request.keywords,
    creator: request.creator,
    producer: request.producer,
    creationDate: new Date(request.creationDate),
    modificationDate: new Date(request.modificationDate),
    language: request.language,
    attachment: {
      fileName: SEAL_FILE_NAME,
      json: buildSealJson({ contentJson: request.contentJson, hash: request.hash, versionId: request.versionId }),
      description: request.attachmentDescription,
    },
  };
}

/**
 * Seals a PDF for a request after checking that the hash really is the hash of the content (a
 * wrong one would make the filed PDF read as "altered" forever).
 */
export async function sealPdfForRequest(pdfBytes: Uint8Array, request: PdfSealRequest, hashFn: HashFn): Promise<Uint8Array> {
  if ((await hashFn(request.contentJson)).toLowerCase() !== request.hash) {
    throw new Error(`The hash given for version ${request.versionId} is not the hash of its content.`);
  }
  return sealPdf(pdfBytes, sealOptionsFromRequest(request));
}

function setXmp(doc: PDFDocument, facts: SealMetadata) {
  const key = PDFName.of('Metadata');
  const previous = doc.catalog.get(key);
  const stream = doc.context.stream(utf8.encode(buildXmp(facts)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(key, doc.context.register(stream));
  // A replaced packet would otherwise still be written out, unreferenced.
  if (previous instanceof PDFRef) doc.context.delete(previous);
}

/** Resealing replaces the attachment rather than adding a second one of the same name. */
function removeAttachment(doc: PDFDocument, fileName: string) {
  const { context } = doc;
  const names = lookup(context, doc.catalog.get(PDFName.of('Names')));
  const tree = names instanceof PDFDict ? lookup(context, names.get(PDFName.of('EmbeddedFiles'))) : undefined;
  const removed = new Set<PDFObject>();
  if (tree instanceof PDFDict) {
    if (tree.has(PDFName.of('Kids')) && findAttachments(doc, fileName).length > 0) {
      throw new Error(`sealPdf: this PDF already has a ${fileName} in a name tree pdf-lib cannot edit.`);
    }
    const flat = lookup(context, tree.get(PDFName.of('Names')));
    if (flat instanceof PDFArray) {
      for (let index = flat.size() - 2; index >= 0; index -= 2) {
        if (textOf(lookup(context, flat.get(index))) === fileName) {
          removed.add(flat.get(index + 1));
          flat.remove(index + 1);
          flat.remove(index);
        }
      }
    }
  }
  const associated = lookup(context, doc.catalog.get(PDFName.of('AF')));
  if (associated instanceof PDFArray) {
    for (let index = associated.size() - 1; index >= 0; index--) {
      const entry = associated.get(index);
      const spec = lookup(context, entry);
      if (removed.has(entry) || (spec instanceof PDFDict && specName(doc, spec) === fileName)) {
        removed.add(entry);
        associated.remove(index);
      }
    }
  }
  // The replaced file specifications and their streams would otherwise still be written out.
  for (const entry of removed) {
    const spec = lookup(context, entry);
    const ef = spec instanceof PDFDict ? lookup(context, spec.get(PDFName.of('EF'))) : undefined;
    if (ef instanceof PDFDict) {
      for (const key of ['F', 'UF']) {
        const stream = ef.get(PDFName.of(key));
        if (stream instanceof PDFRef) context.delete(stream);
      }
    }
    if (entry instanceof PDFRef) context.delete(entry);
  }
}

function raiseVersion(doc: PDFDocument) {
  const match = /%PDF-(\d+)\.(\d+)/.exec(doc.context.header.toString());
  const major = Number(match?.[1] ?? 0);
  const minor = Number(match?.[2] ?? 0);
  if (major < MIN_OUTPUT_VERSION.major || (major === MIN_OUTPUT_VERSION.major && minor < MIN_OUTPUT_VERSION.minor)) {
    doc.context.header = PDFHeader.forVersion(MIN_OUTPUT_VERSION.major, MIN_OUTPUT_VERSION.minor);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading.

export type ReadMetadata = {
  title?: string;
  author?: string;
  subject?: string;
  /** As stored: one string (sealPdf joins the keywords with ", "). */
  keywords?: string;
  creator?: string;
  producer?: string;
  creationDate?: Date;
  modificationDate?: Date;
  language?: string;
};

export type ReadAttachment = {
  fileName: string;
  json: string;
  mimeType?: string;
  description?: string;
  creationDate?: Date;
  modificationDate?: Date;
};

export type ReadSealResult =
  | { ok: true; metadata: ReadMetadata; attachment: ReadAttachment }
  | { ok: false; problem: SealProblem; detail: string; refusal?: PdfRefusal };

export type ReadSealOptions = {
  /** The attachment to read; SEAL_FILE_NAME by default. */
  fileName?: string;
  /** Ceiling on the attachment once decompressed; MAX_SEAL_JSON_BYTES by default. */
  maxJsonBytes?: number;
  /** Larger files are not parsed; MAX_PDF_BYTES by default. */
  maxPdfBytes?: number;
};

/** Name-tree nodes and /AF entries visited at most (a hostile tree cannot keep us walking). */
const MAX_TREE_NODES = 10_000;
const MAX_TREE_DEPTH = 32;
/** The PDF header may follow some junk, but only within the first kilobyte (ISO 32000 § 7.5.2). */
const HEADER_WINDOW = 1024;

function fail(problem: SealProblem, detail: string): ReadSealResult {
  return { ok: false, problem, detail };
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const header = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
  const end = Math.min(bytes.byteLength - header.length, HEADER_WINDOW);
  for (let start = 0; start <= end; start++) {
    if (header.every((byte, index) => bytes[start + index] === byte)) return true;
  }
  return false;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * Finds and decodes the attached seal and the document's metadata. Never throws and never hangs on
 * hostile input (random bytes, truncated files, loops in the object graph, huge declared lengths,
 * PDF bombs): each of those is a problem with a human-readable detail.
 */
export async function readSeal(pdfBytes: Uint8Array, options: ReadSealOptions = {}): Promise<ReadSealResult> {
  const fileName = options.fileName ?? SEAL_FILE_NAME;
  const maxJsonBytes = options.maxJsonBytes ?? MAX_SEAL_JSON_BYTES;
  const maxPdfBytes = options.maxPdfBytes ?? MAX_PDF_BYTES;
  try {
    if (!(pdfBytes instanceof Uint8Array) || !hasPdfHeader(pdfBytes)) return fail('not-pdf', 'the file does not start like a PDF');
    const scan = prescanPdf(pdfBytes, { maxPdfBytes });
    if (!scan.ok) return { ok: false, problem: 'unreadable', detail: scan.detail, refusal: scan.refusal };

    let doc: PDFDocument;
    try {
      doc = await PDFDocument.load(pdfBytes, { ignoreEncryption: true, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    } catch (error) {
      return fail('unreadable', `the PDF cannot be parsed: ${describe(error)}`);
    }
    // pdf-lib skips an object it cannot parse and goes on: one it was not allowed to inflate makes the file unreadable.
    const refused = refusalOf(doc.context);
    if (refused) return { ok: false, problem: 'unreadable', detail: refused.detail, refusal: refused.refusal };
    if (doc.isEncrypted) return fail('encrypted', 'the PDF is encrypted');
    if (!(doc.catalog instanceof PDFDict)) return fail('unreadable', 'the PDF has no document catalog');

    const specs = findAttachments(doc, fileName);
    if (specs.length === 0) return fail('no-attachment', `the PDF has no attached ${fileName}`);

    const read: ReadAttachment[] = [];
    for (const spec of specs) {
      const result = await readAttachment(doc, spec, fileName, maxJsonBytes);
      if (!result.ok) return result;
      read.push(result.attachment);
    }
    const [attachment] = read;
    if (!attachment) return fail('no-attachment', `the PDF has no attached ${fileName}`);
    if (read.some((other) => other.json !== attachment.json)) {
      return fail('ambiguous', `the PDF has ${read.length} different attachments named ${fileName}`);
    }
    return { ok: true, metadata: readMetadata(doc), attachment };
  } catch (error) {
    // pdf-lib throws its own errors (and a stack overflow on absurd nesting) from lazy lookups.
    return fail('unreadable', `the PDF cannot be read: ${describe(error)}`);
  }
}

type Context = PDFDocument['context'];

function lookup(context: Context, object: PDFObject | undefined): PDFObject | undefined {
  return object instanceof PDFRef ? context.lookup(object) : object;
}

function textOf(object: PDFObject | undefined): string | undefined {
  if (object instanceof PDFString || object instanceof PDFHexString) {
    try {
      return object.decodeText();
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function dateOf(object: PDFObject | undefined): Date | undefined {
  if (object instanceof PDFString || object instanceof PDFHexString) {
    try {
      const date = object.decodeDate();
      return Number.isNaN(date.getTime()) ? undefined : date;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function specName(doc: PDFDocument, spec: PDFDict): string | undefined {
  const { context } = doc;
  return textOf(lookup(context, spec.get(PDFName.of('UF')))) ?? textOf(lookup(context, spec.get(PDFName.of('F'))));
}

/**
 * The file specifications named `fileName`: from the EmbeddedFiles name tree (where readers and
 * pdfdetach look) and the catalog's /AF (PDF 2.0 associated files), each once.
 */
function findAttachments(doc: PDFDocument, fileName: string): PDFDict[] {
  const { context } = doc;
  const found: PDFDict[] = [];
  const add = (spec: PDFObject | undefined) => {
    if (spec instanceof PDFDict && !found.includes(spec)) found.push(spec);
  };
  const seen = new Set<PDFObject>();
  let budget = MAX_TREE_NODES;

  const walk = (node: PDFObject | undefined, depth: number) => {
    if (!(node instanceof PDFDict) || seen.has(node) || depth > MAX_TREE_DEPTH || budget-- <= 0) return;
    seen.add(node);
    const names = lookup(context, node.get(PDFName.of('Names')));
    if (names instanceof PDFArray) {
      for (let index = 0; index + 1 < names.size() && budget-- > 0; index += 2) {
        const key = textOf(lookup(context, names.get(index)));
        const spec = lookup(context, names.get(index + 1));
        if (key === fileName || (spec instanceof PDFDict && specName(doc, spec) === fileName)) add(spec);
      }
    }
    const kids = lookup(context, node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) {
      for (let index = 0; index < kids.size(); index++) {
        if (budget <= 0) break;
        walk(lookup(context, kids.get(index)), depth + 1);
      }
    }
  };

  const namesDict = lookup(context, doc.catalog.get(PDFName.of('Names')));
  if (namesDict instanceof PDFDict) walk(lookup(context, namesDict.get(PDFName.of('EmbeddedFiles'))), 0);

  const associated = lookup(context, doc.catalog.get(PDFName.of('AF')));
  if (associated instanceof PDFArray) {
    for (let index = 0; index < associated.size() && budget-- > 0; index++) {
      const spec = lookup(context, associated.get(index));
      if (spec instanceof PDFDict && specName(doc, spec) === fileName) add(spec);
    }
  }
  return found;
}

type AttachmentRead = { ok: true; attachment: ReadAttachment } | { ok: false; problem: SealProblem; detail: string };

async function readAttachment(doc: PDFDocument, spec: PDFDict, fileName: string, maxJsonBytes: number): Promise<AttachmentRead> {
  const { context } = doc;
  const unreadable = (detail: string): AttachmentRead => ({ ok: false, problem: 'unreadable', detail: `the attached ${fileName}: ${detail}` });

  const ef = lookup(context, spec.get(PDFName.of('EF')));
  if (!(ef instanceof PDFDict)) return unreadable('has no embedded file');
  const stream = lookup(context, ef.get(PDFName.of('UF'))) ?? lookup(context, ef.get(PDFName.of('F')));
  if (!(stream instanceof PDFRawStream)) return unreadable('has no embedded file stream');

  const decoded = await decodeStream(context, stream, maxJsonBytes);
  if (!decoded.ok) return unreadable(decoded.detail);

  let json: string;
  try {
    // Exact text: a byte-order mark stays (and then fails the seal's shape), invalid UTF-8 is refused.
    json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(decoded.bytes);
  } catch {
    return unreadable('is not UTF-8 text');
  }

  const subtype = lookup(context, stream.dict.get(PDFName.of('Subtype')));
  const params = lookup(context, stream.dict.get(PDFName.of('Params')));
  const paramsDict = params instanceof PDFDict ? params : undefined;
  return {
    ok: true,
    attachment: {
      fileName,
      json,
      mimeType: subtype instanceof PDFName ? subtype.decodeText() : undefined,
      description: textOf(lookup(context, spec.get(PDFName.of('Desc')))),
      creationDate: dateOf(lookup(context, paramsDict?.get(PDFName.of('CreationDate')))),
      modificationDate: dateOf(lookup(context, paramsDict?.get(PDFName.of('ModDate')))),
    },
  };
}

/** Unfiltered or FlateDecode (without a predictor: what pdf-lib and other writers use for files). */
async function decodeStream(context: Context, stream: PDFRawStream, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; detail: string }> {
  const filterObject = lookup(context, stream.dict.get(PDFName.of('Filter')));
  const filters: string[] = [];
  if (filterObject instanceof PDFName) filters.push(filterObject.decodeText());
  else if (filterObject instanceof PDFArray) {
    for (let index = 0; index < filterObject.size(); index++) {
      const name = lookup(context, filterObject.get(index));
      filters.push(name instanceof PDFName ? name.decodeText() : '?');
    }
  } else if (filterObject !== undefined) return { ok: false, detail: 'has an invalid /Filter' };

  if (filters.length === 0) {
    if (stream.contents.byteLength > maxBytes) return { ok: false, detail: `is larger than ${formatBytes(maxBytes)}` };
    return { ok: true, bytes: stream.contents };
  }
  if (filters.length === 1 && (filters[0] === 'FlateDecode' || filters[0] === 'Fl')) {
    const parms = lookup(context, stream.dict.get(PDFName.of('DecodeParms')));
    if (parms instanceof PDFDict) {
      const predictor = lookup(context, parms.get(PDFName.of('Predictor')));
      if (predictor !== undefined && predictor.toString() !== '1') return { ok: false, detail: 'uses a predictor' };
    }
    return inflateCapped(stream.contents, maxBytes);
  }
  return { ok: false, detail: `is encoded with ${filters.join(' + ')}, which is not supported` };
}

function readMetadata(doc: PDFDocument): ReadMetadata {
  const { context } = doc;
  const info = lookup(context, context.trailerInfo.Info);
  const field = (name: string) => (info instanceof PDFDict ? lookup(context, info.get(PDFName.of(name))) : undefined);
  const metadata: ReadMetadata = {
    title: textOf(field('Title')),
    author: textOf(field('Author')),
    subject: textOf(field('Subject')),
    keywords: textOf(field('Keywords')),
    creator: textOf(field('Creator')),
    producer: textOf(field('Producer')),
    creationDate: dateOf(field('CreationDate')),
    modificationDate: dateOf(field('ModDate')),
    language: textOf(lookup(context, doc.catalog.get(PDFName.of('Lang')))),
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)) as ReadMetadata;
}

// ---------------------------------------------------------------------------------------------
// Verifying.

/**
 * Reads the seal and judges it against the workspace's signed versions (see judgeSealJson for the
 * rules). Hostile files give `unreadable` or `altered`, never an exception; only an exception from
 * `hashFn` itself is passed on.
 *
 * What "matches" proves: the attached content is, byte for byte, the canonical content of that
 * signed version. It does not prove the printed pages were left alone: a PDF carries no secret,
 * and the pages are not compared (see the report: the footer hash is checked by the e2e test with
 * pdftotext, not here).
 */
export async function verifyPdf<V extends KnownVersion>(
  pdfBytes: Uint8Array,
  knownVersions: readonly V[],
  hashFn: HashFn,
  options: ReadSealOptions = {},
): Promise<VerifyResult<V>> {
  const seal = await readSeal(pdfBytes, options);
  if (!seal.ok) {
    switch (seal.problem) {
      case 'no-attachment':
        return { status: 'unknown', reason: 'no-seal', detail: seal.detail };
      case 'ambiguous':
        return { status: 'altered', reason: 'several-seals', detail: seal.detail, claimedVersion: null };
      default:
        return seal.refusal
          ? { status: 'unreadable', problem: seal.problem, detail: seal.detail, refusal: seal.refusal }
          : { status: 'unreadable', problem: seal.problem, detail: seal.detail };
    }
  }
  return judgeSealJson(seal.attachment.json, knownVersions, hashFn);
}
