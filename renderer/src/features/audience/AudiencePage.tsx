import { startTransition, useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudienceState } from '@shared/audience/presentation';
import { useApp } from '../../app/AppContext';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AudienceFollower } from './presentationChannel';
import { AudienceView } from './AudienceView';

/**
 * The audience window (the projector): follows what the laptop presents over the audience
 * channel and shows it full screen, always on the projector palette whatever the laptop's theme.
 * It reads the same IndexedDB as the laptop and never writes to it.
 */
export function AudiencePage() {
  const { t } = useTranslation();
  const { host } = useApp();
  const [state, setState] = useState<AudienceState | null>(null);
  useDocumentTitle(t('audience.screen.title'));
  // The laptop learns it from the window's goodbye; nothing is lost (this window never writes).
  useShortcuts('audienceWindow', { 'audienceWindow.close': () => void host.audience.close() });
  useLayoutEffect(() => {
    const root = document.documentElement;
    const previous = root.dataset.theme;
    root.dataset.theme = 'projector';
    root.classList.add('audience-root');
    return () => {
      root.classList.remove('audience-root');
      if (previous === undefined) delete root.dataset.theme;
      else root.dataset.theme = previous;
    };
  }, []);
  useEffect(() => {
    const follower = new AudienceFollower();
    // Null until the laptop answers its hello: the page says it is waiting meanwhile. A transition:
    // when the next view's code is not here yet (the meeting view, the QR code), the projector
    // keeps what it shows until it is, instead of a blank screen React holds for 300 ms at least.
    const stop = follower.subscribe((next) => startTransition(() => setState(next)));
    return () => {
      stop();
      follower.dispose();
    };
  }, []);
  return (
    <main className="audience-page" aria-label={t('audience.screen.title')}>
      <AudienceView state={state} />
    </main>
  );
}
