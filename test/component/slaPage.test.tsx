import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { setSectionText, setValidity } from '../../shared/sla/document';
import { submitForReview } from '../../shared/sla/versions';
import { DexieYProvider } from 'y-dexie';
import { db } from '../../renderer/src/db/db';
import { createFunnelBoard } from '../../renderer/src/features/funnel/funnelBoards';
import { readStages, writeStages } from '../../renderer/src/features/funnel/funnelDoc';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { commitmentsOf, ensureVersion, regenerateVersion, loadFunnel, saveDocument, signVersion, updateVersion } from '../../renderer/src/features/sla/slaStore';
import { enterDate } from './helpers';
import { renderApp, resetDb } from './renderApp';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

async function seed() {
  const workspaceId = await createWorkspace('営業×マーケ');
  const marketing = await addMember(workspaceId, { name: '佐藤 花子', department: 'marketing', title: 'マーケティング部長' });
  const sales = await addMember(workspaceId, { name: '鈴木 一郎', department: 'sales', title: '営業部長' });
  const version = await ensureVersion(workspaceId, { language: 'ja', title: 'SLA 2026' });
  return { workspaceId, marketing, sales, version };
}

/** The step navigation's link to `step` (its visible text is "N. Step"). */
const stepLink = (name: string) => within(screen.getByRole('navigation', { name: /SLA/ })).getByRole('link', { name: new RegExp(`^\\d\\. ${name}$`) });

describe('SLA page', () => {
  it('opens a draft on its Commitments step (own URL): the board and translated findings, no form list, no text boxes', async () => {
    const { workspaceId, version } = await seed();
    // A commitment without owner gives a finding.
    const { funnel } = await loadFunnel(workspaceId, 'ja');
    const commitments = commitmentsOf(version.document).map((c) => (c.kind === 'attempts' ? { ...c, owner: null } : c));
    await regenerateVersion(workspaceId, version.id, funnel, commitments);
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla` });
    await screen.findByRole('heading', { level: 1, name: 'SLA 2026' });
    await waitFor(() => expect(window.location.hash).toBe(`#/w/${workspaceId}/sla/commitments`));
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText('第1版 · 下書き')).toBeInTheDocument();
    const steps = screen.getByRole('navigation', { name: ja.slaSteps.nav });
    expect(within(steps).getAllByRole('link').map((link) => link.textContent)).toEqual(['1. コミットメント', '2. 文書', '3. レビューと署名', '4. 版']);
    expect(stepLink(ja.slaSteps.steps.commitments)).toHaveAttribute('aria-current', 'step');
    expect(stepLink(ja.slaSteps.steps.document)).not.toHaveAttribute('aria-current');
    expect(stepLink(ja.slaSteps.steps.versions)).toHaveAttribute('href', `#/w/${workspaceId}/sla/versions`);
    // The window's title names the step, so history and task switchers tell the steps apart.
    await waitFor(() => expect(document.title).toBe('コミットメント — SLA — 営業×マーケ — Alignboard'));
    // In the findings list and on the commitment's card in the swimlanes (unassigned: own lane).
    expect(await screen.findAllByText(/「接触回数」に担当がありません。/)).toHaveLength(2);
    const unassigned = screen.getByRole('region', { name: ja.sla.diagram.unassigned });
    expect(within(unassigned).getByText('問題：1 件')).toBeInTheDocument();
    const salesLane = screen.getByRole('region', { name: '営業のレーン' });
    expect(within(salesLane).getByRole('button', { name: new RegExp(`^${ja.sla.kinds.firstContact}`) })).toBeInTheDocument();
    expect(within(salesLane).queryByRole('button', { name: new RegExp(`^${ja.sla.kinds.attempts}`) })).toBeNull();
    const handOffs = screen.getByRole('region', { name: ja.sla.diagram.handOffs });
    expect(within(handOffs).getByText('MQL → SAL')).toBeInTheDocument();
    // The commitments once only: no form list beside the board, no document, no versions here.
    expect(screen.queryByRole('group', { name: ja.sla.kinds.firstContact })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('heading', { level: 3, name: `1. ${ja.sla.sections.purpose}` })).toBeNull();
    expect(screen.queryByRole('button', { name: ja.sla.actions.submit })).toBeNull();
    expect(screen.getByRole('link', { name: `次へ：${ja.slaSteps.steps.document}` })).toHaveAttribute('href', `#/w/${workspaceId}/sla/document`);

    // The Document step (by "Next", at the bottom of the step: focus moves up to the new step's
    // link): every section reads as text; no "Your text" box until its Edit is pressed.
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: `次へ：${ja.slaSteps.steps.document}` }));
    await waitFor(() => expect(window.location.hash).toBe(`#/w/${workspaceId}/sla/document`));
    expect(stepLink(ja.slaSteps.steps.document)).toHaveAttribute('aria-current', 'step');
    await waitFor(() => expect(stepLink(ja.slaSteps.steps.document)).toHaveFocus());
    await waitFor(() => expect(document.title).toBe('文書 — SLA — 営業×マーケ — Alignboard'));
    // One query each for all sections (role queries over the whole document are slow in jsdom).
    const titles = Object.values(ja.sla.sections);
    await screen.findByRole('heading', { level: 3, name: `1. ${titles[0]}` });
    const documentRegion = screen.getByRole('region', { name: ja.slaSteps.steps.document });
    expect(within(documentRegion).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(titles.map((title, index) => `${index + 1}. ${title}`));
    const edits = within(documentRegion).getAllByRole('button', { name: /^編集：/ });
    expect(edits.map((button) => button.getAttribute('aria-label'))).toEqual(titles.map((title) => `編集：${title}`));
    expect(edits.every((button) => button.getAttribute('aria-expanded') === 'false')).toBe(true);
    expect(screen.queryByLabelText(/^入力した文章：/)).toBeNull();
    expect(screen.getAllByText(/営業は、すべての引き渡されたレコードに 24 営業時間 以内に初回接触します。/).length).toBeGreaterThan(0);
    expect(screen.getByText('第1版 · 下書き')).toBeInTheDocument();
  });

  it('a step has its own route: an unknown step is not found; in review the SLA opens on Review & sign', async () => {
    const { workspaceId, version } = await seed();
    const first = renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla/nonsense` });
    await screen.findByRole('heading', { level: 1, name: en.app.notFound });
    first.unmount();
    await updateVersion(workspaceId, version.id, (v, now) => submitForReview(v, now));
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla` });
    await screen.findByRole('button', { name: en.sla.actions.sign });
    expect(window.location.hash).toBe(`#/w/${workspaceId}/sla/review`);
    expect(stepLink(en.slaSteps.steps.review)).toHaveAttribute('aria-current', 'step');
    expect(screen.getByText('Revision 1 · In review')).toBeInTheDocument();
    expect(screen.getByText('Waiting for 佐藤 花子')).toBeInTheDocument();
    expect(screen.getByText('Waiting for 鈴木 一郎')).toBeInTheDocument();
  });

  it('edits a section text behind its Edit toggle and a commitment on its board card (saved, document regenerated)', async () => {
    const { workspaceId, version } = await seed();
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla/document` });
    const edit = await screen.findByRole('button', { name: `編集：${ja.sla.sections.purpose}` });
    await user.click(edit);
    expect(screen.getByRole('button', { name: `編集を完了：${ja.sla.sections.purpose}` })).toHaveAttribute('aria-expanded', 'true');
    // The box opens focused; only that section's box.
    const purpose = screen.getByLabelText(`入力した文章：${ja.sla.sections.purpose}`);
    expect(purpose).toHaveFocus();
    expect(screen.getAllByLabelText(/^入力した文章：/)).toHaveLength(1);
    await user.type(purpose, '両部門で売上目標を共有する');
    // Escape that cancels a Japanese conversion is the IME's: the box stays open, focused.
    fireEvent.keyDown(purpose, { key: 'Escape', isComposing: true, keyCode: 229 });
    expect(purpose).toHaveFocus();
    expect(screen.getByLabelText(`入力した文章：${ja.sla.sections.purpose}`)).toBe(purpose);
    // Escape saves and closes; focus goes back to the section's Edit button; the text reads in place.
    await user.keyboard('{Escape}');
    await screen.findByText('両部門で売上目標を共有する');
    expect(screen.queryByLabelText(`入力した文章：${ja.sla.sections.purpose}`)).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: `編集：${ja.sla.sections.purpose}` })).toHaveFocus());
    await waitFor(async () => expect((await db.slaVersions.get([workspaceId, version.id]))!.document.sections[0]!.text).toBe('両部門で売上目標を共有する'));
    // Edit again: the box holds the saved text; Done (after Tab, which saves) closes it.
    await user.click(screen.getByRole('button', { name: `編集：${ja.sla.sections.purpose}` }));
    const again = screen.getByLabelText(`入力した文章：${ja.sla.sections.purpose}`);
    expect(again).toHaveValue('両部門で売上目標を共有する');
    await user.type(again, '。');
    await user.click(screen.getByRole('button', { name: `編集を完了：${ja.sla.sections.purpose}` }));
    await screen.findByText('両部門で売上目標を共有する。');
    await waitFor(async () => expect((await db.slaVersions.get([workspaceId, version.id]))!.document.sections[0]!.text).toBe('両部門で売上目標を共有する。'));

    // A commitment's numbers, on its card in the Commitments step.
    await user.click(stepLink(ja.slaSteps.steps.commitments));
    const salesLane = await screen.findByRole('region', { name: '営業のレーン' });
    await user.click(within(salesLane).getByRole('button', { name: new RegExp(`^${ja.sla.kinds.attempts}`) }));
    const group = within(salesLane).getByRole('group', { name: `編集：${ja.sla.kinds.attempts}` });
    const attempts = within(group).getByLabelText(ja.sla.commitments.fields.attempts);
    await user.clear(attempts);
    await user.type(attempts, '8');
    await user.tab();
    await screen.findAllByText(/14 日以内に 8 回以上接触を試みます/);
    const stored = (await db.slaVersions.get([workspaceId, version.id]))!;
    expect(stored.document.sections[0]!.text).toBe('両部門で売上目標を共有する。');
    expect(commitmentsOf(stored.document).find((c) => c.kind === 'attempts')).toMatchObject({ attempts: 8 });
    // An invalid value is refused with a message, nothing saved (the field was re-created with the saved value).
    const current = within(salesLane).getByRole('group', { name: `編集：${ja.sla.kinds.attempts}` });
    const field = within(current).getByLabelText(ja.sla.commitments.fields.attempts);
    expect(field).toHaveValue(8);
    await user.clear(field);
    await user.type(field, '0');
    await user.tab();
    expect(await within(current).findByRole('alert')).toHaveTextContent(ja.sla.commitments.fields.attempts);
    expect(commitmentsOf((await db.slaVersions.get([workspaceId, version.id]))!.document).find((c) => c.kind === 'attempts')).toMatchObject({ attempts: 8 });
  });

  it('undo of the commitments works on the Commitments step only, and its history survives a visit to another step', async () => {
    const workspaceId = await createWorkspace('W');
    const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA' });
    const owners = async () => commitmentsOf((await db.slaVersions.get([workspaceId, version.id]))!.document).map((c) => c.owner);
    const initial = await owners();
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla/commitments` });
    const sales = await screen.findByRole('region', { name: 'Sales lane' });
    await user.click(within(sales).getAllByRole('button', { name: /^Move to Marketing: / })[0]!);
    await waitFor(async () => expect(await owners()).not.toEqual(initial));
    const moved = await owners();
    await user.click(stepLink(en.slaSteps.steps.document));
    await screen.findByRole('heading', { level: 3, name: `1. ${en.sla.sections.purpose}` });
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Control>}z{/Control}');
    // Nothing on this step shows the commitments: Ctrl+Z leaves them alone.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await owners()).toEqual(moved);
    await user.click(stepLink(en.slaSteps.steps.commitments));
    const undo = await screen.findByRole('button', { name: en.sla.board.undo });
    expect(undo).toBeEnabled();
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await owners()).toEqual(initial));
  });

  it('a signed version opens on Versions: read-only everywhere, its hash on Review & sign, a new revision opens its Commitments', async () => {
    const { workspaceId, marketing, sales, version } = await seed();
    await updateVersion(workspaceId, version.id, (v, now) => submitForReview(v, now));
    for (const member of [marketing, sales]) {
      await signVersion(workspaceId, version.id, {
        memberId: member.id,
        name: member.name,
        title: member.title,
        department: member.department,
        date: '2026-11-30',
        image: { format: 'png', data: PNG },
      });
    }
    const signed = (await db.slaVersions.get([workspaceId, version.id]))!;
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla` });
    await screen.findByText('第1版 · 署名済み');
    await waitFor(() => expect(window.location.hash).toBe(`#/w/${workspaceId}/sla/versions`));
    expect(screen.getByText(ja.sla.frozen)).toBeInTheDocument();
    const history = screen.getByRole('region', { name: ja.sla.history.title });
    expect(within(history).getByText(signed.hash!)).toBeInTheDocument();
    expect(within(history).getByRole('button', { name: `${ja.sla.actions.exportPdf}: 第1版 · 署名済み` })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: ja.sla.verifyOpen })).toHaveAttribute('href', `#/w/${workspaceId}/sla/verify`);
    // The last step has no "next".
    expect(screen.queryByRole('link', { name: /^次へ：/ })).toBeNull();

    await user.click(stepLink(ja.slaSteps.steps.review));
    expect(await screen.findByTestId('sla-hash')).toHaveTextContent(signed.hash!);
    expect(screen.getByText('佐藤 花子（2026年11月30日 署名）')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: ja.sla.actions.submit })).toBeNull();
    expect(screen.queryByRole('button', { name: ja.sla.actions.sign })).toBeNull();

    await user.click(stepLink(ja.slaSteps.steps.document));
    await screen.findByRole('heading', { level: 3, name: `1. ${ja.sla.sections.purpose}` });
    expect(screen.queryByRole('button', { name: /^編集：/ })).toBeNull();
    expect(screen.getByLabelText(ja.sla.titleField)).toHaveAttribute('readonly');

    // The board is read-only: cards open a disabled form, no add / move / delete controls.
    await user.click(stepLink(ja.slaSteps.steps.commitments));
    const salesLane = await screen.findByRole('region', { name: '営業のレーン' });
    expect(within(salesLane).getAllByRole('button').every((button) => button.classList.contains('sla-card-select'))).toBe(true);
    expect(screen.queryByRole('button', { name: ja.sla.board.add })).toBeNull();
    expect(screen.queryByRole('button', { name: 'マーケティングへ移動' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^削除：/ })).toBeNull();
    expect(screen.queryByRole('button', { name: ja.sla.actions.regenerate })).toBeNull();
    expect(screen.getByText(ja.sla.board.readOnly)).toBeInTheDocument();
    await user.click(within(salesLane).getByRole('button', { name: new RegExp(`^${ja.sla.kinds.firstContact}`) }));
    expect(screen.getByRole('group', { name: `編集：${ja.sla.kinds.firstContact}` })).toBeDisabled();

    await user.click(stepLink(ja.slaSteps.steps.versions));
    await user.click(await screen.findByRole('button', { name: ja.sla.actions.newRevision }));
    await screen.findByText('第2版 · 下書き');
    await waitFor(() => expect(window.location.hash).toBe(`#/w/${workspaceId}/sla/commitments`));
    expect(await screen.findByRole('button', { name: ja.sla.board.undo })).toBeInTheDocument();
    await user.click(stepLink(ja.slaSteps.steps.versions));
    expect(await screen.findByText(ja.sla.diff.none)).toBeInTheDocument();
    expect(await db.slaVersions.get([workspaceId, version.id])).toEqual(signed);
  });

  it('says when the funnel board changed since the draft was generated; regenerating keeps the texts', async () => {
    const workspaceId = await createWorkspace('W');
    const boardId = await createFunnelBoard(workspaceId, 'Funnel', 'en');
    const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA' });
    await saveDocument(workspaceId, version.id, setSectionText(version.document, 'purpose', 'Kept'));
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla/document` });
    await screen.findByText('Generated from the funnel board.');
    expect(screen.getByText('Kept')).toBeInTheDocument();
    expect(screen.queryByText(/The funnel changed since this draft was generated/)).toBeNull();
    // Someone renames a stage on the funnel board.
    const board = (await db.boards.get([workspaceId, boardId]))!;
    const provider = DexieYProvider.load(board.doc);
    await provider.whenLoaded;
    const stages = readStages(board.doc);
    writeStages(board.doc, stages.map((stage) => (stage.key === 'mql' ? { ...stage, name: 'Marketing-qualified lead' } : stage)), null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    DexieYProvider.release(board.doc);
    // The page watches the funnel board (on the Commitments step too).
    await screen.findByText(/The funnel changed since this draft was generated/);
    const user = userEvent.setup();
    await user.click(stepLink(en.slaSteps.steps.commitments));
    await screen.findByText(/The funnel changed since this draft was generated/);
    await user.click(screen.getByRole('button', { name: 'Regenerate from the funnel' }));
    await screen.findAllByText(/Marketing-qualified lead/);
    const stored = (await db.slaVersions.get([workspaceId, version.id]))!;
    expect(stored.document.sections[0]!.text).toBe('Kept');
    expect(stored.document.sections.find((section) => section.key === 'definitions')!.generatedChanged).toBe(true);
    await waitFor(() => expect(screen.queryByText(/The funnel changed since this draft was generated/)).toBeNull());
    // The changed section asks to be re-read, on the Document step.
    await user.click(stepLink(en.slaSteps.steps.document));
    const definitions = await screen.findByRole('region', { name: `4. ${en.sla.sections.definitions}` });
    await user.click(within(definitions).getByRole('button', { name: en.sla.actions.acknowledge }));
    await waitFor(async () =>
      expect((await db.slaVersions.get([workspaceId, version.id]))!.document.sections.find((section) => section.key === 'definitions')!.generatedChanged).toBe(false),
    );
  });

  it('a validity end refused (before the start) is not shown as kept: the field shows the stored date, the message names the refused one (ja, en)', async () => {
    for (const [language, locale] of [['ja', ja], ['en', en]] as const) {
      const { workspaceId, version } = await seed();
      await saveDocument(workspaceId, version.id, setValidity(version.document, { from: '2026-11-09', until: '2027-11-08' }));
      const view = renderApp({ settings: { language }, hash: `#/w/${workspaceId}/sla/document` });
      const from = await screen.findByRole('textbox', { name: locale.sla.validFrom });
      // The title is drawn as the dates beside it are (it was a small browser-default box, its title cut off).
      expect(screen.getByRole('textbox', { name: locale.sla.titleField })).toHaveClass('input');
      const until = screen.getByRole('textbox', { name: locale.sla.validUntil });
      await waitFor(() => expect(until).toHaveValue(language === 'ja' ? '2027/11/08' : 'Nov 8, 2027'));
      enterDate(until, '2026-01-05');
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(
        language === 'ja'
          ? '有効期間の終了を保存していません：有効期間の終了（2026/01/05）が開始（2026/11/09）より前になります。欄には保存されている日付を表示しています。'
          : 'Valid until not saved: the validity period would end (Jan 5, 2026) before it starts (Nov 9, 2026). The field shows the date kept.',
      );
      expect(until).toHaveValue(language === 'ja' ? '2027/11/08' : 'Nov 8, 2027');
      // The start moved earlier: saved, the message goes, and the end still shows what is stored.
      enterDate(from, '2025-12-01');
      await waitFor(async () => expect((await db.slaVersions.get([workspaceId, version.id]))!.document.validity).toEqual({ from: '2025-12-01', until: '2027-11-08' }));
      await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
      expect(until).toHaveValue(language === 'ja' ? '2027/11/08' : 'Nov 8, 2027');
      view.unmount();
      await resetDb();
    }
  });

  it('refuses to submit for review while a consistency check reports an error', async () => {
    const { workspaceId, version } = await seed();
    const { funnel } = await loadFunnel(workspaceId, 'ja');
    await regenerateVersion(workspaceId, version.id, funnel, commitmentsOf(version.document).map((c) => (c.kind === 'attempts' ? { ...c, owner: null } : c)));
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla/review` });
    // The review step lists the checks beside the Submit button.
    await screen.findByRole('region', { name: ja.sla.findings.title });
    await user.click(await screen.findByRole('button', { name: ja.sla.actions.submit }));
    await screen.findByText(ja.sla.errors.hasErrors);
    expect((await db.slaVersions.get([workspaceId, version.id]))!.state).toBe('draft');
  });
});
