import '@fontsource/inter/400.css';
import '@fontsource/inter/700.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import './theme/theme.css';
import { createRoot } from 'react-dom/client';
import type { Language } from '@shared/settings';
import { effectiveLanguage } from './app/AppContext';
import { PrintEntry } from './app/PrintEntry';
import { preloadPrintPage, preloadPrintPageFonts, primePrintPageData } from './app/printPages';
import { db } from './db/db';
import { startPrintFonts } from './features/print/printFonts';
import { detectHost } from './host';
import { initI18n, loadLanguage } from './i18n';

/**
 * Chromium loads ICU's number and date data with the first Intl formatter a page builds (20–30 ms
 * on the build machines): built here, while the view's code and records are on their way, and not
 * in the view's first render (the SLA's figures and dates).
 */
function warmIntl(language: Language): void {
  new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(0);
  new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(0);
}

/**
 * The print entry (print.html#/print/…): what Electron's print window and the browser's print
 * frame load to print a document. Its module graph holds the print views' needs only — no app
 * shell, page router, dialogs, menus, toasts, rooms or audience — so a print window has less code
 * to fetch, compile and run before it reads its records (issue 12). The app's own window
 * (index.html) still shows print views too (the "print view" links, main.tsx).
 */
async function start() {
  // All at once: the database, the fonts every print view sets text in, the view's code and (for
  // the views that can) its records, and the settings and the language. The view then renders
  // once, with its data (lazyPage, primeSlaPrintData).
  const path = window.location.hash.replace(/^#/, '');
  void db.open().catch(() => undefined);
  void startPrintFonts();
  const page = preloadPrintPage(path);
  const host = detectHost();
  const { settings, problem } = await host.getSettings();
  const language = effectiveLanguage(settings, host);
  const messages = loadLanguage(language);
  // The fonts of the records as soon as they and the language are here, while the view's code
  // may still be on its way: they then arrive before the first layout.
  void Promise.all([messages, primePrintPageData(path)]).then(() => preloadPrintPageFonts(path, language));
  warmIntl(language);
  await Promise.all([messages, page]);
  const i18n = initI18n(language);
  // Paper is white whatever the app's theme (PrintRoot says so again, for the app's window).
  document.documentElement.dataset.theme = 'light';
  createRoot(document.getElementById('root')!).render(<PrintEntry i18n={i18n} host={host} settings={settings} settingsProblem={problem} />);
}

void start();
