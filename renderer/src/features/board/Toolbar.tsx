import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const ITEMS = 'button:not(:disabled), input:not(:disabled), select:not(:disabled)';

/**
 * An ARIA toolbar: one Tab stop, arrow keys (and Home/End) move between its controls, so a
 * keyboard user gets past the tools to the canvas in one press. The Tab stop stays on the control
 * used last; if that one becomes disabled (undo with nothing left), it moves to the first.
 */
export function Toolbar(props: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const current = useRef<HTMLElement | null>(null);

  // The "More" menu's items are the menu's own (its arrows), not the toolbar's.
  const items = () => [...(ref.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])].filter((item) => !item.closest('[role="menu"]'));

  // After every render: exactly one enabled control is tabbable.
  useLayoutEffect(() => {
    const all = items();
    const stop = current.current && all.includes(current.current) ? current.current : all[0];
    for (const item of all) item.tabIndex = item === stop ? 0 : -1;
  });

  const onFocus = (event: { target: EventTarget }) => {
    const all = items();
    const target = event.target as HTMLElement;
    if (!all.includes(target)) return;
    current.current = target;
    for (const item of all) item.tabIndex = item === target ? 0 : -1;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % all.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + all.length) % all.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = all.length - 1;
    if (next === null) return;
    event.preventDefault();
    all[next]!.focus();
  };

  return (
    <div ref={ref} role="toolbar" aria-label={props.label} aria-orientation="horizontal" className={props.className} onFocus={onFocus} onKeyDown={onKeyDown}>
      {props.children}
    </div>
  );
}
