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

/** The app's font (theme.css --font, print.css): Inter, and Noto Sans JP for what Inter lacks. */
export const FONT_FAMILIES = ['Inter', 'Noto Sans JP'] as const;

/** Every string in `value` (a board's nodes, a document, a locale subtree), joined by newlines. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join('\n');
  return '';
}

/** Code point ranges of a CSS unicode-range value ("U+0-FF, U+131, U+4??"). */
export function unicodeRanges(value: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of value.split(',')) {
    const match = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match) continue;
    const [, start, end] = match;
    if (start!.includes('?')) ranges.push([Number.parseInt(start!.replaceAll('?', '0'), 16), Number.parseInt(start!.replaceAll('?', 'f'), 16)]);
    else ranges.push([Number.parseInt(start!, 16), Number.parseInt(end ?? start!, 16)]);
  }
  return ranges;
}

export type FontFaceInfo = { readonly family: string; readonly weight: string; readonly style: string; readonly unicodeRange: string };
type FontSet = { load(font: string, text?: string): Promise<unknown> } & Partial<Iterable<FontFaceInfo>>;

/**
 * The characters of `text` (each once) that no face of `family` at `weight` has: the ones the
 * browser sets in the next family of the list. Faces are picked by their exact weight (the app
 * uses 400 and 700, and 600 resolves to 700).
 */
export function uncoveredText(faces: Iterable<FontFaceInfo>, family: string, weight: string, text: string): string {
  const ranges: [number, number][] = [];
  for (const face of faces) {
    if (face.weight === weight && face.style === 'normal' && face.family.replace(/^["']|["']$/g, '') === family) ranges.push(...unicodeRanges(face.unicodeRange));
  }
  const codes = new Set<number>();
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index)!;
    if (code > 0xffff) index++;
    if (code > 0x20) codes.add(code);
  }
  let rest = '';
  for (const code of codes) if (!ranges.some(([from, to]) => code >= from && code <= to)) rest += String.fromCodePoint(code);
  return rest;
}

/**
 * Starts loading the Noto Sans JP faces `text` needs at `weight` (its Japanese, and symbols Inter
 * lacks); the browser picks the subsets (FontFaceSet.load), only Inter's few faces are read here,
 * to leave out what Inter sets (its Latin faces come with the page: index.html preloads them).
 * Settles when they are loaded or failed; at once with nothing to load or no Font Loading API.
 */
export function preloadFontsFor(text: string, weight: number, fonts: FontSet | undefined = typeof document === 'undefined' ? undefined : document.fonts): Promise<void> {
  if (!fonts || typeof fonts.load !== 'function' || text.length === 0) return Promise.resolve();
  const faces: Iterable<FontFaceInfo> = typeof fonts[Symbol.iterator] === 'function' ? (fonts as Iterable<FontFaceInfo>) : [];
  const [first, fallback] = FONT_FAMILIES;
  const rest = uncoveredText(faces, first, String(weight), text);
  if (!rest) return Promise.resolve();
  return fonts.load(`${weight} 16px "${fallback}"`, rest).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Loads the faces `text` needs in the given weights (see preloadFontsFor); resolves when they are
 * loaded, when loading failed (the text then falls back as CSS says), or after `budgetMs`,
 * whichever is first.
 */
export async function loadFontsFor(text: string, weights: readonly number[] = FONT_WEIGHTS, budgetMs = 1_000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, budgetMs);
  });
  try {
    await Promise.race([Promise.all(weights.map((weight) => preloadFontsFor(text, weight))), budget]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * False until the text drawn so far has its fonts: true at once without the CSS Font Loading API;
 * otherwise after the next frame's layout (which is when Chromium asks for the subsets the page
 * uses) and `document.fonts.ready` (and `also`, fonts asked for elsewhere), or `budgetMs`. A view
 * with thousands of text boxes (a board's canvas) waits on this so that fonts its surroundings
 * need do not arrive after it and lay it all out again.
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
