import type { Messages } from '@shared/locales/en';
import type { Language } from '@shared/settings';
import { languageFromLocale } from '@shared/windowPaths';

/**
 * Each language's messages are a chunk of their own, loaded before they are shown: the app's first
 * screen carries one language, not both (everything is still in the app bundle). No imports but
 * windowPaths': a window's first module (boot/) asks for them before the rest of its code is
 * evaluated (issue 12); i18n/index.ts shows them.
 */
const LOADERS: Record<Language, () => Promise<Messages>> = {
  en: () => import('@shared/locales/en').then((module) => module.en),
  ja: () => import('@shared/locales/ja').then((module) => module.ja),
};
const requested = new Map<Language, Promise<Messages>>();

/** A language's messages: one load, whoever asks first (a failed one is tried again on the next ask). */
export function fetchMessages(language: Language): Promise<Messages> {
  let messages = requested.get(language);
  if (!messages) {
    messages = LOADERS[language]();
    requested.set(language, messages);
    messages.catch(() => requested.delete(language));
  }
  return messages;
}

const HINT_KEY = 'alignboard.uiLanguage';

/**
 * The language a window's first module fetches the messages of before the settings are read: the
 * one the app last showed (initI18n remembers it), else the system's. Only a guess: the settings
 * decide (main.tsx), and a wrong guess costs one chunk fetched for nothing.
 */
export function languageHint(): Language {
  try {
    const stored = localStorage.getItem(HINT_KEY);
    if (stored === 'ja' || stored === 'en') return stored;
  } catch {
    // Storage blocked: the system's language.
  }
  return languageFromLocale(navigator.language);
}

export function rememberLanguage(language: Language): void {
  try {
    if (localStorage.getItem(HINT_KEY) !== language) localStorage.setItem(HINT_KEY, language);
  } catch {
    // Storage blocked or full: the next start guesses from the system's language.
  }
}
