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
