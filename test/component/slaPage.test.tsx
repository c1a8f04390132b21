import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ja } from '../../shared/locales/ja';
import { submitForReview } from '../../shared/sla/versions';
import { DexieYProvider } from 'y-dexie';
import { db } from '../../renderer/src/db/db';
import { createFunnelBoard } from '../../renderer/src/features/funnel/funnelBoards';
import { readStages, writeStages } from '../../renderer/src/features/funnel/funnelDoc';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { commitmentsOf, ensureVersion, regenerateVersion, loadFunnel, signVersion, updateVersion } from '../../renderer/src/features/sla/slaStore';
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

describe('SLA page', () => {
  it('shows a draft in Japanese: every section, its text area, the commitments and translated findings', async () => {
    const { workspaceId, version } = await seed();
    // A commitment without owner gives a finding.
    const { funnel } = await loadFunnel(workspaceId, 'ja');
    const commitments = commitmentsOf(version.document).map((c) => (c.kind === 'attempts' ? { ...c, owner: null } : c));
    await regenerateVersion(workspaceId, version.id, funnel, commitments);
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla` });
    await screen.findByRole('heading', { level: 1, name: 'SLA 2026' });
    expect(screen.getByText('第1版 · 下書き')).toBeInTheDocument();
    for (const [index, title] of Object.values(ja.sla.sections).entries()) {
      expect(screen.getByRole('heading', { level: 3, name: `${index + 1}. ${title}` })).toBeInTheDocument();
      expect(screen.getByLabelText(`入力した文章：${title}`)).not.toHaveAttribute('readonly');
    }
    // In the findings list and on the commitment's card in the swimlanes (unassigned: own lane).
    expect(screen.getAllByText(/「接触回数」に担当がありません。/)).toHaveLength(2);
    const unassigned = screen.getByRole('region', { name: ja.sla.diagram.unassigned });
    expect(within(unassigned).getByText('問題：1 件')).toBeInTheDocument();
    const salesLane = screen.getByRole('region', { name: '営業のレーン' });
    // Cards are buttons named by their kind and sentence (the lane's "kind" select lists every kind too).
    expect(within(salesLane).getByRole('button', { name: new RegExp(`^${ja.sla.kinds.firstContact}`) })).toBeInTheDocument();
    expect(within(salesLane).queryByRole('button', { name: new RegExp(`^${ja.sla.kinds.attempts}`) })).toBeNull();
    const handOffs = screen.getByRole('region', { name: ja.sla.diagram.handOffs });
    expect(within(handOffs).getByText('MQL → SAL')).toBeInTheDocument();
    expect(screen.getAllByText(/営業は、すべての引き渡されたレコードに 24 営業時間 以内に初回接触します。/).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: ja.sla.actions.submit })).toBeInTheDocument();
  });

  it('edits a section text and a commitment through the form (saved, document regenerated)', async () => {
    const { workspaceId, version } = await seed();
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla` });
    const purpose = await screen.findByLabelText(`入力した文章：${ja.sla.sections.purpose}`);
    await user.type(purpose, '両部門で売上目標を共有する');
    await user.tab();
    const group = screen.getByRole('group', { name: ja.sla.kinds.attempts });
    const attempts = within(group).getByLabelText(ja.sla.commitments.fields.attempts);
    await user.clear(attempts);
    await user.type(attempts, '8');
    await user.tab();
    await screen.findAllByText(/14 日以内に 8 回以上接触を試みます/);
    const stored = (await db.slaVersions.get([workspaceId, version.id]))!;
    expect(stored.document.sections[0]!.text).toBe('両部門で売上目標を共有する');
    expect(commitmentsOf(stored.document).find((c) => c.kind === 'attempts')).toMatchObject({ attempts: 8 });
    // An invalid value is refused with a message, nothing saved (the field was re-created with the saved value).
    const again = within(group).getByLabelText(ja.sla.commitments.fields.attempts);
    expect(again).toHaveValue(8);
    await user.clear(again);
    await user.type(again, '0');
    await user.tab();
    expect(await within(group).findByRole('alert')).toHaveTextContent(ja.sla.commitments.fields.attempts);
    expect(commitmentsOf((await db.slaVersions.get([workspaceId, version.id]))!.document).find((c) => c.kind === 'attempts')).toMatchObject({ attempts: 8 });
  });

  it('a signed version is read-only, shows its hash and offers a new revision', async () => {
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
    expect(screen.getByText(ja.sla.frozen)).toBeInTheDocument();
    expect(screen.getByTestId('sla-hash')).toHaveTextContent(signed.hash!);
    expect(screen.getByLabelText(`入力した文章：${ja.sla.sections.purpose}`)).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: ja.sla.actions.submit })).toBeNull();
    expect(screen.queryByRole('button', { name: ja.sla.commitments.add })).toBeNull();
    // The board is read-only: cards open a disabled form, no add / move / delete controls.
    const salesLane = screen.getByRole('region', { name: '営業のレーン' });
    expect(within(salesLane).getAllByRole('button').every((button) => button.classList.contains('sla-card-select'))).toBe(true);
    expect(screen.queryByRole('button', { name: ja.sla.board.add })).toBeNull();
    expect(screen.queryByRole('button', { name: 'マーケティングへ移動' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^削除：/ })).toBeNull();
    expect(screen.getByText(ja.sla.board.readOnly)).toBeInTheDocument();
    await user.click(within(salesLane).getByRole('button', { name: new RegExp(`^${ja.sla.kinds.firstContact}`) }));
    expect(screen.getByRole('group', { name: `編集：${ja.sla.kinds.firstContact}` })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: ja.sla.actions.newRevision }));
    await screen.findByText('第2版 · 下書き');
    expect(await screen.findByText(ja.sla.diff.none)).toBeInTheDocument();
    expect(await db.slaVersions.get([workspaceId, version.id])).toEqual(signed);
  });

  it('says when the funnel board changed since the draft was generated; regenerating keeps the texts', async () => {
    const workspaceId = await createWorkspace('W');
    const boardId = await createFunnelBoard(workspaceId, 'Funnel', 'en');
    const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA' });
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla` });
    await screen.findByText('Generated from the funnel board.');
    expect(screen.queryByText(/The funnel changed since this draft was generated/)).toBeNull();
    const purpose = screen.getByLabelText('Your text: Purpose and scope');
    await user.type(purpose, 'Kept');
    await user.tab();
    // Someone renames a stage on the funnel board.
    const board = (await db.boards.get([workspaceId, boardId]))!;
    const provider = DexieYProvider.load(board.doc);
    await provider.whenLoaded;
    const stages = readStages(board.doc);
    writeStages(board.doc, stages.map((stage) => (stage.key === 'mql' ? { ...stage, name: 'Marketing-qualified lead' } : stage)), null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    DexieYProvider.release(board.doc);
    // The page watches the funnel board.
    await screen.findByText(/The funnel changed since this draft was generated/);
    await user.click(screen.getByRole('button', { name: 'Regenerate from the funnel' }));
    await screen.findAllByText(/Marketing-qualified lead/);
    const stored = (await db.slaVersions.get([workspaceId, version.id]))!;
    expect(stored.document.sections[0]!.text).toBe('Kept');
    expect(stored.document.sections.find((section) => section.key === 'definitions')!.generatedChanged).toBe(true);
    await waitFor(() => expect(screen.queryByText(/The funnel changed since this draft was generated/)).toBeNull());
  });

  it('refuses to submit for review while a consistency check reports an error', async () => {
    const { workspaceId, version } = await seed();
    const { funnel } = await loadFunnel(workspaceId, 'ja');
    await regenerateVersion(workspaceId, version.id, funnel, commitmentsOf(version.document).map((c) => (c.kind === 'attempts' ? { ...c, owner: null } : c)));
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/sla` });
    await user.click(await screen.findByRole('button', { name: ja.sla.actions.submit }));
    await screen.findByText(ja.sla.errors.hasErrors);
    expect((await db.slaVersions.get([workspaceId, version.id]))!.state).toBe('draft');
  });
});
