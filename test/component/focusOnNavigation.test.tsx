import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { createFunnelBoard } from '../../renderer/src/features/funnel/funnelBoards';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

describe('focus after following a link in the page', () => {
  it('a link on the workspace overview, followed by keyboard: the new page takes the focus once the link has gone, not the body', async () => {
    const workspaceId = await createWorkspace('Links Co');
    await createFunnelBoard(workspaceId, 'Funnel', 'en');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}` });
    const link = await screen.findByRole('link', { name: 'Open the funnel' }, { timeout: 5_000 });
    link.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('region', { name: 'Funnel diagram' }, { timeout: 5_000 });
    expect(link.isConnected).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(document.getElementById('main')));
  });
});
