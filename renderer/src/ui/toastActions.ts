import type { MouseEvent } from 'react';

/**
 * A toast's action button. The button gives focus back at once: sonner otherwise returns focus
 * to where it came from only when focus next leaves the toasts, which steals it from whatever the
 * user clicks next (a menu that then closes at once, a field being typed in).
 */
export function toastAction(label: string, run: () => void) {
  return {
    label,
    onClick: (event: MouseEvent<HTMLButtonElement>) => {
      event.currentTarget.blur();
      run();
    },
  };
}

let describedCount = 0;

/**
 * Alt+N (the app's shortcut, after sonner's own hotkey has expanded the notifications and focused
 * their list): the focus goes on to the action button (Undo) of the newest notification that has
 * one, which is what the key is for; the list itself offers nothing to press. The button is
 * described by its notification's title, so a screen reader says what Undo would undo. Returns
 * false when no notification has an action (the list keeps the focus, as before).
 */
export function focusNewestToastAction(root: ParentNode = document): boolean {
  const button = [...root.querySelectorAll<HTMLElement>('[data-sonner-toast]:not([data-removed="true"])')]
    .sort((a, b) => Number(a.dataset.index ?? 0) - Number(b.dataset.index ?? 0))
    .map((toast) => toast.querySelector<HTMLButtonElement>('button[data-action]'))
    .find((candidate) => candidate !== null);
  if (!button) return false;
  const title = button.closest('[data-sonner-toast]')?.querySelector<HTMLElement>('[data-title]');
  if (title) {
    title.id ||= `toast-title-${++describedCount}`;
    button.setAttribute('aria-describedby', title.id);
  }
  button.focus();
  return true;
}
