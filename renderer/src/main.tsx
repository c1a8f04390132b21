import '@fontsource/inter/400.css';
import '@fontsource/inter/700.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import './theme/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { isAudiencePath } from '@shared/audience/presentation';
import { isPrintPath } from '@shared/pdf';
import { App } from './app/App';
import { AppProvider, applyTheme, effectiveLanguage } from './app/AppContext';
import { prefetchStartData, preloadStartPage } from './app/pages';
import { db } from './db/db';
import { purgeDeletedWorkspaces } from './db/workspaces';
import { detectHost } from './host';
import { initI18n, loadLanguage } from './i18n';

async function start() {
  // While the settings and the language load: open the database (every page reads it) and fetch
  // the code of the page the window opens on (a print view, the audience view, or the page a
  // reload returns to), which is here before the first render (so it renders without suspending,
  // see lazyPage). A failure to open is reported by the pages' own reads.
  const path = window.location.hash.replace(/^#/, '');
  void db.open().catch(() => undefined);
  const startPage = preloadStartPage(path);
  const host = detectHost();
  const { settings, problem } = await host.getSettings();
  const language = effectiveLanguage(settings, host);
  // The language's messages first: the first render needs them, and the start page's read ahead
  // may ask for fonts (a board's), which would otherwise take the connections before them.
  const messages = loadLanguage(language);
  // The start page's reads (the KPI page's data, a board's doc), while the language loads.
  void prefetchStartData(path, language);
  await Promise.all([messages, startPage]);
  const i18n = initI18n(language);
  applyTheme(settings.theme);
  // Ask the browser not to evict our data under storage pressure (granted silently in Electron and
  // for installed/engaged sites; the settings page shows the result and can ask again).
  void navigator.storage?.persist?.().catch(() => false);
  // Workspaces deleted in a session that ended before its undo toast closed. Not from a print
  // page or the audience window: they run beside the app window, whose undo toast may still be open.
  if (!isPrintPath(path) && !isAudiencePath(path)) {
    void purgeDeletedWorkspaces().catch((error: unknown) => console.error('purge failed', error));
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AppProvider host={host} initialSettings={settings} settingsProblem={problem}>
          <App />
        </AppProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
