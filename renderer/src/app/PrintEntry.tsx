import { StrictMode } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { AppSettings } from '@shared/settings';
import { PrintRoot } from '../features/print/PrintRoot';
import type { Host } from '../host';
import { AppProvider } from './AppContext';
import { printRoutes } from './printPages';

/**
 * What a print window shows (print.tsx renders it once the settings and the language are here): the
 * print views on the hash location, with the app's providers and none of its shell.
 */
export function PrintEntry(props: { i18n: I18n; host: Host; settings: AppSettings; settingsProblem: string | null }) {
  return (
    <StrictMode>
      <I18nextProvider i18n={props.i18n}>
        <AppProvider host={props.host} initialSettings={props.settings} settingsProblem={props.settingsProblem}>
          {/* wouter takes the location hook itself and calls it. */}
          {/* oxlint-disable-next-line react/rules-of-hooks */}
          <Router hook={useHashLocation}>
            <PrintRoot routes={printRoutes} />
          </Router>
        </AppProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
