import { useTranslation } from 'react-i18next';
import { ShortcutList } from '../ShortcutList';
import { shownKey } from '../keys';
import { ariaKey, writtenKey } from './keys';
import { shortcutsOf, SHORTCUTS, type Scope, type ShortcutId } from './table';

/** The keys of a shortcut as a legend writes them on this computer ("Ctrl+Z", "⌘Z", "1–9"). */
export function keysShown(id: ShortcutId): string[] {
  const entry = SHORTCUTS[id];
  if ('shown' in entry && entry.shown) return entry.shown.map((key) => shownKey(key));
  return entry.keys.map((key) => writtenKey(typeof key === 'string' ? key : key.key));
}

function keysOf(id: ShortcutId, index?: number): string[] {
  const keys = SHORTCUTS[id].keys.map((key) => (typeof key === 'string' ? key : key.key));
  return index === undefined ? keys : [keys[index]!];
}

/** A shortcut's first key (or its key number `index`), for a button's title ("Undo (Ctrl+Z)"). */
export function keyHint(id: ShortcutId, index?: number): string {
  return index === undefined ? keysShown(id)[0]! : writtenKey(keysOf(id, index)[0]!);
}

/** A shortcut's keys (or its key number `index`) in `aria-keyshortcuts` syntax. */
export function ariaKeys(id: ShortcutId, index?: number): string {
  return keysOf(id, index)
    .flatMap((key) => ariaKey(key))
    .join(' ');
}

/** The shortcuts of some scopes as a description list, made from the one table. */
export function ShortcutLegend(props: { scopes: readonly Scope[] }) {
  const { t } = useTranslation();
  return <ShortcutList shortcuts={shortcutsOf(...props.scopes).map(([id, entry]) => ({ keys: keysShown(id), label: t(entry.label) }))} />;
}
