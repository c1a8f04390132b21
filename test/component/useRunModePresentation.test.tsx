import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AudienceMessage, Presentation } from '../../shared/audience/presentation';
import { type ChannelLike, Presenter } from '../../renderer/src/features/audience/presentationChannel';
import { presentsMeeting, type RunModePresenter, useRunModePresentation } from '../../renderer/src/features/audience/useRunModePresentation';

/** A real Presenter on an in-memory channel that records what it sends to the audience windows. */
function presenterOnRecordedChannel() {
  const sent: AudienceMessage[] = [];
  const channel: ChannelLike = { send: (message) => sent.push(message), listen: () => () => {}, close: () => {} };
  const presenter = new Presenter(channel);
  // A new object on each call, as a provider's value may be on each render.
  const control = (): RunModePresenter => ({ present: (p) => presenter.present(p), presented: () => presenter.current.presentation });
  const states = () => sent.flatMap((message) => (message.type === 'state' ? [message.state.presentation] : []));
  return { presenter, control, states };
}

const meeting = (meetingId: string): Presentation => ({ kind: 'meeting', workspaceId: 'w1', meetingId });

describe('useRunModePresentation', () => {
  it('presents the meeting when run mode opens and the idle screen when it is left', () => {
    const { presenter, control, states } = presenterOnRecordedChannel();
    const { rerender, unmount } = renderHook((props: { control: RunModePresenter }) => useRunModePresentation(props.control, 'w1', 'm1'), {
      initialProps: { control: control() },
    });
    expect(presenter.current.presentation).toEqual(meeting('m1'));
    // Re-renders with a new presenter object do not send the state again.
    rerender({ control: control() });
    rerender({ control: control() });
    expect(states()).toEqual([meeting('m1')]);
    unmount();
    expect(presenter.current.presentation).toEqual({ kind: 'idle' });
    expect(states()).toEqual([meeting('m1'), { kind: 'idle' }]);
  });

  it('leaving run mode keeps what was presented since (a board chosen meanwhile stays on the projector)', () => {
    const { presenter, control } = presenterOnRecordedChannel();
    const { unmount } = renderHook(() => useRunModePresentation(control(), 'w1', 'm1'));
    const board: Presentation = { kind: 'board', board: 'persona', workspaceId: 'w1', boardId: 'b1', focus: null, hidden: false };
    presenter.present(board);
    unmount();
    expect(presenter.current.presentation).toEqual(board);
  });

  it('another meeting opened in run mode is presented instead; the first one leaving does not blank it', () => {
    const { presenter, control, states } = presenterOnRecordedChannel();
    const { rerender, unmount } = renderHook((props: { meetingId: string }) => useRunModePresentation(control(), 'w1', props.meetingId), { initialProps: { meetingId: 'm1' } });
    rerender({ meetingId: 'm2' });
    // m1's clean-up sent idle (it was still presented), then m2 was presented.
    expect(states()).toEqual([meeting('m1'), { kind: 'idle' }, meeting('m2')]);
    expect(presenter.current.presentation).toEqual(meeting('m2'));

    const second = renderHook(() => useRunModePresentation(control(), 'w1', 'm3'));
    expect(presenter.current.presentation).toEqual(meeting('m3'));
    // m2's page leaves while m3 is presented: m3 stays; then m3's leaves.
    unmount();
    expect(presenter.current.presentation).toEqual(meeting('m3'));
    second.unmount();
    expect(presenter.current.presentation).toEqual({ kind: 'idle' });
  });

  it('does nothing without a presenter, and presents once one is there', () => {
    const { presenter, control } = presenterOnRecordedChannel();
    const { rerender, unmount } = renderHook((props: { control: RunModePresenter | null }) => useRunModePresentation(props.control, 'w1', 'm1'), {
      initialProps: { control: null as RunModePresenter | null },
    });
    expect(presenter.current.presentation).toEqual({ kind: 'idle' });
    rerender({ control: control() });
    expect(presenter.current.presentation).toEqual(meeting('m1'));
    unmount();
    expect(presenter.current.presentation).toEqual({ kind: 'idle' });
  });

  it('presentsMeeting matches the workspace and the meeting', () => {
    expect(presentsMeeting(meeting('m1'), 'w1', 'm1')).toBe(true);
    expect(presentsMeeting(meeting('m1'), 'w2', 'm1')).toBe(false);
    expect(presentsMeeting(meeting('m1'), 'w1', 'm2')).toBe(false);
    expect(presentsMeeting({ kind: 'idle' }, 'w1', 'm1')).toBe(false);
  });
});
