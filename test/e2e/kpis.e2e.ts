import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { addMonths, monthOf } from '../../shared/kpi/periods';
import { leadCsv } from '../fixtures/csv/generate';
import { chooseFile, createWorkspace, createWorkspaceWithSamplePeople, poll, readTable, signSlaByTyping, theme, toasts } from './support/app';
import { cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser, makeTempDir } from './support/browser';

afterEach(cleanUpBrowsers);

const WORKSPACE = 'Northwind KPIs';

/** KPI_SCREENSHOTS=dir keeps full-page screenshots of the steps (for a look, not asserted). */
async function shot(page: Page, name: string) {
  if (process.env.KPI_SCREENSHOTS) await page.screenshot({ path: join(process.env.KPI_SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The last complete month, as the app computes it (the browser runs on this machine's clock). */
function lastCompleteMonth(): string {
  const now = new Date();
  return addMonths(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`, -1);
}

function monthLabel(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/**
 * A CRM leads export over the 12 months ending `last`, made by the KPI core's deterministic
 * generator (test/fixtures/csv/generate.ts: English headers as Salesforce/HubSpot name them, a
 * realistic funnel), with one impossible MQL date put on file line 14: reported, not imported.
 * Returns the MQL count per month of the rows that are valid (what the dashboard must show).
 */
function leadsCsv(last: string): { text: string; months: string[]; mqlPerMonth: number[]; badDate: string } {
  const months = Array.from({ length: 12 }, (_, index) => addMonths(last, index - 11));
  const lines = leadCsv(7_000, { startMonth: months[0], months: 12, seed: 7 }).trimEnd().split('\n');
  const header = lines[0]!.split(',');
  const mqlColumn = header.indexOf('MQL Date');
  const badDate = `${months[0]}-45`;
  const bad = lines[13]!.split(',');
  bad[mqlColumn] = badDate;
  lines[13] = bad.join(',');
  const mql = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const cell = line.split(',')[mqlColumn]!;
    if (cell === '' || cell === badDate) continue;
    mql.set(monthOf(cell), (mql.get(monthOf(cell)) ?? 0) + 1);
  }
  return { text: `${lines.join('\n')}\n`, months, mqlPerMonth: months.map((month) => mql.get(month) ?? 0), badDate };
}

async function signSla(page: Page) {
  await page.getByRole('link', { name: en.sla.open }).click();
  await page.getByRole('heading', { level: 1, name: en.sla.defaultTitle }).waitFor();
  await signSlaByTyping(page, en, 1);
}

/** The dashboard's KPI cards (articles in the list of cards). */
function cards(page: Page): Locator {
  return page.getByRole('list', { name: en.kpi.dashboard.title }).getByRole('article');
}

describe('Shared KPIs', () => {
  test('defaults, CSV import of 12 months through the dialog, dashboard trends, SLA attainment; axe clean also in the projector theme', async () => {
    const { page, pageErrors } = await launchBrowser({ lang: 'en' });
    // The sample workspace has KPIs and values already: this test starts from none.
    const workspaceId = await createWorkspaceWithSamplePeople(page, en, WORKSPACE);
    await signSla(page);
    await page.getByRole('link', { name: WORKSPACE }).click();

    // The workspace section leads to the KPI page, which offers the defaults on the first visit.
    const section = page.getByRole('region', { name: en.kpi.section });
    await section.getByText(en.kpi.sectionNone).waitFor();
    await section.getByRole('link', { name: en.kpi.open }).click();
    await page.getByRole('heading', { level: 1, name: en.kpi.pageTitle }).waitFor();
    expect(page.url()).toContain(`#/w/${workspaceId}/kpis`);
    const offer = page.getByRole('region', { name: en.kpi.defaults.title });
    await expectNoSeriousA11yViolations(page, 'KPI page, defaults offered');
    await offer.getByRole('button', { name: en.kpi.defaults.create }).click();
    await offer.waitFor({ state: 'detached' });
    await poll(() => cards(page).count()).toBe(8);
    // Nothing imported yet: every card says "no data" with a reason.
    const noMql = page.getByRole('article', { name: /^MQL count: no data \(No value for MQL\), target 200/ });
    await noMql.waitFor();

    // --- Import a CSV of 12 months. ---------------------------------------------------------------
    const last = lastCompleteMonth();
    const csv = leadsCsv(last);
    const dir = await makeTempDir();
    const file = join(dir, 'crm-leads.csv');
    await writeFile(file, csv.text);
    await page.getByRole('button', { name: en.kpi.import.open }).click();
    const dialog = page.getByRole('dialog', { name: en.kpi.import.title });
    await expectNoSeriousA11yViolations(page, 'import dialog, empty');
    await chooseFile(page, file, () => dialog.getByRole('button', { name: en.kpi.import.choose }).click());
    await dialog.getByRole('group', { name: en.kpi.import.mapping }).waitFor();

    // The guessed mapping, editable: shape and the columns found by their English names.
    expect(await dialog.getByLabel(en.kpi.import.shape).inputValue()).toBe('leads');
    const mqlColumn = dialog.getByLabel('Column for MQL date');
    expect(await mqlColumn.locator('option:checked').textContent()).toBe('MQL Date');
    expect(await dialog.getByLabel('Column for First contact date').locator('option:checked').textContent()).toBe('First Contact Date');
    // The preview shows the first rows with their file lines.
    const preview = dialog.getByRole('table', { name: en.kpi.import.preview });
    const previewRows = await readTable(preview);
    expect(previewRows).toHaveLength(5);
    expect(previewRows[0]!.slice(0, 2)).toEqual(['2', 'L0000001']);
    // The bad line is named with its reason; the summary says what will be written.
    const errors = dialog.getByRole('list', { name: 'Rows that cannot be read (1)' });
    await errors.waitFor().catch(async (error: unknown) => {
      throw new Error(`${String(error)}\n${await dialog.innerText()}`);
    });
    expect(await errors.getByRole('listitem').allInnerTexts()).toEqual([`Line 14 · column “MQL Date” · not a date: “${csv.badDate}”`]);
    // Stage dates run past the last creation month (closings come later), so the range starts at the first month.
    await dialog.getByText(new RegExp(`^Months: ${monthLabel(csv.months[0]!)} to `)).waitFor();
    const confirm = dialog.getByRole('button', { name: /^Import [\d,]+ values$/ });
    await expectNoSeriousA11yViolations(page, 'import dialog, mapping and summary');
    await shot(page, 'import');

    // Nothing was written before the confirmation (the page is aria-hidden behind the modal).
    await page.getByRole('article', { name: /^MQL count: no data \(No value for MQL\), target 200/, includeHidden: true }).waitFor({ state: 'attached' });
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await toasts(page).getByText(/^Imported [\d,]+ values$/).waitFor();

    // --- The dashboard: a card per KPI with values, the 12 months in its table, charts drawn. ----
    const mqlCard = page.getByRole('article', { name: new RegExp(`^MQL count: ${csv.mqlPerMonth[11]!.toLocaleString('en')}, target 200, (On track|At risk|Off track)`) });
    await mqlCard.waitFor();
    // The month-by-month table (the chart's text alternative) is built when asked for.
    expect(await mqlCard.getByRole('table').count()).toBe(0);
    await mqlCard.getByRole('button', { name: en.kpi.dashboard.showTable }).click();
    await mqlCard.getByRole('button', { name: en.kpi.dashboard.hideTable }).waitFor();
    const mqlTable = await readTable(mqlCard.getByRole('table', { name: 'MQL count by month' }));
    expect(mqlTable.map((row) => row[0])).toEqual(csv.months.map(monthLabel));
    expect(mqlTable.map((row) => row[1])).toEqual(csv.mqlPerMonth.map((count) => count.toLocaleString('en')));
    const winRate = page.getByRole('article', { name: /^Win rate: ([\d.]+%|no data \([^)]*\)), target 25%/ });
    await winRate.getByText('Formula').click();
    await winRate.getByText('Won ÷ Opportunities closed × 100').waitFor();
    await poll(() => page.locator('[data-chart-drawn="true"]').count()).toBe(8);
    const cardNames = await cards(page).evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    expect(cardNames.join('\n')).not.toMatch(/NaN|Infinity/);
    // Revenue vs target has no revenue target in the file: no data, with the reason.
    expect(cardNames.find((name) => name.startsWith('Revenue vs target'))).toMatch(/no data \(No value for Revenue target\)/);
    await page.getByText(en.kpi.rule.title).click();
    await page.getByText(/^Higher is better: on track when the value reaches the target/).waitFor();
    await expectNoSeriousA11yViolations(page, 'KPI dashboard with data');
    await shot(page, 'dashboard');

    // --- SLA attainment from the signed SLA. -----------------------------------------------------
    await page.getByRole('tab', { name: en.kpi.tabs.sla }).click();
    const attainment = page.getByRole('table', { name: en.kpi.sla.tableLabel });
    const rows = await readTable(attainment);
    const volume = rows.find((row) => row[0]!.startsWith(en.sla.kinds.volume))!;
    // Every month has an MQL count from the file, so all 12 are measured (met or missed).
    expect(volume[2]).toMatch(/^\d+% \(\d+ of 12\)$/);
    expect(volume[3]).toBe(`${csv.mqlPerMonth[0]! >= 200 ? 'Met' : 'Missed'}: ${csv.mqlPerMonth[0]!.toLocaleString('en')} vs at least 200`);
    const firstContact = rows.find((row) => row[0]!.startsWith(en.sla.kinds.firstContact))!;
    expect(firstContact[2]).toMatch(/^\d+% \(\d+ of 12\)$/);
    // Lead-level rows: measured per record, in business hours of the calendar the SLA states.
    expect(firstContact[0]).toContain(en.calendar.kpi.perRecord);
    expect(firstContact[3]).toMatch(/^(Met|Missed): [\d.]+% within 24 business h \(needs at least 100%\); (no breaches|\d+ breach(es)?( \(\d+ still waiting\))?)$/);
    const feedback = rows.find((row) => row[0]!.startsWith(en.sla.kinds.feedback))!;
    expect(feedback[2]).toBe(en.kpi.sla.notMeasuredShort);
    expect(feedback[3]).toBe(en.kpi.sla.notMeasured);
    await expectNoSeriousA11yViolations(page, 'SLA attainment');
    await shot(page, 'sla');

    // The values grid shows what was imported; the definitions list every KPI.
    await page.getByRole('tab', { name: en.kpi.tabs.values }).click();
    const cell = page.getByRole('textbox', { name: `MQL, ${monthLabel(last)}` });
    expect(await cell.inputValue()).toBe(csv.mqlPerMonth[11]!.toLocaleString('en'));
    await expectNoSeriousA11yViolations(page, 'KPI values grid');
    await shot(page, 'values');
    await page.getByRole('tab', { name: en.kpi.tabs.definitions }).click();
    expect((await readTable(page.getByRole('table', { name: en.kpi.definitions.title }))).map((row) => row[0])).toEqual([
      'MQL count',
      'MQL → SQL conversion',
      'SQL → opportunity conversion',
      'Win rate',
      'Lead response time',
      'SLA attainment',
      'Marketing-sourced pipeline',
      'Revenue vs target',
    ]);
    await expectNoSeriousA11yViolations(page, 'KPI definitions');
    await shot(page, 'definitions');

    // The workspace page sums the last complete month up.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: WORKSPACE }).click();
    await page
      .getByRole('region', { name: en.kpi.section })
      .getByText(new RegExp(`^8 KPIs · ${monthLabel(last)}: \\d on track, \\d at risk, \\d off track, 1 no data$`))
      .waitFor();
    await page.getByRole('region', { name: en.kpi.section }).getByRole('link', { name: en.kpi.open }).click();
    await page.getByRole('heading', { level: 1, name: en.kpi.pageTitle }).waitFor();

    // --- Dark theme: the dashboard; then the projector theme: dashboard, import dialog. -----------
    for (let i = 0; i < 3 && (await theme(page)) !== 'dark'; i++) await page.keyboard.press('Alt+Shift+T');
    expect(await theme(page)).toBe('dark');
    await poll(() => page.locator('[data-chart-drawn="true"]').count()).toBe(8);
    await expectNoSeriousA11yViolations(page, 'KPI dashboard, dark theme');
    for (let i = 0; i < 3 && (await theme(page)) !== 'projector'; i++) await page.keyboard.press('Alt+Shift+T');
    expect(await theme(page)).toBe('projector');
    await page.getByRole('tab', { name: en.kpi.tabs.dashboard }).click();
    await poll(() => page.locator('[data-chart-drawn="true"]').count()).toBe(8);
    await expectNoSeriousA11yViolations(page, 'KPI dashboard, projector theme');
    await shot(page, 'dashboard-projector');
    await page.getByRole('button', { name: en.kpi.import.open }).click();
    await chooseFile(page, file, () => dialog.getByRole('button', { name: en.kpi.import.choose }).click());
    await dialog.getByRole('list', { name: 'Rows that cannot be read (1)' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'import dialog, projector theme');
    // Cancel writes nothing (the same values are stored: "equal to the stored value").
    await dialog.getByText(/0 replacing a different existing value/).waitFor();
    await dialog.getByRole('button', { name: en.common.cancel, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  test('in Japanese: Japanese defaults, full-width numbers in the grid, a Japanese CRM export (UTF-8, 2026/01/15 dates, yen amounts), axe clean', async () => {
    const { page, pageErrors } = await launchBrowser({ lang: 'ja' });
    await createWorkspaceWithSamplePeople(page, ja, 'ノースウィンドKPI');
    await page.getByRole('region', { name: ja.kpi.section }).getByRole('link', { name: ja.kpi.open }).click();
    await page.getByRole('heading', { level: 1, name: ja.kpi.pageTitle }).waitFor();
    await page.getByRole('button', { name: ja.kpi.defaults.create }).click();
    await page.getByRole('article', { name: /^MQL数：データなし（MQL の値がありません）、目標 200/ }).waitFor();

    // A value typed with full-width digits and comma.
    const last = lastCompleteMonth();
    const [year, month] = last.split('-').map(Number) as [number, number];
    await page.getByRole('tab', { name: ja.kpi.tabs.values }).click();
    const cell = page.getByRole('textbox', { name: `MQL、${year}年${month}月` });
    await cell.fill('２，５０');
    await cell.press('Enter');
    await page.getByRole('alert').getByText(`MQL、${year}年${month}月：「２，５０」は数値ではありません。`).waitFor();
    await cell.fill('２５０');
    await cell.press('Enter');
    await poll(() => page.getByRole('alert').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'values grid (ja)');
    await page.getByRole('tab', { name: ja.kpi.tabs.dashboard }).click();
    await page.getByRole('article', { name: new RegExp(`^MQL数：250、目標 200、順調（${year}年${month}月）`) }).waitFor();
    // The range's two fields line up: the select as tall as the month's text box, the labels on one line.
    const boxes = await Promise.all([page.getByLabel(ja.kpi.dashboard.range, { exact: true }), page.getByLabel(ja.kpi.dashboard.ending, { exact: true })].map((control) => control.boundingBox()));
    const [range, ending] = boxes.map((box) => box!);
    expect(Math.abs(range!.height - ending!.height)).toBeLessThanOrEqual(1);
    expect(Math.abs(range!.y - ending!.y)).toBeLessThanOrEqual(1);

    // A Japanese CRM export: Japanese headers guessed, yen amounts with commas.
    const dir = await makeTempDir();
    const file = join(dir, 'リード.csv');
    await writeFile(file, leadCsv(3_000, { startMonth: addMonths(last, -11), months: 12, seed: 3, language: 'ja' }));
    await page.getByRole('button', { name: ja.kpi.import.open }).click();
    const dialog = page.getByRole('dialog', { name: ja.kpi.import.title });
    await chooseFile(page, file, () => dialog.getByRole('button', { name: ja.kpi.import.choose }).click());
    await dialog.getByText(ja.kpi.import.errorsNone).waitFor();
    expect(await dialog.getByLabel('MQL 日 の列').locator('option:checked').textContent()).toBe('MQL日');
    expect(await dialog.getByLabel('金額 の列').locator('option:checked').textContent()).toBe('金額');
    // The value typed by hand is one that the import replaces, and the summary says so.
    await dialog.getByText(new RegExp(`^MQL、${year}年${month}月：250 → `)).waitFor();
    await expectNoSeriousA11yViolations(page, 'import dialog (ja)');
    await dialog.getByRole('button', { name: /^[\d,]+ 件の値を取り込む$/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await toasts(page).getByText(/^[\d,]+ 件の値を取り込みました$/).waitFor();
    await page.getByRole('article', { name: /^MQL数：(?!250、)[\d,]+、目標 200/ }).waitFor();
    const names = await page.getByRole('list', { name: ja.kpi.dashboard.title }).getByRole('article').evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    expect(names).toHaveLength(8);
    expect(names.join('\n')).not.toMatch(/NaN|Infinity|undefined/);
    await expectNoSeriousA11yViolations(page, 'dashboard (ja)');
    expect(pageErrors).toEqual([]);
  });

  test('a large file is read off the page with a progress bar, and stopping it writes nothing', async () => {
    const { page, pageErrors } = await launchBrowser({ lang: 'en' });
    // A workspace without KPIs or values (the sample has both).
    await createWorkspace(page, WORKSPACE);
    await page.getByRole('region', { name: en.kpi.section }).getByRole('link', { name: en.kpi.open }).click();
    await page.getByRole('button', { name: en.kpi.defaults.create }).click();
    await poll(() => cards(page).count()).toBe(8);
    const dir = await makeTempDir();
    const file = join(dir, 'big.csv');
    await writeFile(file, leadCsv(100_000, { startMonth: addMonths(lastCompleteMonth(), -11), months: 12 }));
    await page.getByRole('button', { name: en.kpi.import.open }).click();
    const dialog = page.getByRole('dialog', { name: en.kpi.import.title });
    await chooseFile(page, file, () => dialog.getByRole('button', { name: en.kpi.import.choose }).click());
    const status = dialog.getByRole('status');
    await status.getByRole('progressbar').waitFor();
    await status.getByRole('button', { name: en.kpi.import.cancel }).click();
    await toasts(page).getByText(en.kpi.import.cancelled).waitFor();
    expect(await dialog.getByRole('group', { name: en.kpi.import.mapping }).count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Import 0 values' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: en.common.cancel, exact: true }).click();
    await page.getByRole('article', { name: /^MQL count: no data \(No value for MQL\)/ }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
