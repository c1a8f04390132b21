import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/locales/en';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { createFunnelBoard } from '../../renderer/src/features/funnel/funnelBoards';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

describe('funnel stage list by keyboard', () => {
  it('removing a stage with its × keeps the focus in the list, on the stage selected next (not the page’s body)', async () => {
    const workspaceId = await createWorkspace('Focus Co');
    const boardId = await createFunnelBoard(workspaceId, 'Funnel', 'en');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/funnel/${boardId}` });
    const list = await screen.findByRole('list', { name: 'Stages in funnel order' });
    within(list).getByRole('button', { name: 'Remove Lead' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(list).queryByRole('button', { name: 'Remove Lead' })).toBeNull());
    // The stage after it is selected and has the focus: Tab and Enter carry on from there.
    const next = within(list).getByRole('button', { name: 'Edit MQL' });
    expect(next).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(document.activeElement).toBe(next));
  });

  it('in Japanese, the diagram carries none of React Flow’s hidden English (“Press enter or space to select a node…”)', async () => {
    const workspaceId = await createWorkspace('Focus Co');
    const boardId = await createFunnelBoard(workspaceId, 'ファネル', 'ja');
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/funnel/${boardId}` });
    const canvas = await screen.findByRole('region', { name: 'ファネル図' });
    await within(canvas).findByRole('button', { name: /^MQL：/ }, { timeout: 5_000 });
    expect(document.body.textContent).not.toMatch(/Press enter|select a node|select an edge/);
  });

  it('with every stage removed, the stages and the hand-offs say there are none and how to add one; the focus stays in the side', async () => {
    const workspaceId = await createWorkspace('Empty Co');
    const boardId = await createFunnelBoard(workspaceId, 'Funnel', 'en');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/funnel/${boardId}` });
    const list = await screen.findByRole('list', { name: 'Stages in funnel order' });
    for (let left = within(list).queryAllByRole('button', { name: /^Remove / }); left.length > 0; left = within(list).queryAllByRole('button', { name: /^Remove / })) {
      left[0]!.focus();
      await user.keyboard('{Enter}');
    }
    const side = screen.getByRole('region', { name: 'Stages and details' });
    const empty = 'No stages yet: add one with “Add stage”.';
    expect(within(side).getAllByText(empty)).toHaveLength(2);
    expect(within(screen.getByRole('region', { name: 'Hand-offs' })).getByText(empty)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Stages in funnel order' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(side));
    // Undo brings the last one back into the list.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(within(await screen.findByRole('list', { name: 'Stages in funnel order' })).getAllByRole('listitem')).toHaveLength(1);
    expect(within(side).queryByText(empty)).toBeNull();
    // With one stage there is no hand-off to have: said so, not "consecutive stages all have the same owner".
    expect(within(screen.getByRole('region', { name: 'Hand-offs' })).getByText(en.funnel.oneStage)).toBeInTheDocument();
  });

  it('Ctrl+Z on a new stage’s button, undoing “Add stage”, leaves the focus in the side, not on the body', async () => {
    const workspaceId = await createWorkspace('Undo Co');
    const boardId = await createFunnelBoard(workspaceId, 'Funnel', 'en');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/funnel/${boardId}` });
    const list = await screen.findByRole('list', { name: 'Stages in funnel order' });
    const before = within(list).getAllByRole('listitem').length;
    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(before + 1));
    within(list).getByRole('button', { name: 'Edit New stage' }).focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(before));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Stages and details' })));
  });
});

