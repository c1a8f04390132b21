import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/locales/en';
import { db } from '../../renderer/src/db/db';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { commitmentsOf, ensureVersion } from '../../renderer/src/features/sla/slaStore';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

const stored = async (workspaceId: string, versionId: string) => commitmentsOf((await db.slaVersions.get([workspaceId, versionId]))!.document);

describe('SLA board', () => {
  it('adds a commitment in a lane by keyboard, edits it on its card, moves it to the other lane and deletes it', async () => {
    const workspaceId = await createWorkspace('W');
    const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA' });
    const initial = await stored(workspaceId, version.id);
    const before = initial.length;
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla` });
    const sales = await screen.findByRole('region', { name: 'Sales lane' });
    const marketing = screen.getByRole('region', { name: 'Marketing lane' });

    // Add: choose the kind, then the lane's button (keyboard).
    await user.selectOptions(within(sales).getByLabelText(en.sla.board.kind), en.sla.kinds.quality);
    within(sales).getByRole('button', { name: en.sla.board.add }).focus();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await stored(workspaceId, version.id)).toHaveLength(before + 1));
    const added = (await stored(workspaceId, version.id)).find((commitment) => !initial.some((old) => old.id === commitment.id))!;
    const current = async () => (await stored(workspaceId, version.id)).find((commitment) => commitment.id === added.id);
    expect(added).toMatchObject({ kind: 'quality', owner: 'sales' });
    // The new card is selected, focused and its editor open.
    const card = await within(sales).findByRole('button', { name: /^Data quality/ });
    await waitFor(() => expect(card).toHaveFocus());
    expect(card).toHaveAttribute('aria-expanded', 'true');
    const editor = within(sales).getByRole('group', { name: `Edit: ${en.sla.kinds.quality}` });

    // Edit: no required fields → a finding badge appears on the card.
    const fields = within(editor).getByLabelText(en.sla.commitments.fields.requiredFields);
    await user.clear(fields);
    await user.tab();
    await within(sales).findByText('Problems: 1');
    expect(await current()).toMatchObject({ requiredFields: [] });

    // Move to Marketing: owner changes, the card (with its badge) is now in the marketing lane.
    await user.click(within(card.closest('li')!).getByRole('button', { name: /^Move to Marketing: / }));
    await waitFor(async () => expect(await current()).toMatchObject({ owner: 'marketing' }));
    await waitFor(() => expect(within(sales).queryByText('Problems: 1')).toBeNull());
    // Still selected (its editor open) after the move.
    const moved = await within(marketing).findByRole('button', { name: /^Data quality.*Marketing/, expanded: true });
    await waitFor(() => expect(moved).toHaveFocus());
    expect(within(marketing).getByText('Problems: 1')).toBeInTheDocument();

    // Arrow keys move between cards in reading order.
    await user.keyboard('{Home}');
    expect(within(marketing).getAllByRole('button', { name: /.+/ }).find((button) => button.classList.contains('sla-card-select'))).toHaveFocus();
    await user.keyboard('{End}');
    const allCards = document.querySelectorAll('.sla-card-select');
    expect(allCards[allCards.length - 1]).toHaveFocus();

    // Delete, with a confirmation (cancel first, then confirm).
    const item = moved.closest('li')!;
    await user.click(within(item as HTMLElement).getByRole('button', { name: `Delete: ${en.sla.kinds.quality} 2` }));
    await user.click(await within(item as HTMLElement).findByRole('button', { name: en.sla.board.deleteNo }));
    await user.click(within(item as HTMLElement).getByRole('button', { name: `Delete: ${en.sla.kinds.quality} 2` }));
    await user.click(await within(item as HTMLElement).findByRole('button', { name: en.sla.board.deleteYes }));
    await waitFor(async () => expect(await stored(workspaceId, version.id)).toHaveLength(before));
    expect((await stored(workspaceId, version.id)).some((commitment) => commitment.id === added.id)).toBe(false);
  });

  it('reorders a card within its lane with Alt+arrows, and undoes and redoes board changes (buttons and Ctrl+Z)', async () => {
    const workspaceId = await createWorkspace('W');
    const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA' });
    const salesIds = async () => (await stored(workspaceId, version.id)).filter((commitment) => commitment.owner === 'sales').map((commitment) => commitment.kind);
    const initialSales = await salesIds();
    expect(initialSales.slice(0, 2)).toEqual(['firstContact', 'attempts']);
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla` });
    const sales = await screen.findByRole('region', { name: 'Sales lane' });
    const undo = screen.getByRole('button', { name: en.sla.board.undo });
    const redo = screen.getByRole('button', { name: en.sla.board.redo });
    expect(undo).toBeDisabled();
    expect(redo).toBeDisabled();

    // Alt+↓ on the first sales card moves it below the second; focus stays on it.
    const first = within(sales).getByRole('button', { name: new RegExp(`^${en.sla.kinds.firstContact}`) });
    first.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(async () => expect((await salesIds()).slice(0, 2)).toEqual(['attempts', 'firstContact']));
    await waitFor(() => expect(within(sales).getByRole('button', { name: new RegExp(`^${en.sla.kinds.firstContact}`) })).toHaveFocus());
    const cards = () => Array.from(sales.querySelectorAll('.sla-card-select')).map((card) => card.textContent);
    await waitFor(() => expect(cards()[0]).toMatch(new RegExp(`^${en.sla.kinds.attempts}`)));
    // Alt+↑ at the top of the lane changes nothing (no extra undo step).
    within(sales).getByRole('button', { name: new RegExp(`^${en.sla.kinds.attempts}`) }).focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');

    // Delete a card (confirmed), then undo both steps with Ctrl+Z: the list is as it was.
    const attemptsCard = within(sales).getByRole('button', { name: new RegExp(`^${en.sla.kinds.attempts}`) }).closest('li') as HTMLElement;
    await user.click(within(attemptsCard).getByRole('button', { name: `Delete: ${en.sla.kinds.attempts}` }));
    await user.click(await within(attemptsCard).findByRole('button', { name: en.sla.board.deleteYes }));
    await waitFor(async () => expect(await salesIds()).not.toContain('attempts'));
    await waitFor(() => expect(undo).toBeEnabled());
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect((await salesIds()).slice(0, 2)).toEqual(['attempts', 'firstContact']));
    await user.click(undo);
    await waitFor(async () => expect(await salesIds()).toEqual(initialSales));
    await waitFor(() => expect(undo).toBeDisabled());

    // Redo (button, then Ctrl+Shift+Z) replays the reorder and the delete.
    await user.click(redo);
    await waitFor(async () => expect((await salesIds()).slice(0, 2)).toEqual(['attempts', 'firstContact']));
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(async () => expect(await salesIds()).not.toContain('attempts'));
    await waitFor(() => expect(redo).toBeDisabled());
  });

  it('numbers cards of the same kind in one lane, so each button names its own card', async () => {
    const workspaceId = await createWorkspace('W');
    const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA' });
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla` });
    const marketing = await screen.findByRole('region', { name: 'Marketing lane' });
    const quality = en.sla.kinds.quality;
    expect(within(marketing).getByRole('button', { name: `Delete: ${quality}` })).toBeInTheDocument();
    await user.selectOptions(within(marketing).getByLabelText(en.sla.board.kind), quality);
    await user.click(within(marketing).getByRole('button', { name: en.sla.board.add }));
    await waitFor(async () => expect((await stored(workspaceId, version.id)).filter((c) => c.kind === 'quality' && c.owner === 'marketing')).toHaveLength(2));
    expect(await within(marketing).findByRole('button', { name: `Delete: ${quality} 1` })).toBeInTheDocument();
    expect(within(marketing).getByRole('button', { name: `Delete: ${quality} 2` })).toBeInTheDocument();
    expect(within(marketing).getByRole('button', { name: `Move to Sales: ${quality} 2` })).toBeInTheDocument();
    expect(within(marketing).queryByRole('button', { name: `Delete: ${quality}` })).toBeNull();
  });
});
