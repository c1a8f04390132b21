import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../renderer/src/db/db';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

describe('Members: removing by keyboard keeps the focus in the table', () => {
  it('ja: after a removal the focus is on the next row’s Remove, and on “Add member” once the table is empty — never on the page body', async () => {
    const workspaceId = await createWorkspace('W');
    await addMember(workspaceId, { name: '佐藤 美咲', department: 'marketing', title: '部長' });
    await addMember(workspaceId, { name: '田中 健一', department: 'sales', title: '部長' });
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' }, hash: `#/w/${workspaceId}/members` });

    // The table is sorted by department, then name: marketing's 佐藤 first.
    (await screen.findByRole('button', { name: '佐藤 美咲さんを削除' })).focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('alertdialog');
    await user.keyboard('{Tab}{Enter}');
    await waitFor(() => expect(screen.queryByRole('button', { name: '佐藤 美咲さんを削除' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: '田中 健一さんを削除' })));
    expect(await db.members.where('workspaceId').equals(workspaceId).count()).toBe(1);

    await user.keyboard('{Enter}');
    await screen.findByRole('alertdialog');
    await user.keyboard('{Tab}{Enter}');
    await waitFor(() => expect(screen.queryByRole('button', { name: '田中 健一さんを削除' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'メンバーを追加' })));
  });
});
