import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPersonaBoard } from '../../renderer/src/features/personas/personaBoards';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

const focusedLabel = () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '';

describe('Starting a dot vote from its button', () => {
  it('puts the focus on the first note to vote on (the button is gone), not on the page’s main region; a dialog closed without starting gives the focus back to its button', async () => {
    const workspaceId = await createWorkspace('Vote Co');
    const boardId = await createPersonaBoard(workspaceId, 'Buyer');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/b/${boardId}` });
    await screen.findByRole('region', { name: 'Board canvas' }, { timeout: 10_000 });
    await waitFor(() => expect(document.querySelectorAll('.react-flow__node').length).toBeGreaterThan(0));
    await user.keyboard('s');
    await user.type(await screen.findByRole('textbox', { name: 'Note text' }), 'Alpha');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(focusedLabel()).toBe('Joint sticky note: Alpha'));
    // The node last focused is a zone (no dots go there): the first note takes the focus instead.
    await user.keyboard('{Home}');
    expect(focusedLabel()).toBe('Zone: Goals');

    const start = screen.getByRole('button', { name: 'Start dot vote…' });
    start.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Start a dot vote' });
    within(dialog).getByRole('button', { name: 'Start the vote' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await screen.findByRole('button', { name: 'Reveal results' });
    expect(screen.queryByRole('button', { name: 'Start dot vote…' })).toBeNull();
    await waitFor(() => expect(focusedLabel()).toBe('Joint sticky note: Alpha'));
    expect(document.activeElement).not.toBe(document.getElementById('main'));

    // Closing the dialog without starting still gives the focus back to where it was.
    await user.click(screen.getByRole('button', { name: 'Cancel vote' }));
    const again = await screen.findByRole('button', { name: 'Start dot vote…' });
    again.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: 'Start a dot vote' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Start dot vote…' })));
  });
});
