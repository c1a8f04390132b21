import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { WorkspaceNav } from '../../renderer/src/features/workspace/WorkspaceNav';
import { initI18n } from '../../renderer/src/i18n';

/** Presses Alt+Shift+<digit> on an element, as the digit row sends it (bubbling to the one window listener). */
function pressPlace(element: Element, digit: number): boolean {
  return !fireEvent.keyDown(element, { key: '!', code: `Digit${digit}`, altKey: true, shiftKey: true });
}

describe('workspace navigation', () => {
  it('Alt+Shift+1…8 go to the places through the one shortcut table, not while typing or in a dialog', async () => {
    const id = await createWorkspace('Acme');
    const memory = memoryLocation({ path: `/w/${id}`, record: true });
    const view = render(
      <I18nextProvider i18n={initI18n('en')}>
        <Router hook={memory.hook}>
          <WorkspaceNav workspaceId={id} />
          <label>
            Notes <input />
          </label>
        </Router>
      </I18nextProvider>,
    );
    const nav = await screen.findByRole('navigation', { name: 'Workspace: Acme' });
    const meetings = screen.getByRole('link', { name: 'Meetings' });
    expect(meetings.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+5');

    await act(async () => {
      expect(pressPlace(document.body, 5)).toBe(true);
    });
    expect(memory.history.at(-1)).toBe(`/w/${id}/meetings`);
    expect(screen.getByRole('link', { name: 'Meetings' }).getAttribute('aria-current')).toBe('page');

    // In a text field the keys stay the field's.
    await act(async () => {
      expect(pressPlace(screen.getByRole('textbox', { name: 'Notes' }), 8)).toBe(false);
    });
    expect(memory.history.at(-1)).toBe(`/w/${id}/meetings`);

    // A dialog's keys are its own.
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    await act(async () => {
      expect(pressPlace(dialog, 8)).toBe(false);
    });
    dialog.remove();
    expect(memory.history.at(-1)).toBe(`/w/${id}/meetings`);

    await act(async () => {
      expect(pressPlace(nav, 8)).toBe(true);
    });
    expect(memory.history.at(-1)).toBe(`/w/${id}/members`);
    view.unmount();

    // Once the navigation is gone, so are its keys.
    expect(pressPlace(document.body, 1)).toBe(false);
    expect(memory.history.at(-1)).toBe(`/w/${id}/members`);
  });
});
