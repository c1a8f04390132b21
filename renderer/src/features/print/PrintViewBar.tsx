import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';

/** Back to where the print view was opened from; home when it was opened on its own. */
function goBack() {
  if (window.history.length > 1) window.history.back();
  else window.location.hash = '#/';
}

/**
 * The bar above a print view opened in the app's window (the SLA's "Open the print view"): Back
 * (or Escape) returns to the page it came from, Print opens the system print dialog. Not printed.
 * It replaces a link with target=_blank, which the desktop app does not allow (no new windows).
 */
export function PrintViewBar() {
  const { t } = useTranslation();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The link that opened the view is gone: keyboard focus starts on the bar.
    back.current?.focus();
  }, []);
  useShortcuts('printView', { 'printView.back': () => goBack() });
  return (
    <nav className="print-view-bar" aria-label={t('hardening.printView.bar')}>
      <button ref={back} type="button" className="button" onClick={goBack}>
        {t('hardening.printView.back')}
      </button>
      <button type="button" className="button primary" onClick={() => window.print()}>
        {t('hardening.printView.print')}
      </button>
    </nav>
  );
}
