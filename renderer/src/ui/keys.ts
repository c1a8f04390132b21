import { isMac } from './shortcuts/keys';

/** A key combination as written on this computer's keyboard: "Ctrl+Enter", or "⌘Enter" on a Mac (Alt is ⌥). */
export function shownKey(key: string): string {
  return isMac() ? key.replace('Ctrl+', '⌘').replace('Alt+', '⌥') : key;
}
