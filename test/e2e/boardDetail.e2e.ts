import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { DIAGRAM_BOARD_NAMES, diagramsWorkspaceFile, noteBoard } from '../fixtures/diagrams';
import { expectWorkspacePage, importFile, poll } from './support/app';
import { escapeRegExp, sticky, toolbar, waitForBoard } from './support/board';
import { cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser, makeTempDir } from './support/browser';

afterEach(cleanUpBrowsers);

declare global {
  interface Window {
    detailLevels?: string[];
  }
}

test('a 300-note board opens zoomed out in low detail from its first frame, its notes’ text not laid out until it is drawn, then every note takes its real size; zooming in brings the text, zooming out again keeps each note’s size', { timeout: 150_000 }, async () => {
  const { page, pageErrors } = await launchBrowser();
  const dir = await makeTempDir();
  const file = join(dir, 'big-board.alignboard');
  // One note with a text longer than a note's least height holds (18 px type in 260 px).
  const longText = `Came to us through the autumn webinar series, downloaded the pricing guide twice, asked for a call with a customer in the same industry and wants to see the security review before the budget meeting in March.`;
  await writeFile(file, diagramsWorkspaceFile({ language: 'en', notes: 300, name: 'Big board', texts: { 'note-30': longText } }));
  await importFile(page, file);
  await expectWorkspacePage(page, 'Big board');

  // Every level of detail the canvas is given, in order, and when its notes' text is first laid
  // out ('text'), from before it exists (the app moves between pages without reloading, so this
  // watches the board's canvas from its first frame).
  await page.evaluate(() => {
    window.detailLevels = [];
    new MutationObserver((records) => {
      for (const record of records) {
        const element = record.target as HTMLElement;
        if (record.attributeName === 'data-detail' && element.dataset.detail) window.detailLevels!.push(element.dataset.detail);
        if (record.attributeName === 'data-text-shown' && record.oldValue === null && element.dataset.textShown !== undefined) window.detailLevels!.push('text');
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-detail', 'data-text-shown'] });
  });
  const boardName = DIAGRAM_BOARD_NAMES.en.board(300);
  await page.getByRole('link', { name: new RegExp(`${boardName}$`) }).click();
  await waitForBoard(page, boardName);

  const zoomText = () => toolbar(page).getByText(/^\d+\s?%$/).innerText();
  const percent = async () => Number((await zoomText()).replace(/\D/g, ''));
  const levels = () => page.evaluate(() => window.detailLevels);
  expect(await percent()).toBeLessThan(25);
  // Low detail from the first frame, its text not laid out (never drawn in full detail, every
  // note's text measured, first); once drawn, the text is laid out, still hidden.
  await poll(levels).toEqual(['low', 'text']);
  expect(await percent()).toBeLessThan(25);

  // The second note: no votes or promotion in its name.
  const noteText = noteBoard(300, 'en').flatMap((node) => (node.data.type === 'sticky' ? [node.data.text] : []))[1]!;
  const note = sticky(page, `Marketing sticky note: ${noteText}`);
  const text = note.getByText(noteText, { exact: true });
  expect(await text.isVisible()).toBe(false);
  // A note with a long text is taller than its least size (260 × 160 flow px) before any zoom
  // in: each note has its real size for what counts on it (a new note's place, the zones).
  const longNote = sticky(page, new RegExp(escapeRegExp(longText)));
  expect(await longNote.getByText(longText, { exact: true }).isVisible()).toBe(false);
  const longLow = (await longNote.boundingBox())!;
  expect(longLow.height / longLow.width).toBeGreaterThan(160 / 260 + 0.05);

  // Zoomed in past 25 % (the toolbar rounds: 26 % is surely past), the text is drawn.
  for (let i = 0; i < 12 && (await percent()) < 26; i++) {
    await toolbar(page).getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(250);
  }
  expect(await percent()).toBeGreaterThanOrEqual(26);
  await poll(() => text.isVisible()).toBe(true);
  const full = (await note.boundingBox())!;
  expect(full.height / full.width).toBeGreaterThanOrEqual(160 / 260 - 0.01);
  // The long note kept the size it had in low detail.
  const longFull = (await longNote.boundingBox())!;
  expect(longFull.height / longFull.width).toBeCloseTo(longLow.height / longLow.width, 2);

  // Zoomed out again: low detail, the text hidden but keeping its place.
  for (let i = 0; i < 12 && (await percent()) >= 24; i++) {
    await toolbar(page).getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForTimeout(250);
  }
  await poll(() => text.isVisible()).toBe(false);
  const after = (await note.boundingBox())!;
  expect(after.height / after.width).toBeCloseTo(full.height / full.width, 2);
  expect(await levels()).toEqual(['low', 'text', 'full', 'low']);
  await expectNoSeriousA11yViolations(page);
  expect(pageErrors).toEqual([]);
});

test('on the projector a 300-note board shown whole is drawn in low detail, and a zone brought up is drawn in full', { timeout: 150_000 }, async () => {
  const { page, context, pageErrors } = await launchBrowser();
  const dir = await makeTempDir();
  const file = join(dir, 'big-board.alignboard');
  await writeFile(file, diagramsWorkspaceFile({ language: 'en', notes: 300, name: 'Big board' }));
  await importFile(page, file);
  await expectWorkspacePage(page, 'Big board');
  const boardName = DIAGRAM_BOARD_NAMES.en.board(300);
  await page.getByRole('link', { name: new RegExp(`${boardName}$`) }).click();
  await waitForBoard(page, boardName);

  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Show on projector' }).click();
  const audience = await opened;
  await audience.setViewportSize({ width: 1280, height: 720 });
  // The audience window loads the app and the board on a busy machine: a generous wait.
  const canvas = audience.getByRole('region', { name: `Board shown to the audience: ${boardName}` });
  await canvas.waitFor({ timeout: 30_000 });
  const flow = canvas.locator('.react-flow');
  const noteText = noteBoard(300, 'en').flatMap((node) => (node.data.type === 'sticky' ? [node.data.text] : []))[0]!;
  const text = audience.getByTestId('audience-note').getByText(noteText, { exact: true });
  // The whole board: at this zoom the notes' text is too small to read, and is not drawn.
  await poll(() => flow.getAttribute('data-detail')).toBe('low');
  await text.waitFor({ state: 'attached' });
  expect(await text.isVisible()).toBe(false);

  // A zone brought up on the projector: legible, in full detail.
  const panel = page.getByRole('region', { name: 'Projector' });
  await panel.getByRole('button', { name: 'All controls', expanded: false }).click();
  await panel.getByLabel('Zone on the projector').selectOption({ label: 'Goals' });
  await poll(() => flow.getAttribute('data-detail')).toBe('full');
  await poll(() => text.isVisible()).toBe(true);
  await expectNoSeriousA11yViolations(audience);
  expect(pageErrors).toEqual([]);
});
