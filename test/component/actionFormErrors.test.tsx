import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { listActions } from '../../renderer/src/features/meetings/meetingStore';
import { renderApp, resetDb } from './renderApp';

configure({ asyncUtilTimeout: 5_000 });

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
});

describe('action item form errors', { timeout: 30_000 }, () => {
  for (const [language, strings] of [
    ['en', en],
    ['ja', ja],
  ] as const) {
    it(`${language}: each field's error follows its current value (a filled title loses "required"; a bad date is refused)`, async () => {
      const workspaceId = await createWorkspace('Northwind');
      const user = userEvent.setup();
      renderApp({ settings: { language }, hash: `#/w/${workspaceId}/meetings` });
      const form = (await screen.findByRole('textbox', { name: strings.meetings.actions.itemTitle })).closest('form')!;
      const title = within(form).getByRole('textbox', { name: strings.meetings.actions.itemTitle });
      const due = within(form).getByRole('textbox', { name: strings.meetings.actions.dueDate });
      const submit = within(form).getByRole('button', { name: strings.meetings.actions.add });
      const required = strings.meetings.errors.required.replace('{{field}}', strings.meetings.actions.itemTitle);
      await user.click(submit);
      expect(await within(form).findByText(required)).toBeInTheDocument();
      expect(title).toHaveAttribute('aria-invalid', 'true');
      await user.type(title, 'QA item 2');
      await user.type(due, '2026-02-30');
      await user.click(submit);
      await waitFor(() => expect(within(form).getAllByRole('alert')).toHaveLength(1));
      expect(within(form).queryByText(required)).toBeNull();
      expect(title).toHaveAttribute('aria-invalid', 'false');
      expect(due).toHaveAttribute('aria-invalid', 'true');
      expect(within(form).getByRole('alert').textContent).toMatch(/30/);
      expect(await listActions(workspaceId)).toHaveLength(0);
      // Corrected, the item is added with its date.
      await user.clear(due);
      await user.type(due, '2026-02-28');
      await user.click(submit);
      await waitFor(async () => expect(await listActions(workspaceId)).toMatchObject([{ title: 'QA item 2', dueDate: '2026-02-28' }]));
      expect(within(form).queryAllByRole('alert')).toHaveLength(0);
    });
  }
});
