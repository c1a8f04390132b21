import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../shared/locales/en';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { listMeetings, planMeeting } from '../../renderer/src/features/meetings/meetingStore';
import { newId } from '../../renderer/src/db/ids';
import { DraftField, type Parsed } from '../../renderer/src/ui/DraftField';
import { renderApp, resetDb } from './renderApp';

const parseCount = (text: string): Parsed<number> => (/^\d+$/.test(text.trim()) ? { ok: true, value: Number(text) } : { ok: false, error: 'Count must be a whole number.' });

/** A DraftField showing a stored count, as a page would (the stored value changes on commit). */
function Counter(props: { onCommit(value: number): void; isolateKeys?: boolean; hideLabel?: boolean }) {
  const [stored, setStored] = useState(3);
  return (
    <DraftField
      label="Count"
      value={String(stored)}
      hint="A whole number"
      isolateKeys={props.isolateKeys}
      hideLabel={props.hideLabel}
      parse={parseCount}
      onCommit={(value) => {
        setStored(value);
        props.onCommit(value);
      }}
    />
  );
}

describe('DraftField (ui)', () => {
  it('leaves Enter and Escape to an IME while it composes (Japanese conversion): nothing is committed or thrown away', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn<(value: number) => void>();
    render(<Counter onCommit={onCommit} />);
    const input = screen.getByRole('textbox', { name: 'Count' });
    await user.clear(input);
    await user.type(input, '45');
    // Escape cancels a conversion, Enter confirms one: both are the IME's.
    fireEvent.keyDown(input, { key: 'Escape', isComposing: true, keyCode: 229 });
    expect(input).toHaveValue('45');
    expect(input).toHaveFocus();
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true, keyCode: 229 });
    expect(onCommit).not.toHaveBeenCalled();
    // The Enter after the composition commits.
    await user.keyboard('{Enter}');
    expect(onCommit).toHaveBeenLastCalledWith(45);
  });

  it('commits the parsed value on Enter and on blur; Escape reverts without committing', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn<(value: number) => void>();
    render(<Counter onCommit={onCommit} />);
    const input = screen.getByRole('textbox', { name: 'Count' });
    expect(input).toHaveAccessibleDescription('A whole number');

    await user.clear(input);
    await user.type(input, '12{Enter}');
    expect(onCommit).toHaveBeenLastCalledWith(12);
    expect(input).toHaveValue('12');

    await user.clear(input);
    await user.type(input, '40');
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('12');
    expect(onCommit).toHaveBeenCalledTimes(1);

    await user.click(input);
    await user.clear(input);
    await user.type(input, '7');
    await user.tab();
    expect(onCommit).toHaveBeenLastCalledWith(7);
    expect(onCommit).toHaveBeenCalledTimes(2);
  });

  it('keeps what was typed when the field goes away, or the window closes, without a blur (nothing else saves it then)', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn<(value: number) => void>();
    const view = render(<div>{<Counter onCommit={onCommit} />}</div>);
    const input = screen.getByRole('textbox', { name: 'Count' });
    await user.clear(input);
    await user.type(input, '45');
    expect(onCommit).not.toHaveBeenCalled();
    // The window closes (Electron's window, a reload): no blur comes.
    window.dispatchEvent(new Event('pagehide'));
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(45);

    // The page it is on goes away while it has the focus (a shortcut, an item deleted elsewhere).
    await user.clear(input);
    await user.type(input, '46');
    view.rerender(<div />);
    expect(onCommit).toHaveBeenLastCalledWith(46);
    expect(onCommit).toHaveBeenCalledTimes(2);
  });

  it('drops, on its way out, a draft that does not parse or that Escape reverted', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn<(value: number) => void>();
    const view = render(<Counter onCommit={onCommit} />);
    const input = screen.getByRole('textbox', { name: 'Count' });
    await user.clear(input);
    await user.type(input, 'forty');
    window.dispatchEvent(new Event('pagehide'));
    await user.click(input);
    await user.clear(input);
    await user.type(input, '47{Escape}');
    view.rerender(<div />);
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('names bad input (announced, aria-invalid, described) and keeps it uncommitted', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn<(value: number) => void>();
    render(<Counter onCommit={onCommit} />);
    const input = screen.getByRole('textbox', { name: 'Count' });
    await user.clear(input);
    await user.type(input, 'many');
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('Count must be a whole number.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('A whole number Count must be a whole number.');
    expect(input).toHaveValue('many');
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('lets other keys reach page shortcuts unless isolateKeys; Enter and Escape stay in the field', () => {
    const seen: string[] = [];
    const listener = (event: KeyboardEvent) => seen.push(event.key);
    window.addEventListener('keydown', listener);
    try {
      const { unmount } = render(<Counter onCommit={() => undefined} />);
      const input = screen.getByRole('textbox', { name: 'Count' });
      for (const key of ['e', 'Enter', 'Escape']) fireEvent.keyDown(input, { key });
      expect(seen).toEqual(['e']);
      unmount();
      seen.length = 0;
      render(<Counter onCommit={() => undefined} isolateKeys />);
      fireEvent.keyDown(screen.getByRole('textbox', { name: 'Count' }), { key: 'e' });
      expect(seen).toEqual([]);
    } finally {
      window.removeEventListener('keydown', listener);
    }
  });

  it('keeps its accessible name when the label is hidden visually', () => {
    render(<Counter onCommit={() => undefined} hideLabel />);
    expect(screen.getByText('Count')).toHaveClass('visually-hidden');
    expect(screen.getByRole('textbox', { name: 'Count' })).toBeInTheDocument();
  });
});

describe('meeting page fields (DraftField)', { timeout: 30_000 }, () => {
  beforeEach(resetDb);
  afterEach(() => {
    window.location.hash = '#/';
  });

  it('title: Enter saves the trimmed text, Escape reverts, empty is named; date: saved with the KPI period following it', async () => {
    const workspaceId = await createWorkspace('Northwind');
    const member = await addMember(workspaceId, { name: 'Emma Clark', department: 'marketing', title: '' });
    const meeting = await planMeeting(workspaceId, {
      seriesId: null,
      title: 'Sync',
      date: '2026-12-07',
      attendeeIds: [member.id],
      agenda: [{ id: newId(), kind: 'custom', title: 'Pipeline', minutes: 15, ownerId: null, notes: '', elapsedMs: 0 }],
      kpiPeriod: '2026-11',
    });
    const user = userEvent.setup();
    renderApp({ hash: `#/w/${workspaceId}/meetings/${meeting.id}` });
    const details = await screen.findByRole('region', { name: en.meetings.meeting.details });
    const title = within(details).getByRole('textbox', { name: en.meetings.meeting.titleField });
    const stored = async () => (await listMeetings(workspaceId))[0]!;

    await user.clear(title);
    await user.type(title, '  December sync {Enter}');
    await waitFor(async () => expect((await stored()).title).toBe('December sync'));

    await user.clear(title);
    await user.type(title, 'Draft only');
    await user.keyboard('{Escape}');
    expect(title).toHaveValue('December sync');

    await user.click(title);
    await user.clear(title);
    await user.tab();
    expect(await within(details).findByRole('alert')).toHaveTextContent('Title is required.');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect((await stored()).title).toBe('December sync');

    const date = within(details).getByLabelText(en.meetings.meeting.date);
    fireEvent.focus(date);
    fireEvent.change(date, { target: { value: '2027-01-11' } });
    fireEvent.blur(date);
    await waitFor(async () => expect(await stored()).toMatchObject({ date: '2027-01-11', kpiPeriod: '2026-12' }));
  });
});
