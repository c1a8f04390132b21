import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { en } from '../../shared/locales/en';
import { StartVoteDialog } from '../../renderer/src/features/board/VoteBar';
import { createPersonaBoard } from '../../renderer/src/features/personas/personaBoards';
import { initI18n } from '../../renderer/src/i18n';
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

describe('Start a dot vote: earlier rounds’ results', () => {
  function renderDialog(earlierResults: boolean) {
    const started: [number, boolean, boolean][] = [];
    render(
      <I18nextProvider i18n={initI18n('en')}>
        <StartVoteDialog open onOpenChange={() => {}} earlierResults={earlierResults} onStart={(...args) => started.push(args)} focusVoting={() => false} />
      </I18nextProvider>,
    );
    return { started, dialog: screen.getByRole('dialog', { name: en.board.vote.startTitle }) };
  }

  it('offers to start from zero only where notes show earlier results; unchecked, they stay and add up', async () => {
    const user = userEvent.setup();
    const { started, dialog } = renderDialog(true);
    const fresh = within(dialog).getByRole('checkbox', { name: en.board.vote.fresh });
    expect(fresh).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: en.board.vote.startSubmit }));
    expect(started).toEqual([[3, false, false]]);
  });

  it('checked, the start clears them', async () => {
    const user = userEvent.setup();
    const { started, dialog } = renderDialog(true);
    await user.click(within(dialog).getByRole('checkbox', { name: en.board.vote.fresh }));
    await user.click(within(dialog).getByRole('button', { name: en.board.vote.startSubmit }));
    expect(started).toEqual([[3, false, true]]);
  });

  it('opens unchecked each time: a choice to clear does not carry over to the next round', async () => {
    const user = userEvent.setup();
    function Harness() {
      const [open, setOpen] = useState(true);
      return (
        <I18nextProvider i18n={initI18n('en')}>
          <button type="button" onClick={() => setOpen(true)}>
            Open
          </button>
          <StartVoteDialog open={open} onOpenChange={setOpen} earlierResults onStart={() => {}} focusVoting={() => false} />
        </I18nextProvider>
      );
    }
    render(<Harness />);
    for (const close of [en.common.cancel, en.board.vote.startSubmit]) {
      const dialog = await screen.findByRole('dialog', { name: en.board.vote.startTitle });
      const fresh = within(dialog).getByRole('checkbox', { name: en.board.vote.fresh });
      expect(fresh).not.toBeChecked();
      await user.click(fresh);
      expect(fresh).toBeChecked();
      await user.click(within(dialog).getByRole('button', { name: close }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await user.click(screen.getByRole('button', { name: 'Open' }));
    }
    expect(within(await screen.findByRole('dialog')).getByRole('checkbox', { name: en.board.vote.fresh })).not.toBeChecked();
  });

  it('without earlier results there is nothing to clear and no such box', () => {
    const { dialog } = renderDialog(false);
    expect(within(dialog).queryByRole('checkbox', { name: en.board.vote.fresh })).toBeNull();
    expect(within(dialog).getAllByRole('checkbox')).toHaveLength(1);
  });
});
