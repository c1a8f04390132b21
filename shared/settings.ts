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

const settingsFields = {
  /** null = follow the OS / browser language. */
  language: z.enum(LANGUAGES).nullable(),
  theme: z.enum(THEMES),
  lastExportFolder: z.string().max(4096).nullable(),
};
export const AppSettings = z.object({
  language: settingsFields.language.default(null),
  theme: settingsFields.theme.default('light'),
  lastExportFolder: settingsFields.lastExportFolder.default(null),
});
export type AppSettings = z.infer<typeof AppSettings>;
/** A change to some settings: fields left out stay as they are (no defaults filled in). */
export const SettingsPatch = z.object(settingsFields).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
/**
 * What the page may change. The last export folder is written only by main, from a folder the user
 * picked in a save dialog: a page that could set it would choose where the next dialog opens.
 */
export const RendererSettingsPatch = SettingsPatch.omit({ lastExportFolder: true }).strict();
export type RendererSettingsPatch = z.infer<typeof RendererSettingsPatch>;

export const DEFAULT_SETTINGS: AppSettings = AppSettings.parse({});

/** Picks 'ja' for any Japanese locale tag (ja, ja-JP, ja_JP), 'en' otherwise. */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale && /^ja([-_]|$)/i.test(locale) ? 'ja' : 'en';
}

export function nextTheme(theme: Theme): Theme {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
}
