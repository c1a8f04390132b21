import { afterEach, expect, test } from 'vitest';
import { poll } from './support/app';
import { escapeRegExp, expectFocusedName, focusedName, labelsInReadingOrder, openSampleBoardByKeyboard, readNodes, sticky, stickies, tabToNode, toolbar } from './support/board';
import { cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser } from './support/browser';
import { isFocused } from './support/keyboard';

/**
 * The persona board keeps the keyboard's place when an action takes the focused node away:
 * undoing a new note, cutting a note, deleting every node. The focus never falls to the page's
 * body (where Tab starts over from the top of the page).
 */

afterEach(cleanUpBrowsers);

test('undo of a new note, cut, and deleting every node pass the focus on instead of dropping it to the body', async () => {
  const { page } = await launchBrowser();
  await openSampleBoardByKeyboard(page);
  const before = await stickies(page).count();

  // A new note, written and left with Escape: the focus is on the note.
  await page.keyboard.press('Home');
  await page.keyboard.press('s');
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await poll(() => isFocused(editor)).toBe(true);
  await page.keyboard.type('Undo me');
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
  await expectFocusedName(page, 'Joint sticky note: Undo me');
  const order = await labelsInReadingOrder(page);
  const after = order[order.indexOf('Joint sticky note: Undo me') + 1] ?? order[order.indexOf('Joint sticky note: Undo me') - 1]!;

  // Undo takes the note away: the focus goes to the node after it in reading order.
  await page.keyboard.press('Control+z');
  await poll(() => stickies(page).count()).toBe(before);
  await expectFocusedName(page, after);
  // Redo brings the note back; the focus stays where it is.
  await page.keyboard.press('Control+Shift+z');
  await poll(() => stickies(page).count()).toBe(before + 1);
  await expectFocusedName(page, after);

  // Cut the focused node: as Delete, the focus goes on to the next node.
  await page.keyboard.press('Home');
  const first = await focusedName(page);
  const readingOrder = await labelsInReadingOrder(page);
  expect(readingOrder[0]).toBe(first);
  await page.keyboard.press('Control+x');
  await expectFocusedName(page, readingOrder[1]!);
  // Paste: the one pasted node takes the focus.
  await page.keyboard.press('Control+v');
  await expectFocusedName(page, first);

  // Every node deleted: the canvas has the focus; undo brings them back and Tab reaches them.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await poll(() => page.locator('.react-flow__node').count()).toBe(0);
  await expectFocusedName(page, 'Board canvas');
  // The emptied canvas says how to go on.
  const empty = page.getByRole('region', { name: 'Board canvas' }).getByText('The board is empty. Press S or “New note” to add a note; “Undo” brings back what was just removed.');
  await empty.waitFor();
  await page.keyboard.press('Control+z');
  await poll(() => stickies(page).count()).toBe(before + 1);
  await empty.waitFor({ state: 'detached' });
  await expectFocusedName(page, 'Board canvas');
  await page.keyboard.press('Tab');
  await poll(() => focusedName(page)).toMatch(/sticky note|Zone|Persona card/);
});

test('starting a vote puts the focus on the first note to vote on; the vote’s Reveal and Cancel, and Clear vote results, give the focus back to the board (their buttons go away)', async () => {
  const { page } = await launchBrowser();
  // Wide enough for the full toolbar (Clear vote results is a tool of its own, not in "More").
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openSampleBoardByKeyboard(page);
  // The node last focused is a zone: starting a vote puts the focus on the first note instead
  // (the Start button is gone), and Cancel and Reveal bring it back to the note last focused.
  await tabToNode(page, 'Zone: Goals');
  const home = (await labelsInReadingOrder(page)).find((label) => /sticky note/i.test(label))!;

  const startVote = async () => {
    await toolbar(page).getByRole('button', { name: 'Start dot vote…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /vote/i });
    await dialog.getByRole('button', { name: 'Start the vote' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
  };

  await startVote();
  await expectFocusedName(page, home);
  await page.getByRole('button', { name: 'Cancel vote' }).focus();
  await page.keyboard.press('Enter');
  await expectFocusedName(page, home);

  // A vote with one dot (member 1 on the first note), revealed: the focus is back on that note.
  await startVote();
  await tabToNode(page, /^Sticky note by /);
  const note = (await focusedName(page)).split(':')[1]!.split('.')[0]!.trim();
  await page.keyboard.press('1');
  await page.keyboard.press('v');
  await page.getByRole('button', { name: 'Reveal results' }).focus();
  await page.keyboard.press('Enter');
  await expectFocusedName(page, new RegExp(`^Sticky note by .*: ${escapeRegExp(note)}`));

  await toolbar(page).getByRole('button', { name: 'Clear vote results' }).focus();
  await page.keyboard.press('Enter');
  await expectFocusedName(page, new RegExp(`^Sticky note by .*: ${escapeRegExp(note)}`));
});

test('Ctrl+Enter picks two of three notes by keyboard; Tab leaves the selection alone; arrows and Delete act on those two only', async () => {
  const { page } = await launchBrowser();
  await openSampleBoardByKeyboard(page);
  const budget = 'Sticky note by Noah Bennett (Sales): Budget is decided in Q4';
  const trade = 'Sticky note by Emma Clark (Marketing): Reads trade media on the train';
  const worried = 'Sticky note by Noah Bennett (Sales): Worried about migration downtime';
  const selected = () => page.locator('.react-flow__node.selected').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')).sort());
  const live = page.locator('.board-top ~ [aria-live="polite"]');
  const positions = async () => Object.fromEntries((await readNodes(page)).filter((node) => [budget, trade, worried].includes(node.label)).map((node) => [node.label, { x: node.x, y: node.y }]));

  await tabToNode(page, budget);
  await page.keyboard.press('Control+Enter');
  await poll(() => live.textContent()).toContain('Added to the selection: 1 item selected.');
  // Tab walks on (past other nodes) to the second note without taking Budget out of the selection.
  await tabToNode(page, trade);
  expect(await selected()).toEqual([budget]);
  await page.keyboard.press('Control+Enter');
  await poll(selected).toEqual([budget, trade].sort());
  await poll(() => live.textContent()).toContain('Added to the selection: 2 items selected.');
  await expectNoSeriousA11yViolations(page, 'board with a keyboard-built selection');

  // The third note stays put while the two move, and stays when the two are deleted.
  const before = await positions();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await poll(async () => (await positions())[budget]!.x).toBe(before[budget]!.x + 20);
  const after = await positions();
  expect(after[trade]).toEqual({ x: before[trade]!.x + 20, y: before[trade]!.y });
  expect(after[worried]).toEqual(before[worried]);

  await page.keyboard.press('Delete');
  await poll(() => sticky(page, budget).count()).toBe(0);
  expect(await sticky(page, trade).count()).toBe(0);
  expect(await sticky(page, worried).count()).toBe(1);
  await poll(() => live.textContent()).toContain('2 items deleted');
  // The focus went on to a node left on the board, not to the page's body.
  await poll(() => focusedName(page)).toMatch(/sticky note|Zone|Persona card/i);
});
