import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { addMonths } from '../../shared/kpi/periods';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { addDays, todayIn } from '../../shared/meetings/cadence';
import { printOptions, printRoute } from '../../shared/pdf';
import { toPlaywrightPdfOptions } from '../../shared/pdfFooter';
import { defaultKpiText } from '../../shared/kpi/defaults';
import { verifyPdf } from '../../shared/pdfSeal';
import { sha256Hex } from '../../shared/sla/canonical';
import { knownVersions } from '../../renderer/src/features/sla/exportRequest';
import { openSample, poll, readTable, type SlaStepName, slaStepLink, workspaceIdFromUrl } from './support/app';
import { pressUntilFocused } from './support/keyboard';
import { cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser, makeTempDir, printUrl } from './support/browser';

afterEach(cleanUpBrowsers);

/**
 * A first-time user opens the sample and finds the regular meeting and the shared KPIs working.
 * The sample's dates follow the clock (the browser runs on this machine's), so the expected dates
 * are computed from today here the same way.
 */

const m = en.meetings;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)(?:, number)?\}\}/g, (_, name: string) => String(values[name]));
const day = (date: string, language = 'en', style: 'medium' | 'full' = 'medium') =>
  new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const monthLabel = (period: string, language = 'en') =>
  new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));

describe('The sample workspace', () => {
  test('shows the regular meeting and the shared KPIs with data: summaries, dashboard statuses, the last meeting with its KPI table, actions and minutes', async () => {
    const { page, context, pageErrors } = await launchBrowser({ lang: 'en' });
    const workspaceId = await openSample(page);
    const today = todayIn();
    const last = addMonths(today.slice(0, 7), -1);
    const meetingDate = addDays(today, -14);
    const meetingTitle = fill(m.meetingTitle, { series: en.sample.meeting.seriesName, date: day(meetingDate) });

    // --- The workspace page sums both up. -----------------------------------------------------
    const meetings = page.getByRole('region', { name: m.title });
    await meetings.getByText(fill(m.nextMeeting, { date: day(addDays(today, 14)), cadence: m.cadences.biweekly })).waitFor();
    // "3 open action items · ⚠ 1 overdue" (the sign is hidden from screen readers).
    await meetings.getByText(fill(m.openActionsCount_other, { count: 3 })).waitFor();
    await meetings.getByText(fill(m.overdueCount_one, { count: 1 })).waitFor();
    await page
      .getByRole('region', { name: en.kpi.section })
      .getByText(fill(en.kpi.sectionSummary, { total: 8, period: monthLabel(last), onTrack: 5, atRisk: 2, offTrack: 1, noData: 0 }))
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'sample workspace page with meetings and KPIs');

    // --- The dashboard: every status in the last month, and a year of values per KPI. ---------
    await page.getByRole('region', { name: en.kpi.section }).getByRole('link', { name: en.kpi.open }).click();
    await page.getByRole('heading', { level: 1, name: en.kpi.pageTitle }).waitFor();
    const period = monthLabel(last);
    for (const name of [
      `MQL count: 216, target 200, ${en.kpi.status.onTrack} (${period})`,
      `MQL → SQL conversion: 25%, target 30%, ${en.kpi.status.offTrack} (${period})`,
      `Win rate: 23.3%, target 25%, ${en.kpi.status.atRisk} (${period})`,
    ]) {
      await page.getByRole('article', { name }).waitFor();
    }
    const mqlCard = page.getByRole('article', { name: /^MQL count: / });
    // The month-by-month table is built when asked for.
    await mqlCard.getByRole('button', { name: en.kpi.dashboard.showTable }).click();
    const mqlTable = await readTable(mqlCard.getByRole('table', { name: 'MQL count by month' }));
    expect(mqlTable.map((row) => row[0])).toEqual(Array.from({ length: 12 }, (_, index) => monthLabel(addMonths(last, index - 11))));
    expect(mqlTable.every((row) => /^\d+$/.test(row[1]!))).toBe(true);
    const cardNames = await page
      .getByRole('list', { name: en.kpi.dashboard.title })
      .getByRole('article')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    expect(cardNames).toHaveLength(8);
    expect(cardNames.join('\n')).not.toMatch(/NaN|Infinity|undefined/);

    // --- The meeting held two weeks ago: notes, decision, KPI table, the three action items. ---
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: en.sample.workspaceName }).click();
    // The default title carries the date already: it is said once.
    await meetings.getByRole('link', { name: fill(en.workspaceUx.meetings.lastMeeting, { title: meetingTitle }), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: meetingTitle }).waitFor();
    const meetingId = /\/meetings\/([^/?#]+)/.exec(page.url())![1]!;
    expect(workspaceIdFromUrl(page)).toBe(workspaceId);
    await page.getByText(en.sample.meeting.decision).first().waitFor();
    const snapshot = await readTable(page.getByRole('table', { name: m.meeting.kpiSnapshot }));
    expect(snapshot).toHaveLength(8);
    const statuses = snapshot.map((row) => row[3]);
    expect(statuses).toContain(m.minutes.kpiStatuses.onTrack);
    expect(statuses).toContain(m.minutes.kpiStatuses.offTrack);
    const actions = page.getByRole('table', { name: m.actions.title });
    for (const title of Object.values(en.sample.meeting.actions)) await actions.getByRole('row').filter({ hasText: title }).waitFor();
    await actions.getByRole('row').filter({ hasText: en.sample.meeting.actions.rejectedReasons }).getByText(fill(m.actions.overdueDays_other, { count: 7 })).waitFor();
    await actions.getByRole('row').filter({ hasText: en.sample.meeting.actions.webinarList }).getByText(m.actions.closedHere).waitFor();
    await expectNoSeriousA11yViolations(page, 'the sample’s ended meeting');

    // --- Its minutes carry the notes, the decision and the KPI table. ------------------------
    const sheet = await context.newPage();
    await sheet.goto(printUrl(printRoute('minutes', workspaceId, meetingId)));
    await sheet.locator('[data-print-ready="true"]').waitFor();
    const minutes = await sheet.locator('article').innerText();
    for (const phrase of [meetingTitle, en.sample.meeting.kpiNote, en.sample.meeting.leadQualityNote, en.sample.meeting.decision, ...Object.values(en.sample.meeting.actions), 'MQL count']) {
      expect(minutes, `the minutes lack “${phrase}”`).toContain(phrase);
    }
    expect(minutes).not.toContain(m.meeting.noKpiSnapshot);
    await sheet.close();
    expect(pageErrors).toEqual([]);
  });

  test('in Japanese: the regular meeting and the KPIs are in Japanese, amounts in yen', async () => {
    const { page, pageErrors } = await launchBrowser({ lang: 'ja' });
    await page.getByRole('button', { name: ja.home.openSample }).click();
    await page.getByRole('heading', { level: 1, name: ja.sample.workspaceName }).waitFor();
    const today = todayIn();
    const meetings = page.getByRole('region', { name: ja.meetings.title });
    await meetings.getByText(ja.sample.meeting.seriesName, { exact: true }).waitFor();
    await meetings.getByText(fill(ja.meetings.nextMeeting, { date: day(addDays(today, 14), 'ja'), cadence: ja.meetings.cadences.biweekly })).waitFor();
    await page.getByRole('region', { name: ja.kpi.section }).getByRole('link', { name: ja.kpi.open }).click();
    await page.getByRole('heading', { level: 1, name: ja.kpi.pageTitle }).waitFor();
    await page.getByRole('article', { name: /^MQL数：216、目標 200、順調/ }).waitFor();
    // The pipeline target is ¥30,000,000 and the sample's amounts are on the same scale.
    const pipeline = await page.getByRole('article', { name: /^マーケティング起点パイプライン：/ }).getAttribute('aria-label');
    expect(pipeline).toMatch(/32,700,000/);
    await expectNoSeriousA11yViolations(page, 'sample KPI dashboard (ja)');
    expect(pageErrors).toEqual([]);
  });
});

/** The workspace navigation's places, in order: Alt+Shift+1 … 8 go to each. */
const PLACES = ['overview', 'personas', 'funnel', 'sla', 'meetings', 'kpis', 'calendar', 'members'] as const;

/**
 * A place of the sample, reached from the workspace navigation by its shortcut (as the "?" dialog
 * lists it); the navigation marks it as the current page. Verify is reached from the SLA.
 */
async function visit(page: Page, messages: typeof en | typeof ja, place: (typeof PLACES)[number] | 'verify') {
  const nav = page.getByRole('navigation', { name: fill(messages.workspaceUx.nav.label, { name: messages.sample.workspaceName }) });
  if (place === 'verify') {
    await visit(page, messages, 'sla');
    await slaStep(page, messages, 'versions');
    await page.getByRole('link', { name: messages.sla.verifyOpen, exact: true }).click();
    return;
  }
  await page.keyboard.press(`Alt+Shift+Digit${PLACES.indexOf(place) + 1}`);
  const link = nav.getByRole('link', { name: messages.workspaceUx.nav.places[place], exact: true });
  await poll(() => link.getAttribute('aria-current')).toBe('page');
  expect(await nav.locator('[aria-current]').count()).toBe(1);
}

/** A step of the SLA page from its step navigation, by keyboard (Tab to its link, Enter). */
async function slaStep(page: Page, messages: typeof en | typeof ja, step: SlaStepName) {
  const link = slaStepLink(page, messages, step);
  await pressUntilFocused(page, link, 'Tab', 120);
  await page.keyboard.press('Enter');
  await poll(() => link.getAttribute('aria-current')).toBe('step');
}

/** Each part the sample is there to show, filled: read on the page as a person reads it. */
async function expectEveryPartFilled(page: Page, messages: typeof en | typeof ja, language: 'en' | 'ja') {
  const places = messages.workspaceUx.nav.places;
  // The "?" dialog lists the navigation's shortcuts.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: messages.shortcuts.title });
  const group = help.getByRole('table', { name: messages.keys.groups.workspace });
  await group.getByRole('row', { name: `Alt+Shift+4 ${messages.workspaceUx.nav.goTo.sla}` }).waitFor();
  expect(await group.getByRole('row').count()).toBe(PLACES.length);
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  // Personas, meetings, calendar and members, each from the navigation, each filled.
  await visit(page, messages, 'personas');
  await page.getByRole('heading', { level: 1, name: places.personas }).waitFor();
  await page.getByRole('link', { name: fill(messages.persona.open, { name: messages.sample.personaBoard }) }).first().waitFor();
  await expectNoSeriousA11yViolations(page, `sample personas (${language})`);
  await visit(page, messages, 'meetings');
  await page.getByRole('link', { name: new RegExp(messages.sample.meeting.seriesName) }).first().waitFor();
  await visit(page, messages, 'calendar');
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The English sample is a New York office closed on US public holidays; the Japanese one keeps Japan's.
  await poll(() => page.getByLabel(messages.calendar.publicHolidays).inputValue()).toBe(language === 'en' ? 'US' : 'JP');
  await visit(page, messages, 'members');
  await page.getByRole('heading', { level: 1, name: places.members }).waitFor();
  expect(await page.getByRole('table', { name: messages.members.title }).getByRole('row').count()).toBeGreaterThan(messages.sample.members.length);
  await expectNoSeriousA11yViolations(page, `sample members (${language})`);
  await visit(page, messages, 'overview');
  await page.getByRole('heading', { level: 1, name: messages.sample.workspaceName }).waitFor();

  // The funnel and its reverse funnel: seven deals, a number needed at every stage.
  await visit(page, messages, 'funnel');
  await page.getByText(fill(messages.funnel.calculator.deals, { deals: 7 }), { exact: true }).waitFor();
  const needed = await readTable(page.getByRole('table', { name: messages.funnel.calculator.result }));
  expect(needed.length).toBeGreaterThanOrEqual(5);
  for (const row of needed) expect(row[1], `needed at ${row[0]}`).toMatch(/^[\d,]+$/);
  await expectNoSeriousA11yViolations(page, `sample funnel (${language})`);

  // The SLA: revision 2 in draft with its diff from the signed revision 1, the board's lanes
  // filled, revision 1's hash in the history.
  // A draft opens on its Commitments step.
  await visit(page, messages, 'sla');
  await page.getByText(fill(messages.sla.summary, { revision: 2, state: messages.sla.states.draft }), { exact: true }).first().waitFor();
  await poll(() => slaStepLink(page, messages, 'commitments').getAttribute('aria-current')).toBe('step');
  for (const department of [messages.sla.departments.sales, messages.sla.departments.marketing]) {
    const lane = page.getByRole('region', { name: fill(messages.sla.diagram.lane, { department }) });
    await lane.getByRole('listitem').first().waitFor();
    expect(await lane.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
  }
  await expectNoSeriousA11yViolations(page, `sample SLA commitments (${language})`);
  await slaStep(page, messages, 'versions');
  const changes = page.getByRole('region', { name: fill(messages.sla.diff.title, { revision: 1 }) });
  await changes.waitFor();
  expect(await changes.getByRole('heading').count()).toBeGreaterThanOrEqual(2);
  const hash = (await page.getByText(fill(messages.sla.history.item, { revision: 1, state: messages.sla.states.signed })).locator('code').textContent())!.trim();
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await expectNoSeriousA11yViolations(page, `sample SLA versions (${language})`);

  // Revision 1 as filed: both heads, their drawn signatures (PNG images that load), the hash.
  const workspaceId = workspaceIdFromUrl(page);
  const versionId = await page.evaluate(
    (id) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('alignboard');
        open.addEventListener('error', () => reject(open.error));
        open.addEventListener('success', () => {
          const request = open.result.transaction('slaVersions').objectStore('slaVersions').getAll();
          request.addEventListener('success', () => {
            open.result.close();
            resolve((request.result as { id: string; workspaceId: string; revision: number }[]).find((row) => row.workspaceId === id && row.revision === 1)!.id);
          });
        });
      }),
    workspaceId,
  );
  const sheet = await page.context().newPage();
  await sheet.goto(printUrl(printRoute('sla', workspaceId, versionId)));
  await sheet.locator('[data-print-ready="true"]').waitFor();
  const filed = await sheet.locator('article').innerText();
  for (const head of [messages.sample.members[0]!, messages.sample.members[3]!]) {
    expect(filed).toContain(head.name);
    expect(filed).toContain(head.title);
  }
  expect(filed).toContain(hash);
  const signatures = sheet.getByRole('img', { name: messages.sla.print.signature });
  expect(await signatures.count()).toBe(2);
  const sizes = await signatures.evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth));
  expect(sizes.every((width) => width > 100)).toBe(true);
  // Printed as the browser prints it (no seal): the Verify page seals it, then finds it matches.
  const printed = await sheet.pdf(toPlaywrightPdfOptions(printOptions('sla')));
  await sheet.close();
  const dir = await makeTempDir();
  const unsealed = join(dir, `sla-${language}.pdf`);
  await writeFile(unsealed, new Uint8Array(printed));

  await visit(page, messages, 'verify');
  await page.getByRole('heading', { level: 1, name: messages.sla.verify.title }).waitFor();
  const sealSection = page.getByRole('region', { name: messages.sla.seal.title });
  expect(await sealSection.getByLabel(messages.sla.seal.version).inputValue()).toBe(versionId);
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await sealSection.getByLabel(messages.sla.seal.pick).setInputFiles(unsealed);
  const sealedPath = join(dir, `sla-${language}-sealed.pdf`);
  await (await downloading).saveAs(sealedPath);
  await page.getByLabel(messages.sla.verify.pick).setInputFiles(sealedPath);
  const [first, second] = [messages.sample.members[0]!, messages.sample.members[3]!];
  const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const matches = fill(escape(messages.sla.verify.matches), { revision: 1, signers: `${escape(first.name)}.*${escape(second.name)}.*`, date: '.+' });
  await page.getByText(new RegExp(`^${matches}$`)).waitFor({ timeout: 60_000 });
  expect(await verifyPdf(new Uint8Array(await readFile(sealedPath)), knownVersions([]), sha256Hex)).toMatchObject({ status: 'unknown' });
  await expectNoSeriousA11yViolations(page, `sample Verify (${language})`);

  // SLA attainment: a percentage on the dashboard, and first contact met in some months only.
  await visit(page, messages, 'kpis');
  await page.getByRole('heading', { level: 1, name: messages.kpi.pageTitle }).waitFor();
  const card = await page.getByRole('article', { name: new RegExp(`^${defaultKpiText('slaAttainment', language).name}`) }).getAttribute('aria-label');
  expect(card).not.toContain(messages.kpi.status.noData);
  expect(card).toMatch(/\d+(\.\d+)?%/);
  await page.getByRole('tab', { name: messages.kpi.tabs.sla }).click();
  const rows = await readTable(page.getByRole('table', { name: messages.kpi.sla.tableLabel }));
  const firstContact = rows.find((row) => row[0]!.startsWith(messages.sla.kinds.firstContact))!;
  // "67% (8 of 12)" / its Japanese word order: read by the locale's own template.
  const template = messages.kpi.sla.percentMet.replace(/[()（）]/g, '\\$&').replace('{{percent}}', '.+?').replace('{{met}}', '(?<met>\\d+)').replace('{{measured}}', '(?<measured>\\d+)');
  const groups = new RegExp(`^${template}$`).exec(firstContact[2]!)!.groups!;
  const [met, measured] = [Number(groups.met), Number(groups.measured)];
  expect(measured).toBe(12);
  expect(met).toBeGreaterThan(0);
  expect(met).toBeLessThan(12);
  await expectNoSeriousA11yViolations(page, `sample SLA attainment (${language})`);
}

describe('The sample workspace, every part', () => {
  test.each<['en' | 'ja', typeof en | typeof ja]>([
    ['en', en],
    ['ja', ja],
  ])('(%s) the funnel’s reverse funnel, the SLA board and diff, revision 1 signed and sealed, Verify “matches”, SLA attainment measured', async (language, messages) => {
    const { page, pageErrors } = await launchBrowser({ lang: language });
    await page.getByRole('button', { name: messages.home.openSample }).click();
    await page.getByRole('heading', { level: 1, name: messages.sample.workspaceName }).waitFor();
    await expectEveryPartFilled(page, messages, language);
    expect(pageErrors).toEqual([]);
    // A long walk (printing, sealing and checking a PDF): generous on a busy 2-core machine.
  }, 300_000);
});
