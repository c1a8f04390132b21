import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { readNodeData } from '../../shared/board/nodes';
import { boardFigure } from '../../shared/diagrams/boardFigure';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { PAPER_MM, printOptions, printRoute, type Orientation, type PdfKind } from '../../shared/pdf';
import { toPlaywrightPdfOptions } from '../../shared/pdfFooter';
import { DIAGRAM_BOARD_NAMES, diagramsWorkspaceFile, noteBoard, twelveStageFunnel } from '../fixtures/diagrams';
import { chooseFile, expectWorkspacePage, openSample, poll, workspaceIdFromUrl } from './support/app';
import { appUrl, cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser, makeTempDir, printUrl } from './support/browser';
import { pdfFonts, pdfImages, pdfPageCount, pdfText, pdfWords, squash, wordsOutside } from './support/pdf';

afterEach(cleanUpBrowsers);

declare global {
  interface Window {
    /** Print routes the app asked the browser to print (see stubPrintDialog). */
    __printed?: string[];
  }
}

/**
 * The browser host prints a route in a hidden frame and opens the print dialog there, which a
 * headless browser cannot show: every frame's print() records the route and closes at once, so a
 * test sees what the button asked for, then prints that route itself with the shared options.
 */
async function stubPrintDialog(context: BrowserContext) {
  await context.addInitScript(() => {
    window.print = () => {
      const top = window.top ?? window;
      top.__printed = [...(top.__printed ?? []), window.location.hash];
      window.dispatchEvent(new Event('afterprint'));
    };
  });
}

async function nextPrinted(page: Page, count: number): Promise<string> {
  await poll(() => page.evaluate(() => window.__printed?.length ?? 0), 30_000).toBeGreaterThanOrEqual(count);
  return page.evaluate((index) => window.__printed![index]!, count - 1);
}

/** Prints a print route exactly as the app does: the page's own orientation, the shared options. */
async function printRouteToPdf(context: BrowserContext, hash: string, kind: PdfKind, paper: 'A4' | 'Letter' | 'A3', path: string) {
  const sheet = await context.newPage();
  await sheet.goto(printUrl(hash.slice(1)));
  await sheet.locator('[data-print-ready="true"]').waitFor({ timeout: 60_000 });
  const orientation = (await sheet.locator('html').getAttribute('data-print-orientation')) as Orientation;
  expect(['portrait', 'landscape']).toContain(orientation);
  await writeFile(path, await sheet.pdf(toPlaywrightPdfOptions(printOptions(kind, { paper, orientation }))));
  // DIAGRAMS_PDF_OUT=dir keeps the PDFs for a look.
  if (process.env.DIAGRAMS_PDF_OUT) await copyFile(path, join(process.env.DIAGRAMS_PDF_OUT, basename(path)));
  return { sheet, orientation };
}

/** Japanese and Latin text in the app's bundled, embedded fonts (Noto Sans JP, Inter), none of the machine's. */
async function expectBundledFonts(path: string) {
  const fonts = await pdfFonts(path);
  expect(fonts.some((name) => /\+NotoSansJP\w*-(Regular|Bold)$/.test(name))).toBe(true);
  expect(fonts.filter((name) => !/\+(NotoSansJP\w*|Inter)-(Regular|Bold)$/.test(name))).toEqual([]);
}

function pageSizeMatches(page: { width: number; height: number }, paper: 'A4' | 'Letter' | 'A3', orientation: Orientation) {
  const mm = PAPER_MM[paper];
  const [w, h] = orientation === 'landscape' ? [mm.height, mm.width] : [mm.width, mm.height];
  return Math.abs(page.width - (w / 25.4) * 72) < 1.5 && Math.abs(page.height - (h / 25.4) * 72) < 1.5;
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The share of a PNG's pixels (every 7th) that are ink or a dark note colour: drawn, not blank. */
function inkedShare(page: Page, png: Uint8Array): Promise<number> {
  return page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4 * 7) if (data[i]! + data[i + 1]! + data[i + 2]! < 200) dark++;
    return dark / (data.length / 4 / 7);
  }, Buffer.from(png).toString('base64'));
}

/** Each note's text found on exactly one of the pages ("#12" must not match the start of "#120"). */
function notesNotOnOnePage(pageTexts: readonly string[], notes: readonly string[]): string[] {
  const onPages = (note: string) => pageTexts.filter((text) => new RegExp(`${squash(note).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`).test(text)).length;
  return notes.filter((note) => onPages(note) !== 1);
}

describe('diagrams on paper and as images', () => {
  // The heaviest e2e of the app (a 300-note board printed and drawn): 3 minutes on a busy 2-core machine.
  test('日本語: a 12-stage funnel sheet and a 300-note board (tiles on A4, PNG), vectors with every name, nothing outside the page', { timeout: 180_000 }, async () => {
    const { page, context, pageErrors } = await launchBrowser({ lang: 'ja' });
    await stubPrintDialog(context);
    const dir = await makeTempDir();
    const file = join(dir, 'diagrams.alignboard');
    await writeFile(file, diagramsWorkspaceFile({ language: 'ja', notes: 300, name: '図の確認' }));
    await chooseFile(page, file, () => page.getByRole('button', { name: ja.home.import }).click());
    await expectWorkspacePage(page, '図の確認');
    const workspaceId = workspaceIdFromUrl(page);

    // The funnel sheet, by its shortcut on the funnel board.
    await page.getByRole('link', { name: ja.funnel.open }).click();
    await page.getByRole('heading', { level: 1, name: DIAGRAM_BOARD_NAMES.ja.funnel }).waitFor();
    const exports = page.getByRole('toolbar', { name: ja.diagrams.exportsToolbar });
    await exports.getByRole('button', { name: ja.diagrams.funnelSheet.export }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Alt+Shift+P');
    const sheetHash = await nextPrinted(page, 1);
    expect(sheetHash).toBe(`#${printRoute('funnel', workspaceId, 'funnel-board')}?paper=A4`);
    const sheetPath = join(dir, 'funnel-sheet.pdf');
    const { sheet, orientation } = await printRouteToPdf(context, sheetHash, 'funnel-sheet', 'A4', sheetPath);
    // The heading holds all its lines — the kind, the workspace and date, the (long) title, ending in
    // … where the page ends, and the note — none cut off at its top or bottom.
    const cut = await sheet.getByRole('heading', { level: 1 }).evaluate((title) => {
      const header = title.parentElement!.getBoundingClientRect();
      return [...title.parentElement!.querySelectorAll('p, h1')].filter((line) => {
        const box = line.getBoundingClientRect();
        return box.top < header.top - 0.5 || box.bottom > header.bottom + 0.5 || box.right > header.right + 0.5;
      }).map((line) => line.textContent);
    });
    expect(cut).toEqual([]);
    expect(await pdfPageCount(sheetPath)).toBe(1);
    const [sheetPage] = await pdfWords(sheetPath);
    expect(pageSizeMatches(sheetPage!, 'A4', orientation)).toBe(true);
    const sheetText = squash(sheetPage!.words.map((word) => word.text).join(''));
    const stages = twelveStageFunnel('ja');
    expect(stages.filter((stage) => !sheetText.includes(squash(stage.name))).map((stage) => stage.name)).toEqual([]);
    const handOff = ja.funnel.handOffEdge.replace('{{from}}', ja.funnel.owners.marketing).replace('{{to}}', ja.funnel.owners.sales);
    for (const phrase of [handOff, ja.diagrams.funnelSheet.table.needed, '必要な受注は月あたり30件']) expect(sheetText).toContain(squash(phrase));
    // The stages' owners, target volumes and conversion rates. (Twelve stages and their table
    // leave no room for entry definitions at 7 pt: the sheet drops them, and says so in its header;
    // see the English sheet for them drawn.)
    expect(sheetText).toContain(squash(ja.diagrams.funnelSheet.definitionsLeftOut.replace('{{count}}', '12')));
    const target = ja.diagrams.funnelSheet.target.replace('{{volume}}', '20,000').replace('{{period}}', ja.sla.periods.month);
    const rate = ja.diagrams.funnelSheet.rate.replace('{{rate}}', '40%');
    for (const phrase of [...Object.values(ja.funnel.owners), target, rate]) expect(sheetText).toContain(squash(phrase));
    expect(wordsOutside([sheetPage!], 12)).toEqual([]);
    expect(await pdfImages(sheetPath)).toEqual([]);
    await expectBundledFonts(sheetPath);

    // The funnel board whole, by its toolbar button: A3 (the default), one page.
    await exports.getByRole('button', { name: ja.diagrams.board.exportPdf }).click();
    let dialog = page.getByRole('dialog', { name: ja.diagrams.board.dialogTitle });
    expect(await dialog.getByRole('radio', { name: ja.diagrams.board.papers.A3 }).isChecked()).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: ja.diagrams.board.submit }).click();
    const funnelBoardHash = await nextPrinted(page, 2);
    expect(funnelBoardHash).toBe(`#${printRoute('board', workspaceId, 'funnel-board')}?paper=A3`);
    const funnelBoardPath = join(dir, 'funnel-board.pdf');
    const funnelBoard = await printRouteToPdf(context, funnelBoardHash, 'board', 'A3', funnelBoardPath);
    expect(await pdfPageCount(funnelBoardPath)).toBe(1);
    const [funnelBoardPage] = await pdfWords(funnelBoardPath);
    expect(pageSizeMatches(funnelBoardPage!, 'A3', funnelBoard.orientation)).toBe(true);
    expect(wordsOutside([funnelBoardPage!], 10)).toEqual([]);
    const funnelBoardText = squash(funnelBoardPage!.words.map((word) => word.text).join(''));
    expect(stages.filter((stage) => !funnelBoardText.includes(squash(stage.name))).map((stage) => stage.name)).toEqual([]);
    expect(funnelBoardText).toContain(squash(handOff));
    expect(await pdfImages(funnelBoardPath)).toEqual([]);
    await expectNoSeriousA11yViolations(funnelBoard.sheet);

    // The funnel board as PNG, by its shortcut: the funnel 960 px wide in a 32 px margin, at 1.5 ×.
    const funnelDownloading = page.waitForEvent('download', { timeout: 60_000 });
    await page.keyboard.press('Alt+Shift+I');
    const funnelDownload = await funnelDownloading;
    expect(funnelDownload.suggestedFilename()).toBe(`${DIAGRAM_BOARD_NAMES.ja.funnel}.png`);
    const funnelPng = new Uint8Array(await readFile((await funnelDownload.path())!));
    if (process.env.DIAGRAMS_PDF_OUT) await writeFile(join(process.env.DIAGRAMS_PDF_OUT, 'funnel-board.png'), funnelPng);
    expect(pngSize(funnelPng).width).toBe(1536);
    // Twelve stages with their definitions: taller than wide.
    expect(pngSize(funnelPng).height).toBeGreaterThan(1536);
    expect(await inkedShare(page, funnelPng)).toBeGreaterThan(0.005);

    // The 300-note board on A4, from its menu in the persona gallery: tiles at 7 pt, every note
    // once, nothing cut, no raster image.
    await page.goto(appUrl(`/w/${workspaceId}`));
    const boardName = DIAGRAM_BOARD_NAMES.ja.board(300);
    const gallery = page.getByRole('region', { name: ja.persona.gallery, exact: true });
    const boardMenu = gallery.getByRole('button', { name: ja.persona.actions.replace('{{name}}', boardName) });
    await boardMenu.click();
    await page.getByRole('menuitem', { name: ja.diagrams.board.exportPdf }).click();
    dialog = page.getByRole('dialog', { name: ja.diagrams.board.dialogTitle });
    await dialog.getByRole('radio', { name: ja.diagrams.board.papers.A4 }).check();
    await dialog.getByRole('button', { name: ja.diagrams.board.submit }).click();
    const boardHash = await nextPrinted(page, 3);
    expect(boardHash).toBe(`#${printRoute('board', workspaceId, 'note-board')}?paper=A4`);
    const boardPath = join(dir, 'board.pdf');
    const board = await printRouteToPdf(context, boardHash, 'board', 'A4', boardPath);
    const boardPages = await pdfWords(boardPath);
    expect(boardPages.length).toBeGreaterThan(1);
    expect(boardPages.every((boardPage) => pageSizeMatches(boardPage, 'A4', board.orientation))).toBe(true);
    expect(wordsOutside(boardPages, 10)).toEqual([]);
    const notes = noteBoard(300, 'ja').flatMap((node) => (node.data.type === 'sticky' ? [node.data.text] : []));
    // In drawing order (-raw): a note's lines stay together even where notes stand side by side.
    const pageTexts = (await pdfText(boardPath)).map(squash);
    expect(notesNotOnOnePage(pageTexts, notes)).toEqual([]);
    for (const zone of Object.values(ja.persona.zones)) expect(pageTexts.join('')).toContain(zone);
    // Vote totals: every note with votes (one in five) shows its count once.
    const voted = noteBoard(300, 'ja').flatMap((node) => (node.data.type === 'sticky' && node.data.votes > 0 ? [node.data.votes] : []));
    expect(pageTexts.join('').match(/\d+票/g)?.sort()).toEqual(voted.map((votes) => ja.diagrams.board.votes_other.replace('{{count}}', String(votes))).sort());
    // Each tile says where it goes, e.g. “…：6枚中1枚目（2行1列）”.
    expect(pageTexts.every((text) => text.includes(squash(boardName)) && /枚中\d+枚目（\d+行\d+列）/.test(text))).toBe(true);
    expect(await pdfImages(boardPath)).toEqual([]);
    await expectBundledFonts(boardPath);

    // The same board on A3: the one large page, every note on it, nothing outside it.
    const a3Path = join(dir, 'board-a3.pdf');
    const a3 = await printRouteToPdf(context, `#${printRoute('board', workspaceId, 'note-board')}?paper=A3`, 'board', 'A3', a3Path);
    const a3Pages = await pdfWords(a3Path);
    expect(a3Pages).toHaveLength(1);
    expect(pageSizeMatches(a3Pages[0]!, 'A3', a3.orientation)).toBe(true);
    expect(wordsOutside(a3Pages, 10)).toEqual([]);
    expect(notesNotOnOnePage((await pdfText(a3Path)).map(squash), notes)).toEqual([]);
    expect(await pdfImages(a3Path)).toEqual([]);
    await a3.sheet.close();

    // The same board as PNG: the board's aspect ratio, notes at least as large as on screen.
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await boardMenu.click();
    await page.getByRole('menuitem', { name: ja.diagrams.board.exportPng }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${boardName}.png`);
    const png = new Uint8Array(await readFile((await download.path())!));
    if (process.env.DIAGRAMS_PDF_OUT) await writeFile(join(process.env.DIAGRAMS_PDF_OUT, 'board.png'), png);
    const size = pngSize(png);
    const nodes = noteBoard(300, 'ja').map((node) => ({ id: node.id, data: readNodeData(node.data)! }));
    const bounds = boardFigure({
      zones: nodes.flatMap(({ id, data }) => (data.type === 'zone' ? [{ id, ...data, title: '' }] : [])),
      notes: nodes.flatMap(({ id, data }) => (data.type === 'sticky' ? [{ id, x: data.x, y: data.y, text: data.text, department: data.department, mark: '', author: '', votes: null, promoted: data.promotedTo }] : [])),
      persona: null,
      emptyNote: '',
    }).bounds;
    expect(Math.abs(size.width / size.height - bounds.width / bounds.height)).toBeLessThan(0.005);
    expect(size.width / bounds.width).toBeGreaterThanOrEqual(1);
    // Drawn, not blank: a good share of the pixels are ink or note colour.
    expect(await inkedShare(page, png)).toBeGreaterThan(0.005);
    expect(pageErrors).toEqual([]);
  });

  test('English: the sample funnel’s sheet from the workspace page’s menu', async () => {
    const { page, context, pageErrors } = await launchBrowser({ lang: 'en' });
    await stubPrintDialog(context);
    const workspaceId = await openSample(page);
    // The sample comes with its funnel.
    const funnel = page.getByRole('region', { name: en.funnel.section });
    await funnel.getByRole('button', { name: /: actions$/ }).click();
    await page.getByRole('menuitem', { name: en.diagrams.funnelSheet.export }).click();
    const hash = await nextPrinted(page, 1);
    expect(hash).toMatch(new RegExp(`^#/print/funnel/${workspaceId}/[^?]+\\?paper=A4$`));
    const dir = await makeTempDir();
    const path = join(dir, 'funnel-sheet.pdf');
    const { sheet, orientation } = await printRouteToPdf(context, hash, 'funnel-sheet', 'A4', path);
    expect(await pdfPageCount(path)).toBe(1);
    const [pdfPage] = await pdfWords(path);
    expect(pageSizeMatches(pdfPage!, 'A4', orientation)).toBe(true);
    const text = squash(pdfPage!.words.map((word) => word.text).join(' '));
    for (const name of ['Prospect / Awareness', 'Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Won', 'Lost', 'Recycled', 'Hand-off: Marketing → Sales', 'Sample: Northwind Cloud']) {
      expect(text).toContain(squash(name));
    }
    // Owners, target volumes, conversion rates and entry definitions beside the stages.
    for (const phrase of ['Marketing · Target 7,000 / month', 'Sales · Target 120 / month', '↓ 28%', 'Fits the target accounts and persona, and is aware of us', 'Contract signed']) {
      expect(text).toContain(squash(phrase));
    }
    // …so the sheet does not say they were left out.
    expect(text).not.toContain(squash(en.diagrams.funnelSheet.definitionsLeftOut.split('{{count}}')[0]!));
    // The reverse-funnel table's numbers each in one piece (the first gap once wrapped as “+92” over “0”).
    const words = pdfPage!.words.map((word) => word.text);
    for (const number of ['6,080', '7,000', '+920']) expect(words).toContain(number);
    expect(wordsOutside([pdfPage!], 12)).toEqual([]);
    expect(await pdfImages(path)).toEqual([]);
    await expectNoSeriousA11yViolations(sheet);
    expect(pageErrors).toEqual([]);
  });
});
