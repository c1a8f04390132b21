import { createHash, randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFRawStream, StandardFonts, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  buildSealJson,
  MAX_SEAL_JSON_BYTES,
  parseSealJson,
  readSeal,
  SEAL_FILE_NAME,
  sealOptionsFromRequest,
  sealPdf,
  sealPdfForRequest,
  verifyPdf,
  PdfSealRequest,
  type KnownVersion,
  type SealOptions,
} from '../../shared/pdfSeal';

/**
 * The seal of a filed SLA PDF on PDFs made by pdf-lib in the test (fast, and free to be made
 * hostile); pdfSealChromium.test.ts does the same on real Chromium output checked with poppler.
 */

const sha256: (text: string) => Promise<string> = async (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Sorted keys, no whitespace: a stand-in for the shared canonical-JSON module. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const CONTENT = {
  title: 'Marketing × Sales SLA',
  revision: 3,
  sections: [
    { id: 'purpose', text: 'マーケティングと営業の合意 — who does what at the hand-off.' },
    { id: 'commitments', text: 'Marketing delivers ≥ 120 MQL per month; sales contacts each within 4 h.' },
  ],
  signers: [
    { name: '佐藤 花子', title: 'Head of Marketing' },
    { name: 'John Smith', title: 'Head of Sales' },
  ],
};
const CONTENT_JSON = canonical(CONTENT);
const HASH = createHash('sha256').update(CONTENT_JSON, 'utf8').digest('hex');
const VERSION_ID = 'sla-v3';
const SEAL_JSON = buildSealJson({ contentJson: CONTENT_JSON, hash: HASH, versionId: VERSION_ID });

const KNOWN: KnownVersion[] = [
  { versionId: 'sla-v2', hash: 'a'.repeat(64), signedAt: '2026-03-01T09:00:00Z', signers: [{ name: 'A', title: 'B' }] },
  { versionId: VERSION_ID, hash: HASH, signedAt: '2026-04-01T09:00:00Z', signers: CONTENT.signers },
];

const CREATED = new Date('2026-04-02T08:30:00Z');
const MODIFIED = new Date('2026-04-02T08:31:15Z');

function sealOptions(overrides: Partial<SealOptions> = {}): SealOptions {
  return {
    title: 'Service Level Agreement — Marketing × Sales (v3)',
    author: '佐藤 花子, John Smith',
    subject: 'SLA between marketing and sales, version 3',
    keywords: ['SLA', 'marketing', 'sales', `sha256:${HASH}`],
    creator: 'Alignboard 0.1.0',
    producer: 'Alignboard 0.1.0 (Chromium, pdf-lib)',
    creationDate: CREATED,
    modificationDate: MODIFIED,
    language: 'ja',
    attachment: { fileName: SEAL_FILE_NAME, json: SEAL_JSON, description: 'Signed SLA content (canonical JSON) and its SHA-256' },
    ...overrides,
  };
}

/** A plain document with some text on each page, the hash in a footer. */
async function makePdf(pages = 3): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < pages; index++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let line = 0; line < 40; line++) {
      page.drawText(`Section ${index + 1}.${line + 1}: marketing commits to 120 MQL per month`, { x: 50, y: 780 - line * 18, size: 11, font });
    }
    page.drawText(`v3 · ${HASH}    ${index + 1} / ${pages}`, { x: 50, y: 30, size: 7, font });
  }
  return doc.save({ addDefaultPage: false });
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** Where the data of the (first) embedded file stream lies in the file's bytes. */
function embeddedStreamRange(bytes: Uint8Array): { start: number; end: number } {
  const text = latin1(bytes);
  const dict = text.indexOf('/Type /EmbeddedFile');
  expect(dict).toBeGreaterThan(0);
  const start = text.indexOf('stream\n', dict) + 'stream\n'.length;
  const end = text.indexOf('\nendstream', start);
  expect(end).toBeGreaterThan(start);
  return { start, end };
}

/** Re-attaches other JSON under the seal's name, keeping the metadata: a forger's re-save. */
async function reembed(sealed: Uint8Array, json: string): Promise<Uint8Array> {
  return sealPdf(sealed, sealOptions({ attachment: { fileName: SEAL_FILE_NAME, json, description: 'x' } }));
}

/** A PDF whose attachment named sla-signed.json has this stream (any dict, any bytes). */
async function pdfWithRawAttachment(contents: Uint8Array, dict: Record<string, unknown>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makePdf(1), { updateMetadata: false });
  const streamRef = doc.context.register(doc.context.stream(contents, { Type: 'EmbeddedFile', ...dict }));
  const spec = doc.context.register(doc.context.obj({ Type: 'Filespec', F: PDFHexString.fromText(SEAL_FILE_NAME), EF: { F: streamRef } }));
  doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: { Names: [PDFHexString.fromText(SEAL_FILE_NAME), spec] } }));
  return doc.save({ addDefaultPage: false });
}

describe('the seal JSON contract', () => {
  it('is {"content":C,"hash":H,"versionId":V} with C verbatim, and reads back', () => {
    expect(SEAL_JSON).toBe(`{"content":${CONTENT_JSON},"hash":"${HASH}","versionId":"sla-v3"}`);
    expect(canonical(JSON.parse(SEAL_JSON))).toBe(SEAL_JSON); // itself canonical
    expect(parseSealJson(SEAL_JSON)).toEqual({ ok: true, envelope: { contentJson: CONTENT_JSON, hash: HASH, versionId: VERSION_ID } });
  });

  it('refuses anything but the exact shape', () => {
    const variants = [
      'not json',
      '[]',
      `{"hash":"${HASH}","content":${CONTENT_JSON},"versionId":"v"}`, // reordered
      `{"content": ${CONTENT_JSON},"hash":"${HASH}","versionId":"v"}`, // whitespace
      `{"content":${CONTENT_JSON},"hash":"${HASH}","versionId":"v","x":1}`, // extra field
      `{"content":${CONTENT_JSON},"hash":"${HASH.toUpperCase()}","versionId":"v"}`,
      `{"content":${CONTENT_JSON},"hash":"${HASH}","versionId":""}`,
      // A duplicate "hash": JSON.parse keeps the last one, the content text would swallow the first.
      `{"content":1,"hash":"${'b'.repeat(64)}","hash":"${HASH}","versionId":"v"}`,
      `\uFEFF${SEAL_JSON}`,
    ];
    expect(variants.filter((text) => parseSealJson(text).ok)).toEqual([]);
  });

  it('buildSealJson refuses a malformed hash, an empty id or content that is not JSON', () => {
    expect(() => buildSealJson({ contentJson: CONTENT_JSON, hash: 'abc', versionId: 'v' })).toThrow(/64/);
    expect(() => buildSealJson({ contentJson: CONTENT_JSON, hash: HASH, versionId: '' })).toThrow(/id/);
    expect(() => buildSealJson({ contentJson: '{', hash: HASH, versionId: 'v' })).toThrow(/JSON/);
  });
});

describe('sealPdf and readSeal', () => {
  it('sets the Info metadata, /Lang, XMP, and attaches the JSON as application/json with dates', async () => {
    const sealed = await sealPdf(await makePdf(), sealOptions());
    const result = await readSeal(sealed);
    if (!result.ok) throw new Error(`${result.problem}: ${result.detail}`);
    expect(result.metadata).toEqual({
      title: 'Service Level Agreement — Marketing × Sales (v3)',
      author: '佐藤 花子, John Smith',
      subject: 'SLA between marketing and sales, version 3',
      keywords: `SLA, marketing, sales, sha256:${HASH}`,
      creator: 'Alignboard 0.1.0',
      producer: 'Alignboard 0.1.0 (Chromium, pdf-lib)',
      creationDate: CREATED,
      modificationDate: MODIFIED,
      language: 'ja',
    });
    expect(result.attachment).toEqual({
      fileName: SEAL_FILE_NAME,
      json: SEAL_JSON,
      mimeType: 'application/json',
      description: 'Signed SLA content (canonical JSON) and its SHA-256',
      creationDate: CREATED,
      modificationDate: MODIFIED,
    });

    const doc = await PDFDocument.load(sealed, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(3);
    expect(doc.context.header.toString()).toMatch(/^%PDF-1\.7/);
    const xmpRef = doc.catalog.get(PDFName.of('Metadata')) as PDFRef;
    const xmpStream = doc.context.lookup(xmpRef);
    if (!(xmpStream instanceof PDFRawStream)) throw new Error('no XMP stream');
    const xmp = new TextDecoder().decode(xmpStream.contents);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Service Level Agreement — Marketing × Sales (v3)</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2026-04-02T08:30:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<dc:creator><rdf:Seq><rdf:li>佐藤 花子, John Smith</rdf:li></rdf:Seq></dc:creator>');
    expect(xmp).toContain(`<dc:subject><rdf:Bag><rdf:li>SLA</rdf:li><rdf:li>marketing</rdf:li><rdf:li>sales</rdf:li><rdf:li>sha256:${HASH}</rdf:li></rdf:Bag></dc:subject>`);
    // No empty AcroForm added by pdf-lib's save.
    expect(doc.catalog.has(PDFName.of('AcroForm'))).toBe(false);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const pdf = await makePdf();
    const first = await sealPdf(pdf, sealOptions());
    const second = await sealPdf(pdf, sealOptions());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // And different dates give different bytes (nothing is cached).
    const third = await sealPdf(pdf, sealOptions({ modificationDate: new Date('2026-04-03T00:00:00Z') }));
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(false);
  });

  it('resealing replaces the attachment instead of adding a second one', async () => {
    const once = await sealPdf(await makePdf(), sealOptions());
    const twice = await sealPdf(once, sealOptions({ title: 'Renamed' }));
    const result = await readSeal(twice);
    expect(result.ok && result.metadata.title).toBe('Renamed');
    expect(latin1(twice).match(/\/Type \/EmbeddedFile/g)).toHaveLength(1);
    const doc = await PDFDocument.load(twice, { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('AF'))?.toString()).toMatch(/^\[ \d+ 0 R \]$/);
  });

  it('refuses options it could not write faithfully', async () => {
    const pdf = await makePdf(1);
    await expect(sealPdf(pdf, sealOptions({ language: 'ja) /Evil (' }))).rejects.toThrow(/language/);
    await expect(sealPdf(pdf, sealOptions({ attachment: { fileName: 'a b(c).json', json: '{}', description: '' } }))).rejects.toThrow(/file name/);
    await expect(sealPdf(pdf, sealOptions({ attachment: { fileName: 'x.json', json: '{', description: '' } }))).rejects.toThrow(/JSON/);
    await expect(sealPdf(pdf, sealOptions({ creationDate: new Date('nope') }))).rejects.toThrow(/date/);
  });

  it('seals ten pages without fuss (timing printed, not asserted)', async () => {
    const pdf = await makePdf(10);
    const started = performance.now();
    const sealed = await sealPdf(pdf, sealOptions());
    const sealMs = performance.now() - started;
    const readStarted = performance.now();
    expect((await readSeal(sealed)).ok).toBe(true);
    console.info(`pdf-lib 10 pages (${pdf.byteLength} bytes): seal ${sealMs.toFixed(1)} ms, read ${(performance.now() - readStarted).toFixed(1)} ms`);
  });
});

describe('sealing from an export request', () => {
  const request: PdfSealRequest = {
    title: 'SLA v3',
    author: 'A, B',
    subject: 'SLA',
    keywords: ['SLA'],
    creator: 'Alignboard',
    producer: 'Alignboard',
    creationDate: CREATED.toISOString(),
    modificationDate: MODIFIED.toISOString(),
    language: 'en-US',
    versionId: VERSION_ID,
    contentJson: CONTENT_JSON,
    hash: HASH,
    attachmentDescription: 'Signed SLA',
  };

  it('validates with the schema and builds the seal JSON', async () => {
    expect(PdfSealRequest.parse(request)).toEqual(request);
    expect(PdfSealRequest.safeParse({ ...request, hash: 'x' }).success).toBe(false);
    expect(PdfSealRequest.safeParse({ ...request, creationDate: 'yesterday' }).success).toBe(false);
    expect(sealOptionsFromRequest(request).attachment.json).toBe(SEAL_JSON);
    const sealed = await sealPdfForRequest(await makePdf(1), request, sha256);
    expect(await verifyPdf(sealed, KNOWN, sha256)).toEqual({ status: 'matches', version: KNOWN[1] });
  });

  it('refuses a hash that is not the hash of the content', async () => {
    await expect(sealPdfForRequest(await makePdf(1), { ...request, hash: 'c'.repeat(64) }, sha256)).rejects.toThrow(/not the hash/);
  });
});

describe('verifyPdf', () => {
  it('matches an untouched sealed PDF, naming the version', async () => {
    const sealed = await sealPdf(await makePdf(), sealOptions());
    const result = await verifyPdf(sealed, KNOWN, sha256);
    expect(result).toEqual({ status: 'matches', version: KNOWN[1] });
  });

  it('says altered when one byte of the embedded content changed (re-embedded, hash kept)', async () => {
    const sealed = await sealPdf(await makePdf(), sealOptions());
    const tampered = SEAL_JSON.replace('120 MQL', '100 MQL');
    expect(tampered.length).toBe(SEAL_JSON.length);
    const result = await verifyPdf(await reembed(sealed, tampered), KNOWN, sha256);
    expect(result).toMatchObject({ status: 'altered', reason: 'hash-mismatch', claimedVersion: KNOWN[1] });
  });

  it('says altered when the content changed and the hash was recomputed to match it', async () => {
    const sealed = await sealPdf(await makePdf(), sealOptions());
    const forgedContent = CONTENT_JSON.replace('120 MQL', '100 MQL');
    const forged = buildSealJson({ contentJson: forgedContent, hash: await sha256(forgedContent), versionId: VERSION_ID });
    const result = await verifyPdf(await reembed(sealed, forged), KNOWN, sha256);
    expect(result).toMatchObject({ status: 'altered', reason: 'differs-from-signed-version', claimedVersion: KNOWN[1] });
  });

  it('says altered for a seal that is not in the contract shape', async () => {
    const sealed = await reembed(await makePdf(), JSON.stringify({ hash: HASH, content: CONTENT, versionId: VERSION_ID }, null, 2));
    expect(await verifyPdf(sealed, KNOWN, sha256)).toMatchObject({ status: 'altered', reason: 'malformed-seal' });
  });

  it('says unknown for a consistent seal of a version this workspace does not know', async () => {
    const sealed = await sealPdf(await makePdf(), sealOptions());
    expect(await verifyPdf(sealed, [KNOWN[0]!], sha256)).toMatchObject({ status: 'unknown', reason: 'not-a-known-version' });
    expect(await verifyPdf(sealed, [], sha256)).toMatchObject({ status: 'unknown', reason: 'not-a-known-version' });
  });

  it('matches by hash when the version id in the file is not the one signed (content is what counts)', async () => {
    const sealed = await reembed(await makePdf(), buildSealJson({ contentJson: CONTENT_JSON, hash: HASH, versionId: 'renamed' }));
    expect(await verifyPdf(sealed, KNOWN, sha256)).toEqual({ status: 'matches', version: KNOWN[1] });
  });

  it('says unknown for a PDF that was not sealed by us', async () => {
    expect(await verifyPdf(await makePdf(), KNOWN, sha256)).toMatchObject({ status: 'unknown', reason: 'no-seal' });
    const doc = await PDFDocument.load(await makePdf(1));
    await doc.attach(new TextEncoder().encode('{"a":1}'), 'other.json', { mimeType: 'application/json' });
    expect(await verifyPdf(await doc.save(), KNOWN, sha256)).toMatchObject({ status: 'unknown', reason: 'no-seal' });
  });

  it('flipping any byte of the compressed attachment stream never gives matches, never throws', async () => {
    const sealed = await sealPdf(await makePdf(1), sealOptions());
    const { start, end } = embeddedStreamRange(sealed);
    const statuses = new Map<string, number>();
    for (let offset = start; offset < end; offset++) {
      const copy = sealed.slice();
      copy[offset] = copy[offset]! ^ 0x01;
      const result = await verifyPdf(copy, KNOWN, sha256);
      const key = result.status === 'altered' ? `altered:${result.reason}` : result.status === 'unreadable' ? `unreadable:${result.problem}` : result.status;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    expect(statuses.has('matches')).toBe(false);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(end - start);
    console.info('flipped attachment bytes →', Object.fromEntries(statuses));
  });

  it('finds the seal in a nested name tree (/Kids) and in /AF alone', async () => {
    const doc = await PDFDocument.load(await makePdf(1), { updateMetadata: false });
    const stream = doc.context.register(doc.context.flateStream(new TextEncoder().encode(SEAL_JSON), { Type: 'EmbeddedFile' }));
    const spec = doc.context.register(doc.context.obj({ Type: 'Filespec', UF: PDFHexString.fromText(SEAL_FILE_NAME), EF: { F: stream } }));
    const leaf = doc.context.register(doc.context.obj({ Names: [PDFHexString.fromText(SEAL_FILE_NAME), spec], Limits: [PDFHexString.fromText('a'), PDFHexString.fromText('z')] }));
    doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: { Kids: [leaf] } }));
    expect(await verifyPdf(await doc.save(), KNOWN, sha256)).toEqual({ status: 'matches', version: KNOWN[1] });

    doc.catalog.delete(PDFName.of('Names'));
    doc.catalog.set(PDFName.of('AF'), doc.context.obj([spec]));
    expect(await verifyPdf(await doc.save(), KNOWN, sha256)).toEqual({ status: 'matches', version: KNOWN[1] });
  });

  it('reads an uncompressed attachment too', async () => {
    const pdf = await pdfWithRawAttachment(new TextEncoder().encode(SEAL_JSON), {});
    expect(await verifyPdf(pdf, KNOWN, sha256)).toEqual({ status: 'matches', version: KNOWN[1] });
  });

  it('says altered when two different seals are attached', async () => {
    const sealed = await sealPdf(await makePdf(1), sealOptions());
    const doc = await PDFDocument.load(sealed, { updateMetadata: false });
    await doc.attach(new TextEncoder().encode(SEAL_JSON.replace('120', '999')), SEAL_FILE_NAME, { mimeType: 'application/json' });
    const result = await verifyPdf(await doc.save(), KNOWN, sha256);
    expect(result).toMatchObject({ status: 'altered', reason: 'several-seals' });
  });
});

describe('hostile input: a problem, never an exception or a hang', () => {
  const expectUnreadable = async (bytes: Uint8Array, problem: string, detail?: RegExp) => {
    const result = await readSeal(bytes);
    expect(result).toMatchObject({ ok: false, problem });
    expect(result.ok ? '' : result.detail).toMatch(detail ?? /./);
    expect((await verifyPdf(bytes, KNOWN, sha256)).status).not.toBe('matches');
  };

  it('random bytes, empty input and text are not PDFs', async () => {
    await expectUnreadable(new Uint8Array(randomBytes(4096)), 'not-pdf');
    await expectUnreadable(new Uint8Array(), 'not-pdf');
    await expectUnreadable(new TextEncoder().encode('hello, this is not a PDF'), 'not-pdf');
    expect(await verifyPdf(new Uint8Array(randomBytes(100)), KNOWN, sha256)).toMatchObject({ status: 'unreadable', problem: 'not-pdf' });
  });

  it('a PDF header followed by garbage is unreadable', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...randomBytes(20_000)]);
    const result = await readSeal(bytes);
    expect(['unreadable', 'no-attachment']).toContain(result.ok ? 'ok' : result.problem);
  });

  it('every truncation of a sealed PDF gives a result, never matches unless the seal survived intact', async () => {
    const sealed = await sealPdf(await makePdf(1), sealOptions());
    const { end } = embeddedStreamRange(sealed);
    const step = Math.max(1, Math.floor(sealed.byteLength / 150));
    const matchedAt: number[] = [];
    for (let length = 0; length < sealed.byteLength; length += step) {
      const result = await verifyPdf(sealed.slice(0, length), KNOWN, sha256);
      if (result.status === 'matches') matchedAt.push(length);
    }
    // pdf-lib recovers objects without an xref: a cut after the whole attachment may still match.
    expect(matchedAt.filter((length) => length < end)).toEqual([]);
  });

  it('a PDF bomb stops at the ceiling (20 MB) with a problem', async () => {
    const bomb = deflateSync(Buffer.alloc(MAX_SEAL_JSON_BYTES + 5 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.byteLength).toBeLessThan(100_000);
    const pdf = await pdfWithRawAttachment(new Uint8Array(bomb), { Filter: 'FlateDecode' });
    const started = performance.now();
    await expectUnreadable(pdf, 'unreadable', /more than 20 MB/);
    console.info(`bomb refused in ${(performance.now() - started).toFixed(0)} ms`);
  });

  it('a damaged or truncated deflate stream is unreadable', async () => {
    const good = deflateSync(Buffer.from(SEAL_JSON));
    await expectUnreadable(await pdfWithRawAttachment(new Uint8Array(good.subarray(0, good.length - 6)), { Filter: 'FlateDecode' }), 'unreadable', /damaged/);
    const badChecksum = new Uint8Array(good);
    badChecksum[badChecksum.length - 1]! ^= 0xff;
    await expectUnreadable(await pdfWithRawAttachment(badChecksum, { Filter: 'FlateDecode' }), 'unreadable', /damaged/);
  });

  it('unsupported filters, predictors and non-UTF-8 text are unreadable', async () => {
    await expectUnreadable(await pdfWithRawAttachment(new TextEncoder().encode('7B7D>'), { Filter: 'ASCIIHexDecode' }), 'unreadable', /ASCIIHexDecode/);
    await expectUnreadable(
      await pdfWithRawAttachment(new Uint8Array(deflateSync(Buffer.from('{}'))), { Filter: 'FlateDecode', DecodeParms: { Predictor: 12 } }),
      'unreadable',
      /predictor/,
    );
    await expectUnreadable(await pdfWithRawAttachment(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), {}), 'unreadable', /UTF-8/);
  });

  it('a huge declared /Length is survived', async () => {
    const sealed = await sealPdf(await makePdf(1), sealOptions());
    const text = latin1(sealed);
    const dict = text.indexOf('/Type /EmbeddedFile');
    const lengthAt = text.indexOf('/Length ', dict);
    const lengthEnd = text.indexOf('\n', lengthAt);
    const patched = text.slice(0, lengthAt) + '/Length 99999999999999' + text.slice(lengthEnd);
    const result = await verifyPdf(new Uint8Array(Buffer.from(patched, 'latin1')), KNOWN, sha256);
    // pdf-lib falls back to scanning for "endstream": the data is intact, so this still matches.
    expect(['matches', 'unreadable', 'altered']).toContain(result.status);
  });

  it('an encrypted PDF is reported as such', async () => {
    const doc = await PDFDocument.load(await sealPdf(await makePdf(1), sealOptions()), { updateMetadata: false });
    doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -4 });
    await expectUnreadable(await doc.save({ useObjectStreams: false }), 'encrypted');
  });

  it('a looping name tree and absurd nesting neither hang nor throw', async () => {
    const doc = await PDFDocument.load(await makePdf(1), { updateMetadata: false });
    const loopRef = doc.context.nextRef();
    doc.context.assign(loopRef, doc.context.obj({ Kids: [loopRef, loopRef] }));
    doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: loopRef }));
    await expectUnreadable(await doc.save(), 'no-attachment');

    const deep = `%PDF-1.7\n1 0 obj\n${'['.repeat(200_000)}\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`;
    const result = await readSeal(new TextEncoder().encode(deep));
    expect(result.ok).toBe(false);
  });

  it('a file of "stream" keywords without ends is not quadratic', async () => {
    const text = `%PDF-1.7\n${'1 0 obj\n<< /Length 5 >>\nstream\n'.repeat(20_000)}`;
    const started = performance.now();
    const result = await readSeal(new TextEncoder().encode(text));
    expect(result.ok).toBe(false);
    console.info(`unterminated streams (${text.length} bytes): ${(performance.now() - started).toFixed(0)} ms`);
  });

  it('a file larger than the ceiling is not parsed', async () => {
    const result = await readSeal(await makePdf(1), { maxPdfBytes: 100 });
    expect(result).toMatchObject({ ok: false, problem: 'unreadable' });
  });
});
