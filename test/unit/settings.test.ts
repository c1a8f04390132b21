import { describe, expect, it } from 'vitest';
import {
  AppSettings,
  DEFAULT_SETTINGS,
  languageFromLocale,
  nextTheme,
  SettingsPatch,
  THEMES,
  type Theme,
  WindowBounds,
} from '../../shared/settings';

describe('languageFromLocale', () => {
  it.each(['ja', 'ja-JP', 'ja_JP', 'JA', 'Ja-jp', 'ja-Jpan-JP', 'ja-JP-u-ca-japanese'])('%j → ja', (locale) => {
    expect(languageFromLocale(locale)).toBe('ja');
  });

  it.each(['en', 'en-US', 'en-JP', 'fr', 'fr-FR', 'zh-CN', 'ko', '', 'jav', 'jaJP', 'ja.JP', ' ja', 'x-ja', undefined, null])(
    '%j → en',
    (locale) => {
      expect(languageFromLocale(locale)).toBe('en');
    },
  );
});

describe('nextTheme', () => {
  it('cycles light → dark → projector → light', () => {
    expect(nextTheme('light')).toBe('dark');
    expect(nextTheme('dark')).toBe('projector');
    expect(nextTheme('projector')).toBe('light');
  });

  it.each(THEMES)('comes back to %s after visiting every theme once', (start) => {
    const seen: Theme[] = [];
    let theme: Theme = start;
    for (let i = 0; i < THEMES.length; i++) {
      theme = nextTheme(theme);
      seen.push(theme);
    }
    expect(theme).toBe(start);
    expect(new Set(seen)).toEqual(new Set(THEMES));
  });
});

describe('AppSettings', () => {
  it('defaults to following the system language, the light theme and no export folder', () => {
    expect(DEFAULT_SETTINGS).toEqual({ language: null, theme: 'light', lastExportFolder: null });
    expect(AppSettings.parse({})).toEqual(DEFAULT_SETTINGS);
  });

  it('fills in missing fields of an older settings file and keeps the ones it has', () => {
    expect(AppSettings.parse({ theme: 'dark' })).toEqual({ language: null, theme: 'dark', lastExportFolder: null });
    expect(AppSettings.parse({ language: 'ja', lastExportFolder: 'C:\\Users\\ann\\Documents' })).toEqual({
      language: 'ja',
      theme: 'light',
      lastExportFolder: 'C:\\Users\\ann\\Documents',
    });
  });

  it('accepts an explicit null language (follow the system)', () => {
    expect(AppSettings.parse({ language: null, theme: 'projector', lastExportFolder: null })).toEqual({
      language: null,
      theme: 'projector',
      lastExportFolder: null,
    });
  });

  it('drops unknown keys (e.g. from a newer version) instead of rejecting the settings', () => {
    expect(AppSettings.parse({ theme: 'dark', fontSize: 18, language: 'en' })).toEqual({
      language: 'en',
      theme: 'dark',
      lastExportFolder: null,
    });
  });

  it.each([
    ['null', null],
    ['a string', 'dark'],
    ['a number', 42],
    ['an array', [{ theme: 'dark' }]],
    ['an unknown language', { language: 'fr' }],
    ['a locale tag instead of a language', { language: 'ja-JP' }],
    ['an upper-case language', { language: 'JA' }],
    ['an unknown theme', { theme: 'neon' }],
    ['a null theme', { theme: null }],
    ['an upper-case theme', { theme: 'Dark' }],
    ['a numeric folder', { lastExportFolder: 42 }],
    ['NaN in a field', { theme: NaN }],
  ])('rejects %s, so callers fall back to the defaults', (_why, value) => {
    const result = AppSettings.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.length).toBeGreaterThan(0);
  });

  it('rejects garbage read back from storage (the browser host parses JSON.parse(raw) with it)', () => {
    const accepted = ['[]', '"light"', '0', 'true', '{"language":"de"}'].filter((raw) => AppSettings.safeParse(JSON.parse(raw)).success);
    expect(accepted).toEqual([]);
  });
});

describe('SettingsPatch', () => {
  it('accepts any subset of valid settings and rejects invalid values', () => {
    expect(SettingsPatch.safeParse({ theme: 'dark' }).success).toBe(true);
    expect(SettingsPatch.safeParse({}).success).toBe(true);
    expect(SettingsPatch.safeParse({ theme: 'neon' }).success).toBe(false);
    expect(SettingsPatch.safeParse({ language: 'fr' }).success).toBe(false);
  });

  // A patch must not fill in defaults: main validates `settings:set` with it, and a theme change
  // must leave the language and the export folder alone.
  it('leaves out the fields a patch does not name', () => {
    expect(SettingsPatch.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(SettingsPatch.parse({})).toEqual({});
    expect(SettingsPatch.safeParse({ theme: 'dark', surprise: 1 }).success).toBe(false);
  });
});

describe('WindowBounds', () => {
  it('accepts a window and defaults to not maximized', () => {
    expect(WindowBounds.parse({ x: -1200, y: 40, width: 1280, height: 800 })).toEqual({
      x: -1200,
      y: 40,
      width: 1280,
      height: 800,
      maximized: false,
    });
    expect(WindowBounds.parse({ width: 400, height: 300, maximized: true })).toEqual({ width: 400, height: 300, maximized: true });
  });

  it.each([
    ['too narrow', { width: 399, height: 800 }],
    ['too short', { width: 1280, height: 299 }],
    ['too wide', { width: 20001, height: 800 }],
    ['fractional size', { width: 1280.5, height: 800 }],
    ['fractional position', { x: 0.5, width: 1280, height: 800 }],
    ['NaN', { width: NaN, height: 800 }],
    ['Infinity', { width: Infinity, height: 800 }],
    ['null position', { x: null, width: 1280, height: 800 }],
    ['missing size', { x: 0, y: 0 }],
    ['string size', { width: '1280', height: '800' }],
  ])('rejects %s', (_why, value) => {
    expect(WindowBounds.safeParse(value).success).toBe(false);
  });
});
