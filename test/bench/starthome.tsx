// The cold-start baseline (start.home in run.mjs): a bare React page that draws the app's home page
// markup — captured from the app itself and handed in before this script runs — with the same
// fonts and stylesheet the app's main.tsx loads, and nothing else (no data, no i18n, no router).
import '@fontsource/inter/400.css';
import '@fontsource/inter/700.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import '../../renderer/src/theme/theme.css';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    homeMarkup?: string;
  }
}

createRoot(document.getElementById('root')!).render(<div dangerouslySetInnerHTML={{ __html: window.homeMarkup ?? '' }} />);
