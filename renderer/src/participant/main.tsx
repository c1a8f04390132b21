import '@fontsource/inter/400.css';
import '@fontsource/inter/700.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import '../theme/theme.css';
import './participant.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { initParticipantI18n, participantLanguage } from './i18n';
import { initialTheme, ParticipantApp } from './ParticipantApp';

/** The participant page's entry (participant.html): no host, no IndexedDB of the laptop, only the room. */
const i18n = initParticipantI18n(participantLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]));
document.documentElement.dataset.theme = initialTheme();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ParticipantApp />
    </I18nextProvider>
  </StrictMode>,
);
