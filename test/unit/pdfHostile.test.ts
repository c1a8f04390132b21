import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  MAX_OBJECT_STREAM_BYTES,
  MAX_OBJECT_STREAMS_TOTAL_BYTES,
  PdfRefusedError,
  prescanPdf,
  readSeal,
  sealPdf,
  sealPdfForRequest,
  verifyPdf,
  type PdfSealRequest,
} from '../../shared/pdfSeal';
import { sha256Hex } from '../../shared/sla/canonical';
import { doublyDeflatedBomb, pdfWithObjects, pdfWithObjectStream, singlyDeflatedBomb, streamObject, zerosZlib } from '../fixtures/pdf/hostile';

/**
 * Hostile PDFs (issue 13, item 1): pdf-lib's PDFDocument.load inflates object streams without a
 * ceiling, so a 2 kB file froze the Verify page for 14 s and took 2 GB. shared/pdfSeal refuses
 * chained or hidden filters before pdf-lib runs (prescanPdf) and caps what pdf-lib inflates while
 * it parses (guard.ts); readSeal / verifyPdf / sealPdf apply both, in the worker and in Electron's
 * main process alike.
 */

const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
/** Tests that inflate up to the ceilings (16–128 MB through pdf-lib's JavaScript inflate): a guard against hangs, not a speed target. */
const INFLATING_MS = 60_000;
const LIMITS = { maxPdfBytes: 1024 * 1024 };

async function ordinaryPdf(useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let page = 0; page < 3; page++) doc.addPage().drawText(`page ${page + 1}`, { font, x: 50, y: 700 });
  return doc.save({ useObjectStreams });
}

async function request(): Promise<PdfSealRequest> {
  const contentJson = '{"title":"SLA"}';
  return {
    title: 'SLA',
    author: 'A, B',
    subject: 'Service level agreement',
    keywords: ['SLA'],
    creator: 'Alignboard',
    producer: 'Alignboard',
    creationDate: '2026-01-01T00:00:00.000Z',
    modificationDate: '2026-01-01T00:00:00.000Z',
    language: 'en',
    versionId: 'v1',
    contentJson,
    hash: await sha256Hex(contentJson),
    attachmentDescription: 'Signed SLA content',
  };
}

describe('prescanPdf', () => {
  it('passes ordinary PDFs, with and without object streams, and sealed ones', async () => {
    expect(prescanPdf(await ordinaryPdf(true), LIMITS)).toEqual({ ok: true });
    expect(prescanPdf(await ordinaryPdf(false), LIMITS)).toEqual({ ok: true });
    expect(prescanPdf(await sealPdfForRequest(await ordinaryPdf(true), await request(), sha256Hex), LIMITS)).toEqual({ ok: true });
    // One filter in an array, and escapes in names that are not structural (font names have them).
    expect(prescanPdf(latin1('%PDF-1.7\n1 0 obj\n<< /Filter [/FlateDecode] /BaseFont /Noto#20Sans >>\nendobj\n'), LIMITS)).toEqual({ ok: true });
  });

  it.each([
    ['[/FlateDecode /FlateDecode]', ['FlateDecode', 'FlateDecode']],
    ['[/Fl/Fl/Fl]', ['Fl', 'Fl', 'Fl']],
    ['[ % a comment\n /ASCIIHexDecode\r\n/LZWDecode ]', ['ASCIIHexDecode', 'LZWDecode']],
  ])('refuses chained filters %j', (filter, filters) => {
    const result = prescanPdf(pdfWithObjectStream(new Uint8Array(8), filter), LIMITS);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'chained-filters', filters } });
  });

  it.each([
    ['an indirect filter', '/Filter 9 0 R'],
    ['an indirect entry of a filter array', '/Filter [/FlateDecode 9 0 R]'],
    ['an escaped /Filter key', '/Fil#74er [/FlateDecode /FlateDecode]'],
    ['an escaped filter name', '/Filter /Flate#44ecode'],
    ['an escaped /Type', '/Type /Obj#53tm'],
  ])('refuses %s', (_, dict) => {
    const pdf = pdfWithObjects([streamObject(`/N 1 /First 4 ${dict}`, new Uint8Array(8))]);
    expect(prescanPdf(pdf, LIMITS)).toMatchObject({ ok: false, refusal: { code: 'hidden-filter' } });
  });

  it('refuses a file over the size limit without looking further', () => {
    expect(prescanPdf(new Uint8Array(LIMITS.maxPdfBytes + 1), LIMITS)).toMatchObject({ ok: false, refusal: { code: 'file-too-large', limit: LIMITS.maxPdfBytes } });
  });
});

describe('a hostile PDF is unreadable, with the reason, and never inflated', () => {
  it('the issue\'s doubly deflated object stream (about 2 kB, 1 GiB inflated): chained filters', async () => {
    const bomb = doublyDeflatedBomb();
    expect(bomb.byteLength).toBeLessThan(2_500);
    const read = await readSeal(bomb);
    expect(read).toMatchObject({ ok: false, problem: 'unreadable', refusal: { code: 'chained-filters', filters: ['FlateDecode', 'FlateDecode'] } });
    expect(await verifyPdf(bomb, [], sha256Hex)).toMatchObject({ status: 'unreadable', problem: 'unreadable', refusal: { code: 'chained-filters' } });
  });

  it('one deflate layer of 1 MB that inflates to 1 GiB: stopped at the per-stream ceiling while pdf-lib parses', async () => {
    const bomb = singlyDeflatedBomb();
    expect(prescanPdf(bomb, { maxPdfBytes: 200 * 1024 * 1024 })).toEqual({ ok: true });
    const before = process.memoryUsage().rss;
    expect(await readSeal(bomb)).toMatchObject({ ok: false, problem: 'unreadable', refusal: { code: 'stream-too-large', limit: MAX_OBJECT_STREAM_BYTES } });
    // Far below the gigabyte pdf-lib would allocate on its own.
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  }, INFLATING_MS);

  it('many object streams under the per-stream ceiling: stopped at the ceiling for the document', async () => {
    const perStream = 12;
    const count = Math.ceil(MAX_OBJECT_STREAMS_TOTAL_BYTES / (perStream * 1024 * 1024)) + 1;
    const stream = zerosZlib(perStream);
    const pdf = pdfWithObjects(Array.from({ length: count }, () => streamObject('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', stream)));
    expect(await readSeal(pdf)).toMatchObject({ ok: false, refusal: { code: 'stream-too-large', limit: MAX_OBJECT_STREAMS_TOTAL_BYTES } });
  }, INFLATING_MS);

  it('a cross-reference stream that declares a billion entries in 4 bytes', async () => {
    const pdf = pdfWithObjects([streamObject('/Type /XRef /Size 1000000000 /W [1 2 1] /Root 1 0 R', new Uint8Array(4))]);
    expect(await readSeal(pdf)).toMatchObject({ ok: false, problem: 'unreadable', refusal: { code: 'bad-xref-stream' } });
    const widthless = pdfWithObjects([streamObject('/Type /XRef /Size 5 /W [0 0 0] /Root 1 0 R', new Uint8Array(4))]);
    expect(await readSeal(widthless)).toMatchObject({ ok: false, refusal: { code: 'bad-xref-stream' } });
  });

  it('an ordinary compressed object stream is still read', async () => {
    const objects = '5 0 << /Answer 42 >>';
    const pdf = pdfWithObjectStream(new Uint8Array(deflateSync(Buffer.from(objects))), '/FlateDecode');
    // No seal, but read: the object stream was inflated and parsed.
    expect(await readSeal(pdf)).toMatchObject({ ok: false, problem: 'no-attachment' });
  });

  it('sealPdf (the main process seals without a worker) throws the refusal for both bombs', async () => {
    const options = { title: 't', author: 'a', subject: 's', keywords: [], creator: 'c', producer: 'p', creationDate: new Date(0), modificationDate: new Date(0), language: 'en' };
    const attachment = { fileName: 'sla-signed.json', json: '{}', description: 'd' };
    await expect(sealPdf(doublyDeflatedBomb(), { ...options, attachment })).rejects.toSatisfy(
      (error) => error instanceof PdfRefusedError && error.refusal.code === 'chained-filters',
    );
    await expect(sealPdf(singlyDeflatedBomb(), { ...options, attachment })).rejects.toSatisfy(
      (error) => error instanceof PdfRefusedError && error.refusal.code === 'stream-too-large',
    );
    await expect(sealPdfForRequest(doublyDeflatedBomb(), await request(), sha256Hex)).rejects.toThrow(/several times over/);
    // Ordinary files seal as before.
    expect((await readSeal(await sealPdf(await ordinaryPdf(true), { ...options, attachment }))).ok).toBe(true);
  }, INFLATING_MS);
});
