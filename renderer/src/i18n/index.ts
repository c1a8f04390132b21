import i18next, { type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from '@shared/locales/en';
import type { Language } from '@shared/settings';
import { setStorageFullText } from '../db/errors';

/** Any key of the message tree (typed in i18next.d.ts): a key built at run time is checked with it. */
export type MessageKey = ParseKeys;

export const i18n = i18next.createInstance();

/**
 * Each language's messages are a chunk of their own, loaded before they are shown: the app's first
 * screen carries one language, not both (everything is still in the app bundle).
 */
const LOADERS: Record<Language, () => Promise<Messages>> = {
  en: () => import('@shared/locales/en').then((module) => module.en),
  ja: () => import('@shared/locales/ja').then((module) => module.ja),
};
const loaded = new Map<Language, Messages>();

/** Loads a language's messages (once); call before initI18n with it. */
export async function loadLanguage(language: Language): Promise<void> {
  if (loaded.has(language)) return;
  const messages = await LOADERS[language]();
  loaded.set(language, messages);
  if (i18n.isInitialized) i18n.addResourceBundle(language, 'translation', messages);
}

/** The messages of a loaded language (the UI language always is). */
export function loadedMessages(language: Language): Messages {
  const messages = loaded.get(language) ?? loaded.get('en') ?? loaded.values().next().value;
  if (!messages) throw new Error('no language loaded yet: await loadLanguage() first');
  return messages;
}

/** Shows the UI in `language`, which loadLanguage has loaded (switching from another loads it first). */
export function initI18n(language: Language) {
  if (!loaded.has(language)) throw new Error(`the ${language} messages are not loaded: await loadLanguage('${language}') first`);
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: Object.fromEntries([...loaded].map(([code, messages]) => [code, { translation: messages }])),
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    setStorageFullText(() => i18n.t('errors.storageFull'));
  } else if (i18n.language !== language) {
    void i18n.changeLanguage(language);
  }
  document.documentElement.lang = language;
  return i18n;
}

/** Dates and numbers always go through Intl with the UI language. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    // Bytes in words (en "1 byte" / "165 bytes", ja 「165 バイト」: the short form is "165 byte" in
    // both); larger units by their symbols (kB, MB / KB, MB).
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
