/** Whether a key press is typing into a field (page shortcuts leave those keys alone). */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A key combination as written on this computer's keyboard: "Ctrl+Enter", or "⌘Enter" on a Mac (Alt is ⌥). */
export function shownKey(key: string): string {
  return isMac() ? key.replace('Ctrl+', '⌘').replace('Alt+', '⌥') : key;
}
