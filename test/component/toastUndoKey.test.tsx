import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toast } from 'sonner';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toastAction } from '../../renderer/src/ui/toastActions';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  act(() => void toast.dismiss());
  window.location.hash = '#/';
});

describe('Alt+N, the notifications’ shortcut', () => {
  it('puts the focus on the newest notification’s Undo button (described by its message), not on the list; the live region stays; Enter undoes and gives the focus back', async () => {
    const user = userEvent.setup();
    renderApp({ settings: { language: 'en' } });
    await screen.findByRole('heading', { name: 'No workspaces yet' }, { timeout: 10_000 });
    const main = document.getElementById('main')!;
    main.focus();
    const undone: string[] = [];
    act(() => {
      toast('Agenda item removed', { action: toastAction('Undo', () => undone.push('agenda')) });
      toast('Member removed: Ava Mitchell', { action: toastAction('Undo', () => undone.push('member')) });
      toast('Saved');
    });
    await screen.findByText('Saved');

    await user.keyboard('{Alt>}n{/Alt}');
    const focused = document.activeElement as HTMLElement;
    expect(focused.tagName).toBe('BUTTON');
    expect(focused).toHaveAccessibleName('Undo');
    expect(focused).toHaveAccessibleDescription('Member removed: Ava Mitchell');
    // The notifications are still announced politely, as sonner has them.
    expect(focused.closest('section')).toHaveAttribute('aria-live', 'polite');

    await user.keyboard('{Enter}');
    expect(undone).toEqual(['member']);
    await waitFor(() => expect(document.activeElement).toBe(main));
  });

  it('with no Undo among the notifications, Alt+N leaves the focus on the list, as before', async () => {
    const user = userEvent.setup();
    renderApp({ settings: { language: 'ja' } });
    await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 });
    act(() => void toast('保存しました'));
    await screen.findByText('保存しました');
    await user.keyboard('{Alt>}n{/Alt}');
    expect(document.activeElement).toHaveAttribute('data-sonner-toaster');
  });
});
