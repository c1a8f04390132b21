import { type RefObject, useEffect, useEffectEvent, useRef } from 'react';

/**
 * Where the keyboard goes after a row of a list drawn from the database is removed by its own
 * button: the row's buttons go with it, and the focus would fall to the page's body (Tab starting
 * over from the top). Once the list no longer has the row, the next row's button of the same kind
 * takes the focus (the last row's when it was last), found by its accessible name (`buttonLabel`),
 * or `fallback` (Add…) when the list is empty.
 *
 * `control` is the kind of element looked for (a button; `select` for a row's status).
 *
 * `willRemove` is called before the removal is written (the list may update before its promise
 * resolves), `cancel` when it failed or removed nothing.
 */
export function useFocusAfterRemoval<Item extends { id: string }>(
  items: readonly Item[] | undefined,
  buttonLabel: (item: Item) => string,
  fallback: RefObject<HTMLElement | null>,
  control: 'button' | 'select' = 'button',
): { willRemove(id: string, index?: number): void; cancel(): void } {
  const pending = useRef<{ id: string; index: number } | null>(null);
  // The list as last drawn: the removed row's place is read there, not from the click (a move
  // just before may not have reached the row the click came from yet).
  const shown = useRef(items);
  const labelOf = useEffectEvent(buttonLabel);
  useEffect(() => {
    const before = shown.current;
    shown.current = items;
    const removal = pending.current;
    if (removal === null || !items || items.some((item) => item.id === removal.id)) return;
    pending.current = null;
    const place = before?.findIndex((item) => item.id === removal.id) ?? -1;
    const next = items[Math.min(place >= 0 ? place : removal.index, items.length - 1)];
    const target = next ? document.querySelector<HTMLElement>(`${control}[aria-label="${CSS.escape(labelOf(next))}"]`) : null;
    (target ?? fallback.current)?.focus();
  }, [items, fallback, control]);
  return {
    willRemove(id, index = 0) {
      pending.current = { id, index };
    },
    cancel() {
      pending.current = null;
    },
  };
}
