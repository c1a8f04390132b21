import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkingCalendar } from '../../shared/calendar/calendar';
import { decodeCsvBytes, guessMapping, importCsv, parseCsvText } from '../../shared/kpi/csv';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { agendaFromTemplate } from '../../shared/meetings/agenda';
import type { Meeting } from '../../shared/meetings/records';
import { endMeeting, nextItem, startMeeting, startTimer } from '../../shared/meetings/timer';
import { DEFAULT_SETTINGS, type Language } from '../../shared/settings';
import { submitForReview } from '../../shared/sla/versions';
import { AppProvider } from '../../renderer/src/app/AppContext';
import { db } from '../../renderer/src/db/db';
import { newId } from '../../renderer/src/db/ids';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { AudienceMeeting } from '../../renderer/src/features/audience/AudienceMeeting';
import { saveCalendar } from '../../renderer/src/features/calendar/calendarStore';
import { createDefaultKpis, setValue, writeImportedValues } from '../../renderer/src/features/kpis/kpiStore';
import { planMeeting, updateMeeting } from '../../renderer/src/features/meetings/meetingStore';
import { ensureVersion, signVersion, updateVersion } from '../../renderer/src/features/sla/slaStore';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import { initI18n } from '../../renderer/src/i18n';
import { resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  vi.useRealTimers();
});

/** The audience view alone, as the audience window renders it (inside the app's providers). */
function renderAudience(workspaceId: string, meetingId: string, language: Language = 'en') {
  const host = createBrowserHost(localStorage);
  return render(
    <I18nextProvider i18n={initI18n(language)}>
      <AppProvider host={host} initialSettings={{ ...DEFAULT_SETTINGS, language, theme: 'projector' }} settingsProblem={null}>
        <AudienceMeeting workspaceId={workspaceId} meetingId={meetingId} />
      </AppProvider>
    </I18nextProvider>,
  );
}

async function seed(language: Language = 'en', kpiPeriod: string | null = null) {
  const strings = language === 'ja' ? ja : en;
  const workspaceId = await createWorkspace('Northwind');
  const marketing = await addMember(workspaceId, { name: 'Emma Clark', department: 'marketing', title: 'Head of Marketing' });
  const sales = await addMember(workspaceId, { name: 'Noah Bennett', department: 'sales', title: 'Head of Sales' });
  const meeting = await planMeeting(workspaceId, {
    seriesId: null,
    title: 'December sync',
    date: '2026-12-07',
    attendeeIds: [marketing.id, sales.id],
    agenda: agendaFromTemplate({ members: [marketing, sales], title: (kind) => strings.meetings.agendaKinds[kind], newId }),
    kpiPeriod,
  });
  return { workspaceId, meeting, marketing, sales };
}

/** Stores a change to the meeting, as the laptop's run page does. */
function change(workspaceId: string, meetingId: string, update: (meeting: Meeting, now: number) => Meeting) {
  return act(async () => {
    await updateMeeting(workspaceId, meetingId, update);
  });
}

/** The meeting running on item `index` (0-based) with `elapsedMs` already spent on it, timer paused. */
const onItem = (index: number, elapsedMs = 0) => (meeting: Meeting, now: number) => {
  const started = startMeeting(meeting, now);
  const item = started.agenda[index]!;
  return { ...started, currentItemId: item.id, agenda: started.agenda.map((candidate) => (candidate.id === item.id ? { ...candidate, elapsedMs } : candidate)) };
};

/**
 * Waits, with the timeouts faked, until `ready()`: runs what is due now (Dexie's live queries start
 * on a 0 ms timeout) and yields to IndexedDB's own scheduling (setImmediate, not faked), without
 * moving the faked clock; for at most 10 s of real time.
 */
async function settle(ready: () => boolean) {
  const until = performance.now() + 10_000;
  while (!ready()) {
    if (performance.now() > until) throw new Error('the audience view did not show in 10 s');
    await act(async () => {
      vi.advanceTimersByTime(0);
      await new Promise<void>((resolve) => setImmediate(resolve));
    });
  }
}

// Pages that read IndexedDB live: generous, for a busy 2-core machine (a guard, not a speed target).
describe('the meeting on the projector', { timeout: 30_000 }, () => {
  it('shows the current item, its owner and where the agenda stands; the timer turns once a second, with the laptop’s figures', async () => {
    const { workspaceId, meeting } = await seed();
    const start = Date.parse('2026-12-07T10:00:00.000Z');
    // Only the clock and timeouts are faked: IndexedDB (fake-indexeddb) keeps its own scheduling.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: start });
    await change(workspaceId, meeting.id, (m) => startTimer(startMeeting(m, start - 3_400), start - 3_400));
    renderAudience(workspaceId, meeting.id);
    await settle(() => screen.queryByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview }) !== null);
    expect(screen.getByText('December sync')).toBeInTheDocument();
    expect(screen.getByText('Item 1 of 6')).toBeInTheDocument();
    expect(screen.getByText('Owner: Emma Clark')).toBeInTheDocument();
    const clock = screen.getByTestId('audience-clock');
    // 3.4 s into 15 minutes: 14:57 left (rounded up, as on the laptop), 0:03 used.
    expect(clock).toHaveTextContent('14:57');
    expect(screen.getByText('0:03 used of 15:00')).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: 'Timer of KPI review: 14:57 remaining' })).toBeInTheDocument();
    expect(screen.queryByText(en.audienceMeeting.paused)).toBeNull();

    // The clock turns when the item's time reaches a whole second (0.6 s on), not on a free interval.
    await act(async () => vi.advanceTimersByTime(550));
    expect(clock).toHaveTextContent('14:57');
    await act(async () => vi.advanceTimersByTime(60));
    expect(clock).toHaveTextContent('14:56');
    expect(screen.getByText('0:04 used of 15:00')).toBeInTheDocument();
    await act(async () => vi.advanceTimersByTime(1_000));
    expect(clock).toHaveTextContent('14:55');
    await act(async () => vi.advanceTimersByTime(60_000));
    expect(clock).toHaveTextContent('13:55');
    expect(screen.getByText('1:05 used of 15:00')).toBeInTheDocument();
  });

  it('shows an overrun in words and with an icon, not by colour only, and says when the timer is paused', async () => {
    const { workspaceId, meeting } = await seed();
    await updateMeeting(workspaceId, meeting.id, onItem(1, 10 * 60_000 + 90_000));
    renderAudience(workspaceId, meeting.id);
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.slaAttainment });
    expect(screen.getByTestId('audience-clock')).toHaveTextContent('+1:30');
    const over = screen.getByText('Over time by 1:30');
    expect(over.closest('strong')).toHaveTextContent('⚠ Over time by 1:30');
    expect(screen.getByRole('timer', { name: 'Timer of SLA attainment: over time by 1:30' })).toBeInTheDocument();
    expect(screen.getByText('11:30 used of 10:00')).toBeInTheDocument();
    expect(screen.getByText(en.audienceMeeting.paused)).toBeInTheDocument();
    expect(screen.getByText('Item 2 of 6')).toBeInTheDocument();
  });

  it('follows the stored meeting: the laptop moving on (Ctrl+Enter) moves the projector, the running timer with it', async () => {
    const { workspaceId, meeting } = await seed();
    await updateMeeting(workspaceId, meeting.id, onItem(0, 14 * 60_000));
    renderAudience(workspaceId, meeting.id);
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview });
    expect(screen.getByTestId('audience-clock')).toHaveTextContent('1:00');

    await change(workspaceId, meeting.id, (m, now) => nextItem(startTimer(m, now), now));
    expect(await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.slaAttainment })).toBeInTheDocument();
    expect(screen.getByText('Item 2 of 6')).toBeInTheDocument();
    expect(screen.getByText('Owner: Noah Bennett')).toBeInTheDocument();
    expect(screen.getByTestId('audience-clock')).toHaveTextContent('10:00');
    expect(screen.queryByText(en.audienceMeeting.paused)).toBeNull();

    // The joint item has no owner: none is named.
    await change(workspaceId, meeting.id, onItem(5));
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.actionsReview });
    expect(screen.getByText('Item 6 of 6')).toBeInTheDocument();
    expect(screen.queryByText(/^Owner:/)).toBeNull();

    // Ended on the laptop: the room sees a calm message, not the last item.
    await change(workspaceId, meeting.id, endMeeting);
    expect(await screen.findByRole('heading', { level: 1, name: en.audienceMeeting.ended })).toBeInTheDocument();
    expect(screen.getByText(en.audienceMeeting.endedBody)).toBeInTheDocument();
    expect(screen.getByText('December sync')).toBeInTheDocument();
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('shows the KPI dashboard of the meeting’s month on the KPI review item, and nothing of it elsewhere', async () => {
    const { workspaceId, meeting } = await seed();
    await createDefaultKpis(workspaceId, 'en');
    await setValue(workspaceId, 'metric:mql', '2026-11', 210);
    await updateMeeting(workspaceId, meeting.id, onItem(0));
    renderAudience(workspaceId, meeting.id);
    // The month before the meeting, as in run mode.
    expect(await screen.findByRole('heading', { level: 2, name: 'KPIs, 12 months to November 2026' })).toBeInTheDocument();
    expect(await screen.findByRole('article', { name: /^MQL count: 210, target 200, On track \(November 2026\)/ })).toBeInTheDocument();

    await change(workspaceId, meeting.id, onItem(3));
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.campaignPlans });
    expect(screen.queryByRole('article', { name: /^MQL count/ })).toBeNull();
  });

  it('a new value typed on the laptop shows on the projector’s dashboard', async () => {
    const { workspaceId, meeting } = await seed();
    await createDefaultKpis(workspaceId, 'en');
    await updateMeeting(workspaceId, meeting.id, onItem(0));
    renderAudience(workspaceId, meeting.id);
    expect(await screen.findByRole('article', { name: /^MQL count: no data/ })).toBeInTheDocument();
    await act(async () => {
      await setValue(workspaceId, 'metric:mql', '2026-11', 190, 'meeting');
    });
    expect(await screen.findByRole('article', { name: /^MQL count: 190, target 200, At risk/ })).toBeInTheDocument();
  });

  it('says calmly when the meeting is not there, not started or has no agenda (English and Japanese)', async () => {
    const { workspaceId, meeting } = await seed();
    const first = renderAudience(workspaceId, 'no-such-meeting');
    expect(await screen.findByRole('heading', { level: 1, name: en.audienceMeeting.notFound })).toBeInTheDocument();
    expect(screen.getByText(en.audienceMeeting.notFoundBody)).toBeInTheDocument();
    first.unmount();

    const planned = renderAudience(workspaceId, meeting.id, 'ja');
    expect(await screen.findByRole('heading', { level: 1, name: ja.audienceMeeting.notStarted })).toBeInTheDocument();
    expect(screen.getByText(ja.audienceMeeting.notStartedBody)).toBeInTheDocument();
    expect(screen.getByText('December sync')).toBeInTheDocument();
    // Run mode starts it: the projector follows.
    await change(workspaceId, meeting.id, startMeeting);
    expect(await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview })).toBeInTheDocument();
    expect(screen.getByText('議題 1 / 6')).toBeInTheDocument();
    planned.unmount();

    const deleted = renderAudience(workspaceId, meeting.id, 'ja');
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview });
    await act(async () => {
      await db.workspaces.update(workspaceId, { deletedAt: new Date().toISOString() });
    });
    expect(await screen.findByRole('heading', { level: 1, name: ja.audienceMeeting.notFound })).toBeInTheDocument();
    deleted.unmount();

    const empty = await planMeeting(workspaceId, { seriesId: null, title: 'Empty', date: '2026-12-08', attendeeIds: [], agenda: [], kpiPeriod: null });
    await updateMeeting(workspaceId, empty.id, startMeeting);
    await db.workspaces.update(workspaceId, { deletedAt: null });
    renderAudience(workspaceId, empty.id);
    expect(await screen.findByRole('heading', { level: 1, name: en.audienceMeeting.noItems })).toBeInTheDocument();
  });

  it('in Japanese: the item, the agenda position, the timer and the overrun', async () => {
    const { workspaceId, meeting } = await seed('ja');
    await updateMeeting(workspaceId, meeting.id, onItem(2, 16 * 60_000 + 5_000));
    renderAudience(workspaceId, meeting.id, 'ja');
    await screen.findByRole('heading', { level: 1, name: ja.meetings.agendaKinds.leadQuality });
    expect(screen.getByText('議題 3 / 6')).toBeInTheDocument();
    expect(screen.getByText('担当：Noah Bennett')).toBeInTheDocument();
    expect(screen.getByText('1:05 超過')).toBeInTheDocument();
    expect(screen.getByText('経過 16:05 / 予定 15:00')).toBeInTheDocument();
    expect(screen.getByText(ja.audienceMeeting.paused)).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: `${ja.meetings.agendaKinds.leadQuality} のタイマー：1:05 超過` })).toBeInTheDocument();
  });
});

const NEW_YORK: WorkingCalendar = {
  timeZone: 'America/New_York',
  workingDays: [1, 2, 3, 4, 5],
  opens: 540,
  closes: 1020,
  lunch: null,
  publicHolidays: 'none',
  companyHolidays: [{ id: 'presidents-day', kind: 'dates', name: "Presidents' Day", from: '2026-02-16', to: '2026-02-16' }],
};
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A meeting reviewing February 2026 in a workspace with a signed SLA and February's lead records (as calendarPage.test.tsx). */
async function seedSigned(language: Language) {
  const { workspaceId, meeting, marketing, sales } = await seed(language, '2026-02');
  await saveCalendar(workspaceId, NEW_YORK);
  const version = await ensureVersion(workspaceId, { language, title: 'SLA' });
  await updateVersion(workspaceId, version.id, (current, now) => submitForReview(current, now));
  for (const member of [marketing, sales]) {
    await signVersion(workspaceId, version.id, { memberId: member.id, name: member.name, title: member.title, department: member.department, date: '2026-03-05', image: { format: 'png', data: PNG } });
  }
  const decoded = decodeCsvBytes(new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'csv', 'good', 'us-median-meets-30pct-breach.csv'))));
  if (!decoded.ok) throw new Error(decoded.problem.code);
  const parsed = parseCsvText(decoded.text);
  if (!parsed.ok) throw new Error(parsed.problem.code);
  const preview = importCsv(parsed.table, guessMapping(parsed.table));
  await writeImportedValues(workspaceId, preview.values, undefined, { leadMonths: preview.leadMonths, language });
  return { workspaceId, meeting };
}

describe('the SLA figures on the projector', { timeout: 60_000 }, () => {
  it('the lead-quality item shows how each response window was met in the month, lead by lead', async () => {
    const { workspaceId, meeting } = await seedSigned('en');
    await updateMeeting(workspaceId, meeting.id, onItem(2));
    renderAudience(workspaceId, meeting.id);
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.leadQuality });
    expect(await screen.findByRole('heading', { level: 2, name: 'Response-time breaches, February 2026' })).toBeInTheDocument();
    expect(screen.getByText('First contact time: 7 of 10 within 24 business h (70%); 3 breaches (1 still waiting)')).toBeInTheDocument();
    const breaches = screen.getByRole('table', { name: 'First contact time: breaches in February 2026' });
    expect(within(breaches).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['L10', 'L09', 'L08']);
  });

  it('the SLA attainment item (Japanese): the latest months large, the share met over the 12 months as on the laptop', async () => {
    const { workspaceId, meeting } = await seedSigned('ja');
    await updateMeeting(workspaceId, meeting.id, onItem(1));
    renderAudience(workspaceId, meeting.id, 'ja');
    await screen.findByRole('heading', { level: 1, name: ja.meetings.agendaKinds.slaAttainment });
    const table = await screen.findByRole('table', { name: ja.kpi.sla.tableLabel });
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual([ja.kpi.sla.colCommitment, ja.kpi.sla.colOwner, ja.kpi.sla.colMet, '2025年12月', '2026年1月', '2026年2月']);
    const row = within(table).getByRole('row', { name: /^初回接触までの時間/ });
    // February's lead records are the only month measured: 0 of 1 month met, counted over the 12.
    expect(row).toHaveTextContent('0%（1 か月中 0 か月）');
    expect(row).toHaveTextContent('未達');
  });
});

describe('the projector view is accessible', { timeout: 30_000 }, () => {
  it('has no serious axe violations on an overrun item and on the KPI dashboard (contrast is checked in the browser, where styles apply)', async () => {
    const { workspaceId, meeting } = await seed();
    await createDefaultKpis(workspaceId, 'en');
    await updateMeeting(workspaceId, meeting.id, onItem(1, 11 * 60_000));
    const { container } = renderAudience(workspaceId, meeting.id);
    const axe = (await import('axe-core')).default;
    const serious = async () => {
      const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
      return results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    };
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.slaAttainment });
    await waitFor(() => expect(screen.queryByText(en.kpi.loading)).toBeNull());
    expect(screen.getByText('Over time by 1:00')).toBeInTheDocument();
    expect(await serious()).toEqual([]);

    await change(workspaceId, meeting.id, onItem(0));
    await screen.findAllByRole('article', { name: /^MQL count/ });
    expect(await serious()).toEqual([]);
  });
});
