import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { addDecision, agendaFromTemplate } from '../../shared/meetings/agenda';
import { db } from '../../renderer/src/db/db';
import { addDays, todayIn } from '../../shared/meetings/cadence';
import { formatDay } from '../../renderer/src/features/meetings/format';
import { newId } from '../../renderer/src/db/ids';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { addAction, createSeries, deleteSeries, finishMeeting, listActions, listMeetings, listSeries, planMeeting, setActionStatus, updateMeeting } from '../../renderer/src/features/meetings/meetingStore';
import type { Host } from '../../renderer/src/host';
import { createDefaultKpis, setValue } from '../../renderer/src/features/kpis/kpiStore';
import { enterDate } from './helpers';
import { renderApp, resetDb } from './renderApp';

// Waits for the database and live queries: generous, as the machine may be busy with other suites.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

async function seed(language: 'en' | 'ja' = 'en') {
  const strings = language === 'ja' ? ja : en;
  const workspaceId = await createWorkspace('Northwind');
  const marketing = await addMember(workspaceId, { name: 'Emma Clark', department: 'marketing', title: 'Head of Marketing' });
  const sales = await addMember(workspaceId, { name: 'Noah Bennett', department: 'sales', title: 'Head of Sales' });
  const series = await createSeries(workspaceId, { name: 'Weekly sync', cadence: 'weekly', nextDate: '2026-12-07', defaultAttendeeIds: [] });
  const plan = (date: string) =>
    planMeeting(workspaceId, {
      seriesId: series.id,
      title: `Sync ${date}`,
      date,
      attendeeIds: [marketing.id, sales.id],
      agenda: agendaFromTemplate({ members: [marketing, sales], title: (kind) => strings.meetings.agendaKinds[kind], newId }),
      kpiPeriod: null,
    });
  return { workspaceId, marketing, sales, series, plan };
}

const stored = async (workspaceId: string) => (await listMeetings(workspaceId))[0]!;

// Whole journeys typed key by key: on a busy machine one can take more than the default 5 s.
describe('meetings pages', { timeout: 30_000 }, () => {
  it('sets up the regular meeting in Japanese (a missing name is named), then plans one from the template', async () => {
    const workspaceId = await createWorkspace('営業×マーケ');
    await addMember(workspaceId, { name: '佐藤 花子', department: 'marketing', title: '' });
    await addMember(workspaceId, { name: '鈴木 一郎', department: 'sales', title: '' });
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/meetings` });
    await screen.findByRole('heading', { level: 1, name: ja.meetings.title });
    const name = screen.getByLabelText(ja.meetings.series.name);
    expect(name).toHaveValue(ja.meetings.defaultSeriesName);
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: ja.meetings.series.create }));
    expect(await screen.findByRole('alert')).toHaveTextContent('名称を入力してください。');
    expect(await db.meetingSeries.count()).toBe(0);
    await user.type(name, '月次定例');
    enterDate(screen.getByLabelText(ja.meetings.series.nextDate), '2026-12-10');
    await user.selectOptions(screen.getByLabelText(ja.meetings.series.cadence), ja.meetings.cadences.biweekly);
    await user.click(screen.getByRole('button', { name: ja.meetings.series.create }));
    const plan = await screen.findByRole('button', { name: /の定例会を準備する$/ });
    await user.click(plan);
    await screen.findByRole('heading', { level: 1, name: /^月次定例（2026\/12\/10）$/ });
    for (const [index, title] of Object.values(ja.meetings.agendaKinds).slice(0, 6).entries()) {
      expect(screen.getByLabelText(`議題 ${index + 1} のタイトル`)).toHaveValue(title);
    }
    const meeting = await stored(workspaceId);
    expect(meeting).toMatchObject({ date: '2026-12-10', kpiPeriod: '2026-11', state: 'planned' });
    expect(meeting.attendeeIds).toHaveLength(2);
    expect((await db.meetingSeries.toArray())[0]!.nextDate).toBe('2026-12-24');
  });

  it('a next meeting date that has passed is allowed, and the field says so (in Japanese too); a coming one says nothing', async () => {
    const { workspaceId } = await seed();
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/meetings` });
    const field = await screen.findByLabelText(ja.meetings.series.nextDate);
    enterDate(field, '2099-01-15');
    expect(field).not.toHaveAccessibleDescription();
    enterDate(field, '2020-01-15');
    expect(field).toHaveAccessibleDescription('この日付はすでに過ぎています。次に準備する回は 2020/01/15 付けで、開催済みの会議の記録として作成されます。');
    await user.click(screen.getByRole('button', { name: ja.meetings.series.save }));
    await waitFor(async () => expect((await listSeries(workspaceId))[0]!.nextDate).toBe('2020-01-15'));
  });

  it('the meeting date typed key by key is saved once, when the field is left: no year 0202 or day 1 on the way; Escape puts the saved date back', async () => {
    const { workspaceId, plan } = await seed('ja');
    const meeting = await plan('2026-12-07');
    // Every date the database is given for the meeting, as it is written (Dexie's own hook, no mock).
    const written: string[] = [];
    const onUpdating = (changes: object) => {
      if ('date' in changes) written.push((changes as { date: string }).date);
    };
    db.meetings.hook('updating', onUpdating);
    try {
      const user = userEvent.setup();
      renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/meetings/${meeting.id}` });
      const details = await screen.findByRole('region', { name: ja.meetings.meeting.details });
      const date = within(details).getByRole('textbox', { name: ja.meetings.meeting.date });
      expect(date).toHaveValue('2026/12/07');
      await user.clear(date);
      // 2/…, 20/…, 202/… and 2027/1/1 on the way to 2027/1/15: none is what was meant.
      await user.type(date, '2027/1/15');
      expect(date).toHaveValue('2027/1/15');
      expect((await stored(workspaceId)).date).toBe('2026-12-07');
      await user.tab();
      await waitFor(async () => expect(await stored(workspaceId)).toMatchObject({ date: '2027-01-15', kpiPeriod: null }));
      expect(date).toHaveValue('2027/01/15');
      expect(written).toEqual(['2027-01-15']);

      // Escape puts the saved date back; leaving the field then saves nothing.
      await user.click(date);
      await user.clear(date);
      await user.type(date, '2028/2/2');
      await user.keyboard('{Escape}');
      expect(date).toHaveValue('2027/01/15');
      await user.tab();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await stored(workspaceId)).date).toBe('2027-01-15');
      expect(written).toEqual(['2027-01-15']);

      // Typed and not left: leaving the page keeps it (the field goes away without a blur).
      await user.click(date);
      await user.clear(date);
      await user.type(date, '2027/2/3');
      act(() => {
        window.location.hash = `#/w/${workspaceId}/meetings`;
      });
      await screen.findByRole('heading', { level: 1, name: ja.meetings.title });
      await waitFor(async () => expect((await stored(workspaceId)).date).toBe('2027-02-03'));
      expect(written).toEqual(['2027-01-15', '2027-02-03']);
    } finally {
      db.meetings.hook('updating').unsubscribe(onUpdating);
    }
  });

  it('plans a meeting of a series whose name is at the 200-character limit: the title keeps the date and fits', async () => {
    const workspaceId = await createWorkspace('営業×マーケ');
    await addMember(workspaceId, { name: '佐藤 花子', department: 'marketing', title: '' });
    const name = '営業とマーケティングの定例会'.repeat(15).slice(0, 200);
    await createSeries(workspaceId, { name, cadence: 'monthly', nextDate: '2026-12-10', defaultAttendeeIds: [] });
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/meetings` });
    await user.click(await screen.findByRole('button', { name: /の定例会を準備する$/ }));
    await waitFor(async () => expect(await listMeetings(workspaceId)).toHaveLength(1));
    const { title } = (await listMeetings(workspaceId))[0]!;
    expect(title).toHaveLength(200);
    expect(title.endsWith('…（2026/12/10）')).toBe(true);
    expect(title.startsWith(name.slice(0, 150))).toBe(true);
    await screen.findByRole('heading', { level: 1, name: title });
  });

  it('the workspace page shows the next meeting and open and overdue action items', async () => {
    const { workspaceId } = await seed();
    await addAction(workspaceId, { title: 'Late one', department: 'sales', dueDate: '2020-01-01' });
    await addAction(workspaceId, { title: 'Undated', department: 'marketing' });
    renderApp({ hash: `#/w/${workspaceId}` });
    const section = await screen.findByRole('region', { name: en.meetings.title });
    expect(await within(section).findByText(/Next meeting: Dec 7, 2026 \(Weekly\)/)).toBeInTheDocument();
    expect(within(section).getByText(/2 open action items/)).toHaveTextContent('2 open action items · ⚠ 1 overdue');
    expect(within(section).getByRole('link', { name: en.meetings.open })).toHaveAttribute('href', `#/w/${workspaceId}/meetings`);
  });

  it('the meetings list shows every open item with its origin; closing one there records no meeting', async () => {
    const { workspaceId, plan } = await seed();
    const meeting = await plan('2026-12-07');
    await addAction(workspaceId, { title: 'From the meeting', department: 'sales', createdInMeetingId: meeting.id });
    await addAction(workspaceId, { title: 'From a hallway chat', department: 'marketing' });
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings` });
    const table = await screen.findByRole('table', { name: en.meetings.openActions.title });
    expect(within(within(table).getByRole('row', { name: /From the meeting/ })).getByText('From Sync 2026-12-07')).toBeInTheDocument();
    const outside = within(table).getByRole('row', { name: /From a hallway chat/ });
    expect(within(outside).getByText(en.meetings.actions.outsideMeeting)).toBeInTheDocument();
    await user.selectOptions(within(outside).getByLabelText('Status of From a hallway chat'), en.meetings.statuses.dropped);
    await waitFor(async () => expect((await listActions(workspaceId)).find((a) => a.title === 'From a hallway chat')).toMatchObject({ status: 'dropped', closedInMeetingId: null }));
    await waitFor(() => expect(within(table).queryByRole('row', { name: /From a hallway chat/ })).toBeNull());
    expect(screen.getByRole('table', { name: en.meetings.list.title })).toHaveTextContent('Sync 2026-12-07');
    // Added here: outside any meeting, carried into the next one.
    await user.type(screen.getByRole('textbox', { name: en.meetings.actions.itemTitle }), 'Book the venue{Enter}');
    await waitFor(async () => expect((await listActions(workspaceId)).find((a) => a.title === 'Book the venue')).toMatchObject({ createdInMeetingId: null, status: 'open' }));
    expect(await within(table).findByRole('row', { name: /Book the venue/ })).toBeInTheDocument();
  });

  it('meeting page: minutes are checked, carried items show where they came from, overdue in words', async () => {
    const { workspaceId, plan, sales } = await seed();
    const first = await plan('2026-11-02');
    await addAction(workspaceId, { title: 'Share lost-deal reasons', ownerId: sales.id, department: 'sales', dueDate: '2026-11-09', createdInMeetingId: first.id });
    await finishMeeting(workspaceId, first.id, null);
    const second = await plan('2026-12-07');
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${second.id}` });
    await screen.findByRole('heading', { level: 1, name: 'Sync 2026-12-07' });
    const table = screen.getByRole('table', { name: en.meetings.actions.title });
    const row = within(table).getByRole('row', { name: /Share lost-deal reasons/ });
    expect(within(row).getByText('Carried forward from Sync 2026-11-02')).toBeInTheDocument();
    expect(within(row).getByText(/^Overdue by \d+ days$/)).toBeInTheDocument();
    expect(within(row).getByText('Noah Bennett')).toBeInTheDocument();

    // Bad minutes are refused with the reason; nothing stored changes.
    const minutes = screen.getAllByLabelText(en.meetings.agenda.minutes)[0]!;
    await user.clear(minutes);
    await user.type(minutes, '0');
    await user.tab();
    expect(await screen.findByText('Minutes must be between 1 and 480.')).toBeInTheDocument();
    expect((await listMeetings(workspaceId)).find((m) => m.id === second.id)!.agenda[0]!.minutes).toBe(15);

    // Edited in a dialog: a new due date and owner; an emptied title is refused with its name.
    await user.click(within(row).getByRole('button', { name: 'Edit Share lost-deal reasons' }));
    const dialog = await screen.findByRole('dialog', { name: en.meetings.actions.editTitle });
    const title = within(dialog).getByLabelText(en.meetings.actions.itemTitle);
    await user.clear(title);
    await user.click(within(dialog).getByRole('button', { name: en.common.save }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Action is required.');
    await user.type(title, 'Share lost-deal reasons');
    await user.selectOptions(within(dialog).getByLabelText(en.meetings.actions.owner), 'Emma Clark (Marketing)');
    enterDate(within(dialog).getByLabelText(en.meetings.actions.dueDate), '2026-12-20');
    await user.click(within(dialog).getByRole('button', { name: en.common.save }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const edited = (await listActions(workspaceId))[0]!;
    expect(edited).toMatchObject({ title: 'Share lost-deal reasons', dueDate: '2026-12-20', department: 'sales' });
    expect(edited.ownerId).not.toBe(sales.id);
    await user.click(within(row).getByRole('button', { name: 'Edit Share lost-deal reasons' }));
    await user.selectOptions(within(await screen.findByRole('dialog')).getByLabelText(en.meetings.actions.owner), 'Noah Bennett (Sales)');
    enterDate(within(screen.getByRole('dialog')).getByLabelText(en.meetings.actions.dueDate), '2026-11-09');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: en.common.save }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // Closing it here records this meeting; the row says so.
    await user.selectOptions(within(row).getByLabelText('Status of Share lost-deal reasons'), en.meetings.statuses.done);
    await waitFor(async () => expect((await listActions(workspaceId))[0]).toMatchObject({ status: 'done', closedInMeetingId: second.id }));
    expect(await within(table).findByText(en.meetings.actions.closedHere)).toBeInTheDocument();
    expect(within(row).queryByText(/^Overdue/)).toBeNull();
    // The earlier meeting, where it was made, says where it was closed.
    act(() => {
      window.location.hash = `#/w/${workspaceId}/meetings/${first.id}`;
    });
    await screen.findByRole('heading', { level: 1, name: 'Sync 2026-11-02' });
    expect(await screen.findByText('Closed in Sync 2026-12-07')).toBeInTheDocument();
  });

  it('Undo of a status change gives back where the item was closed: reopened by mistake on an earlier meeting’s page, it stays closed in the later meeting', async () => {
    const { workspaceId, sales, plan } = await seed();
    const first = await plan('2026-11-02');
    const second = await plan('2026-12-07');
    const action = await addAction(workspaceId, { title: 'Share lost-deal reasons', ownerId: sales.id, department: 'sales', dueDate: null, createdInMeetingId: first.id });
    await setActionStatus(workspaceId, action.id, 'done', second.id);
    const closed = (await listActions(workspaceId))[0]!;
    expect(closed).toMatchObject({ status: 'done', closedInMeetingId: second.id });
    const user = userEvent.setup();
    // The earlier meeting's page lists it (it was open then) and says where it was closed.
    renderApp({ hash: `#/w/${workspaceId}/meetings/${first.id}` });
    expect(await screen.findByText('Closed in Sync 2026-12-07')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Status of Share lost-deal reasons'), en.meetings.statuses.open);
    await waitFor(async () => expect((await listActions(workspaceId))[0]).toMatchObject({ status: 'open', closedInMeetingId: null }));
    const toast = (await screen.findByText('“Share lost-deal reasons” reopened')).closest('li')!;
    await user.click(within(toast).getByRole('button', { name: en.common.undo }));
    await waitFor(async () => expect((await listActions(workspaceId))[0]).toMatchObject({ status: 'done', closedInMeetingId: second.id, closedAt: closed.closedAt }));
    expect(await screen.findByText('Closed in Sync 2026-12-07')).toBeInTheDocument();
    expect(screen.queryByText(en.meetings.actions.closedHere)).toBeNull();
  });

  it('removing an agenda item can be undone', async () => {
    const { workspaceId, plan } = await seed();
    const meeting = await plan('2026-12-07');
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}` });
    await user.click(await screen.findByRole('button', { name: `Remove ${en.meetings.agendaKinds.personaUpdates}` }));
    await waitFor(async () => expect((await stored(workspaceId)).agenda).toHaveLength(5));
    const toast = (await screen.findByText(`Item “${en.meetings.agendaKinds.personaUpdates}” removed`)).closest('li')!;
    await user.click(within(toast).getByRole('button', { name: en.common.undo }));
    await waitFor(async () => expect((await stored(workspaceId)).agenda.map((item) => item.kind)).toEqual(meeting.agenda.map((item) => item.kind)));
  });

  it('meeting page: an item without notes shows “Add notes” (its notes field opens focused, keyboard too); items with notes or a left draft show the field', async () => {
    const { workspaceId, plan } = await seed();
    const meeting = await plan('2026-12-07');
    await updateMeeting(workspaceId, meeting.id, (m) => ({ ...m, agenda: m.agenda.map((item, index) => (index === 0 ? { ...item, notes: 'MQL up 12 %' } : item)) }));
    localStorage.setItem(`alignboard.meetingNotes.${workspaceId}.${meeting.id}.${meeting.agenda[2]!.id}`, 'typed before the crash');
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}` });
    const kinds = en.meetings.agendaKinds;
    expect(await screen.findByLabelText(`Notes: ${kinds.kpiReview}`)).toHaveValue('MQL up 12 %');
    expect(screen.queryByLabelText(`Notes: ${kinds.slaAttainment}`)).toBeNull();
    expect(screen.getByLabelText(`Notes: ${meeting.agenda[2]!.title}`)).toHaveValue('typed before the crash');
    const add = screen.getByRole('button', { name: `Add notes: ${kinds.slaAttainment}` });
    add.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByLabelText(`Notes: ${kinds.slaAttainment}`)).toHaveFocus());
    await user.keyboard('91 % within 24 h');
    await waitFor(async () => expect((await stored(workspaceId)).agenda[1]!.notes).toBe('91 % within 24 h'));
  });

  it('run mode: keyboard moves on and runs the timer; notes save as you type; an empty action is refused', async () => {
    const { workspaceId, plan } = await seed();
    const meeting = await plan('2026-12-07');
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}/run` });
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview });
    await waitFor(async () => expect((await stored(workspaceId)).state).toBe('running'));
    expect(screen.getByText('15:00')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: en.meetings.run.shortcuts.title })).toHaveTextContent('Ctrl+Enter');

    await user.keyboard('{Alt>}{Shift>}P{/Shift}{/Alt}');
    await waitFor(async () => expect((await stored(workspaceId)).runningSince).not.toBeNull());
    expect(await screen.findByRole('button', { name: en.meetings.run.pause })).toBeInTheDocument();

    await user.keyboard('{Alt>}{Shift>}M{/Shift}{/Alt}');
    expect(screen.getByLabelText(`Notes: ${en.meetings.agendaKinds.kpiReview}`)).toHaveFocus();
    await user.keyboard('MQL up 12 %');
    await waitFor(async () => expect((await stored(workspaceId)).agenda[0]!.notes).toBe('MQL up 12 %'));

    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.slaAttainment });
    const moved = await stored(workspaceId);
    expect(moved.currentItemId).toBe(meeting.agenda[1]!.id);
    // The timer kept running, on the new item; the time of the first was kept.
    expect(moved.runningSince).not.toBeNull();
    expect(moved.agenda[0]!.notes).toBe('MQL up 12 %');
    // The notes field follows the item and keeps the focus: typing goes on into the new item's notes.
    expect(screen.getByLabelText(`Notes: ${en.meetings.agendaKinds.slaAttainment}`)).toHaveFocus();
    expect(screen.getByLabelText(`Notes: ${en.meetings.agendaKinds.slaAttainment}`)).toHaveValue('');
    await user.keyboard('91 % contacted in 24 h');
    await waitFor(async () => expect((await stored(workspaceId)).agenda[1]!.notes).toBe('91 % contacted in 24 h'));
    expect((await stored(workspaceId)).agenda[0]!.notes).toBe('MQL up 12 %');

    await user.keyboard('{Alt>}{Shift>}C{/Shift}{/Alt}');
    expect(screen.getByRole('textbox', { name: en.meetings.actions.itemTitle })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Action is required.')).toBeInTheDocument();
    expect(await listActions(workspaceId)).toEqual([]);
    await user.keyboard('Call back every rejected MQL{Enter}');
    await waitFor(async () => expect((await listActions(workspaceId)).map((a) => [a.title, a.createdInMeetingId, a.agendaItemId])).toEqual([
      ['Call back every rejected MQL', meeting.id, meeting.agenda[1]!.id],
    ]));

    // Ctrl+Shift+Enter goes back; N (not typing) goes forward.
    await user.keyboard('{Control>}{Shift>}{Enter}{/Shift}{/Control}');
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview });
    act(() => (document.activeElement as HTMLElement).blur());
    await user.keyboard('n');
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.slaAttainment });
    expect(window.location.hash).toContain('/run');
  });

  it('run mode: the KPI review item takes the month’s figures typed in the meeting, and the dashboard follows', async () => {
    const { workspaceId, plan } = await seed();
    await createDefaultKpis(workspaceId, 'en');
    const meeting = await plan('2026-12-07');
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}/run` });
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview });
    // The month under review is the one before the meeting.
    await user.click(await screen.findByText('Enter the figures for November 2026'));
    const mql = await screen.findByRole('textbox', { name: 'MQL, November 2026' });
    // Only that month is offered.
    expect(screen.queryByRole('textbox', { name: 'MQL, October 2026' })).toBeNull();
    await user.type(mql, '210{Enter}');
    await waitFor(async () => expect(await db.kpiValues.get([workspaceId, 'metric:mql|2026-11'])).toMatchObject({ value: 210, source: 'meeting' }));
    // Enter in a cell saves it and stays on the agenda item (only Ctrl+Enter moves on).
    expect(screen.getByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview })).toBeInTheDocument();
    // The dashboard's MQL card shows the figure just typed.
    expect(await screen.findByRole('article', { name: /^MQL count: 210,/ })).toHaveTextContent('210');
  });

  it('run mode switches to the projector theme and back to the theme in use before', async () => {
    const { workspaceId, plan } = await seed();
    const meeting = await plan('2026-12-07');
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}/run`, settings: { theme: 'dark' } });
    const projector = await screen.findByRole('checkbox', { name: en.meetings.run.projector });
    expect(projector).not.toBeChecked();
    await user.click(projector);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('projector'));
    expect(projector).toBeChecked();
    await user.click(projector);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });

  it('run mode shows an overrun in words and with an icon; sound is off until turned on', async () => {
    const { workspaceId, plan } = await seed();
    const meeting = await plan('2026-12-07');
    await updateMeeting(workspaceId, meeting.id, (m) => ({
      ...m,
      state: 'running',
      currentItemId: m.agenda[1]!.id,
      agenda: m.agenda.map((item, index) => (index === 1 ? { ...item, elapsedMs: 10 * 60_000 + 90_000 } : item)),
    }));
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}/run` });
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.slaAttainment });
    expect(screen.getByTestId('run-clock')).toHaveTextContent('+1:30');
    expect(screen.getByText('Over time by 1:30')).toBeInTheDocument();
    const agenda = screen.getByRole('navigation', { name: en.meetings.run.agendaNav });
    expect(within(agenda).getByRole('button', { current: 'step' })).toHaveTextContent(/SLA attainment.*Over time/);
    expect(screen.getByRole('checkbox', { name: en.meetings.run.sound })).not.toBeChecked();
  });

  it('at the allotted time run mode announces it and, with sound on, beeps through WebAudio', async () => {
    const started: number[] = [];
    class FakeAudioContext {
      currentTime = 0;
      destination = {};
      createOscillator() {
        return { type: 'sine', frequency: { value: 0 }, connect: (node: unknown) => node, start: () => started.push(this.currentTime), stop: () => {} };
      }
      createGain() {
        return { gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} }, connect: (node: unknown) => node };
      }
      resume = async () => {};
      close = async () => {};
    }
    vi.stubGlobal('AudioContext', FakeAudioContext);
    try {
      const { workspaceId, plan } = await seed();
      const meeting = await plan('2026-12-07');
      const user = userEvent.setup();
      renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}/run` });
      await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview });
      await user.click(screen.getByRole('checkbox', { name: en.meetings.run.sound }));
      expect(localStorage.getItem('alignboard.meetingSound')).toBe('on');
      // 0.3 s before the 15 minutes are up, then the timer runs.
      await updateMeeting(workspaceId, meeting.id, (m) => ({
        ...m,
        agenda: m.agenda.map((item, index) => (index === 0 ? { ...item, elapsedMs: 15 * 60_000 - 300 } : item)),
      }));
      await user.click(screen.getByRole('button', { name: en.meetings.run.start }));
      expect(await screen.findByText('Time is up for “KPI review”.')).toBeInTheDocument();
      expect(started).toHaveLength(1);
      expect(await screen.findByText(/^Over time by/)).toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('run mode brings the tool of each item: personas on "persona updates", the action list on "actions review"', async () => {
    const workspaceId = await createSampleWorkspace('en');
    const members = await db.members.where('workspaceId').equals(workspaceId).toArray();
    const meeting = await planMeeting(workspaceId, {
      seriesId: null,
      title: 'Sample sync',
      date: '2026-12-07',
      attendeeIds: members.map((member) => member.id),
      agenda: agendaFromTemplate({ members, title: (kind) => en.meetings.agendaKinds[kind], newId }),
      kpiPeriod: null,
    });
    await addAction(workspaceId, { title: 'Bring two case studies', department: 'marketing', createdInMeetingId: meeting.id });
    await updateMeeting(workspaceId, meeting.id, (m) => ({ ...m, state: 'running', currentItemId: m.agenda[4]!.id }));
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}/run` });
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.personaUpdates });
    const personas = await screen.findByRole('region', { name: en.persona.gallery });
    expect(within(personas).getByRole('link', { name: en.sample.personaBoard })).toBeInTheDocument();
    expect(within(personas).getByText(en.persona.draft)).toBeInTheDocument();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.actionsReview });
    const actions = screen.getByRole('region', { name: en.meetings.actions.title });
    expect(within(actions).getByRole('row', { name: /Bring two case studies/ })).toBeInTheDocument();
    // Above the notes: the list is what this item is about.
    const notes = screen.getByLabelText(`Notes: ${en.meetings.agendaKinds.actionsReview}`);
    expect(actions.compareDocumentPosition(notes) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('run mode restores notes a closed page had not written yet', async () => {
    const { workspaceId, plan } = await seed();
    const meeting = await plan('2026-12-07');
    localStorage.setItem(`alignboard.meetingNotes.${workspaceId}.${meeting.id}.${meeting.agenda[0]!.id}`, 'typed before the crash');
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}/run` });
    expect(await screen.findByLabelText(`Notes: ${en.meetings.agendaKinds.kpiReview}`)).toHaveValue('typed before the crash');
    await waitFor(async () => expect((await stored(workspaceId)).agenda[0]!.notes).toBe('typed before the crash'));
    await waitFor(() => expect(localStorage.getItem(`alignboard.meetingNotes.${workspaceId}.${meeting.id}.${meeting.agenda[0]!.id}`)).toBeNull());
  });

  it('ending asks to export the minutes; the export asks the host for the minutes route with a footer', async () => {
    const { workspaceId, plan } = await seed();
    const meeting = await plan('2026-12-07');
    const exportPdf = vi.fn<Host['exportPdf']>(async () => ({ saved: true }));
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}/run`, host: { exportPdf } });
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview });
    await user.click(screen.getByRole('button', { name: en.meetings.run.end }));
    const confirm = await screen.findByRole('alertdialog', { name: en.meetings.run.endTitle });
    await user.click(within(confirm).getByRole('button', { name: en.meetings.run.endConfirm }));
    const ended = await screen.findByRole('dialog', { name: en.meetings.run.endedTitle });
    const endedMeeting = await stored(workspaceId);
    expect(endedMeeting).toMatchObject({ state: 'ended', runningSince: null });
    expect(endedMeeting.endedAt).not.toBeNull();
    expect(Array.isArray(endedMeeting.kpiSnapshot)).toBe(true);
    await user.click(within(ended).getByRole('button', { name: en.meetings.meeting.exportMinutes }));
    expect(exportPdf).toHaveBeenCalledWith({
      kind: 'minutes',
      route: `/print/minutes/${workspaceId}/${meeting.id}`,
      suggestedName: '2026-12-07 Sync 2026-12-07.pdf',
      footer: { label: 'Minutes', version: '2026-12-07' },
    });
    // Back on the meeting page, which offers the export too.
    await screen.findByRole('heading', { level: 1, name: 'Sync 2026-12-07' });
    await user.click(screen.getByRole('button', { name: en.meetings.meeting.exportMinutes }));
    expect(exportPdf).toHaveBeenCalledTimes(2);
  });

  it('ending stores the KPI snapshot of the meeting\'s period (the KPI feature\'s numbers), shown on the meeting page', async () => {
    const { workspaceId, plan } = await seed();
    await createDefaultKpis(workspaceId, 'en');
    await setValue(workspaceId, 'metric:mql', '2026-11', 180);
    await setValue(workspaceId, 'metric:mql', '2026-10', 999);
    const meeting = await plan('2026-12-07');
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}/run` });
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview });
    await user.click(screen.getByRole('button', { name: en.meetings.run.end }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: en.meetings.run.endConfirm }));
    await user.click(within(await screen.findByRole('dialog', { name: en.meetings.run.endedTitle })).getByRole('button', { name: en.meetings.run.notNow }));
    const snapshot = (await stored(workspaceId)).kpiSnapshot!;
    expect(snapshot.find((row) => row.name === 'MQL count')).toMatchObject({ period: '2026-11', value: 180, target: 200, status: 'atRisk' });
    const table = await screen.findByRole('table', { name: en.meetings.meeting.kpiSnapshot });
    expect(within(table).getByRole('row', { name: /^MQL count/ })).toHaveTextContent(/^MQL count180200▲ At risk$/);
  });

  it('minutes print view: attendees, decisions, action groups and the KPI snapshot table', async () => {
    const { workspaceId, plan, sales } = await seed();
    const meeting = await plan('2026-12-07');
    await addAction(workspaceId, { title: 'Fix routing rules', ownerId: sales.id, department: 'sales', dueDate: '2026-12-14', createdInMeetingId: meeting.id });
    await finishMeeting(workspaceId, meeting.id, [
      { kpiId: 'k1', name: 'MQL→SQL conversion', unit: 'percent', period: '2026-11', value: 23.5, target: 30, status: 'offTrack' },
      { kpiId: 'k2', name: 'MQL count', unit: 'count', period: '2026-11', value: null, target: 200, status: 'noData' },
    ]);
    renderApp({ hash: `#/print/minutes/${workspaceId}/${meeting.id}` });
    await screen.findByRole('heading', { level: 1, name: 'Sync 2026-12-07' });
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    expect(screen.getByText(/Emma Clark \(Marketing/)).toBeInTheDocument();
    const groupNew = screen.getByRole('heading', { level: 3, name: en.meetings.actions.groupNew });
    expect(groupNew.nextElementSibling).toHaveTextContent('Fix routing rules');
    expect(groupNew.nextElementSibling).toHaveTextContent('Dec 14, 2026');
    const kpis = screen.getByRole('table', { name: en.meetings.meeting.kpiSnapshot });
    expect(within(kpis).getByRole('row', { name: /MQL→SQL conversion/ })).toHaveTextContent(/^MQL→SQL conversion23\.5%30%× Off track$/);
    expect(within(kpis).getByRole('row', { name: /MQL count/ })).toHaveTextContent(/^MQL count—200– No data$/);
    expect(screen.queryByText(/NaN|Infinity/)).toBeNull();
  });
  it('overdue: a coming meeting’s minutes count it on the meeting’s date, its page counts it today, and each says which day', async () => {
    const { workspaceId, plan, sales } = await seed();
    const today = todayIn();
    const meetingDate = addDays(today, 14);
    const meeting = await plan(meetingDate);
    // Due in three days: not overdue today, overdue by the meeting's day. Due in a month: neither.
    await addAction(workspaceId, { title: 'Send the lead list', ownerId: sales.id, department: 'sales', dueDate: addDays(today, 3), createdInMeetingId: null });
    await addAction(workspaceId, { title: 'Review scoring', ownerId: sales.id, department: 'sales', dueDate: addDays(today, 30), createdInMeetingId: null });
    const basisPage = en.meetings.actions.overdueBasis.replace('{{today}}', formatDay(today, 'en')).replace('{{date}}', formatDay(meetingDate, 'en'));
    const basisMinutes = en.meetings.minutes.overdueBasis.replace('{{date}}', formatDay(meetingDate, 'en'));

    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}` });
    const table = await screen.findByRole('table', { name: en.meetings.actions.title });
    const row = within(table).getByRole('row', { name: /Send the lead list/ });
    expect(within(row).queryByText(/Overdue/)).toBeNull();
    expect(screen.getByText(basisPage)).toBeInTheDocument();

    act(() => {
      window.location.hash = `#/print/minutes/${workspaceId}/${meeting.id}`;
    });
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    const minutesRow = (await screen.findAllByRole('row', { name: /Send the lead list/ }))[0]!;
    expect(minutesRow).toHaveTextContent(`(⚠ ${en.meetings.actions.overdue})`);
    expect(screen.getAllByRole('row', { name: /Review scoring/ })[0]).not.toHaveTextContent(en.meetings.actions.overdue);
    expect(screen.getByText(basisMinutes)).toBeInTheDocument();
  });

  it('minutes print view in Japanese: the time an item took is in words, as its plan is (not a clock time such as 14:00)', async () => {
    const { workspaceId, plan } = await seed('ja');
    const meeting = await plan('2026-12-07');
    await updateMeeting(workspaceId, meeting.id, (current) => ({
      ...current,
      agenda: current.agenda.map((item, index) => ({ ...item, elapsedMs: index === 0 ? 14 * 60_000 + 20_000 : index === 1 ? 45_000 : 0 })),
    }));
    renderApp({ settings: { language: 'ja' }, hash: `#/print/minutes/${workspaceId}/${meeting.id}` });
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    const items = screen.getAllByRole('listitem').filter((item) => item.closest('.minutes-agenda'));
    expect(items[0]).toHaveTextContent(/予定：\d+ 分 · 実績：14 分/);
    expect(items[1]).toHaveTextContent(/予定：\d+ 分 · 実績：45 秒/);
    expect(items[2]).not.toHaveTextContent('実績');
  });

  it('minutes print view in Japanese: an item’s decision and an overdue item are marked in Japanese punctuation (決定事項：, （⚠ 期限切れ）), not “決定事項:” and “(⚠ 期限切れ)”', async () => {
    const { workspaceId, plan, sales } = await seed('ja');
    const meeting = await plan('2026-12-07');
    await updateMeeting(workspaceId, meeting.id, (m) => addDecision(m, { id: 'd1', text: '週次でMQLを確認する', agendaItemId: m.agenda[0]!.id, createdAt: m.createdAt }));
    await addAction(workspaceId, { title: '却下理由を送る', ownerId: sales.id, department: 'sales', dueDate: '2026-11-30', createdInMeetingId: null });
    renderApp({ settings: { language: 'ja' }, hash: `#/print/minutes/${workspaceId}/${meeting.id}` });
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    const items = screen.getAllByRole('listitem').filter((item) => item.closest('.minutes-agenda'));
    expect(items[0]).toHaveTextContent('決定事項： 週次でMQLを確認する');
    const row = (await screen.findAllByRole('row', { name: /却下理由を送る/ }))[0]!;
    expect(row).toHaveTextContent('2026/11/30 （⚠ 期限切れ）');
    expect(document.body).not.toHaveTextContent(/決定事項:|\(⚠/);
  });

  it('members are named with Japanese brackets in Japanese: attendees and owners in （）, with 、 before a title in the minutes', async () => {
    const { workspaceId, plan } = await seed('ja');
    const meeting = await plan('2026-12-07');
    renderApp({ settings: { language: 'ja' }, hash: `#/print/minutes/${workspaceId}/${meeting.id}` });
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    const attendees = [...document.querySelectorAll('.minutes-attendees li')].map((item) => item.textContent);
    expect(attendees).toEqual(expect.arrayContaining(['Emma Clark（マーケティング、Head of Marketing）', 'Noah Bennett（営業、Head of Sales）']));

    act(() => {
      window.location.hash = `#/w/${workspaceId}/meetings/${meeting.id}`;
    });
    expect(await screen.findByRole('checkbox', { name: 'Noah Bennett（営業）' })).toBeChecked();
    const owner = screen.getAllByLabelText(ja.meetings.agenda.owner)[0]! as HTMLSelectElement;
    expect([...owner.options].map((option) => option.text)).toContain('Emma Clark（マーケティング）');
    expect(document.body).not.toHaveTextContent(/\((営業|マーケティング)/);
  });

  it('members in English minutes: name (department, title)', async () => {
    const { workspaceId, plan } = await seed();
    const meeting = await plan('2026-12-07');
    renderApp({ hash: `#/print/minutes/${workspaceId}/${meeting.id}` });
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    const attendees = [...document.querySelectorAll('.minutes-attendees li')].map((item) => item.textContent);
    expect(attendees).toEqual(expect.arrayContaining(['Emma Clark (Marketing, Head of Marketing)', 'Noah Bennett (Sales, Head of Sales)']));
  });

  it('meeting page: a decision is edited in place by keyboard (Enter saves, Escape reverts, empty refused) and the edit has an undo', async () => {
    const { workspaceId, plan } = await seed();
    const meeting = await plan('2026-12-07');
    await updateMeeting(workspaceId, meeting.id, (m) =>
      addDecision(addDecision(m, { id: 'd1', text: 'Score MQLs from 60', agendaItemId: null, createdAt: m.createdAt }), {
        id: 'd2',
        text: 'Weekly lost-deal review',
        agendaItemId: m.agenda[2]!.id,
        createdAt: m.createdAt,
      }),
    );
    const decisions = async () => (await stored(workspaceId)).decisions.map((decision) => decision.text);
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}` });
    const second = await screen.findByRole('textbox', { name: 'Decision 2' });
    expect(second).toHaveValue('Weekly lost-deal review');
    expect(second).toHaveAccessibleDescription(`On: ${en.meetings.agendaKinds.leadQuality}`);
    expect(screen.getByRole('textbox', { name: 'Decision 1' })).toHaveValue('Score MQLs from 60');

    // Enter saves the new text (trimmed); the first decision is untouched.
    await user.click(second);
    await user.keyboard('{End} with marketing {Enter}');
    await waitFor(async () => expect(await decisions()).toEqual(['Score MQLs from 60', 'Weekly lost-deal review with marketing']));
    // The field shows the stored text once the page has read it back.
    await waitFor(() => expect(second).toHaveValue('Weekly lost-deal review with marketing'));

    // Escape reverts a draft; nothing is stored.
    await user.keyboard('{Control>}a{/Control}Something else');
    expect(second).toHaveValue('Something else');
    await user.keyboard('{Escape}');
    expect(second).toHaveValue('Weekly lost-deal review with marketing');
    expect(second).not.toHaveFocus();

    // An emptied decision is refused with its name; Escape then brings the text back.
    await user.click(second);
    await user.clear(second);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Decision 2 is required.');
    expect(await decisions()).toEqual(['Score MQLs from 60', 'Weekly lost-deal review with marketing']);
    await user.keyboard('{Escape}');
    expect(second).toHaveValue('Weekly lost-deal review with marketing');
    expect(screen.queryByRole('alert')).toBeNull();

    // The saved edit's toast undoes it.
    const toast = (await screen.findByText('Decision 2 changed')).closest('li')!;
    await user.click(within(toast).getByRole('button', { name: en.common.undo }));
    await waitFor(async () => expect(await decisions()).toEqual(['Score MQLs from 60', 'Weekly lost-deal review']));
    await waitFor(() => expect(second).toHaveValue('Weekly lost-deal review'));
  });

  it('open action items by keyboard: after Delete, or a status that closes an item, the focus is on the next row (then on “no open items”), never on the page body', async () => {
    const { workspaceId, sales } = await seed();
    // Listed by due date (items added in the same millisecond would be ordered by their random ids).
    for (const [index, title] of ['First', 'Second', 'Third'].entries()) {
      await addAction(workspaceId, { title, ownerId: sales.id, department: 'sales', dueDate: `2099-01-0${index + 1}`, createdInMeetingId: null });
    }
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings` });
    const removeLabel = (title: string) => en.meetings.actions.removeLabel.replace('{{title}}', title);
    const statusLabel = (title: string) => en.meetings.actions.statusFor.replace('{{title}}', title);
    (await screen.findByRole('button', { name: removeLabel('First') })).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('button', { name: removeLabel('First') })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: removeLabel('Second') })));

    // Done by keyboard (the status select): the item leaves the open items; the next row's status takes the focus.
    await user.selectOptions(screen.getByRole('combobox', { name: statusLabel('Second') }), en.meetings.statuses.done);
    await waitFor(() => expect(screen.queryByRole('combobox', { name: statusLabel('Second') })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('combobox', { name: statusLabel('Third') })));

    await user.selectOptions(screen.getByRole('combobox', { name: statusLabel('Third') }), en.meetings.statuses.dropped);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByText(en.meetings.openActions.empty)));
    expect((await listActions(workspaceId)).map((action) => [action.title, action.status])).toEqual(
      expect.arrayContaining([
        ['Second', 'done'],
        ['Third', 'dropped'],
      ]),
    );
  });

  it('Undo of a removed decision puts it back in its place: the minutes keep their numbering (it came back last before)', async () => {
    const { workspaceId, plan } = await seed();
    const meeting = await plan('2026-12-07');
    await updateMeeting(workspaceId, meeting.id, (m) =>
      ['Score MQLs from 60', 'Weekly lost-deal review', 'Case study by March'].reduce(
        (next, text, index) => addDecision(next, { id: `d${index + 1}`, text, agendaItemId: null, createdAt: m.createdAt }),
        m,
      ),
    );
    const decisions = async () => (await stored(workspaceId)).decisions.map((decision) => decision.text);
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}` });
    await screen.findByRole('textbox', { name: 'Decision 2' });
    await user.click(screen.getByRole('button', { name: en.meetings.decisions.removeLabel.replace('{{text}}', 'Weekly lost-deal review') }));
    await waitFor(async () => expect(await decisions()).toEqual(['Score MQLs from 60', 'Case study by March']));
    const toast = (await screen.findByText(en.meetings.decisions.removed)).closest('li')!;
    await user.click(within(toast).getByRole('button', { name: en.common.undo }));
    await waitFor(async () => expect(await decisions()).toEqual(['Score MQLs from 60', 'Weekly lost-deal review', 'Case study by March']));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Decision 2' })).toHaveValue('Weekly lost-deal review'));
  });

  it('run mode in Japanese: the item\'s decisions are fields named by number; Enter saves, Escape reverts', async () => {
    const { workspaceId, plan } = await seed('ja');
    const meeting = await plan('2026-12-07');
    await updateMeeting(workspaceId, meeting.id, (m) =>
      addDecision(addDecision(m, { id: 'd1', text: '議題外の決定', agendaItemId: null, createdAt: m.createdAt }), {
        id: 'd2',
        text: 'MQLの基準を60点にする',
        agendaItemId: m.agenda[0]!.id,
        createdAt: m.createdAt,
      }),
    );
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/meetings/${meeting.id}/run` });
    await screen.findByRole('heading', { level: 1, name: ja.meetings.agendaKinds.kpiReview });
    // Numbered as in the meeting (and its minutes): the item's decision is the 2nd.
    const field = await screen.findByRole('textbox', { name: '決定事項 2' });
    expect(screen.queryByRole('textbox', { name: '決定事項 1' })).toBeNull();
    await user.click(field);
    await user.keyboard('{End}（1月から）{Enter}');
    await waitFor(async () => expect((await stored(workspaceId)).decisions[1]!.text).toBe('MQLの基準を60点にする（1月から）'));
    expect(await screen.findByText('決定事項 2を変更しました')).toBeInTheDocument();
    // Still on the same item: Enter in the field did not move the meeting on.
    expect(screen.getByRole('heading', { level: 1, name: ja.meetings.agendaKinds.kpiReview })).toBeInTheDocument();
    await user.click(field);
    await user.clear(field);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('決定事項 2を入力してください。');
    await user.keyboard('{Escape}');
    expect(field).toHaveValue('MQLの基準を60点にする（1月から）');
    expect((await stored(workspaceId)).decisions.map((decision) => decision.text)).toEqual(['議題外の決定', 'MQLの基準を60点にする（1月から）']);
  });

  it('deleting the regular meeting: confirm says meetings stay; they do; set-up is offered; Undo restores the series exactly', async () => {
    const { workspaceId, plan, series } = await seed();
    const meeting = await plan('2026-12-07');
    await addAction(workspaceId, { title: 'Fix routing rules', department: 'sales', createdInMeetingId: meeting.id });
    const before = (await listSeries(workspaceId))[0]!;
    const meetingsBefore = await listMeetings(workspaceId);
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings` });
    const remove = await screen.findByRole('button', { name: 'Delete the regular meeting “Weekly sync”' });
    // By keyboard: the dialog opens on Cancel (the safe button); Tab to the confirmation.
    remove.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete the regular meeting “Weekly sync”?' });
    expect(dialog).toHaveTextContent(en.meetings.series.deleteBody);
    expect(within(dialog).getByRole('button', { name: en.common.cancel })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: en.meetings.series.delete })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await listSeries(workspaceId)).toEqual([]));

    // The set-up card takes its place (and the focus); the meeting is still listed and opens.
    const setUp = await screen.findByRole('heading', { level: 2, name: en.meetings.series.setUpTitle });
    await waitFor(() => expect(setUp).toHaveFocus());
    expect(screen.getByText(en.meetings.series.setUpAgainIntro)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: en.meetings.series.create })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: en.meetings.list.title })).getByRole('link', { name: 'Sync 2026-12-07' })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: en.meetings.openActions.title })).getByRole('row', { name: /Fix routing rules/ })).toBeInTheDocument();
    expect(await listMeetings(workspaceId)).toEqual(meetingsBefore);
    expect((await listMeetings(workspaceId))[0]!.seriesId).toBe(series.id);

    const toast = (await screen.findByText('Regular meeting “Weekly sync” deleted')).closest('li')!;
    await user.click(within(toast).getByRole('button', { name: en.common.undo }));
    await waitFor(async () => expect(await listSeries(workspaceId)).toEqual([before]));
    expect(await screen.findByRole('button', { name: 'Delete the regular meeting “Weekly sync”' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: en.meetings.series.setUpTitle })).toBeNull();
  });

  it('a meeting whose series was deleted still opens everywhere: workspace page, meeting page, run mode, minutes', async () => {
    const { workspaceId, plan, series } = await seed();
    const ended = await plan('2026-11-02');
    await updateMeeting(workspaceId, ended.id, (m) => addDecision(m, { id: 'd1', text: 'Score MQLs from 60', agendaItemId: null, createdAt: m.createdAt }));
    await finishMeeting(workspaceId, ended.id, null);
    const planned = await plan('2026-12-07');
    await deleteSeries(workspaceId, series.id);
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}` });
    const section = await screen.findByRole('region', { name: en.meetings.title });
    expect(await within(section).findByText(en.meetings.noSeries)).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: /Sync 2026-11-02/ })).toBeInTheDocument();

    act(() => {
      window.location.hash = `#/w/${workspaceId}/meetings/${ended.id}`;
    });
    await screen.findByRole('heading', { level: 1, name: 'Sync 2026-11-02' });
    expect(screen.getByRole('textbox', { name: 'Decision 1' })).toHaveValue('Score MQLs from 60');

    act(() => {
      window.location.hash = `#/w/${workspaceId}/meetings/${planned.id}/run`;
    });
    await screen.findByRole('heading', { level: 1, name: en.meetings.agendaKinds.kpiReview });
    await user.keyboard('{Alt>}{Shift>}D{/Shift}{/Alt}');
    await user.keyboard('Keep the agenda{Enter}');
    await waitFor(async () => expect((await listMeetings(workspaceId)).find((m) => m.id === planned.id)!.decisions.map((d) => d.text)).toEqual(['Keep the agenda']));

    act(() => {
      window.location.hash = `#/print/minutes/${workspaceId}/${ended.id}`;
    });
    await screen.findByRole('heading', { level: 1, name: 'Sync 2026-11-02' });
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'));
    expect(screen.getByText('Score MQLs from 60')).toBeInTheDocument();
    expect(screen.queryByText(/NaN|Infinity|undefined/)).toBeNull();
  });
});
