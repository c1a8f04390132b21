import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Presentation } from '@shared/audience/presentation';

/** What run mode needs of the laptop's presenter: to present, and to read what is presented now. */
export type RunModePresenter = {
  present(presentation: Presentation): void;
  /** What is presented now (the Presenter's `current.presentation`). */
  presented(): Presentation;
};

/** True when `presentation` is this meeting. */
export function presentsMeeting(presentation: Presentation, workspaceId: string, meetingId: string): boolean {
  return presentation.kind === 'meeting' && presentation.workspaceId === workspaceId && presentation.meetingId === meetingId;
}

/**
 * Run mode presents its meeting to the audience window (issue 10): on mount, the projector
 * switches to the meeting; on leaving run mode it goes back to the idle screen, unless something
 * else was presented meanwhile (the facilitator chose a board: leaving must not take it away).
 * Presenting with no audience window open is harmless: one opened later asks for the state and
 * shows the meeting at once. `presenter` null: nothing to present to.
 */
export function useRunModePresentation(presenter: RunModePresenter | null, workspaceId: string, meetingId: string): void {
  // The presenter's functions may be new objects on each render: only the ids and the presenter's
  // presence decide when to present, so a re-render never sends the state again.
  const latest = useRef(presenter);
  useLayoutEffect(() => {
    latest.current = presenter;
  });
  const present = presenter !== null;
  useEffect(() => {
    if (!present) return;
    latest.current?.present({ kind: 'meeting', workspaceId, meetingId });
    return () => {
      const current = latest.current;
      if (current && presentsMeeting(current.presented(), workspaceId, meetingId)) current.present({ kind: 'idle' });
    };
  }, [present, workspaceId, meetingId]);
}
