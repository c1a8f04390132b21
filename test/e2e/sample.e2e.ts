import { afterEach, describe, expect, test } from 'vitest';
import { addMonths } from '../../shared/kpi/periods';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { addDays, todayIn } from '../../shared/meetings/cadence';
import { printRoute } from '../../shared/pdf';
import { openSample, readTable, workspaceIdFromUrl } from './support/app';
import { appUrl, cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser } from './support/browser';

afterEach(cleanUpBrowsers);

/**
 * A first-time user opens the sample and finds the regular meeting and the shared KPIs working.
 * The sample's dates follow the clock (the browser runs on this machine's), so the expected dates
 * are computed from today here the same way.
 */

const m = en.meetings;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
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
    // "2 open action items · ⚠ 1 overdue" (the sign is hidden from screen readers).
    await meetings.getByText(fill(m.openActionsCount_other, { count: 2 })).waitFor();
    await meetings.getByText(fill(m.overdueCount_one, { count: 1 })).waitFor();
    await page
      .getByRole('region', { name: en.kpi.section })
      .getByText(fill(en.kpi.sectionSummary, { total: 8, period: monthLabel(last), onTrack: 5, atRisk: 1, offTrack: 1, noData: 1 }))
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
    const mqlTable = await readTable(page.getByRole('article', { name: /^MQL count: / }).getByRole('table', { name: 'MQL count by month' }));
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
    await meetings.getByRole('link', { name: fill(m.lastMeeting, { title: meetingTitle, date: day(meetingDate) }) }).click();
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
    await sheet.goto(appUrl(printRoute('minutes', workspaceId, meetingId)));
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
