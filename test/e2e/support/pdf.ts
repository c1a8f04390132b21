import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** pdftotext wraps and spaces text its own way: compare without any white space. */
export const squash = (text: string) => text.replace(/\s+/g, '');

export type PdfWord = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
export type PdfPage = { width: number; height: number; words: PdfWord[] };

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every word of every page with its box in PDF points, from `pdftotext -bbox`. */
export async function pdfWords(path: string): Promise<PdfPage[]> {
  const html = (await run('pdftotext', ['-bbox', path, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  const pages: PdfPage[] = [];
  for (const page of html.split('<page ').slice(1)) {
    const size = /^width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
    const words = [...page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((match) => ({
      text: decode(match[5]!),
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
    }));
    pages.push({ width: Number(size[1]), height: Number(size[2]), words });
  }
  return pages;
}

/**
 * Words that reach outside a page's printable area (the page minus its margins, in mm). A word's
 * box is its glyphs' font box, a little taller than the line it sits on: 3 pt of slack.
 */
export function wordsOutside(pages: readonly PdfPage[], marginMm: number): (PdfWord & { page: number })[] {
  const margin = (marginMm / 25.4) * 72 - 3;
  return pages.flatMap((page, index) =>
    page.words
      .filter((word) => word.xMin < margin || word.yMin < margin || word.xMax > page.width - margin || word.yMax > page.height - margin)
      .map((word) => ({ ...word, page: index + 1 })),
  );
}

/** The raster images `pdfimages -list` finds (optionally on some pages only). */
export async function pdfImages(path: string, pages?: { first: number; last: number }): Promise<string[]> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  const out = (await run('pdfimages', ['-list', ...range, path])).stdout;
  // Two header lines (column names, dashes), then one line per image.
  return out.split('\n').slice(2).filter((line) => line.trim() !== '');
}

export async function pdfPageCount(path: string): Promise<number> {
  return Number(/^Pages:\s+(\d+)$/m.exec((await run('pdfinfo', [path])).stdout)![1]);
}

/** Each page's text in the order it was drawn (`pdftotext -raw`). */
export async function pdfText(path: string): Promise<string[]> {
  const raw = (await run('pdftotext', ['-raw', path, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  return raw.split('\f').slice(0, await pdfPageCount(path));
}

/** The names of the fonts `pdffonts` lists (subset prefix included), e.g. "AAAAAA+NotoSansJPThin-Regular". */
export async function pdfFonts(path: string): Promise<string[]> {
  const out = (await run('pdffonts', [path])).stdout;
  return out.split('\n').slice(2).map((line) => line.split(/\s+/)[0]!).filter(Boolean);
}
