import type { Language } from './settings';

/**
 * What a window's first module needs to know before anything else is evaluated (renderer/src/boot/):
 * which kind of window a hash path opens and which language a locale stands for. No imports but
 * types: this is in the window's first chunk (issue 12), and pdf.ts, audience/presentation.ts and
 * settings.ts, which carry zod schemas, re-export it.
 */

export const PRINT_ROUTE_PREFIX = '/print/';

/** Whether a hash location (without `#`) is a print view's (`/print/…`). */
export function isPrintPath(path: string): boolean {
  return path.startsWith(PRINT_ROUTE_PREFIX);
}

/** The audience window's route (a chrome-less page, like the print routes). */
export const AUDIENCE_ROUTE = '/audience';

/** Whether a hash location is the audience window's route (with or without a query). */
export function isAudiencePath(path: string): boolean {
  return path === AUDIENCE_ROUTE || path.startsWith(`${AUDIENCE_ROUTE}?`);
}

/** Picks 'ja' for any Japanese locale tag (ja, ja-JP, ja_JP), 'en' otherwise. */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale && /^ja([-_]|$)/i.test(locale) ? 'ja' : 'en';
}
