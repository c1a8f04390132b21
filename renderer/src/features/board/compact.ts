import { useSyncExternalStore } from 'react';
import { useApp } from '../../app/AppContext';

/**
 * Below this window width the boards' chrome goes compact: the less used tools move into the
 * toolbar's "More" menu and the writer picker becomes one select, so the chrome is two short rows
 * and the canvas keeps ≥ 70 % of a 1366×768 screen. The projector theme (22 px type) is always compact.
 */
export const WIDE_CHROME_MIN_WIDTH = 1600;

const QUERY = `(min-width: ${WIDE_CHROME_MIN_WIDTH}px)`;

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

// jsdom has no matchMedia: there the width decides (component tests set innerWidth).
const wide = () => (typeof window.matchMedia === 'function' ? window.matchMedia(QUERY).matches : window.innerWidth >= WIDE_CHROME_MIN_WIDTH);

/** Whether the board's chrome is compact now (projector theme or a window narrower than 1600 px). */
export function useCompactChrome(): boolean {
  const { settings } = useApp();
  const isWide = useSyncExternalStore(subscribe, wide);
  return settings.theme === 'projector' || !isWide;
}
