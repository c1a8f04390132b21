import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import { App } from '../../renderer/src/app/App';
import { AppProvider } from '../../renderer/src/app/AppContext';
import { db } from '../../renderer/src/db/db';
import { createBrowserHost, openBackupDb } from '../../renderer/src/host/browserHost';
import type { Host } from '../../renderer/src/host';
import { initI18n } from '../../renderer/src/i18n';

/** Empties the app's real (fake-indexeddb) database between tests. */
export async function resetDb() {
  await db.delete();
  await db.open();
}

/** Empties the browser host's backups database (kept open: other hosts of the test may use it). */
export async function clearBrowserBackups() {
  const backups = openBackupDb();
  await Promise.all([backups.backups.clear(), backups.contents.clear()]);
  backups.close();
}

/** Renders the whole app on a browser host whose OS edges can be overridden. */
export function renderApp(options: { host?: Partial<Host>; settings?: Partial<AppSettings>; problem?: string | null; hash?: string } = {}) {
  window.location.hash = options.hash ?? '#/';
  const host: Host = { ...createBrowserHost(localStorage), onBackupDue: () => () => {}, ...options.host };
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const i18n = initI18n(settings.language ?? 'en');
  return {
    host,
    ...render(
      <I18nextProvider i18n={i18n}>
        <AppProvider host={host} initialSettings={settings} settingsProblem={options.problem ?? null}>
          <App />
        </AppProvider>
      </I18nextProvider>,
    ),
  };
}
