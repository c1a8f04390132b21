import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { returnToDraft, submitForReview } from '../../shared/sla/versions';
import { db } from '../../renderer/src/db/db';
import { addMember, createWorkspace, removeMember } from '../../renderer/src/db/workspaces';
import { ensureVersion, updateVersion } from '../../renderer/src/features/sla/slaStore';
import { renderApp, resetDb } from './renderApp';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/**
 * jsdom has no canvas: the signature pad and the typed-name signature get a 2D context that draws
 * nothing and a 1×1 PNG. Only the drawing is stood in for; the dialog, store and database are real.
 */
function standInCanvas() {
  const context = new Proxy({ measureText: () => ({ width: 10 }) } as Record<string | symbol, unknown>, {
    get: (target, key) => (key in target ? target[key] : () => undefined),
    set: () => true,
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => context as unknown as CanvasRenderingContext2D);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(PNG);
}

beforeEach(async () => {
  await resetDb();
  standInCanvas();
});
afterEach(() => {
  vi.restoreAllMocks();
  window.location.hash = '#/';
});

/** The machine's local date as YYYY/MM/DD (the ja display form), as the dialog reads today. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}/${pad(now.getMonth() + 1)}/${pad(now.getDate())}`;
}

async function inReview() {
  const workspaceId = await createWorkspace('営業×マーケ');
  await addMember(workspaceId, { name: '佐藤 花子', department: 'marketing', title: 'マーケティング部長' });
  await addMember(workspaceId, { name: '鈴木 一郎', department: 'sales', title: '営業部長' });
  const version = await ensureVersion(workspaceId, { language: 'ja', title: 'SLA 2026' });
  await updateVersion(workspaceId, version.id, (v, now) => submitForReview(v, now));
  return { workspaceId, version };
}

/** Opens the sign dialog by keyboard-reachable buttons, types the date, chooses the typed signature. */
async function fillDialog(locale: typeof ja | typeof en, dateText: string) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: locale.sla.actions.sign }));
  const dialog = await screen.findByRole('dialog', { name: locale.sla.sign.title });
  const date = within(dialog).getByRole('textbox', { name: locale.sla.sign.date });
  await user.clear(date);
  await user.type(date, dateText);
  await user.click(within(dialog).getByRole('radio', { name: locale.sla.sign.type }));
  await user.click(within(dialog).getByRole('button', { name: locale.sla.sign.submit }));
  return { user, dialog };
}

describe('SLA sign dialog: the signature date', () => {
  it('refuses a date after today (ja), saying which date and what today is; nothing is signed', async () => {
    const { workspaceId, version } = await inReview();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla/review` });
    const { dialog } = await fillDialog(ja, '2099/12/07');
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(`日付 2099/12/07 は未来の日付です。署名の日付には署名した日（今日 ${localToday()} 以前）を指定してください。`);
    expect(screen.getByRole('dialog', { name: ja.sla.sign.title })).toBeInTheDocument();
    expect((await db.slaVersions.get([workspaceId, version.id]))!.signatures).toEqual([]);
  });

  it('refuses a date after today (en)', async () => {
    const { workspaceId, version } = await inReview();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla/review` });
    const { dialog } = await fillDialog(en, 'Dec 7, 2099');
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(/^The date Dec 7, 2099 is in the future: a signature is dated the day it is given \(today is .+, or an earlier day\)\.$/);
    expect((await db.slaVersions.get([workspaceId, version.id]))!.signatures).toEqual([]);
  });

  it('refuses a typed date that does not read (ja, en): never signs with the date shown before it, focus goes back to the date', async () => {
    for (const [language, locale] of [['ja', ja], ['en', en]] as const) {
      const { workspaceId, version } = await inReview();
      const view = renderApp({ settings: { language }, hash: `#/w/${workspaceId}/sla/review` });
      // 2020/11/31: no such day. Leaving the field says so; Sign must not take today's date instead.
      const { dialog } = await fillDialog(locale, '2020/11/31');
      expect(await within(dialog).findByText(locale.sla.sign.dateProblem)).toBeInTheDocument();
      expect(within(dialog).getByRole('textbox', { name: locale.sla.sign.date })).toHaveFocus();
      expect(within(dialog).getByRole('textbox', { name: locale.sla.sign.date })).toHaveValue('2020/11/31');
      expect((await db.slaVersions.get([workspaceId, version.id]))!.signatures).toEqual([]);
      view.unmount();
      await resetDb();
    }
  });

  it('draws its signer, name and title boxes in the app’s field style, as the date beside them (not the browser’s small default boxes)', async () => {
    const { workspaceId } = await inReview();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla/review` });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: ja.sla.actions.sign }));
    const dialog = await screen.findByRole('dialog', { name: ja.sla.sign.title });
    for (const name of [ja.sla.sign.signer, ja.sla.sign.name, ja.sla.sign.jobTitle, ja.sla.sign.date]) {
      expect(within(dialog).getByLabelText(name, { selector: 'input, select' })).toHaveClass('input');
    }
  });

  it('accepts today (the machine’s local date) and an earlier day', async () => {
    const { workspaceId, version } = await inReview();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla/review` });
    await fillDialog(ja, localToday());
    await waitFor(() => expect(screen.queryByRole('dialog', { name: ja.sla.sign.title })).toBeNull());
    const once = (await db.slaVersions.get([workspaceId, version.id]))!;
    expect(once.signatures.map((s) => s.date)).toEqual([localToday().replaceAll('/', '-')]);
    await fillDialog(ja, '2020/01/31');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: ja.sla.sign.title })).toBeNull());
    const twice = (await db.slaVersions.get([workspaceId, version.id]))!;
    expect(twice.signatures.map((s) => s.date)).toEqual([localToday().replaceAll('/', '-'), '2020-01-31']);
    expect(twice.state).toBe('signed');
  });
});

describe('SLA sign dialog: the empty pad', () => {
  it('"draw your signature first" goes once the signer chooses to type the name instead; a date problem stays', async () => {
    const { workspaceId, version } = await inReview();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla/review` });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: ja.sla.actions.sign }));
    const dialog = await screen.findByRole('dialog', { name: ja.sla.sign.title });
    await user.click(within(dialog).getByRole('button', { name: ja.sla.sign.submit }));
    expect(within(dialog).getByRole('alert').textContent).toBe(ja.sla.sign.emptyPad);
    await user.click(within(dialog).getByRole('radio', { name: ja.sla.sign.type }));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    // Another problem is not answered by the switch: it stays until it is mended.
    const date = within(dialog).getByRole('textbox', { name: ja.sla.sign.date });
    await user.clear(date);
    await user.type(date, '2026/13/45');
    await user.click(within(dialog).getByRole('button', { name: ja.sla.sign.submit }));
    await waitFor(() => expect(within(dialog).getAllByRole('alert').map((alert) => alert.textContent)).toContain(ja.sla.sign.dateProblem));
    await user.click(within(dialog).getByRole('radio', { name: ja.sla.sign.draw }));
    expect(within(dialog).getAllByRole('alert').map((alert) => alert.textContent)).toContain(ja.sla.sign.dateProblem);
    expect((await db.slaVersions.get([workspaceId, version.id]))!.signatures).toEqual([]);
  });
});

describe('SLA review: returning to draft', () => {
  it.each([
    ['ja', ja, 'これまでの署名 1 件（佐藤 花子）が消去されます。'],
    ['en', en, 'The signature already given (佐藤 花子) will be cleared.'],
  ] as const)('asks before it clears a signature already given; Cancel keeps it, confirming clears it (%s)', async (language, locale, body) => {
    const { workspaceId, version } = await inReview();
    renderApp({ settings: { language }, hash: `#/w/${workspaceId}/sla/review` });
    await fillDialog(locale, language === 'ja' ? '2020/01/31' : 'Jan 31, 2020');
    await waitFor(async () => expect((await db.slaVersions.get([workspaceId, version.id]))!.signatures).toHaveLength(1));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: locale.sla.actions.returnToDraft }));
    const confirm = await screen.findByRole('alertdialog', { name: locale.sla.actions.returnConfirmTitle });
    expect(confirm).toHaveTextContent(body);
    await user.click(within(confirm).getByRole('button', { name: locale.common.cancel }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect((await db.slaVersions.get([workspaceId, version.id]))!).toMatchObject({ state: 'in-review', signatures: [expect.objectContaining({ name: '佐藤 花子' })] });
    await user.click(screen.getByRole('button', { name: locale.sla.actions.returnToDraft }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: locale.sla.actions.returnToDraft }));
    await waitFor(async () => expect((await db.slaVersions.get([workspaceId, version.id]))!).toMatchObject({ state: 'draft', signatures: [] }));
  });

  it('a question left open while another window returns the SLA to draft does not come back by itself when it is submitted again', async () => {
    const { workspaceId, version } = await inReview();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla/review` });
    await fillDialog(en, 'Jan 31, 2020');
    await waitFor(async () => expect((await db.slaVersions.get([workspaceId, version.id]))!.signatures).toHaveLength(1));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: en.sla.actions.returnToDraft }));
    await screen.findByRole('alertdialog', { name: en.sla.actions.returnConfirmTitle });
    // Another window: back to draft, then in review again.
    await updateVersion(workspaceId, version.id, returnToDraft);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await updateVersion(workspaceId, version.id, (v, now) => submitForReview(v, now));
    await screen.findByRole('button', { name: en.sla.actions.sign });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('returns at once when nobody has signed yet', async () => {
    const { workspaceId, version } = await inReview();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla/review` });
    await userEvent.setup().click(await screen.findByRole('button', { name: en.sla.actions.returnToDraft }));
    await waitFor(async () => expect((await db.slaVersions.get([workspaceId, version.id]))!.state).toBe('draft'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('SLA sign dialog: a signer who is no longer a member', () => {
  it.each([
    ['ja', ja],
    ['en', en],
  ] as const)('says why the signer cannot sign instead of a Sign button disabled without a reason (%s)', async (language, locale) => {
    const { workspaceId, version } = await inReview();
    // The first signer (the one the dialog offers first) leaves the workspace while the SLA is in review.
    const [first] = (await db.slaVersions.get([workspaceId, version.id]))!.signers;
    await removeMember(workspaceId, first!);
    renderApp({ settings: { language }, hash: `#/w/${workspaceId}/sla/review` });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: locale.sla.actions.sign }));
    const dialog = await screen.findByRole('dialog', { name: locale.sla.sign.title });
    expect(within(dialog).getByText(locale.sla.sign.notAMember)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: locale.sla.sign.submit })).toBeDisabled();
  });
});
