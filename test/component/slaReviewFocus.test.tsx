import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

describe('SLA Review & sign: the keyboard goes on from the next action', () => {
  it('en: Submit for review by keyboard puts the focus on “Sign…”; Return to draft puts it back on “Submit for review” — never on the page body', async () => {
    const workspaceId = await createSampleWorkspace('en');
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' }, hash: `#/w/${workspaceId}/sla/review` });
    (await screen.findByRole('button', { name: 'Submit for review' })).focus();
    await user.keyboard('{Enter}');
    const sign = await screen.findByRole('button', { name: 'Sign…' });
    await waitFor(() => expect(document.activeElement).toBe(sign));

    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Return to draft' }));
    await user.keyboard('{Enter}');
    const submit = await screen.findByRole('button', { name: 'Submit for review' });
    await waitFor(() => expect(document.activeElement).toBe(submit));
  });
});
