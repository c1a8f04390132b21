/** DOM helpers of the board (kept apart from the pure modules, which also run in Node tests). */

/** The DOM element of a node on the canvas, if rendered. */
export function nodeElement(container: HTMLElement | null, id: string): HTMLElement | null {
  return container?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) ?? null;
}
