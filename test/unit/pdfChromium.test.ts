import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, looksLikePdf, pageViewport, printOptions, toCssPageRule, type PdfPrintOptions } from '../../shared/pdf';
import { PDF_FOOTER_FONT, toPlaywrightPdfOptions } from '../../shared/pdfFooter';
import { waitForPrintAssets } from '../../renderer/src/features/print/printAssets';

/**
 * The shared print options in real Chromium (the engine inside Electron and the e2e browser):
 * Playwright's page.pdf() with toPlaywrightPdfOptions(), checked with poppler's pdfinfo, pdftotext
 * and pdffonts. The page uses the app's own bundled Noto Sans JP (the @fontsource CSS and font
 * files, served from node_modules) and the print route's @page rule, and waits for its fonts with
 * the very function the print route uses.
 */

const run = promisify(execFile);
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FONTS_DIR = path.resolve(import.meta.dirname, '../../node_modules/@fontsource/noto-sans-jp');
const ORIGIN = 'http://print.test';
const TIMEOUT_MS = 60_000;

let browser: Browser;
let workDir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is needed at ${CHROMIUM_PATH} (or set CHROMIUM_PATH) to check the PDF options.`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  workDir = await mkdtemp(path.join(tmpdir(), 'alignboard-pdf-'));
}, TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function pageHtml(options: PdfPrintOptions): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>PDF options check</title>
<link rel="stylesheet" href="/fontsource/400.css">
<link rel="stylesheet" href="/fontsource/700.css">
<style>
${toCssPageRule(options)}
body { margin: 0; font-family: 'Noto Sans JP', sans-serif; font-size: 14pt; }
.break { break-after: page; }
</style>
</head>
<body></body>
</html>`;
}

const CONTENT_TYPES: Record<string, string> = { '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff' };

/** Prints a page as the tests of print routes will: same options, fonts waited for the same way. */
async function printToFile(name: string, options: PdfPrintOptions, body: string): Promise<string> {
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
    // Like the print route: the text arrives after the page has loaded (React renders once the
    // data is read from IndexedDB), so its font subsets are fetched only now.
    await page.evaluate(`document.body.innerHTML = ${JSON.stringify(body)}`);
    // As the print route does: with the footer's font (shared/pdf.ts).
    await page.evaluate(`(${waitForPrintAssets.toString()})(document, ${JSON.stringify({ fonts: [PDF_FOOTER_FONT] })})`);
    expect(await page.evaluate('[...document.fonts].filter((font) => font.status === "loading").length')).toBe(0);
    const pdf = await page.pdf(toPlaywrightPdfOptions(options));
    expect(looksLikePdf(pdf)).toBe(true);
    const file = path.join(workDir, `${name}.pdf`);
    await writeFile(file, pdf);
    return file;
  } finally {
    await page.close();
  }
}

type PdfInfo = { pages: number; width: number; height: number; paperName: string; tagged: string };

async function pdfInfo(file: string): Promise<PdfInfo> {
  const { stdout } = await run('pdfinfo', [file]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(stdout)?.[1]?.trim() ?? '';
  const size = /^([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/.exec(field('Page size'));
  if (!size) throw new Error(`pdfinfo gave no page size:\n${stdout}`);
  return { pages: Number(field('Pages')), width: Number(size[1]), height: Number(size[2]), paperName: size[3] ?? '', tagged: field('Tagged') };
}

/**
 * Chromium lays the page out in whole device units, so the box can be up to a point off the exact
 * paper (A4 comes out as 595.92 × 841.92 pt rather than 595.28 × 841.89); poppler still names it.
 */
function expectPage(info: PdfInfo, width: number, height: number, paperName: string) {
  expect(Math.abs(info.width - width)).toBeLessThan(1);
  expect(Math.abs(info.height - height)).toBeLessThan(1);
  expect(info.paperName).toBe(paperName);
}

async function pageText(file: string, page: number): Promise<string> {
  const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-']);
  return stdout;
}

async function fontNames(file: string): Promise<string[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0]!)
    .filter(Boolean);
}

describe('waitForPrintAssets in Chromium', () => {
  it(
    'waits for the Noto Sans JP subsets that text rendered after load needs',
    async () => {
      const page = await browser.newPage();
      try {
        await page.route(`${ORIGIN}/**`, async (route) => {
          const { pathname } = new URL(route.request().url());
          if (pathname === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: pageHtml(printOptions('persona-sheet')) });
          const file = path.join(FONTS_DIR, pathname.replace(/^\/fontsource\//, ''));
          // Slow font files, as from a busy disk: the wait has to be real.
          await new Promise((resolve) => setTimeout(resolve, 300));
          return route.fulfill({ contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
        });
        await page.goto(`${ORIGIN}/`);
        const before = await page.evaluate(`(() => {
          document.body.innerHTML = '<p>${PERSONA_TEXTS.join('、')}</p>';
          document.body.getBoundingClientRect();
          return document.fonts.status;
        })()`);
        // Laying the new text out started fetching its subsets: printing now would use fallbacks.
        expect(before).toBe('loading');
        await page.evaluate(`(${waitForPrintAssets.toString()})(document)`);
        const after = await page.evaluate(`({
          status: document.fonts.status,
          loaded: [...document.fonts].filter((font) => font.status === 'loaded').length,
          covered: document.fonts.check('14pt "Noto Sans JP"', ${JSON.stringify(PERSONA_TEXTS.join(''))}),
        })`);
        expect(after).toEqual({ status: 'loaded', loaded: expect.any(Number), covered: true });
        expect((after as { loaded: number }).loaded).toBeGreaterThan(1);
      } finally {
        await page.close();
      }
    },
    TIMEOUT_MS,
  );
});

const PERSONA_TEXTS = ['購買担当の田中 美咲', '情報システム部 課長', '導入コストを抑えたい', '稟議に時間がかかる', 'ウェビナーで比較検討する'];

describe('shared print options in Chromium', () => {
  it(
    'prints the persona sheet on one A4 landscape page with the bundled Japanese font',
    async () => {
      const options = printOptions('persona-sheet');
      const body = `<h1>${PERSONA_TEXTS[0]}</h1><p><b>${PERSONA_TEXTS[1]}</b></p><ul>${PERSONA_TEXTS.slice(2)
        .map((text) => `<li>${text}</li>`)
        .join('')}</ul><p>Buyer persona · Alignboard</p>`;
      const file = await printToFile('persona', options, body);

      const info = await pdfInfo(file);
      expect(info.pages).toBe(1);
      expectPage(info, 841.89, 595.28, 'A4');
      expect(info.tagged).toBe('yes');
      const text = await pageText(file, 1);
      for (const expected of [...PERSONA_TEXTS, 'Buyer persona · Alignboard']) expect(text).toContain(expected);
      // The app's own Noto Sans JP, regular and bold, not a fallback from the OS.
      // (@fontsource's files name themselves NotoSansJPThin-Regular/-Bold; the OS has Noto Sans CJK.)
      const fonts = await fontNames(file);
      expect(fonts.some((name) => /\+NotoSansJP\w*-Regular$/.test(name))).toBe(true);
      expect(fonts.some((name) => /\+NotoSansJP\w*-Bold$/.test(name))).toBe(true);
      expect(fonts.filter((name) => !/\+NotoSansJP\w*-(Regular|Bold)$/.test(name))).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'prints an SLA on A4 portrait with "n / N" footers carrying the escaped version and hash',
    async () => {
      const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
      const label = 'SLA <b>&"draft"</b>';
      const options = printOptions('sla', { footer: { label, version: 'v2', hash } });
      const body = `<h1>サービスレベル合意書</h1><p class="break">第1章 目的</p><h2>第2章 定義</h2><p>MQL の定義</p>`;
      const file = await printToFile('sla-a4', options, body);

      const info = await pdfInfo(file);
      expect(info.pages).toBe(2);
      expectPage(info, 595.28, 841.89, 'A4');
      const [first, second] = [await pageText(file, 1), await pageText(file, 2)];
      expect(first).toContain('サービスレベル合意書');
      expect(first).toMatch(/\b1 \/ 2\b/);
      expect(second).toContain('第2章 定義');
      expect(second).toMatch(/\b2 \/ 2\b/);
      for (const text of [first, second]) {
        // Shown as text, not interpreted as markup.
        expect(text).toContain(label);
        expect(text.replace(/\s+/g, '')).toContain(`v2·${hash}`);
      }
      expect(escapeHtml(label)).not.toContain('<');
      // Footers in the embedded Inter, pages in the bundled Noto Sans JP: no font of this machine.
      const fonts = await fontNames(file);
      expect(fonts.some((name) => name.endsWith('+Inter-Regular'))).toBe(true);
      expect(fonts.filter((name) => !/\+(NotoSansJP\w*-(Regular|Bold)|Inter-Regular)$/.test(name))).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'prints minutes on Letter portrait when Letter is chosen',
    async () => {
      const options = printOptions('minutes', { paper: 'Letter', footer: { label: 'Minutes' } });
      const file = await printToFile('minutes-letter', options, '<h1>定例会議 議事録</h1><p>Action items</p>');
      const info = await pdfInfo(file);
      expect(info.pages).toBe(1);
      expectPage(info, 612, 792, 'letter');
      const text = await pageText(file, 1);
      expect(text).toContain('定例会議 議事録');
      expect(text).toMatch(/\b1 \/ 1\b/);
      expect((await fontNames(file)).filter((name) => !/\+(NotoSansJP\w*-(Regular|Bold)|Inter-Regular)$/.test(name))).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
