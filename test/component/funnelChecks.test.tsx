import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DexieYProvider } from 'y-dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../renderer/src/db/db';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { createFunnelBoard } from '../../renderer/src/features/funnel/funnelBoards';
import { readStages, writePlan, writeStages } from '../../renderer/src/features/funnel/funnelDoc';
import { commitmentsOf, ensureVersion, loadFunnel, regenerateVersion } from '../../renderer/src/features/sla/slaStore';
import { ja } from '../../shared/locales/ja';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

/** A funnel board planned for 10 deals (MQL needs 192 a month) whose MQL target is only 100. */
async function seed(language: 'en' | 'ja' = 'en') {
  const workspaceId = await createWorkspace('Checks Co');
  const boardId = await createFunnelBoard(workspaceId, 'Funnel', language);
  const board = (await db.boards.get([workspaceId, boardId]))!;
  const provider = DexieYProvider.load(board.doc);
  await provider.whenLoaded;
  writeStages(board.doc, readStages(board.doc).map((stage) => (stage.key === 'mql' ? { ...stage, targetVolume: 100 } : stage)), null);
  writePlan(board.doc, { revenueTarget: 10_000_000, averageDealSize: 1_000_000 }, null);
  await new Promise((resolve) => setTimeout(resolve, 100));
  DexieYProvider.release(board.doc);
  return { workspaceId, boardId };
}

const BELOW = 'The target volume of “MQL” (100) is below the 192 per month the revenue target needs.';

describe('funnel board consistency checks', () => {
  it('without an SLA: the MQL target below the reverse funnel on the stage and in the panel; a zero rate is a named problem', async () => {
    const { workspaceId, boardId } = await seed();
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/funnel/${boardId}` });
    const panel = await screen.findByRole('region', { name: 'Consistency checks' });
    expect(within(panel).getByText('No SLA yet: only the funnel itself is checked.')).toBeInTheDocument();
    // In the panel, with the SLA page's words, and a way to the stage.
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([expect.stringContaining(`Warning: ${BELOW}`)]);
    expect(within(panel).getByRole('list', { name: '1 problem found' })).toBeInTheDocument();
    // No commitment findings without an SLA (no "Open the SLA" per finding), but a way to set one up.
    expect(within(panel).queryByRole('link', { name: 'Open the SLA' })).toBeNull();
    expect(within(panel).getByRole('link', { name: 'Set up the SLA to check the commitments too' })).toBeInTheDocument();
    // On the MQL stage: a badge with icon and text, and the problem in its accessible name.
    const canvas = screen.getByRole('region', { name: 'Funnel diagram' });
    // React Flow draws the nodes once it has measured them: wait for that rather than race it.
    const mql = await within(canvas).findByRole('button', { name: /^MQL: owner Marketing/ }, { timeout: 5_000 });
    expect(mql).toHaveAccessibleName(`MQL: owner Marketing; Volume 100; To next 70%; 1 problem: Warning: ${BELOW}`);
    // The badge is drawn on the band the stage's button covers.
    expect(within(mql.parentElement!).getByText('Warning: 1')).toBeInTheDocument();
    expect(within(mql.parentElement!).getByText('⚠')).toBeInTheDocument();
    // Other stages carry no badge.
    expect(within(canvas).getByRole('button', { name: /^SAL: / }).parentElement!.querySelector('.funnel-stage-badge')).toBeNull();
    await user.click(within(panel).getByRole('button', { name: 'Show MQL' }));
    expect(screen.getByRole('button', { name: 'Edit MQL' })).toHaveAttribute('aria-pressed', 'true');

    // A zero conversion rate: the reverse funnel cannot be computed, the problem is named.
    await user.click(screen.getByRole('button', { name: 'Edit SQL' }));
    const rate = within(screen.getByRole('region', { name: 'Stage details' })).getByLabelText('Conversion rate to the next stage (%)');
    await user.clear(rate);
    await user.type(rate, '0{Enter}');
    const zero = 'The reverse funnel cannot be calculated: the conversion rate of “SQL” is 0 %.';
    await within(panel).findByText((_, element) => element?.tagName === 'LI' && element.textContent?.includes(`Error: ${zero}`) === true);
    const sql = await within(canvas).findByRole('button', { name: /^SQL: / }, { timeout: 5_000 });
    expect(sql.getAttribute('aria-label')).toContain(`1 problem: Error: ${zero}`);
    expect(within(sql.parentElement!).getByText('Error: 1')).toBeInTheDocument();
    expect(within(sql.parentElement!).getByText('⊘')).toBeInTheDocument();
    // The stage-target check needs the reverse funnel: it is gone while the funnel cannot be computed.
    expect(panel.textContent).not.toContain(BELOW);
  });

  it('with an SLA: checks the current version’s commitments, on the stages and in the panel, linking to the SLA page (Japanese)', async () => {
    const { workspaceId, boardId } = await seed('ja');
    const version = await ensureVersion(workspaceId, { language: 'ja', title: 'SLA' });
    const { funnel } = await loadFunnel(workspaceId, 'ja');
    const commitments = commitmentsOf(version.document).map((c) => (c.kind === 'volume' ? { ...c, count: 50, period: 'month' as const } : c));
    await regenerateVersion(workspaceId, version.id, funnel, commitments);
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/funnel/${boardId}` });
    const panel = await screen.findByRole('region', { name: ja.funnel.checks.title });
    await within(panel).findByText('現在の SLA（第1版）と照合しています。');
    const texts = within(panel)
      .getAllByRole('listitem')
      .map((item) => item.textContent ?? '');
    // The same translated messages as on the SLA page: the MQL target and the volume commitment.
    expect(texts).toContainEqual(expect.stringContaining('警告: 「MQL」の目標件数（100）が、売上目標に必要な 月あたり 192 件を下回っています。'));
    expect(texts).toContainEqual(
      expect.stringContaining('エラー: マーケティングの約束は 月あたり 50 件のMQLで、逆算ファネルに必要な 月あたり 192 件に足りません。'),
    );
    const mql = await within(screen.getByRole('region', { name: ja.funnel.canvas })).findByRole('button', { name: /^MQL/ }, { timeout: 5_000 });
    expect(within(mql.parentElement!).getByText(/^エラー：\d+ 件$/)).toBeInTheDocument();
    // Commitment problems link to the SLA page.
    const links = within(panel).getAllByRole('link', { name: ja.funnel.checks.openSla });
    expect(links.length).toBeGreaterThan(0);
    await user.click(links[0]!);
    await screen.findByRole('heading', { level: 1, name: 'SLA' });
  });
});
