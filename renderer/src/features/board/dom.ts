/** DOM helpers of the board (kept apart from the pure modules, which also run in Node tests). */

/** The DOM element of a node on the canvas, if rendered. */
export function nodeElement(container: HTMLElement | null, id: string): HTMLElement | null {
  return container?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) ?? null;
}

/**
 * A press of the main button on the canvas (a node, the selection's frame, the pane; the canvas's
 * mousedown, in the capture phase): the browser's default action is prevented and done here as
 * far as it matters: what it would focus is focused, and a text selection elsewhere on the page is
 * cleared. The canvas is user-select: none, yet Chromium's default looks for a caret position
 * under the pointer on the press, again on every move of the drag that follows, and on every
 * frame while the caret it placed stands, each time walking back over every node before it in the
 * document for one it could select (on a board of 1000 notes some 10 ms each, more than all the
 * rest of a drag's work; issue 12). Controls in a node (a note's text editor, its buttons) keep
 * their default.
 */
export function pressCanvas(event: { button: number; target: EventTarget | null; preventDefault(): void }): void {
  const target = event.target;
  if (event.button !== 0 || !(target instanceof Element)) return;
  if (!target.closest('.react-flow__renderer') || target.closest('textarea, input, select, button, a, [contenteditable], .nodrag')) return;
  event.preventDefault();
  // The default focus: the nearest focusable element under the pointer (the node), else none.
  const focusable = target.closest<HTMLElement>('[tabindex]');
  if (focusable) {
    if (document.activeElement !== focusable) focusable.focus({ preventScroll: true });
  } else if (document.activeElement instanceof HTMLElement) {
    document.activeElement.blur();
  }
  const selection = document.getSelection();
  if (selection && selection.rangeCount > 0) selection.removeAllRanges();
}
