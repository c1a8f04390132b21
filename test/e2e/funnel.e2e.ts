import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { createWorkspace, poll, readTable } from './support/app';
import { cleanUpBrowsers, expectNoSeriousA11yViolations as audit, launchBrowser } from './support/browser';
import { isFocused, pressUntilFocused } from './support/keyboard';

/**
 * The funnel board in real Chromium: created from the workspace page with the default stages,
 * a stage edited in the side panel, a stage added and removed, hand-off edges where ownership
 * changes, the reverse-funnel calculator (volumes, then a named problem for a zero rate), undo
 * with Ctrl+Z, and the same funnel after a reload.
 */

afterEach(cleanUpBrowsers);

const DEFAULT_STAGES = ['Prospect / Awareness', 'Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Won', 'Lost', 'Recycled'];

function stageList(page: Page) {
  return page.getByRole('list', { name: 'Stages in funnel order' });
}

async function stageNames(page: Page): Promise<string[]> {
  const buttons = stageList(page).getByRole('button', { name: /^Edit / });
  return (await buttons.allInnerTexts()).map((text) => text.trim());
}

async function handOffItems(page: Page): Promise<string[]> {
  const region = page.getByRole('region', { name: 'Hand-offs' });
  return (await region.getByRole('listitem').allInnerTexts()).map((text) => text.trim());
}

function calculatorTable(page: Page) {
  return page.getByRole('table', { name: 'Volumes needed per month' });
}

/** Fills a side-panel field and commits it with Enter. */
async function setField(page: Page, label: string | RegExp, value: string): Promise<void> {
  const field = page.getByRole('region', { name: /Stage details|Reverse funnel/ }).getByLabel(label, { exact: typeof label === 'string' });
  await field.fill(value);
  await field.press('Enter');
}

async function expectNoNaN(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/NaN|Infinity|∞/);
}

test('funnel board: create, edit stages, hand-offs, reverse funnel, undo, reload', async () => {
  const app = await launchBrowser();
  const { page } = app;
  await page.getByRole('heading', { name: 'No workspaces yet' }).waitFor();
  await createWorkspace(page, 'Funnel Co');

  // --- Create the funnel from the workspace page. --------------------------------------------
  const funnelSection = page.getByRole('region', { name: 'Funnel', exact: true });
  await funnelSection.getByRole('button', { name: 'Create the funnel' }).click();
  await page.getByRole('heading', { level: 1, name: 'Funnel' }).waitFor();
  await page.waitForURL(/#\/w\/[^/]+\/funnel\/[^/]+$/);
  const funnelUrl = page.url();
  await poll(() => stageNames(page)).toEqual(DEFAULT_STAGES);
  // The default funnel: one hand-off, marketing → sales between MQL and SAL, drawn as an edge.
  expect(await handOffItems(page)).toEqual(['MQL → SAL: Marketing hands off to Sales']);
  const canvas = page.getByRole('region', { name: 'Funnel diagram' });
  await canvas.getByText('Hand-off: Marketing → Sales').waitFor();
  await canvas.getByRole('button', { name: /^MQL: owner Marketing/ }).waitFor();
  // Each arrow is named after its stages for a screen reader (not React Flow's "Edge from <id> to <id>").
  await canvas.getByRole('img', { name: 'From MQL to SAL, hand-off from Marketing to Sales', exact: true }).waitFor({ state: 'attached' });
  await canvas.getByRole('img', { name: 'From Lead to MQL', exact: true }).waitFor({ state: 'attached' });
  expect(await canvas.getByRole('img', { name: /^Edge from/ }).count()).toBe(0);
  // No revenue plan yet: the calculator names what is missing.
  await page.getByText('Enter a revenue target.').waitFor();
  await page.getByText('Enter an average deal size.').waitFor();
  await audit(page, 'new funnel board');

  // --- The canvas by keyboard: stages are buttons in funnel order; arrows move between them,
  // Enter selects one and puts the keyboard in its editor beside the canvas. ------------------
  await canvas.getByRole('button', { name: /^MQL: owner Marketing/ }).focus();
  await page.keyboard.press('ArrowDown');
  const salStage = canvas.getByRole('button', { name: /^SAL: owner Sales/ });
  await poll(() => isFocused(salStage)).toBe(true);
  await page.keyboard.press('Enter');
  const stageName = page.getByRole('region', { name: 'Stage details' }).getByLabel('Stage name');
  await poll(() => stageName.inputValue()).toBe('SAL');
  await poll(() => isFocused(stageName)).toBe(true);
  expect(await salStage.getAttribute('aria-pressed')).toBe('true');
  await page.keyboard.press('Shift+Tab');
  await salStage.focus();
  await page.keyboard.press('Home');
  await poll(() => isFocused(canvas.getByRole('button', { name: /^Prospect \/ Awareness: / }))).toBe(true);

  // --- Edit a stage in the side panel: rename, owner, volume, rate. ---------------------------
  await stageList(page).getByRole('button', { name: 'Edit Lead' }).click();
  await setField(page, 'Stage name', 'Inquiry');
  await poll(() => stageNames(page)).toContain('Inquiry');
  await page.getByRole('region', { name: 'Stage details' }).getByLabel('Owner department').selectOption({ label: 'Joint' });
  await setField(page, 'Target volume', '1200');
  await setField(page, 'Conversion rate to the next stage (%)', '30');
  await canvas.getByRole('button', { name: 'Inquiry: owner Joint; Volume 1,200; To next 30%' }).waitFor();
  // Ownership now changes three times, and each change is a hand-off edge.
  await poll(() => handOffItems(page)).toEqual([
    'Prospect / Awareness → Inquiry: Marketing hands off to Joint',
    'Inquiry → MQL: Joint hands off to Marketing',
    'MQL → SAL: Marketing hands off to Sales',
  ]);
  await canvas.getByText('Hand-off: Marketing → Joint').waitFor();
  await canvas.getByText('Hand-off: Joint → Marketing').waitFor();

  // --- Add a stage after the selected one, then remove it. ------------------------------------
  await page.getByRole('toolbar', { name: 'Funnel history' }).getByRole('button', { name: 'Add stage' }).click();
  await poll(() => stageNames(page)).toEqual(['Prospect / Awareness', 'Inquiry', 'New stage', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Won', 'Lost', 'Recycled']);
  await stageList(page).getByRole('button', { name: 'Move New stage down' }).click();
  await poll(() => stageNames(page)).toEqual(['Prospect / Awareness', 'Inquiry', 'MQL', 'New stage', 'SAL', 'SQL', 'Opportunity', 'Won', 'Lost', 'Recycled']);
  await stageList(page).getByRole('button', { name: 'Remove New stage' }).click();
  await poll(() => stageNames(page)).toEqual(['Prospect / Awareness', 'Inquiry', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Won', 'Lost', 'Recycled']);

  // --- Reverse funnel: 10,000,000 revenue ÷ 1,000,000 per deal = 10 deals, worked back. ------
  await setField(page, 'Revenue target per month', '10000000');
  await setField(page, 'Average deal size', '1000000');
  await page.getByText('Deals needed: 10').waitFor();
  const expected = [
    ['Prospect / Awareness', '6,400', '—', '—'],
    ['Inquiry', '640', '1,200', '+560'],
    ['MQL', '192', '—', '—'],
    ['SAL', '134', '—', '—'],
    ['SQL', '67', '—', '—'],
    ['Opportunity', '40', '—', '—'],
    ['Won', '10', '—', '—'],
  ];
  expect(await readTable(calculatorTable(page))).toEqual(expected);
  await expectNoNaN(page);
  await audit(page, 'funnel board with the reverse funnel');

  // --- Consistency checks: an MQL target below what the revenue plan needs. -----------------
  const checks = page.getByRole('region', { name: 'Consistency checks' });
  await checks.getByText('No SLA yet: only the funnel itself is checked.').waitFor();
  await checks.getByText('No problems found.').waitFor();
  await stageList(page).getByRole('button', { name: 'Edit MQL' }).click();
  await setField(page, 'Target volume', '100');
  const below = 'The target volume of “MQL” (100) is below the 192 per month the revenue target needs.';
  await checks.getByRole('listitem').filter({ hasText: `Warning: ${below}` }).waitFor();
  const mqlNode = canvas.getByRole('button', { name: `MQL: owner Marketing; Volume 100; To next 70%; 1 problem: Warning: ${below}` });
  await mqlNode.waitFor();
  // The visible badge sits on the band the stage's button covers.
  expect(await mqlNode.locator('xpath=..').locator('.funnel-stage-badge').innerText()).toBe('⚠ Warning: 1');
  await audit(page, 'funnel board with a consistency finding');
  await setField(page, 'Target volume', '');
  await checks.getByText('No problems found.').waitFor();

  // --- A zero rate: a named problem instead of numbers, never NaN or Infinity. ----------------
  await stageList(page).getByRole('button', { name: 'Edit SQL' }).click();
  await setField(page, 'Conversion rate to the next stage (%)', '0');
  await page.getByText('The conversion rate of “SQL” is 0 %: nothing would reach the next stage.').waitFor();
  // The same problem, named in the checks panel and on the SQL stage.
  const zero = 'The reverse funnel cannot be calculated: the conversion rate of “SQL” is 0 %.';
  await checks.getByRole('listitem').filter({ hasText: `Error: ${zero}` }).waitFor();
  await canvas.getByRole('button', { name: /^SQL: / }).and(canvas.getByRole('button', { name: `1 problem: Error: ${zero}` })).waitFor();
  await calculatorTable(page).waitFor({ state: 'detached' });
  await expectNoNaN(page);

  // --- Ctrl+Z (outside a text field) takes the zero rate back. -------------------------------
  await page.getByRole('heading', { name: 'Reverse funnel' }).click();
  await page.keyboard.press('Control+z');
  await poll(() => readTable(calculatorTable(page))).toEqual(expected);
  expect(await page.getByRole('region', { name: 'Stage details' }).getByLabel('Conversion rate to the next stage (%)').inputValue()).toBe('60');

  // --- Reload: the same funnel, from IndexedDB. ----------------------------------------------
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Funnel' }).waitFor();
  expect(page.url()).toBe(funnelUrl);
  await poll(() => stageNames(page)).toEqual(['Prospect / Awareness', 'Inquiry', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Won', 'Lost', 'Recycled']);
  expect(await handOffItems(page)).toHaveLength(3);
  await poll(() => readTable(calculatorTable(page))).toEqual(expected);
  await page.getByRole('region', { name: 'Funnel diagram' }).getByRole('button', { name: 'Inquiry: owner Joint; Volume 1,200; To next 30%' }).waitFor();
  await expectNoNaN(page);
  await audit(page, 'funnel board after a reload');

  // --- Keyboard only: reorder a stage with its "Move up" button, then undo with Ctrl+Z. ------
  const moveUp = stageList(page).getByRole('button', { name: 'Move SQL up' });
  await pressUntilFocused(page, moveUp, 'Tab', 80);
  await page.keyboard.press('Enter');
  await poll(() => stageNames(page)).toEqual(['Prospect / Awareness', 'Inquiry', 'MQL', 'SQL', 'SAL', 'Opportunity', 'Won', 'Lost', 'Recycled']);
  // Focus stays on the moved stage's button, so the next Enter moves it again.
  await poll(() => isFocused(moveUp)).toBe(true);
  await page.keyboard.press('Control+z');
  await poll(() => stageNames(page)).toEqual(['Prospect / Awareness', 'Inquiry', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Won', 'Lost', 'Recycled']);
  await page.keyboard.press('Control+Shift+z');
  await poll(() => stageNames(page)).toEqual(['Prospect / Awareness', 'Inquiry', 'MQL', 'SQL', 'SAL', 'Opportunity', 'Won', 'Lost', 'Recycled']);
  expect(app.pageErrors).toEqual([]);
});
