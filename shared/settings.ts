import { z } from 'zod';

/** App-level preferences (not workspace data). Persisted by electron-store in the desktop app and
 * by localStorage in the browser host; both parse with this schema so a bad value never reaches the UI. */
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

export const WindowBounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const AppSettings = z.object({
  /** null = follow the OS / browser language. */
  language: z.enum(LANGUAGES).nullable().default(null),
  theme: z.enum(THEMES).default('light'),
  lastExportFolder: z.string().nullable().default(null),
});
export type AppSettings = z.infer<typeof AppSettings>;
export const SettingsPatch = AppSettings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: AppSettings = AppSettings.parse({});

/** Picks 'ja' for any Japanese locale tag (ja, ja-JP, ja_JP), 'en' otherwise. */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale && /^ja([-_]|$)/i.test(locale) ? 'ja' : 'en';
}

export function nextTheme(theme: Theme): Theme {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
}
