import { useEffect } from 'react';
import { preloadPageAt } from './pages';

/** The app path an element's link leads to (`#/w/…` hrefs, as wouter's hash links write them), if any. */
export function linkPath(target: EventTarget | null): string | null {
  const anchor = target instanceof Element ? target.closest('a[href]') : null;
  const href = anchor?.getAttribute('href');
  if (!href?.startsWith('#/')) return null;
  return href.slice(1).split('?')[0]!;
}

/**
 * Loads the code of the page a link leads to when the pointer comes over the link, a finger
 * touches it or the keyboard focuses it: by the click, it is usually here, and the page renders
 * without suspending (lazyPage). A page that suspends is held back by React until 300 ms after
 * its loading fallback appeared, however fast its code arrives.
 */
export function usePreloadOnIntent(): void {
  useEffect(() => {
    const onIntent = (event: Event) => {
      const path = linkPath(event.target);
      if (path) void preloadPageAt(path);
    };
    const events = ['pointerover', 'pointerdown', 'focusin'] as const;
    for (const type of events) document.addEventListener(type, onIntent, { passive: true, capture: true });
    return () => {
      for (const type of events) document.removeEventListener(type, onIntent, { capture: true });
    };
  }, []);
}
