import type { KeyTarget } from './keyboard';

/** DOM helpers of the board (kept apart from the pure modules, which also run in Node tests). */

/** What kind of element a key press comes from. */
export function keyTargetOf(element: Element | null): KeyTarget {
  if (!element || element === document.body || element === document.documentElement) return 'page';
  const html = element as HTMLElement;
  if (html.isContentEditable) return 'typing';
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'typing';
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return type === 'radio' || type === 'checkbox' || type === 'button' || type === 'submit' ? 'control' : 'typing';
  }
  if (element.classList.contains('react-flow__node')) return 'node';
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || element.getAttribute('role') === 'button') return 'control';
  return 'page';
}

/** The DOM element of a node on the canvas, if rendered. */
export function nodeElement(container: HTMLElement | null, id: string): HTMLElement | null {
  return container?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) ?? null;
}

/** Whether a dialog (ours, or the app's shortcuts list) is open: its keys are its own. */
export function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"],[role="alertdialog"]') !== null;
}
