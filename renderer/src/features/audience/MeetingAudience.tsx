import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presentation } from '@shared/audience/presentation';
import { ariaKeys, keyHint } from '../../ui/shortcuts/labels';
import { Icon } from '../board/icons';
import { useAudience } from './AudienceContext';
import { presentsMeeting, useRunModePresentation } from './useRunModePresentation';

function meetingPresentation(workspaceId: string, meetingId: string): Presentation {
  return { kind: 'meeting', workspaceId, meetingId };
}

/**
 * Run mode and the projector: the meeting is what the projector shows while the page is open (it
 * goes back to the calm screen when run mode ends, unless the facilitator presented something
 * else meanwhile), and "Show on projector" (button, menu, Alt+Shift+A) opens the audience window
 * on it.
 */
export function useMeetingOnProjector(workspaceId: string, meetingId: string): void {
  const { offer, present, state } = useAudience();
  const presented = useRef(state.presentation);
  useLayoutEffect(() => {
    presented.current = state.presentation;
  });
  const meeting = useMemo(() => meetingPresentation(workspaceId, meetingId), [workspaceId, meetingId]);
  useEffect(() => offer(meeting), [offer, meeting]);
  useRunModePresentation({ present, presented: () => presented.current }, workspaceId, meetingId);
}

/** The run page's "Show on projector": pressed while the projector shows this meeting, and a press then closes it. */
export function MeetingAudienceButton(props: { workspaceId: string; meetingId: string }) {
  const { t } = useTranslation();
  const audience = useAudience();
  const here = audience.open && presentsMeeting(audience.state.presentation, props.workspaceId, props.meetingId);
  const label = here ? t('audience.controls.close') : t('audience.controls.show');
  return (
    <button
      type="button"
      className="button"
      aria-pressed={here}
      aria-keyshortcuts={ariaKeys('app.audience')}
      title={`${label} (${keyHint('app.audience')})`}
      onClick={() => void (here ? audience.close() : audience.show(meetingPresentation(props.workspaceId, props.meetingId)))}
    >
      <Icon name="projector" /> {t('audience.controls.show')}
    </button>
  );
}
