import { createContext, useContext, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Icon } from './icons';

/**
 * Where a tool is drawn: as a button in the toolbar row, or as an item of the toolbar's "More"
 * menu (`close` then hands the focus back to the menu button before the tool runs).
 */
export const ToolPlacement = createContext<{ inMenu: false } | { inMenu: true; close(): void }>({ inMenu: false });

export function useToolPlacement() {
  return useContext(ToolPlacement);
}

const ITEMS = '[role^="menuitem"]:not(:disabled)';

const itemsOf = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];

/**
 * The toolbar's overflow menu (the ARIA menu button pattern): Enter, Space or ↓ opens it on its
 * first item, ↑ on its last; ↑/↓/Home/End move, Escape or Tab closes it and focus returns to the
 * button. Its items stay mounted while it is closed (hidden), so the tools' own shortcuts and
 * dialogs keep working whether or not the menu was ever opened.
 */
export function MoreMenu(props: { label: string; buttonLabel: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');
  const id = useId();

  const close = (returnFocus = true) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const all = itemsOf(menu.current);
    (focusOnOpen === 'last' ? all.at(-1) : all[0])?.focus();
    // A press outside closes the menu (focus stays where the press put it).
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open, focusOnOpen]);

  const openAt = (where: 'first' | 'last') => {
    setFocusOnOpen(where);
    setOpen(true);
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      openAt(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = itemsOf(menu.current);
    const index = all.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (index + 1) % all.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + all.length) % all.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = all.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    } else if (event.key === 'Tab') {
      // Tab leaves the menu from the button's place in the page.
      close();
      return;
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      // Not the toolbar's arrows while inside the menu.
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (next === null || all.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    all[next]!.focus();
  };

  return (
    <div className="more-menu">
      <button
        ref={button}
        type="button"
        className="button tool with-text more-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => (open ? close() : openAt('first'))}
        onKeyDown={onButtonKeyDown}
      >
        <span>{props.buttonLabel}</span>
        <Icon name="chevronDown" />
      </button>
      <div ref={menu} id={id} role="menu" aria-label={props.label} className="menu more-menu-list" hidden={!open} onKeyDown={onMenuKeyDown}>
        <ToolPlacement.Provider value={{ inMenu: true, close }}>{props.children}</ToolPlacement.Provider>
      </div>
    </div>
  );
}
