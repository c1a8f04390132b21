import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForPrintAssets } from '../../renderer/src/features/print/printAssets';
import { looksLikePdf, pageViewport, printOptions, toCssPageRule, type PdfPrintOptions } from '../../shared/pdf';
import { PDF_FOOTER_FONT, toPlaywrightPdfOptions } from '../../shared/pdfFooter';
import { buildSealJson, readSeal, SEAL_FILE_NAME, sealPdf, verifyPdf, type KnownVersion, type SealOptions } from '../../shared/pdfSeal';

/**
 * The seal on what the app really prints: a 10-page SLA printed by Chromium with the shared SLA
 * options (A4, "n / N" footer with version and hash, tagged, outline) and the bundled Noto Sans JP,
 * sealed, then checked with poppler (pdfinfo, pdfdetach, pdftotext, pdffonts) and verified.
 */

const run = promisify(execFile);
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FONTS_DIR = path.resolve(import.meta.dirname, '../../node_modules/@fontsource/noto-sans-jp');
const ORIGIN = 'http://seal.test';
const TIMEOUT_MS = 90_000;
const PAGES = 10;

const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const CONTENT = {
  title: 'サービスレベル合意書 / Service Level Agreement',
  revision: 3,
  parties: ['マーケティング部 / Marketing', '営業部 / Sales'],
  sections: Array.from({ length: PAGES }, (_, index) => ({ number: index + 1, title: `Section ${index + 1}`, text: `第${index + 1}章 合意内容` })),
  signers: [
    { name: '佐藤 花子', title: 'Head of Marketing' },
    { name: 'John Smith', title: 'Head of Sales' },
  ],
};
const CONTENT_JSON = JSON.stringify(CONTENT); // insertion order is fine for the test: the seal hashes the text as given
const HASH = createHash('sha256').update(CONTENT_JSON, 'utf8').digest('hex');
const SEAL_JSON = buildSealJson({ contentJson: CONTENT_JSON, hash: HASH, versionId: 'sla-v3' });
const KNOWN: KnownVersion[] = [{ versionId: 'sla-v3', hash: HASH, signedAt: '2026-04-01T09:00:00Z', signers: CONTENT.signers }];

const SEAL: SealOptions = {
  title: 'サービスレベル合意書 — Marketing × Sales (v3)',
  author: '佐藤 花子, John Smith',
  subject: 'SLA between marketing and sales, version 3',
  keywords: ['SLA', 'Alignboard', 'v3', `sha256:${HASH}`],
  creator: 'Alignboard 0.1.0',
  producer: 'Alignboard 0.1.0 (Chromium; pdf-lib 1.17.1)',
  creationDate: new Date('2026-04-02T08:30:00Z'),
  modificationDate: new Date('2026-04-02T08:31:15Z'),
  language: 'ja',
  attachment: { fileName: SEAL_FILE_NAME, json: SEAL_JSON, description: 'Signed SLA content (canonical JSON) and its SHA-256' },
};

let browser: Browser;
let workDir: string;
let printed: Uint8Array;
let printMs: number;

const CONTENT_TYPES: Record<string, string> = { '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff' };

function pageHtml(options: PdfPrintOptions): string {
  const sections = CONTENT.sections
    .map((section) => `<section class="break"><h2>${section.number}. ${section.title}</h2><p>${section.text}</p><p>${'Marketing delivers 120 MQL per month; sales contacts each within 4 hours. '.repeat(12)}</p></section>`)
    .join('');
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>SLA</title>
<link rel="stylesheet" href="/fontsource/400.css">
<style>
${toCssPageRule(options)}
body { margin: 0; font-family: 'Noto Sans JP', sans-serif; font-size: 11pt; }
.break { break-after: page; }
.break:last-child { break-after: auto; }
</style>
</head>
<body><h1>${CONTENT.title}</h1>${sections}</body>
</html>`;
}

async function printSla(): Promise<Uint8Array> {
  const options = printOptions('sla', { footer: { label: 'Alignboard SLA', version: 'v3', hash: HASH } });
  const page = await browser.newPage({ viewport: pageViewport(options) });
  try {
    await page.route(`${ORIGIN}/**`, async (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: pageHtml(options) });
      const file = path.join(FONTS_DIR, decodeURIComponent(pathname.replace(/^\/fontsource\//, '')));
      if (!pathname.startsWith('/fontsource/') || !file.startsWith(FONTS_DIR) || !existsSync(file)) return route.fulfill({ status: 404 });
      return route.fulfill({ contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
    });
    await page.goto(`${ORIGIN}/`);
    // As the print route does: with the footer's font (shared/pdf.ts).
    await page.evaluate(`(${waitForPrintAssets.toString()})(document, ${JSON.stringify({ fonts: [PDF_FOOTER_FONT] })})`);
    const started = performance.now();
    const pdf = new Uint8Array(await page.pdf(toPlaywrightPdfOptions(options)));
    printMs = performance.now() - started;
    expect(looksLikePdf(pdf)).toBe(true);
    return pdf;
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is needed at ${CHROMIUM_PATH} (or set CHROMIUM_PATH).`);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  workDir = await mkdtemp(path.join(tmpdir(), 'alignboard-seal-'));
  printed = await printSla();
}, TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function save(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(workDir, name);
  await writeFile(file, bytes);
  return file;
}

/** Runs a poppler tool; its complaints about the file (stderr) fail the test. */
async function poppler(tool: string, args: string[]): Promise<string> {
  const { stdout, stderr } = await run(tool, args, { maxBuffer: 32 * 1024 * 1024 });
  expect(stderr).toBe('');
  return stdout;
}

function field(pdfinfo: string, name: string): string {
  return new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(pdfinfo)?.[1]?.trim() ?? '';
}

describe('sealing a Chromium-printed SLA', () => {
  it(
    'poppler sees the metadata, the XMP, the attachment byte for byte, and the pages unchanged',
    async () => {
      const started = performance.now();
      const sealed = await sealPdf(printed, SEAL);
      const sealMs = performance.now() - started;
      console.info(`Chromium page.pdf ${PAGES} pages: ${printMs.toFixed(0)} ms, ${printed.byteLength} bytes; seal: ${sealMs.toFixed(1)} ms, ${sealed.byteLength} bytes`);

      const before = await poppler('pdfinfo', [await save('printed.pdf', printed)]);
      const file = await save('sealed.pdf', sealed);
      const info = await poppler('pdfinfo', [file]);
      expect(field(info, 'Title')).toBe(SEAL.title);
      expect(field(info, 'Author')).toBe(SEAL.author);
      expect(field(info, 'Subject')).toBe(SEAL.subject);
      expect(field(info, 'Keywords')).toBe(`SLA, Alignboard, v3, sha256:${HASH}`);
      expect(field(info, 'Creator')).toBe(SEAL.creator);
      expect(field(info, 'Producer')).toBe(SEAL.producer);
      expect(field(info, 'CreationDate')).toMatch(/2026/);
      expect(field(info, 'Metadata Stream')).toBe('yes');
      // What Chromium made stays: pages, paper, tagging (structure tree), fonts.
      const kept = (pdfinfo: string) => ['Pages', 'Page size', 'Tagged'].map((name) => `${name}: ${field(pdfinfo, name)}`);
      expect(kept(info)).toEqual(kept(before));
      expect(field(info, 'Pages')).toBe(String(PAGES));
      expect(field(info, 'Tagged')).toBe('yes');
      // Same fonts, embedded and subset as before (the last two columns, object numbers, change).
      const fonts = async (pdf: string) => (await poppler('pdffonts', [pdf])).split('\n').map((line) => line.replace(/\s+\d+\s+\d+\s*$/, ''));
      const fontsAfter = await fonts(file);
      expect(fontsAfter).toEqual(await fonts(await save('printed.pdf', printed)));
      expect(fontsAfter.some((line) => /\+NotoSansJP\S*\s.*\byes\s+yes\s+yes$/.test(line))).toBe(true);

      const meta = await poppler('pdfinfo', ['-meta', file]);
      expect(meta).toContain(`<rdf:li xml:lang="x-default">${SEAL.title}</rdf:li>`);
      expect(meta).toContain('<xmp:CreateDate>2026-04-02T08:30:00Z</xmp:CreateDate>');
      expect(meta).toContain('<rdf:li>ja</rdf:li>');

      const list = await poppler('pdfdetach', ['-list', file]);
      expect(list).toMatch(/^1 embedded files\n1: sla-signed\.json\n?$/);
      const out = path.join(workDir, 'out.json');
      await poppler('pdfdetach', ['-save', '1', '-o', out, file]);
      expect(await readFile(out, 'utf8')).toBe(SEAL_JSON);
    },
    TIMEOUT_MS,
  );

  it(
    'the hash in every page footer (pdftotext) is the hash in the attachment, and verify says matches',
    async () => {
      const sealed = await sealPdf(printed, SEAL);
      const file = await save('sealed-text.pdf', sealed);
      const seal = await readSeal(sealed);
      if (!seal.ok) throw new Error(seal.detail);
      const attachedHash = (JSON.parse(seal.attachment.json) as { hash: string }).hash;
      for (let page = 1; page <= PAGES; page++) {
        const text = (await poppler('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'])).replace(/\s+/g, ' ');
        expect(text).toMatch(new RegExp(`\\b${page} / ${PAGES}\\b`));
        const footerHashes = text.replace(/ /g, '').match(/[0-9a-f]{64}/g);
        expect(footerHashes).toEqual([attachedHash]);
      }
      expect(await verifyPdf(sealed, KNOWN, sha256)).toEqual({ status: 'matches', version: KNOWN[0] });
      expect(seal.metadata.language).toBe('ja');
    },
    TIMEOUT_MS,
  );

  it('is deterministic on Chromium output too (and linear: timings printed)', async () => {
    const [first, second] = [await sealPdf(printed, SEAL), await sealPdf(printed, SEAL)];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      await sealPdf(printed, SEAL);
      times.push(performance.now() - started);
    }
    const readStarted = performance.now();
    await verifyPdf(first, KNOWN, sha256);
    const verifyMs = performance.now() - readStarted;
    times.sort((a, b) => a - b);
    console.info(`warm seal of the ${PAGES}-page Chromium SLA: median ${times[2]!.toFixed(1)} ms (print ${printMs.toFixed(0)} ms); verify ${verifyMs.toFixed(1)} ms`);
  });

  it(
    'one changed byte of the embedded JSON is caught: re-embedded, or flipped in the file',
    async () => {
      const sealed = await sealPdf(printed, SEAL);
      // Re-embedded: one byte of the content changed ("第1章" → "第2章"), the stored hash kept.
      const tampered = SEAL_JSON.replace('第1章', '第2章');
      expect(tampered).not.toBe(SEAL_JSON);
      const reembedded = await sealPdf(sealed, { ...SEAL, attachment: { ...SEAL.attachment, json: tampered } });
      expect(await verifyPdf(reembedded, KNOWN, sha256)).toMatchObject({ status: 'altered', reason: 'hash-mismatch' });
      // poppler still extracts it: the file is a valid PDF that tells a different story.
      const out = path.join(workDir, 'tampered.json');
      await poppler('pdfdetach', ['-save', '1', '-o', out, await save('reembedded.pdf', reembedded)]);
      expect(await readFile(out, 'utf8')).toBe(tampered);

      // Flipped in the file's bytes, inside the compressed attachment stream.
      const text = Buffer.from(sealed).toString('latin1');
      const start = text.indexOf('stream\n', text.indexOf('/Type /EmbeddedFile')) + 'stream\n'.length;
      const end = text.indexOf('\nendstream', start);
      for (const offset of [start + 2, Math.floor((start + end) / 2), end - 1]) {
        const copy = sealed.slice();
        copy[offset] = copy[offset]! ^ 0x20;
        const result = await verifyPdf(copy, KNOWN, sha256);
        expect(['altered', 'unreadable']).toContain(result.status);
      }
    },
    TIMEOUT_MS,
  );

  it(
    'runs in the browser too: a bundle of shared/pdfSeal seals to the same bytes and verifies with WebCrypto',
    async () => {
      // shared/pdfSeal bundled for the browser as the renderer's build would (Vite, no Node shims).
      const entry = path.join(workDir, 'entry.ts');
      await writeFile(entry, `import * as seal from ${JSON.stringify(path.resolve(import.meta.dirname, '../../shared/pdfSeal/index.ts'))};\n(globalThis as Record<string, unknown>).alignboardSeal = seal;\n`);
      const built = await build({
        configFile: false,
        logLevel: 'silent',
        root: workDir,
        build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'seal' } },
      });
      const output = (Array.isArray(built) ? built[0] : built) as { output: { type: string; code?: string }[] };
      const code = output.output.find((chunk) => chunk.type === 'chunk')?.code ?? '';
      console.info(`browser bundle of shared/pdfSeal (unminified): ${(code.length / 1024).toFixed(0)} KB`);
      expect(code).not.toMatch(/\bfrom ["']node:/);

      const page = await browser.newPage();
      try {
        // localhost is a secure context: crypto.subtle is there, as in the app.
        await page.route('http://localhost/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seal</title>' }));
        await page.goto('http://localhost/');
        await page.addScriptTag({ content: code, type: 'module' });
        await page.waitForFunction('Boolean(globalThis.alignboardSeal)');
        const result = (await page.evaluate(
          `(async ({ pdf, seal, known }) => {
            const { sealPdf, verifyPdf } = globalThis.alignboardSeal;
            const bytes = Uint8Array.from(atob(pdf), (char) => char.charCodeAt(0));
            const options = { ...seal, creationDate: new Date(seal.creationDate), modificationDate: new Date(seal.modificationDate) };
            const sealed = await sealPdf(bytes, options);
            const sha256 = async (text) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
              .map((byte) => byte.toString(16).padStart(2, '0')).join('');
            const verdict = await verifyPdf(sealed, known, sha256);
            let binary = '';
            for (const byte of sealed) binary += String.fromCharCode(byte);
            return { status: verdict.status, sealed: btoa(binary) };
          })(${JSON.stringify({ pdf: Buffer.from(printed).toString('base64'), seal: SEAL, known: KNOWN })})`,
        )) as { status: string; sealed: string };
        expect(result.status).toBe('matches');
        // pako in the browser and in Node: the same bytes as the main process would write.
        expect(Buffer.from(result.sealed, 'base64').equals(Buffer.from(await sealPdf(printed, SEAL)))).toBe(true);
      } finally {
        await page.close();
      }
    },
    TIMEOUT_MS,
  );

  it('the printed PDF itself (not from us) is unknown; Chromium output truncated is unreadable', async () => {
    expect(await verifyPdf(printed, KNOWN, sha256)).toMatchObject({ status: 'unknown', reason: 'no-seal' });
    const sealed = await sealPdf(printed, SEAL);
    const result = await verifyPdf(sealed.slice(0, Math.floor(sealed.byteLength / 3)), KNOWN, sha256);
    expect(result.status).not.toBe('matches');
  });
});
