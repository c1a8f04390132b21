import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { AppProvider } from '../../renderer/src/app/AppContext';
import { KpiDashboard } from '../../renderer/src/features/kpis/KpiDashboard';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import { initI18n } from '../../renderer/src/i18n';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { valueId } from '../../shared/kpi/records';
import { db } from '../../renderer/src/db/db';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { createDefaultKpis, listKpis, listValues, setValue } from '../../renderer/src/features/kpis/kpiStore';
import { formatPeriod, lastCompleteMonth } from '../../renderer/src/features/kpis/model';
import { prefetchStartData } from '../../renderer/src/app/pages';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

const month = lastCompleteMonth();

describe('KPI page', () => {
  it('offers the default KPIs on the first visit and creates them once, in the UI language', async () => {
    const workspaceId = await createWorkspace('営業×マーケ');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/kpis` });
    await screen.findByRole('heading', { level: 1, name: ja.kpi.pageTitle });
    const offer = screen.getByRole('region', { name: ja.kpi.defaults.title });
    const create = within(offer).getByRole('button', { name: ja.kpi.defaults.create });
    await user.dblClick(create);
    await waitFor(() => expect(screen.queryByRole('region', { name: ja.kpi.defaults.title })).toBeNull());
    const kpis = await listKpis(workspaceId);
    expect(kpis).toHaveLength(8);
    // One card per KPI, named with its value (no data yet), target and month; never NaN.
    const cards = await screen.findAllByRole('article');
    expect(cards).toHaveLength(8);
    expect(cards[0]).toHaveAccessibleName(new RegExp(`^${kpis[0]!.name}：データなし（MQL の値がありません）、目標 200`));
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
    // The rule of status is written out.
    expect(screen.getByText(ja.kpi.rule.title)).toBeInTheDocument();
  });

  it('can start empty, and still create the defaults later from the definitions', async () => {
    const workspaceId = await createWorkspace('W');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/kpis` });
    await user.click(await screen.findByRole('button', { name: en.kpi.defaults.empty }));
    expect(screen.queryByRole('region', { name: en.kpi.defaults.title })).toBeNull();
    await user.click(screen.getByRole('tab', { name: en.kpi.tabs.definitions }));
    await user.click(screen.getByRole('button', { name: en.kpi.definitions.createDefaults }));
    await waitFor(async () => expect(await listKpis(workspaceId)).toHaveLength(8));
    expect(await screen.findByRole('rowheader', { name: 'Win rate' })).toBeInTheDocument();
  });

  it('adds, edits and deletes a KPI with Undo', async () => {
    const workspaceId = await createWorkspace('W');
    await createDefaultKpis(workspaceId, 'en');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/kpis` });
    await user.click(await screen.findByRole('tab', { name: en.kpi.tabs.definitions }));

    // Keyboard shortcut A opens the form; a bad target is named, nothing saved.
    await user.keyboard('a');
    let dialog = await screen.findByRole('dialog', { name: en.kpi.form.addTitle });
    await user.type(within(dialog).getByLabelText(en.kpi.form.name), 'Meetings booked');
    await user.selectOptions(within(dialog).getByLabelText(en.kpi.form.formulaType), en.kpi.form.formulaTypes.manual);
    await user.type(within(dialog).getByLabelText(en.kpi.form.target), '12x');
    await user.click(within(dialog).getByRole('button', { name: en.kpi.form.add }));
    expect(within(dialog).getByText('“12x” is not a number.')).toBeInTheDocument();
    expect(await listKpis(workspaceId)).toHaveLength(8);
    await user.clear(within(dialog).getByLabelText(en.kpi.form.target));
    await user.type(within(dialog).getByLabelText(en.kpi.form.target), '1,500');
    await user.click(within(dialog).getByRole('button', { name: en.kpi.form.add }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const added = (await listKpis(workspaceId)).at(-1)!;
    expect(added).toMatchObject({ name: 'Meetings booked', target: 1500, formula: { type: 'manual' }, order: 8 });

    await user.click(await screen.findByRole('button', { name: 'Edit Meetings booked' }));
    dialog = await screen.findByRole('dialog', { name: en.kpi.form.editTitle });
    const name = within(dialog).getByLabelText(en.kpi.form.name);
    await user.clear(name);
    await user.type(name, 'Demos booked');
    await user.click(within(dialog).getByRole('button', { name: en.kpi.form.save }));
    await screen.findByRole('rowheader', { name: 'Demos booked' });

    // Reorder by keyboard-reachable buttons; the keyboard stays on the moved KPI.
    await user.click(screen.getByRole('button', { name: 'Move Win rate up' }));
    await waitFor(async () => expect((await listKpis(workspaceId)).map((kpi) => kpi.name).slice(2, 4)).toEqual(['Win rate', 'SQL → opportunity conversion']));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move Win rate up' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await listKpis(workspaceId)).map((kpi) => kpi.name).slice(1, 3)).toEqual(['Win rate', 'MQL → SQL conversion']));
    await user.click(screen.getByRole('button', { name: 'Move Win rate down' }));
    await user.click(screen.getByRole('button', { name: 'Move Win rate down' }));
    await waitFor(async () => expect((await listKpis(workspaceId)).map((kpi) => kpi.name)[3]).toBe('Win rate'));

    await user.click(screen.getByRole('button', { name: 'Delete Win rate' }));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Win rate' })).toBeNull());
    // The keyboard stays in the list: on the next row's Delete.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete Lead response time' })).toHaveFocus());
    expect((await listKpis(workspaceId)).map((kpi) => kpi.name)).not.toContain('Win rate');
    await user.click(await screen.findByRole('button', { name: en.common.undo }));
    await screen.findByRole('rowheader', { name: 'Win rate' });
    expect((await listKpis(workspaceId)).map((kpi) => kpi.name)[3]).toBe('Win rate');
  }, 20_000);

  it('takes values in the grid: English and Japanese numbers, bad input named and never stored, removal with Undo', async () => {
    const workspaceId = await createWorkspace('W');
    await createDefaultKpis(workspaceId, 'en');
    const user = userEvent.setup();
    const view = renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/kpis` });
    await user.click(await screen.findByRole('tab', { name: en.kpi.tabs.values }));
    const cellName = (row: string, language: string) => `${row}, ${formatPeriod(month, language, 'long')}`;
    const mql = await screen.findByRole('textbox', { name: cellName('MQL', 'en') });
    await user.type(mql, '1,234{Enter}');
    await waitFor(async () => expect((await listValues(workspaceId)).map((row) => [row.id, row.value])).toEqual([[valueId('metric:mql', month), 1234]]));
    // Enter moved down to the next metric (SAL).
    expect(screen.getByRole('textbox', { name: cellName('SAL', 'en') })).toHaveFocus();

    const revenue = screen.getByRole('textbox', { name: cellName('Revenue', 'en') });
    await user.type(revenue, '12,5x');
    await user.tab();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Revenue, ${formatPeriod(month, 'en', 'long')}: “12,5x” is not a number.`);
    expect(revenue).toHaveAttribute('aria-invalid', 'true');
    await user.clear(revenue);
    await user.type(revenue, '-3{Enter}');
    expect(await screen.findByText(/The value cannot be negative\./)).toBeInTheDocument();
    const sql = screen.getByRole('textbox', { name: cellName('SQL', 'en') });
    await user.type(sql, '40.5{Enter}');
    expect(await screen.findByText(/A count must be a whole number\./)).toBeInTheDocument();
    expect(await listValues(workspaceId)).toHaveLength(1);
    await user.clear(revenue);
    await user.type(revenue, '1,234,567.89{Enter}');
    await waitFor(async () => expect((await db.kpiValues.get([workspaceId, valueId('metric:revenue', month)]))?.value).toBe(1234567.89));
    await waitFor(() => expect(screen.getByRole('textbox', { name: cellName('Revenue', 'en') })).not.toHaveAttribute('aria-invalid'));

    // Removing a value (empty cell) is offered back with Undo.
    const stored = screen.getByRole('textbox', { name: cellName('MQL', 'en') });
    await user.clear(stored);
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await db.kpiValues.get([workspaceId, valueId('metric:mql', month)])).toBeUndefined());
    // The toast that says so (sonner keeps toasts of earlier tests in its module-wide store: pick this one).
    const removedToast = await screen.findByText(`MQL, ${formatPeriod(month, 'en', 'long')}: removed`);
    await user.click(within(removedToast.closest('li')!).getByRole('button', { name: en.common.undo }));
    await waitFor(async () => expect((await db.kpiValues.get([workspaceId, valueId('metric:mql', month)]))?.value).toBe(1234));

    // An overwrite is undone with "Undo last change" or Ctrl+Z in the grid.
    const leads = screen.getByRole('textbox', { name: cellName('Leads', 'en') });
    await user.clear(leads);
    await user.type(leads, '900{Enter}');
    await user.clear(stored);
    await user.type(stored, '1300{Enter}');
    await waitFor(async () => expect((await db.kpiValues.get([workspaceId, valueId('metric:mql', month)]))?.value).toBe(1300));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect((await db.kpiValues.get([workspaceId, valueId('metric:mql', month)]))?.value).toBe(1234));
    await user.click(screen.getByRole('button', { name: /^Undo last change/ }));
    await waitFor(async () => expect(await db.kpiValues.get([workspaceId, valueId('metric:leads', month)])).toBeUndefined());
    // Redo where there is undo: the button, then Ctrl+Shift+Z in the grid, one step each.
    await user.click(screen.getByRole('button', { name: /^Redo/ }));
    await waitFor(async () => expect((await db.kpiValues.get([workspaceId, valueId('metric:leads', month)]))?.value).toBe(900));
    await user.click(stored);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(async () => expect((await db.kpiValues.get([workspaceId, valueId('metric:mql', month)]))?.value).toBe(1300));
    expect(screen.getByRole('button', { name: /^Redo/ })).toBeDisabled();
    // Typing keeps the browser's own undo: in a cell with something typed in it, and in the page's other fields.
    await user.type(leads, '5');
    expect(fireEvent.keyDown(leads, { key: 'z', code: 'KeyZ', ctrlKey: true })).toBe(true);
    expect(fireEvent.keyDown(screen.getByLabelText(en.kpi.values.ending), { key: 'z', code: 'KeyZ', ctrlKey: true })).toBe(true);
    expect(screen.getByRole('button', { name: /^Redo/ })).toBeDisabled();
    expect((await db.kpiValues.get([workspaceId, valueId('metric:mql', month)]))?.value).toBe(1300);
    view.unmount();

    // Japanese: full-width digits and marks, Japanese labels.
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/kpis` });
    await user.click(await screen.findByRole('tab', { name: ja.kpi.tabs.values }));
    const won = await screen.findByRole('textbox', { name: `受注、${formatPeriod(month, 'ja', 'long')}` });
    // With Japanese input on, the Enter that confirms the composed digits is the IME's: no save, no move.
    await user.type(won, '１，２３４');
    fireEvent.keyDown(won, { key: 'Enter', isComposing: true, keyCode: 229 });
    expect(won).toHaveFocus();
    // Arrows while composing move in the IME's candidates, not to the next cell.
    fireEvent.keyDown(won, { key: 'ArrowDown', isComposing: true, keyCode: 229 });
    fireEvent.keyDown(won, { key: 'ArrowRight', isComposing: true, keyCode: 229 });
    expect(won).toHaveFocus();
    expect(await db.kpiValues.get([workspaceId, valueId('metric:won', month)])).toBeUndefined();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await db.kpiValues.get([workspaceId, valueId('metric:won', month)]))?.value).toBe(1234));
    const hours = screen.getByRole('textbox', { name: `${ja.kpi.metrics.responseHours}、${formatPeriod(month, 'ja', 'long')}` });
    await user.type(hours, '１８．５{Enter}');
    await waitFor(async () => expect((await db.kpiValues.get([workspaceId, valueId('metric:responseHours', month)]))?.value).toBe(18.5));
    await user.type(screen.getByRole('textbox', { name: `SQL、${formatPeriod(month, 'ja', 'long')}` }), 'abc{Enter}');
    expect(await screen.findByText(/「abc」は数値ではありません。/)).toBeInTheDocument();
    expect(await db.kpiValues.get([workspaceId, valueId('metric:sql', month)])).toBeUndefined();
  }, 30_000);

  it('refuses an SLA share above 100% (a typo for 91 would count as met), in English and Japanese', async () => {
    const workspaceId = await createSampleWorkspace('en');
    const user = userEvent.setup();
    const view = renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/kpis` });
    await user.click(await screen.findByRole('tab', { name: en.kpi.tabs.values }));
    const name = `Data quality: actual (%), ${formatPeriod(month, 'en', 'long')}`;
    const cell = await screen.findByRole('textbox', { name });
    const before = await db.kpiValues.where('workspaceId').equals(workspaceId).toArray();
    await user.clear(cell);
    await user.type(cell, '910{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(`${name}: ${en.kpi.numbers.overHundred}`);
    expect(screen.getByRole('textbox', { name })).toHaveAttribute('aria-invalid', 'true');
    expect(await db.kpiValues.where('workspaceId').equals(workspaceId).toArray()).toEqual(before);
    await user.clear(screen.getByRole('textbox', { name }));
    await user.type(screen.getByRole('textbox', { name }), '100{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name })).not.toHaveAttribute('aria-invalid'));
    const changed = async () => {
      const now = await db.kpiValues.where('workspaceId').equals(workspaceId).toArray();
      return now.filter((row) => before.find((old) => old.id === row.id)?.value !== row.value).map((row) => [row.id.split(':')[0], row.value]);
    };
    await waitFor(async () => expect(await changed()).toEqual([['sla', 100]]));
    view.unmount();

    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/kpis` });
    await user.click(await screen.findByRole('tab', { name: ja.kpi.tabs.values }));
    const jaName = `データ品質：実績（％）、${formatPeriod(month, 'ja', 'long')}`;
    const jaCell = await screen.findByRole('textbox', { name: jaName });
    await user.clear(jaCell);
    await user.type(jaCell, '１５０{Enter}');
    expect(await screen.findByText(new RegExp(ja.kpi.numbers.overHundred))).toBeInTheDocument();
    expect(await changed()).toEqual([['sla', 100]]);
  }, 30_000);

  it('shows a card with value, target and status once values exist, and the formula on demand', async () => {
    const workspaceId = await createWorkspace('W');
    await createDefaultKpis(workspaceId, 'en');
    await setValue(workspaceId, 'metric:mql', month, 190);
    await setValue(workspaceId, 'metric:sql', month, 0);
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/kpis` });
    const card = await screen.findByRole('article', { name: /^MQL count: 190, target 200, At risk/ });
    // Icon + word on the card (and again in the table's last row).
    expect(within(card).getAllByText(en.kpi.status.atRisk)[0]).toHaveClass('kpi-status');
    // A card without a value says "No data" once, as its figure, not again as a status badge.
    const empty = screen.getByRole('article', { name: /^Win rate: no data/ });
    expect(within(empty).getAllByText(en.kpi.status.noData, { exact: false }).map((element) => element.className)).toEqual(['kpi-value']);
    // The month-by-month table (the chart's text alternative) is built when asked for.
    expect(within(card).queryByRole('table')).toBeNull();
    await userEvent.setup().click(within(card).getByRole('button', { name: en.kpi.dashboard.showTable }));
    const table = within(card).getByRole('table', { name: 'MQL count by month (target 200)' });
    expect(within(card).getByRole('button', { name: en.kpi.dashboard.hideTable })).toHaveAttribute('aria-expanded', 'true');
    expect(within(table).getAllByRole('row')).toHaveLength(13);
    const conversion = screen.getByRole('article', { name: /^MQL → SQL conversion: 0/ });
    expect(within(conversion).getByText('SQL ÷ MQL × 100')).toBeInTheDocument();
    const winRate = screen.getByRole('article', { name: /^Win rate: no data \(No value for Won and Opportunities closed\)/ });
    expect(winRate).toBeInTheDocument();
    const attainment = screen.getByRole('article', { name: /^SLA attainment: no data \(No SLA is signed yet\)/ });
    expect(attainment).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('shows the dashboard with the page: the page and its dashboard share one read of the KPI data, so the cards come with the page, not after a second “Loading”', async () => {
    const workspaceId = await createWorkspace('W');
    await createDefaultKpis(workspaceId, 'en');
    await setValue(workspaceId, 'metric:mql', month, 190);
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/kpis` });
    await screen.findByRole('heading', { level: 1, name: en.kpi.pageTitle });
    // The render that shows the page (its data read) shows the dashboard's cards too.
    expect(screen.getAllByRole('article')).toHaveLength(8);
    expect(screen.queryByText(en.kpi.loading)).toBeNull();
    expect(screen.getByRole('article', { name: /^MQL count: 190, target 200, At risk/ })).toBeInTheDocument();
    // Still live: a value typed elsewhere (another window, the grid) reaches the card.
    await setValue(workspaceId, 'metric:mql', month, 210);
    expect(await screen.findByRole('article', { name: /^MQL count: 210, target 200, On track/ })).toBeInTheDocument();
  });

  it('opening the app on the KPI page reads its data while the language loads (prefetchStartData): the dashboard’s first render has the cards, and stays live', async () => {
    const workspaceId = await createWorkspace('W');
    await createDefaultKpis(workspaceId, 'en');
    await setValue(workspaceId, 'metric:mql', month, 190);
    // Other pages read nothing early; a path that is no page neither (and neither fails).
    await expect(prefetchStartData(`/w/${workspaceId}/sla`, 'en')).resolves.toBeUndefined();
    await expect(prefetchStartData('/nothing', 'en')).resolves.toBeUndefined();
    await prefetchStartData(`/w/${workspaceId}/kpis`, 'en');
    render(
      <I18nextProvider i18n={initI18n('en')}>
        <AppProvider host={createBrowserHost(localStorage)} initialSettings={{ ...DEFAULT_SETTINGS, language: 'en' }} settingsProblem={null}>
          <KpiDashboard workspaceId={workspaceId} period={month} />
        </AppProvider>
      </I18nextProvider>,
    );
    // Synchronously after the first render: no "Loading", the cards are there.
    expect(screen.queryByText(en.kpi.loading)).toBeNull();
    expect(screen.getAllByRole('article')).toHaveLength(8);
    expect(screen.getByRole('article', { name: /^MQL count: 190, target 200, At risk/ })).toBeInTheDocument();
    await setValue(workspaceId, 'metric:mql', month, 210);
    expect(await screen.findByRole('article', { name: /^MQL count: 210, target 200, On track/ })).toBeInTheDocument();
  });

  it('the app opening on the KPI page (a reload there) renders the page with its cards at once: the workspace and the KPI data are read before the first render', async () => {
    const workspaceId = await createWorkspace('W');
    await createDefaultKpis(workspaceId, 'en');
    await setValue(workspaceId, 'metric:mql', month, 190);
    await prefetchStartData(`/w/${workspaceId}/kpis`, 'en');
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/kpis` });
    // Synchronously after the first render: the page, not "Loading", with the dashboard's cards.
    expect(screen.getByRole('heading', { level: 1, name: en.kpi.pageTitle })).toBeInTheDocument();
    expect(screen.queryByText(en.app.loading)).toBeNull();
    expect(screen.getAllByRole('article')).toHaveLength(8);
    expect(screen.getByRole('article', { name: /^MQL count: 190, target 200, At risk/ })).toBeInTheDocument();
    // The live reads took over: a rename reaches the breadcrumb.
    await db.workspaces.update(workspaceId, { name: 'Renamed' });
    expect(await screen.findByRole('link', { name: 'Renamed' })).toBeInTheDocument();
  });

  it('opens and closes a card’s month-by-month table from the keyboard; the open table is next in the tab order', async () => {
    const workspaceId = await createWorkspace('W');
    await createDefaultKpis(workspaceId, 'en');
    await setValue(workspaceId, 'metric:mql', month, 190);
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/kpis` });
    const card = await screen.findByRole('article', { name: /^MQL count: 190, target 200, At risk/ });
    const show = within(card).getByRole('button', { name: en.kpi.dashboard.showTable });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    // Tab reaches the button from the formula disclosure just before it.
    within(card).getByText(en.kpi.formula.show).focus();
    await user.tab();
    expect(show).toHaveFocus();
    await user.keyboard('{Enter}');
    const table = within(card).getByRole('table', { name: 'MQL count by month (target 200)' });
    expect(show).toHaveAttribute('aria-expanded', 'true');
    expect(show).toHaveAccessibleName(en.kpi.dashboard.hideTable);
    expect(show.getAttribute('aria-controls')).toBe(table.parentElement!.id);
    // The table's scroll box comes next (it scrolls sideways on a narrow card).
    await user.tab();
    expect(table.parentElement).toHaveFocus();
    await user.tab({ shift: true });
    await user.keyboard(' ');
    expect(within(card).queryByRole('table')).toBeNull();
    expect(show).toHaveAttribute('aria-expanded', 'false');
  });

  it('says when no SLA is signed and links to the SLA page', async () => {
    const workspaceId = await createWorkspace('W');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/kpis` });
    await user.click(await screen.findByRole('tab', { name: en.kpi.tabs.sla }));
    expect(await screen.findByText(en.kpi.sla.none)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: en.kpi.sla.openSla })).toHaveAttribute('href', `#/w/${workspaceId}/sla`);
  });
});

describe('KPI dashboard as the meetings page embeds it', () => {
  it('meeting variant: the 12 months ending at the period, no range controls, no editing', async () => {
    const workspaceId = await createWorkspace('W');
    await createDefaultKpis(workspaceId, 'en');
    await setValue(workspaceId, 'metric:mql', '2025-07', 150);
    await setValue(workspaceId, 'metric:mql', '2026-06', 210);
    await setValue(workspaceId, 'metric:mql', '2026-07', 999);
    const i18n = initI18n('en');
    render(
      <I18nextProvider i18n={i18n}>
        <AppProvider host={createBrowserHost(localStorage)} initialSettings={DEFAULT_SETTINGS} settingsProblem={null}>
          <KpiDashboard workspaceId={workspaceId} period="2026-06" variant="meeting" />
        </AppProvider>
      </I18nextProvider>,
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'KPIs, 12 months to June 2026' })).toBeInTheDocument();
    const card = await screen.findByRole('article', { name: /^MQL count: 210, target 200, On track \(June 2026\)/ });
    await userEvent.setup().click(within(card).getByRole('button', { name: en.kpi.dashboard.showTable }));
    const rows = within(within(card).getByRole('table', { name: /^MQL count by month/ })).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'July 2025', 'August 2025', 'September 2025', 'October 2025', 'November 2025', 'December 2025',
      'January 2026', 'February 2026', 'March 2026', 'April 2026', 'May 2026', 'June 2026',
    ]);
    expect(within(rows[0]!).getByText('150')).toBeInTheDocument();
    expect(screen.queryByLabelText(en.kpi.dashboard.range)).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });
});
