import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { createWorkspace, goHome, goToBackups, openSample, poll, rowNamed, theme, toasts, workspacesTable } from './support/app';
import { escapeRegExp, SAMPLE_BOARD, waitForBoard } from './support/board';
import { cleanUpBrowsers, expectNoSeriousA11yViolations as audit, launchBrowser, makeTempDir, printUrl, type AppBrowser } from './support/browser';
import { printOptions, printRoute } from '../../shared/pdf';
import { toPlaywrightPdfOptions } from '../../shared/pdfFooter';
import { settle } from './support/keyboard';
import { pdfText, squash } from './support/pdf';

/**
 * The boards on a 1366×768 screen (a common projector and laptop): in the light and projector
 * themes the canvas keeps at least 70 % of the window, the chrome around it stays small. The
 * screenshots of each page are written for a look (test-results/ is not committed), not compared.
 */

const WIDTH = 1366;
const HEIGHT = 768;
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');

let app: AppBrowser;
let page: Page;
let sampleId: string;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  app = await launchBrowser({ lang: 'en' });
  page = app.page;
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  sampleId = await openSample(page);
}, 120_000);

afterAll(cleanUpBrowsers);

async function switchTheme(target: string) {
  for (let i = 0; i < 3 && (await theme(page)) !== target; i++) await page.keyboard.press('Alt+Shift+T');
  expect(await theme(page)).toBe(target);
}

/** The share of the window the React Flow pane covers (its box clipped to the window). */
async function canvasShare(): Promise<number> {
  const box = await page.locator('.react-flow').first().boundingBox();
  if (!box) throw new Error('no canvas on screen');
  const width = Math.max(0, Math.min(box.x + box.width, WIDTH) - Math.max(box.x, 0));
  const height = Math.max(0, Math.min(box.y + box.height, HEIGHT) - Math.max(box.y, 0));
  return (width * height) / (WIDTH * HEIGHT);
}

function workspaceNav() {
  return page.getByRole('navigation', { name: `Workspace: ${en.sample.workspaceName}` });
}

/** The text of a print route's PDF, printed as the app prints it, without white space (pdftotext's own). */
async function printedText(kind: 'minutes' | 'sla', route: string): Promise<string> {
  const sheet = await app.context.newPage();
  await sheet.goto(printUrl(route));
  await sheet.locator('[data-print-ready="true"]').waitFor();
  const pdfPath = join(await makeTempDir(), `${kind}.pdf`);
  await writeFile(pdfPath, await sheet.pdf(toPlaywrightPdfOptions(printOptions(kind, { footer: { label: kind } }))));
  await sheet.close();
  return squash((await pdfText(pdfPath)).join(''));
}

async function shot(name: string) {
  await settle(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('Layout at 1366×768', () => {
  test.for(['light', 'projector'])('%s theme: workspace overview, persona board and funnel board; the canvas keeps ≥ 70 % of the window', { timeout: 180_000 }, async (target) => {
    await switchTheme(target);
    await workspaceNav().getByRole('link', { name: en.workspaceUx.nav.places.overview, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en.sample.workspaceName, exact: true }).waitFor();
    await shot(`workspace-${target}`);
    await audit(page, `workspace overview, ${target} theme, 1366×768`);

    await workspaceNav().getByRole('link', { name: en.workspaceUx.nav.places.personas, exact: true }).click();
    await page.getByRole('link', { name: new RegExp(`${escapeRegExp(SAMPLE_BOARD)}$`) }).click();
    await waitForBoard(page);
    await shot(`persona-board-${target}`);
    const persona = await canvasShare();
    // The tools are one row: no taller than one button and a half.
    const tools = page.getByRole('toolbar', { name: en.board.toolbar });
    const toolsHeight = (await tools.boundingBox())!.height;
    const buttonHeight = (await tools.getByRole('button', { name: en.board.newSticky }).boundingBox())!.height;
    expect(toolsHeight).toBeLessThan(buttonHeight * 1.5);
    console.log(`canvas share, persona board, ${target}: ${(persona * 100).toFixed(1)} %`);
    await audit(page, `persona board, ${target} theme, 1366×768`);
    // A running dot vote floats over the canvas's top: the canvas keeps its share.
    await page.getByRole('toolbar', { name: en.board.toolbar }).getByRole('button', { name: en.board.vote.start }).click();
    await page.getByRole('dialog', { name: en.board.vote.startTitle }).getByRole('button', { name: en.board.vote.startSubmit }).click();
    const cancelVote = page.getByRole('button', { name: en.board.vote.cancel, exact: true });
    await cancelVote.waitFor();
    await shot(`persona-board-voting-${target}`);
    const voting = await canvasShare();
    console.log(`canvas share, persona board during a vote, ${target}: ${(voting * 100).toFixed(1)} %`);
    await audit(page, `persona board during a vote, ${target} theme, 1366×768`);
    await cancelVote.click();
    await cancelVote.waitFor({ state: 'detached' });

    await workspaceNav().getByRole('link', { name: en.workspaceUx.nav.places.funnel, exact: true }).click();
    await page.getByRole('region', { name: en.funnel.canvas }).waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    await shot(`funnel-board-${target}`);
    const funnel = await canvasShare();
    console.log(`canvas share, funnel board, ${target}: ${(funnel * 100).toFixed(1)} %`);
    await audit(page, `funnel board, ${target} theme, 1366×768`);
    // The stages and details wait below the diagram; their button takes the focus there.
    await page.getByRole('button', { name: en.layout.stages, exact: true }).click();
    const stages = page.getByRole('region', { name: en.layout.stages, exact: true });
    await poll(() => stages.evaluate((element) => element === document.activeElement)).toBe(true);
    await poll(() => page.getByRole('list', { name: en.funnel.stageList }).evaluate((list) => list.getBoundingClientRect().top < window.innerHeight)).toBe(true);

    expect(persona).toBeGreaterThanOrEqual(0.7);
    expect(voting).toBeGreaterThanOrEqual(0.7);
    expect(funnel).toBeGreaterThanOrEqual(0.7);
    expect(app.pageErrors).toEqual([]);
  });

  test.for(['light', 'projector'])('%s theme: with the projector open, its panel on the persona board covers at most 10 % of the canvas; the rest of its controls open by keyboard', { timeout: 180_000 }, async (target) => {
    await switchTheme(target);
    await workspaceNav().getByRole('link', { name: en.workspaceUx.nav.places.personas, exact: true }).click();
    await page.getByRole('link', { name: new RegExp(`${escapeRegExp(SAMPLE_BOARD)}$`) }).click();
    await waitForBoard(page);
    const opened = app.context.waitForEvent('page');
    await page.getByRole('button', { name: en.audience.controls.show }).click();
    const audience = await opened;
    const panel = page.getByRole('region', { name: en.audience.controls.toolbar, exact: true });
    await panel.getByRole('status').filter({ hasText: en.audience.controls.showingBoard }).waitFor();
    // The part of the canvas the panel lies over.
    const covered = async () => {
      const canvas = (await page.locator('.board-canvas').boundingBox())!;
      const box = (await panel.boundingBox())!;
      const width = Math.max(0, Math.min(box.x + box.width, canvas.x + canvas.width) - Math.max(box.x, canvas.x));
      const height = Math.max(0, Math.min(box.y + box.height, canvas.y + canvas.height) - Math.max(box.y, canvas.y));
      return (width * height) / (canvas.width * canvas.height);
    };
    await settle(page);
    await shot(`persona-board-projector-panel-${target}`);
    const share = await covered();
    console.log(`projector panel over the persona board, ${target}: ${(share * 100).toFixed(1)} %`);
    await audit(page, `persona board with the projector panel, ${target} theme, 1366×768`);
    // Still readable on a projector: the bar's text is no smaller than the toolbar's.
    const textSize = (locator: ReturnType<Page['locator']>) => locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(await textSize(panel.getByRole('status'))).toBeGreaterThanOrEqual(await textSize(page.getByRole('toolbar', { name: en.board.toolbar }).getByRole('button', { name: en.board.newSticky })) * 0.85);

    // By keyboard: "All controls" opens the rest; Escape is not needed, the same button closes it.
    const more = panel.getByRole('button', { name: en.audience.controls.allControls });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.focus();
    await page.keyboard.press('Enter');
    await panel.getByRole('button', { name: en.audience.controls.showAll }).waitFor();
    await shot(`persona-board-projector-panel-open-${target}`);
    await audit(page, `persona board with the projector panel open, ${target} theme, 1366×768`);
    await page.keyboard.press('Enter');
    expect(await more.getAttribute('aria-expanded')).toBe('false');

    await audience.close();
    await panel.waitFor({ state: 'detached' });
    expect(share).toBeLessThanOrEqual(0.1);
    expect(app.pageErrors).toEqual([]);
  });

  test('projector theme: an SLA commitment’s edit form sets its fields in the page’s type, each checkbox as large as that type and on the line of its label, the reason codes the lane’s width', { timeout: 180_000 }, async () => {
    await switchTheme('projector');
    await page.goto(`${page.url().split('#')[0]}#/w/${sampleId}/sla/commitments`);
    await page.getByRole('region', { name: 'Sales lane' }).getByRole('button', { name: /^Accept or reject/ }).click();
    const form = page.getByRole('group', { name: `Edit: ${en.sla.kinds.acceptReject}` });
    const owner = form.getByLabel(en.sla.commitments.owner, { exact: true });
    const hours = form.getByRole('checkbox', { name: en.sla.commitments.fields.businessHours });
    const codes = form.getByLabel(en.sla.commitments.fields.reasonCodes);
    await owner.waitFor();
    const fontSize = (locator: typeof owner) => locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    const pageSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    // The browser's default is 13.3 px whatever the theme: too small to read on the projector.
    expect(await fontSize(owner)).toBe(pageSize);
    expect(await fontSize(codes)).toBe(pageSize);
    const box = (await hours.boundingBox())!;
    // As large as the type beside it, not the browser's 13 px.
    expect(box.height).toBeGreaterThanOrEqual(pageSize * 0.9);
    const label = (await form.getByText(en.sla.commitments.fields.businessHours, { exact: true }).boundingBox())!;
    expect(label.y + label.height / 2).toBeGreaterThan(box.y);
    expect(label.y + label.height / 2).toBeLessThan(box.y + box.height);
    expect(label.x).toBeGreaterThan(box.x + box.width);
    const fields = (await form.locator('.sla-commitment-fields').boundingBox())!;
    expect((await codes.boundingBox())!.width).toBeGreaterThan(fields.width * 0.9);
    await shot('projector-sla-commitment');
    await audit(page, 'SLA commitment form, projector theme');
    expect(app.pageErrors).toEqual([]);
  });

  test('projector theme, run mode: a toast is a solid, high-contrast surface that holds its text', { timeout: 180_000 }, async () => {
    const m = en.meetings;
    await switchTheme('projector');
    await workspaceNav().getByRole('link', { name: en.workspaceUx.nav.places.meetings, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: m.title }).waitFor();
    // Plan the next meeting from the default agenda (the toast of the issue), then run it.
    await page.getByRole('button', { name: new RegExp(`^${m.series.plan.replace('{{date}}', '.+')}$`) }).click();
    await page.getByRole('link', { name: m.meeting.run }).click();
    await page.getByText(m.run.paused, { exact: false }).first().waitFor();
    // A toast made on the run page: a decision recorded by keyboard. Hovering it keeps it (sonner
    // pauses its timer), expanded, as when a user reads it.
    await page.keyboard.press('Alt+Shift+D');
    await page.keyboard.type('Pilot with two plants first');
    await page.keyboard.press('Enter');
    const toast = toasts(page).getByRole('listitem').filter({ hasText: m.decisions.added });
    await toast.hover();
    await poll(() => toast.evaluate((element) => element.getAnimations({ subtree: true }).every((animation) => animation.playState !== 'running'))).toBe(true);
    await shot('toast-run-projector');

    const look = await toast.evaluate((element) => {
      const parse = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
      // Opacity multiplies down the tree: the toast and everything above it.
      let opacity = 1;
      for (let node: Element | null = element; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
      const style = getComputedStyle(element);
      const title = element.querySelector('[data-title]') ?? element;
      return {
        background: parse(style.backgroundColor),
        text: parse(getComputedStyle(title).color),
        opacity,
        overflows: element.scrollHeight > element.clientHeight + 1,
      };
    });
    // Opaque: an alpha of 1 (rgb() has none), nothing faded above it.
    expect(look.background.length === 3 || look.background[3] === 1).toBe(true);
    expect(look.opacity).toBe(1);
    // Its text stays inside its box.
    expect(look.overflows).toBe(false);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const [lighter, darker] = [luminance(look.background), luminance(look.text)].sort((a, b) => b - a);
    expect((lighter! + 0.05) / (darker! + 0.05)).toBeGreaterThanOrEqual(4.5);
    await audit(page, 'run mode with a toast, projector theme, 1366×768');
    await switchTheme('light');
    expect(app.pageErrors).toEqual([]);
  });

  test('a workspace name of 200 characters without a space widens neither the home page nor the workspace page', { timeout: 120_000 }, async () => {
    const name = `Northwind${'X'.repeat(191)}`;
    await goHome(page);
    await createWorkspace(page, name);
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await poll(fits).toBe(true);
    await shot('long-name-workspace');
    await goHome(page);
    const row = rowNamed(workspacesTable(page), name);
    await row.waitFor();
    await poll(fits).toBe(true);
    // The row's menu stays on screen, by its name.
    const menu = page.getByRole('button', { name: en.home.workspaceActions.replace('{{name}}', name) });
    const box = await menu.boundingBox();
    expect(box && box.x + box.width <= WIDTH).toBe(true);
    await shot('long-name-home');
    expect(app.pageErrors).toEqual([]);
  });

  test('meetings page: the note under a past next date does not move "Save schedule" as the field loses the focus, so the click on it saves', { timeout: 120_000 }, async () => {
    await page.goto(page.url().replace(/#.*$/, `#/w/${sampleId}/meetings`));
    await page.getByRole('heading', { level: 1, name: en.meetings.title }).waitFor();
    const save = page.getByRole('button', { name: en.meetings.series.save });
    const before = (await save.boundingBox())!;
    await page.getByRole('textbox', { name: en.meetings.series.nextDate }).fill('2020/01/01');
    // A person's click: the press on the button blurs the field first (which shows the note), the
    // release lands where the button was when the press began.
    await page.mouse.click(before.x + before.width / 2, before.y + before.height / 2);
    await toasts(page).getByText(en.meetings.series.saved, { exact: true }).waitFor();
    expect(await save.boundingBox()).toEqual(before);
    await page.getByText(/^This date has already passed/).waitFor();
    await audit(page);
    expect(app.pageErrors).toEqual([]);
  });

  test('minutes PDF: a long link in a decision and a long word in an action item wrap on the page; no column of the action items is cut off', { timeout: 180_000 }, async () => {
    const link = `https://crm.example.com/reports/lead-quality/${'q3-mql-to-sql-breakdown-'.repeat(8)}final`;
    const word = `Lead-scoring-recalibration-${'X'.repeat(120)}`;
    await page.goto(page.url().replace(/#.*$/, `#/w/${sampleId}/meetings`));
    await page.getByRole('heading', { level: 1, name: en.meetings.title }).waitFor();
    await page.getByRole('table', { name: en.meetings.list.title }).getByRole('link').first().click();
    await page.getByRole('button', { name: en.meetings.decisions.add }).waitFor();
    await page.getByLabel(en.meetings.decisions.new, { exact: true }).fill(link);
    await page.getByRole('button', { name: en.meetings.decisions.add }).click();
    await toasts(page).getByText(en.meetings.decisions.added).first().waitFor();
    const form = page.getByRole('button', { name: en.meetings.actions.add, exact: true }).locator('xpath=ancestor::form[1]');
    await form.getByLabel(en.meetings.actions.itemTitle, { exact: true }).fill(word);
    await form.getByRole('button', { name: en.meetings.actions.add, exact: true }).click();
    await page.getByRole('rowheader', { name: new RegExp(`^${word}`) }).waitFor();
    const [, workspaceId, meetingId] = /#\/w\/([^/]+)\/meetings\/([^/?]+)/.exec(page.url())!;
    const text = await printedText('minutes', printRoute('minutes', workspaceId!, meetingId!));
    expect(text).toContain(link);
    expect(text).toContain(word);
    // The new item's row: its owner, department, due date and status are on the page too.
    expect(text).toContain(`${word}${en.meetings.meeting.noOwner}${en.meetings.departments.joint}${en.meetings.actions.noDueDate}${en.meetings.statuses.open}`.replace(/\s+/g, ''));
    expect(app.pageErrors).toEqual([]);
  });

  test('SLA PDF: a long link typed in a section wraps on the page rather than being cut off', { timeout: 180_000 }, async () => {
    const link = `https://crm.example.com/reports/${'lead_quality_breakdown_'.repeat(10)}final`;
    await page.goto(page.url().replace(/#.*$/, `#/w/${sampleId}/sla/document`));
    await page.getByRole('button', { name: /^Edit: / }).first().click();
    const text = page.getByLabel(/^Your text: /).first();
    await text.fill(`See ${link} for the monthly figures.`);
    await page.getByRole('button', { name: /^Done editing: / }).first().click();
    await page.getByRole('button', { name: /^Edit: / }).first().waitFor();
    await settle(page);
    // The print view opens in a window of its own (or this one): its address names the version.
    const popup = app.context.waitForEvent('page', { timeout: 5_000 }).catch(() => null);
    await page.getByRole('button', { name: en.sla.actions.print }).or(page.getByRole('link', { name: en.sla.actions.print })).first().click();
    const opened = (await popup) ?? page;
    await opened.waitForURL(/print\/sla\//);
    const [, workspaceId, versionId] = /print\/sla\/([^/]+)\/([^/?]+)/.exec(opened.url())!;
    if (opened === page) await page.goBack();
    else await opened.close();
    const printed = await printedText('sla', printRoute('sla', workspaceId!, versionId!));
    expect(printed).toContain(`${link}forthemonthlyfigures.`);
    expect(app.pageErrors).toEqual([]);
  });

  test('Japanese meetings page: the open action items keep owners, departments and “overdue by” on one line each, and the page does not scroll sideways; run mode’s SLA item keeps each owner, and a decision’s Delete button, on one line; its action items stack in the projector theme', { timeout: 180_000 }, async () => {
    const jaApp = await launchBrowser({ lang: 'ja' });
    const jaPage = jaApp.page;
    await jaPage.setViewportSize({ width: WIDTH, height: HEIGHT });
    await jaPage.getByRole('button', { name: ja.home.openSample }).click();
    await jaPage.getByRole('heading', { level: 1, name: ja.sample.workspaceName }).waitFor();
    await jaPage
      .getByRole('navigation', { name: new RegExp(escapeRegExp(ja.sample.workspaceName)) })
      .getByRole('link', { name: ja.workspaceUx.nav.places.meetings, exact: true })
      .click();
    await jaPage.getByRole('heading', { level: 1, name: ja.meetings.title }).waitFor();
    const table = jaPage.getByRole('table', { name: ja.meetings.openActions.title });
    await table.getByRole('row').nth(1).waitFor();
    await table.scrollIntoViewIfNeeded();
    await settle(jaPage);
    await jaPage.screenshot({ path: join(SHOTS, 'meetings-open-actions-ja.png'), fullPage: true });
    const cells = await table.evaluate((element) => {
      // The lines a cell's text takes: the distinct tops of its line boxes.
      const lines = (node: Element) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      };
      const texts = [...element.querySelectorAll('.meeting-short-cell, .meeting-overdue')];
      return texts.map((node) => ({ text: node.textContent ?? '', lines: lines(node) }));
    });
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((cell) => cell.lines !== 1)).toEqual([]);
    expect(cells.some((cell) => cell.text.includes('超過'))).toBe(true);
    expect(await jaPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await audit(jaPage, 'meetings page, Japanese, 1366×768');

    // Run mode's SLA attainment item: each commitment's owner (「マーケティング」, 「営業」) on one
    // line; the commitment's wide column once squeezed it to one character per line.
    await jaPage.getByRole('button', { name: new RegExp(`^${escapeRegExp(ja.meetings.series.plan).replace(escapeRegExp('{{date}}'), '.+')}$`) }).click();
    await jaPage.getByRole('link', { name: ja.meetings.meeting.run }).click();
    await jaPage.getByText(ja.meetings.run.paused, { exact: false }).first().waitFor();
    await jaPage.getByRole('button', { name: ja.meetings.run.next }).click();
    const attainment = jaPage.getByRole('table', { name: ja.kpi.sla.tableLabel });
    await attainment.getByRole('row').nth(1).waitFor();
    await settle(jaPage);
    await jaPage.screenshot({ path: join(SHOTS, 'run-sla-ja.png') });
    const owners = await attainment.evaluate((element) =>
      [...element.querySelectorAll('tbody tr > td:first-of-type')].map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return { text: cell.textContent ?? '', lines: new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size };
      }),
    );
    expect(owners.map((owner) => owner.text)).toContain(ja.kpi.owners.marketing);
    expect(owners.filter((owner) => owner.lines !== 1)).toEqual([]);

    // A decision recorded by keyboard: its 「削除」 button beside the field keeps its word on one
    // line (the field took the row's width and squeezed it to one character per line).
    const decision = '来月から週次でMQLを確認する';
    await jaPage.keyboard.press('Alt+Shift+D');
    await jaPage.keyboard.type(decision);
    await jaPage.keyboard.press('Enter');
    const remove = jaPage.getByRole('button', { name: ja.meetings.decisions.removeLabel.replace('{{text}}', decision) });
    await remove.waitFor();
    await settle(jaPage);
    const removeLines = await remove.evaluate((button) => {
      const range = document.createRange();
      range.selectNodeContents(button);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(removeLines).toBe(1);

    // The projector theme on a 1366 or 1440 px screen: run mode's main column has no room for five
    // columns and the row buttons in its large text, so each action item is stacked, its title across
    // the row (in columns the titles were squeezed to five characters a line, their “carried from”
    // tags cut by their border).
    await jaPage.setViewportSize({ width: 1440, height: 900 });
    for (let i = 0; i < 3 && (await theme(jaPage)) !== 'projector'; i++) await jaPage.keyboard.press('Alt+Shift+T');
    expect(await theme(jaPage)).toBe('projector');
    await settle(jaPage);
    const items = jaPage.getByRole('table', { name: ja.meetings.actions.title });
    await items.scrollIntoViewIfNeeded();
    await jaPage.screenshot({ path: join(SHOTS, 'run-actions-ja-projector.png') });
    const itemsBox = (await items.boundingBox())!;
    const titleBox = (await items.getByRole('rowheader').first().boundingBox())!;
    expect(titleBox.width).toBeGreaterThan(itemsBox.width * 0.8);
    expect(await jaPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    expect(jaApp.pageErrors).toEqual([]);
  });
});

/**
 * A narrow window: the desktop window snapped to half of a 1366 px screen (683 px), and the Backups
 * page down to 640 px. No page scrolls sideways: a long name, a disk's error quoting a long path,
 * the projector's large text and the row buttons wrap instead.
 */
describe('Layout at 683×768 (half a 1366 px screen)', () => {
  test('home, workspace, members, calendar, meetings, settings and backups (also at 640 px) do not scroll sideways', { timeout: 240_000 }, async () => {
    const narrow = await launchBrowser({ lang: 'en' });
    const tab = narrow.page;
    await tab.setViewportSize({ width: 1366, height: HEIGHT });
    const workspaceId = await openSample(tab);
    const longName = `Northwind${'X'.repeat(191)}`;
    await goHome(tab);
    await createWorkspace(tab, longName);
    // A backup of each, listed; then a run the disk refuses, with the message a full disk gives on
    // the desktop (a path without a space): the page lists what was not backed up, and why.
    await goToBackups(tab);
    // After the backup the page makes itself 3 s after it starts: it would replace the failures.
    await tab.getByRole('region', { name: en.backupRun.lastTitle }).getByText(/when Alignboard started/).waitFor({ timeout: 20_000 });
    await tab.getByRole('button', { name: en.backups.backupNow }).click();
    await toasts(tab).getByText(en.backups.backedUp_other.replace('{{count}}', '2')).waitFor({ timeout: 30_000 });
    await tab.evaluate(() => {
      const path = `/home/mika.tanaka/.config/Alignboard/backups/${'0f3c9a7e-5b1d-4e2a-9c8f-'.repeat(3)}/2026-12-07T09-00-00.000Z.alignboard`;
      for (const method of ['put', 'add'] as const) {
        const write = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof write>) {
          if (this.transaction.db.name === 'alignboard-backups') throw new DOMException(`ENOSPC: no space left on device, write '${path}'`, 'UnknownError');
          return write.apply(this, args);
        };
      }
    });
    await tab.getByRole('button', { name: en.backups.backupNow }).click();
    const problems = tab.getByRole('list', { name: en.backupRun.problemsTitle });
    await problems.getByText(new RegExp(`^“${longName}” could not be backed up: ENOSPC`)).waitFor({ timeout: 30_000 });

    /** How far the page reaches past the window's width (0: no sideways scrolling). */
    const overflow = () => tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const measured: string[] = [];
    const measure = async (label: string) => {
      await settle(tab);
      measured.push(`${label}: ${await overflow()}`);
    };
    const switchTo = async (target: string) => {
      for (let i = 0; i < 3 && (await theme(tab)) !== target; i++) await tab.keyboard.press('Alt+Shift+T');
      expect(await theme(tab)).toBe(target);
    };
    // The Backups page with its failures (a later backup run may replace them: measured first).
    for (const target of ['light', 'projector']) {
      await switchTo(target);
      for (const width of [683, 640]) {
        await tab.setViewportSize({ width, height: HEIGHT });
        expect(await problems.isVisible()).toBe(true);
        await measure(`${target} ${width} backups with failures`);
      }
    }
    await tab.setViewportSize({ width: 683, height: HEIGHT });
    await tab.screenshot({ path: join(SHOTS, 'backups-683-projector.png'), fullPage: true });
    await audit(tab, 'backups page with failures, projector theme, 683×768');

    const pages = [
      { route: '/', heading: en.home.title },
      { route: `/w/${workspaceId}`, heading: en.sample.workspaceName },
      { route: `/w/${workspaceId}/members`, heading: en.members.title },
      { route: `/w/${workspaceId}/calendar`, heading: null },
      { route: `/w/${workspaceId}/meetings`, heading: en.meetings.title },
      { route: '/settings', heading: en.settings.title },
      { route: '/backups', heading: en.backups.title },
    ];
    const visit = async (route: string, heading: string | null, label: string) => {
      await tab.goto(tab.url().replace(/#.*$/, `#${route}`));
      await (heading ? tab.getByRole('heading', { level: 1, name: heading, exact: true }) : tab.getByRole('heading', { level: 1 })).first().waitFor();
      await measure(`${label} ${route.replace(workspaceId, ':id')}`);
    };
    await switchTo('light');
    for (const { route, heading } of pages) await visit(route, heading, 'light 683');
    // The projector's large text, where a presenter may well snap the window.
    await switchTo('projector');
    for (const { route, heading } of pages) await visit(route, heading, 'projector 683');
    // The meetings page's open action items, each stacked under its title (owner, department, due
    // date and status labelled) where five columns and the row buttons do not fit: the table once
    // reached 822 px wide in the projector theme up to an 800 px window, and 20 px past 640 px in light.
    const meetings = pages.find((entry) => entry.route.endsWith('/meetings'))!;
    const openActions = tab.getByRole('table', { name: en.meetings.openActions.title });
    for (const target of ['light', 'projector']) {
      await switchTo(target);
      for (const width of [1000, 800, 640]) {
        await tab.setViewportSize({ width, height: HEIGHT });
        await visit(meetings.route, meetings.heading, `${target} ${width}`);
        // Still a table to a screen reader: its rows keep their cells.
        expect(await openActions.getByRole('row').nth(1).getByRole('cell').count()).toBe(5);
      }
    }
    await tab.screenshot({ path: join(SHOTS, 'meetings-640-projector.png'), fullPage: true });
    expect(measured.filter((line) => !line.endsWith(': 0'))).toEqual([]);
    // Stacked: the owner under the item's title, labelled.
    const row = openActions.getByRole('row').filter({ has: tab.getByRole('cell', { name: en.sample.members[1]!.name, exact: true }) });
    const title = (await row.getByRole('rowheader').boundingBox())!;
    const owner = row.getByRole('cell', { name: en.sample.members[1]!.name, exact: true });
    const ownerBox = (await owner.boundingBox())!;
    expect(ownerBox.y).toBeGreaterThanOrEqual(title.y + title.height - 1);
    expect(Math.abs(ownerBox.x - title.x)).toBeLessThan(2);
    expect(await owner.getAttribute('data-label')).toBe(en.meetings.actions.owner);
    // The row buttons kept: stacked, on screen.
    await tab.setViewportSize({ width: 640, height: HEIGHT });
    await visit(`/w/${workspaceId}/members`, en.members.title, 'projector 640');
    const remove = tab.getByRole('button', { name: en.members.removeLabel.replace('{{name}}', en.sample.members[0]!.name) });
    const box = (await remove.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(640);
    expect(narrow.pageErrors).toEqual([]);
  });
});
