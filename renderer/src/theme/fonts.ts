import { useEffect, useState } from 'react';

/**
 * Loading the bundled fonts a view's text needs before the view is drawn.
 *
 * The app's fonts (Inter, Noto Sans JP) come in many subsets, each with its unicode-range, and
 * Chromium fetches a subset only once laid-out text uses it. A board of a thousand notes drawn
 * before its Japanese subsets arrive is laid out again, whole, each time one more arrives (two
 * full relayouts of 200–400 ms each on a 1000-note board; issue 12). Asking for the subsets first,
 * from the text about to be drawn, lets the board be laid out once. Everything is local (the app
 * bundle), so this takes a few tens of milliseconds; it never waits longer than `budgetMs`.
 */

/** Weights of the bundled faces (main.tsx imports 400 and 700; 600 is drawn with 700). */
export const FONT_WEIGHTS = [400, 700] as const;

/** The distinct characters of some strings, as one string (what FontFaceSet.load needs). */
export function distinctCharacters(strings: Iterable<string>): string {
  const seen = new Set<string>();
  for (const value of strings) for (const character of value) seen.add(character);
  return [...seen].join('');
}

/** Every string value inside a JSON-like value (objects, arrays), depth first. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, out);
  return out;
}

/**
 * Loads the faces of the app's font stack that `text` needs, in the given weights; resolves when
 * they are loaded, when loading failed (the text then falls back as CSS says), or after
 * `budgetMs`, whichever is first. Without the CSS Font Loading API (tests in jsdom) it resolves
 * at once.
 */
export async function loadFontsFor(text: string, weights: readonly number[] = FONT_WEIGHTS, budgetMs = 1_000): Promise<void> {
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  if (!fonts || typeof fonts.load !== 'function' || text.length === 0) return;
  const stack = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, budgetMs);
  });
  const loads = Promise.all(weights.map((weight) => fonts.load(`${weight} 16px ${stack}`, text).catch(() => []))).then(() => undefined);
  try {
    await Promise.race([loads, budget]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * False until the text drawn so far has its fonts: true at once without the CSS Font Loading API;
 * otherwise after the next frame's layout (which is when Chromium asks for the subsets the page
 * uses) and `document.fonts.ready` (and `also`, fonts asked for elsewhere), or `budgetMs`. A view with thousands of text boxes (a board's
 * canvas) waits on this so that fonts its surroundings need do not arrive after it and lay it all
 * out again.
 */
export function useFontsSettled(budgetMs = 1_000, also?: Promise<void>): boolean {
  const [settled, setSettled] = useState(() => typeof document === 'undefined' || !document.fonts);
  useEffect(() => {
    if (settled) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      // A task after the frame: its style and layout have run and the needed loads have started.
      timer = setTimeout(() => {
        const budget = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, budgetMs);
        });
        void Promise.race([Promise.all([document.fonts.ready, also]), budget]).then(() => {
          clearTimeout(timer);
          if (live) setSettled(true);
        });
      }, 0);
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [settled, budgetMs, also]);
  return settled;
}
