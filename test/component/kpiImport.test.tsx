import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { valueId } from '../../shared/kpi/records';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { createDefaultKpis, listValues, setValue } from '../../renderer/src/features/kpis/kpiStore';
import { formatPeriod, lastCompleteMonth } from '../../renderer/src/features/kpis/model';
import { formatBytes } from '../../renderer/src/i18n';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

/** Three months of leads (Jan–Mar 2026): 4, 5 and 6 MQLs; line 5 has a bad MQL date. */
const CSV = [
  'Lead ID,Created Date,MQL Date,SQL Date,Close Date,Outcome,Amount,First Contact Date,Lead Source',
  'L1,2026-01-03,2026-01-03 09:00,2026-01-04,,,,2026-01-03 13:00,Webinar',
  'L2,2026-01-05,2026-01-05 09:00,,,,,2026-01-05 19:00,Referral',
  'L3,2026-01-08,2026-01-08 09:00,2026-01-09,2026-01-20,Closed Won,"1,200,000",2026-01-08 11:00,Webinar',
  'L4,2026-01-09,2026-13-45,,,,,,Webinar',
  'L5,2026-01-10,2026-01-10 09:00,,,,,2026-01-10 12:00,Webinar',
  ...[1, 2, 3, 4, 5].map((n) => `F${n},2026-02-0${n},2026-02-0${n} 09:00,,,,,2026-02-0${n} 10:00,Webinar`),
  ...[1, 2, 3, 4, 5, 6].map((n) => `M${n},2026-03-0${n},2026-03-0${n} 09:00,,,,,2026-03-0${n} 10:00,Webinar`),
].join('\n');

async function openDialog(language: 'en' | 'ja' = 'en', csv = CSV) {
  const workspaceId = await createWorkspace('W');
  await createDefaultKpis(workspaceId, language);
  await setValue(workspaceId, 'metric:mql', '2026-01', 99);
  const user = userEvent.setup();
  renderApp({ settings: { language }, hash: `#/w/${workspaceId}/kpis` });
  const messages = language === 'en' ? en : ja;
  await user.click(await screen.findByRole('button', { name: new RegExp(`^${messages.kpi.import.open}`) }));
  const dialog = await screen.findByRole('dialog', { name: messages.kpi.import.title });
  const input = dialog.querySelector<HTMLInputElement>('input[type="file"]')!;
  await user.upload(input, new File([csv], 'leads.csv', { type: 'text/csv' }));
  return { workspaceId, user, dialog };
}

describe('CSV import dialog', () => {
  it('shows mapping, preview, bad rows and a summary, and writes nothing before the confirmation', async () => {
    const { workspaceId, dialog } = await openDialog();
    await within(dialog).findByRole('group', { name: en.kpi.import.mapping });
    expect(within(dialog).getByLabelText(en.kpi.import.shape)).toHaveValue('leads');
    expect(within(dialog).getByLabelText('Column for MQL date')).toHaveDisplayValue('MQL Date');
    const preview = within(dialog).getByRole('table', { name: en.kpi.import.preview });
    expect(within(preview).getAllByRole('row')).toHaveLength(6);
    const errors = await within(dialog).findByRole('list', { name: 'Rows that cannot be read (1)' });
    expect(within(errors).getByRole('listitem')).toHaveTextContent('Line 5 · column “MQL Date” · not a date: “2026-13-45”');
    expect(within(dialog).getByText('Months: January 2026 to March 2026.')).toBeInTheDocument();
    expect(within(dialog).getByText('MQL, January 2026: 99 → 4')).toBeInTheDocument();
    // Still only the value typed before.
    expect((await listValues(workspaceId)).map((row) => [row.id, row.value])).toEqual([[valueId('metric:mql', '2026-01'), 99]]);
  });

  it('writes every value on confirmation, in one go, and Undo puts the replaced value back', async () => {
    const { workspaceId, user, dialog } = await openDialog();
    const confirm = await within(dialog).findByRole('button', { name: /^Import \d+ values$/ });
    await waitFor(() => expect(confirm).toBeEnabled());
    const count = Number(/\d+/.exec(confirm.textContent ?? '')![0]);
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const stored = await listValues(workspaceId);
    expect(stored).toHaveLength(count);
    const value = (key: string, period: string) => stored.find((row) => row.id === valueId(key, period))?.value;
    expect(value('metric:mql', '2026-01')).toBe(4);
    expect(value('metric:mql', '2026-02')).toBe(5);
    expect(value('metric:mql', '2026-03')).toBe(6);
    expect(value('metric:sql', '2026-01')).toBe(2);
    expect(value('metric:won', '2026-01')).toBe(1);
    expect(value('metric:revenue', '2026-01')).toBe(1_200_000);
    expect(stored.every((row) => row.source === 'csv' && Number.isFinite(row.value))).toBe(true);

    await user.click(await screen.findByRole('button', { name: en.common.undo }));
    await waitFor(async () => expect((await listValues(workspaceId)).map((row) => [row.id, row.value, row.source])).toEqual([[valueId('metric:mql', '2026-01'), 99, 'manual']]));
  });

  it('Ctrl+Z in the values grid after an import never takes back an edit made before it (the import is undone from its notification)', async () => {
    const workspaceId = await createWorkspace('W');
    await createDefaultKpis(workspaceId, 'en');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/kpis` });
    await user.click(await screen.findByRole('tab', { name: en.kpi.tabs.values }));
    const month = lastCompleteMonth();
    const sqlCell = () => screen.getByRole('textbox', { name: `SQL, ${formatPeriod(month, 'en', 'long')}` });
    await user.type(await screen.findByRole('textbox', { name: `SQL, ${formatPeriod(month, 'en', 'long')}` }), '77{Enter}');
    await waitFor(async () => expect((await listValues(workspaceId)).map((row) => row.value)).toEqual([77]));
    expect(screen.getByRole('button', { name: /^Undo last change/ })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: new RegExp(`^${en.kpi.import.open}`) }));
    const dialog = await screen.findByRole('dialog', { name: en.kpi.import.title });
    await user.upload(dialog.querySelector<HTMLInputElement>('input[type="file"]')!, new File([CSV], 'leads.csv', { type: 'text/csv' }));
    const confirm = await within(dialog).findByRole('button', { name: /^Import \d+ values$/ });
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const imported = (await listValues(workspaceId)).length;
    expect(imported).toBeGreaterThan(1);

    // The grid's steps came before the import: none is left to take back, by key or button.
    await user.click(sqlCell());
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(screen.getByRole('button', { name: /^Undo last change/ })).toBeDisabled());
    const after = await listValues(workspaceId);
    expect(after.find((row) => row.id === valueId('metric:sql', month))?.value).toBe(77);
    expect(after).toHaveLength(imported);
  });

  it('a second import of the same months says which stored lead records it replaces whole, before anything is written', async () => {
    const { workspaceId, user, dialog } = await openDialog();
    const confirm = await within(dialog).findByRole('button', { name: /^Import \d+ values$/ });
    await waitFor(() => expect(confirm).toBeEnabled());
    // Nothing stored yet: nothing to replace.
    expect(within(dialog).queryByRole('list', { name: 'Lead records this import replaces' })).toBeNull();
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // February again, as a partial export (two of its five leads).
    const partial = [CSV.split('\n')[0], 'F1,2026-02-01,2026-02-01 09:00,,,,,2026-02-01 10:00,Webinar', 'F2,2026-02-02,2026-02-02 09:00,,,,,,Webinar'].join('\n');
    await user.click(await screen.findByRole('button', { name: new RegExp(`^${en.kpi.import.open}`) }));
    const again = await screen.findByRole('dialog', { name: en.kpi.import.title });
    await user.upload(again.querySelector<HTMLInputElement>('input[type="file"]')!, new File([partial], 'february.csv', { type: 'text/csv' }));
    const replaced = await within(again).findByRole('list', { name: 'Lead records this import replaces' });
    expect(within(replaced).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Replaces the 5 lead records of February 2026 imported on .+ \(a month’s records are replaced whole, not merged\)\.$/),
    ]);
    // Still the five February records of the first import.
    expect((await listValues(workspaceId)).find((row) => row.id === valueId('metric:mql', '2026-02'))?.value).toBe(5);
  });

  it('changing the mapping re-checks the rows; cancelling writes nothing', async () => {
    const { workspaceId, user, dialog } = await openDialog('ja');
    await within(dialog).findByRole('list', { name: '読み取れない行（1 件）' });
    // Without the MQL column there is no MQL, so no bad MQL date either.
    await user.selectOptions(within(dialog).getByLabelText('MQL 日 の列'), ja.kpi.import.notInFile);
    await within(dialog).findByText(ja.kpi.import.errorsNone);
    expect(within(dialog).queryByText(/MQL、2026年1月/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: ja.common.cancel }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await listValues(workspaceId)).map((row) => row.value)).toEqual([99]);
  });

  /** Line 4 repeats the lead ID of line 2; the quoted note opened on line 5 never closes (line 6 runs into it). */
  const BROKEN = [
    'Lead ID,Created Date,MQL Date,Notes',
    'L1,2026-01-03,2026-01-03 09:00,ok',
    'L2,2026-01-05,2026-01-05 09:00,',
    ' L1 ,2026-01-06,2026-01-06 09:00,exported twice',
    'L3,2026-01-08,2026-01-08 09:00,"never closed',
    'L4,2026-01-09,2026-01-09 09:00,swallowed',
  ].join('\n');

  it.each([
    ['en', en, 'Rows that cannot be read (2)', 'MQL, January 2026: 99 → 2', ['Line 4 · column “Lead ID” · duplicate lead ID “L1” (first on line 2)', `Line 5 · ${en.kpi.import.errors.unclosedQuote}`]],
    ['ja', ja, '読み取れない行（2 件）', 'MQL、2026年1月：99 → 2', ['4 行目 · 列「Lead ID」 · リード ID が重複しています：「L1」（最初は 2 行目）', `5 行目 · ${ja.kpi.import.errors.unclosedQuote}`]],
  ] as const)('lists a duplicate lead ID and an unclosed quote by line and reason (%s), and writes only on confirmation', async (language, messages, title, replaced, items) => {
    const { workspaceId, user, dialog } = await openDialog(language, BROKEN);
    const errors = await within(dialog).findByRole('list', { name: title });
    expect(within(errors).getAllByRole('listitem').map((item) => item.textContent)).toEqual(items);
    // The repeated lead is not counted twice: 2 MQLs in January (L1, L2).
    expect(within(dialog).getByText(replaced)).toBeInTheDocument();
    expect((await listValues(workspaceId)).map((row) => [row.id, row.value])).toEqual([[valueId('metric:mql', '2026-01'), 99]]);

    const confirm = within(dialog).getByRole('button', { name: new RegExp(`^${messages.kpi.import.confirm_other.replace('{{count, number}}', '\\d+')}$`) });
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const stored = await listValues(workspaceId);
    expect(stored.find((row) => row.id === valueId('metric:mql', '2026-01'))?.value).toBe(2);
    expect(stored.find((row) => row.id === valueId('metric:leads', '2026-01'))?.value).toBe(2);
  });

  it.each([
    ['en', 'Import 1 value', 'Imported 1 value'],
    ['ja', '1 件の値を取り込む', '1 件の値を取り込みました'],
  ] as const)('says one value as one on the button and in the toast (%s)', async (language, button, toastText) => {
    const { workspaceId, user, dialog } = await openDialog(language, 'Month,MQL\n2026-02,5\n');
    const confirm = await within(dialog).findByRole('button', { name: button });
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);
    expect(await screen.findByText(toastText)).toBeInTheDocument();
    expect((await listValues(workspaceId)).find((row) => row.id === valueId('metric:mql', '2026-02'))?.value).toBe(5);
  });

  it.each([
    ['en', 'File: one.csv (165 bytes)', 'The first row'],
    ['ja', 'ファイル：one.csv（165 バイト）', '先頭 1 行'],
  ] as const)('names the picked file with its size in words and the preview of one row as one (%s)', async (language, file, caption) => {
    // 165 bytes: the header and one lead.
    const csv = [CSV.split('\n')[0], 'L1,2026-01-03,2026-01-03 09:00,,,,,2026-01-03 13:00,Webinar (partner)'].join('\n');
    expect(new TextEncoder().encode(csv).byteLength).toBe(165);
    const workspaceId = await createWorkspace('W');
    await createDefaultKpis(workspaceId, language);
    const user = userEvent.setup();
    renderApp({ settings: { language }, hash: `#/w/${workspaceId}/kpis` });
    const messages = language === 'en' ? en : ja;
    await user.click(await screen.findByRole('button', { name: new RegExp(`^${messages.kpi.import.open}`) }));
    const dialog = await screen.findByRole('dialog', { name: messages.kpi.import.title });
    await user.upload(dialog.querySelector<HTMLInputElement>('input[type="file"]')!, new File([csv], 'one.csv', { type: 'text/csv' }));
    const preview = await within(dialog).findByRole('table', { name: messages.kpi.import.preview });
    expect(within(dialog).getByText(file)).toBeInTheDocument();
    expect(preview.querySelector('caption')).toHaveTextContent(new RegExp(`^${caption}$`));
  });

  it('sizes read as words for bytes and as symbols from a kilobyte, in both languages', () => {
    expect([1, 165, 1536, 5 * 1024 * 1024].map((bytes) => formatBytes(bytes, 'en'))).toEqual(['1 byte', '165 bytes', '1.5 kB', '5 MB']);
    expect([1, 165, 1536, 5 * 1024 * 1024].map((bytes) => formatBytes(bytes, 'ja'))).toEqual(['1 バイト', '165 バイト', '1.5 KB', '5 MB']);
  });

  it('names a file that is not a CSV', async () => {
    const workspaceId = await createWorkspace('W');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/kpis` });
    await user.click(await screen.findByRole('button', { name: /^Import CSV…/ }));
    const dialog = await screen.findByRole('dialog', { name: en.kpi.import.title });
    await user.upload(dialog.querySelector<HTMLInputElement>('input[type="file"]')!, new File([new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7])], 'photo.csv'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/^The file (is not a text \(CSV\) file|’s character encoding could not be read)/);
    expect(within(dialog).getByRole('button', { name: /^Import 0 values$/ })).toBeDisabled();
  });

  it.each(['en', 'ja'] as const)('refuses a file over the size limit before reading it, naming the limit (%s)', async (language) => {
    const workspaceId = await createWorkspace('W');
    const user = userEvent.setup();
    renderApp({ settings: { language }, hash: `#/w/${workspaceId}/kpis` });
    const messages = language === 'en' ? en : ja;
    await user.click(await screen.findByRole('button', { name: new RegExp(`^${messages.kpi.import.open}`) }));
    const dialog = await screen.findByRole('dialog', { name: messages.kpi.import.title });
    // A file that says it is 5 GB: reading it would fill the memory before any check could run.
    const file = new File(['Created Date\n2026-01-01\n'], 'huge.csv', { type: 'text/csv' });
    Object.defineProperty(file, 'size', { value: 5 * 1024 ** 3 });
    let read = false;
    file.arrayBuffer = async () => {
      read = true;
      return new ArrayBuffer(0);
    };
    await user.upload(dialog.querySelector<HTMLInputElement>('input[type="file"]')!, file);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(language === 'en' ? 'The file is too large to import: the limit is 64 MB.' : 'ファイルが大きすぎて取り込めません（上限は 64 MB です）。');
    expect(read).toBe(false);
  });
});
