import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '@shared/locales/en';
import { ja } from '@shared/locales/ja';

export { participantLanguage } from '@shared/rooms/language';

export function initParticipantI18n(language: 'ja' | 'en') {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = language;
  return i18n;
}
