import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/settings';
import { initI18n } from '../../renderer/src/i18n';
import { Field } from '../../renderer/src/ui/Field';
import { TimeField } from '../../renderer/src/ui/TimeField';
import { formatTimeText, parseTimeText } from '../../renderer/src/ui/timeText';

/** A labelled time field holding its value as a page would (the stored value follows onChange). */
function Form(props: { initial: string }) {
  const [value, setValue] = useState(props.initial);
  return (
    <form>
      <Field label="Opens">{(control) => <TimeField {...control} value={value} onChange={setValue} />}</Field>
      <output aria-label="Stored">{value}</output>
    </form>
  );
}

function show(language: Language, element: React.ReactElement) {
  return render(<I18nextProvider i18n={initI18n(language)}>{element}</I18nextProvider>);
}

const stored = () => screen.getByRole('status', { name: 'Stored' }).textContent;
const minutes = (text: string) => {
  const parsed = parseTimeText(text);
  return parsed.kind === 'ok' ? parsed.minutes : parsed.kind;
};

describe('timeText', () => {
  it('reads the 24-hour clock, bare hours and digits, 時/分/半, 午前/午後, am/pm and full-width forms', () => {
    const cases: [string, number][] = [
      ['9:00', 540],
      ['09:00', 540],
      ['9', 540],
      ['930', 570],
      ['0930', 570],
      ['9.30', 570],
      ['18:30', 1110],
      ['0:00', 0],
      ['24:00', 1440],
      ['2400', 1440],
      ['18時', 1080],
      ['18時30分', 1110],
      ['9時5分', 545],
      ['9時半', 570],
      ['午前9時', 540],
      ['午後6時', 1080],
      ['午前0時', 0],
      ['午後0時', 720],
      ['6pm', 1080],
      ['6:30 PM', 1110],
      ['6:30 p.m.', 1110],
      ['12am', 0],
      ['12 pm', 720],
      ['１８：３０', 1110],
      [' 9 : 00 ', 540],
    ];
    expect(cases.map(([text]) => [text, minutes(text)])).toEqual(cases);
    expect(['', '  '].map(minutes)).toEqual(['empty', 'empty']);
    expect(['25:00', '24:30', '9:60', '13pm', '18:00 pm'].map(minutes)).toEqual(['outOfRange', 'outOfRange', 'outOfRange', 'outOfRange', 'outOfRange']);
    expect(['nine', '9:5', '9::00', '午後6時pm', '12345', '-1'].map(minutes)).toEqual(['unreadable', 'unreadable', 'unreadable', 'unreadable', 'unreadable', 'unreadable']);
    // 午前12時 / 午後12時 mean noon or midnight depending on who writes them: asked, not guessed.
    expect(['午前12時', '午後12時', '午後12時30分'].map(minutes)).toEqual(['unreadable', 'unreadable', 'unreadable']);
    expect([0, 540, 1110, 1440].map(formatTimeText)).toEqual(['0:00', '9:00', '18:30', '24:00']);
  });
});

describe('TimeField (ui)', () => {
  it('shows the 24-hour clock in both languages (not the OS’s AM/PM), 24:00 included', () => {
    const { unmount } = show('en', <Form initial="09:00" />);
    expect(screen.getByRole('textbox', { name: 'Opens' })).toHaveValue('9:00');
    unmount();
    show('ja', <Form initial="24:00" />);
    expect(screen.getByRole('textbox', { name: 'Opens' })).toHaveValue('24:00');
  });

  it('stores a typed time at once as HH:MM, and shows it as 9:00 once left', async () => {
    const user = userEvent.setup();
    show('ja', <Form initial="09:00" />);
    const input = screen.getByRole('textbox', { name: 'Opens' });
    await user.clear(input);
    await user.type(input, '午後6時半');
    expect(stored()).toBe('18:30');
    expect(input).toHaveValue('午後6時半');
    await user.tab();
    expect(input).toHaveValue('18:30');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.clear(input);
    await user.type(input, '930{Enter}');
    expect(stored()).toBe('09:30');
    expect(input).toHaveValue('9:30');
  });

  it('text that does not read is handed on as typed (for the form’s check on save), with no message while typing; the field shows the form’s error as invalid', async () => {
    const user = userEvent.setup();
    const noop = () => undefined;
    show('en', <Form initial="09:00" />);
    const input = screen.getByRole('textbox', { name: 'Opens' });
    await user.clear(input);
    await user.type(input, '25:00');
    expect(stored()).toBe('25:00');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.tab();
    expect(input).toHaveValue('25:00');
    await user.clear(input);
    await user.type(input, '17:00');
    expect(stored()).toBe('17:00');
    show('en', <Field label="Closes" error="Not a time">{(control) => <TimeField {...control} value="soon" onChange={noop} />}</Field>);
    const closes = screen.getByRole('textbox', { name: 'Closes' });
    expect(closes).toHaveValue('soon');
    expect(closes).toHaveAttribute('aria-invalid', 'true');
    expect(closes).toHaveAccessibleDescription('Not a time');
  });

  it('↑/↓ move by 15 minutes to the next quarter, Shift by the hour, within 0:00–24:00', async () => {
    const user = userEvent.setup();
    show('en', <Form initial="09:10" />);
    const input = screen.getByRole('textbox', { name: 'Opens' });
    await user.click(input);
    await user.keyboard('{ArrowUp}');
    expect(stored()).toBe('09:15');
    await user.keyboard('{ArrowUp}');
    expect(stored()).toBe('09:30');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(stored()).toBe('08:45');
    await user.keyboard('{Shift>}{ArrowUp}{/Shift}');
    expect(stored()).toBe('09:00');
    expect(input).toHaveValue('9:00');
    fireEvent.change(input, { target: { value: '23:50' } });
    await user.keyboard('{Shift>}{ArrowUp}{ArrowUp}{/Shift}');
    expect(stored()).toBe('24:00');
    fireEvent.change(input, { target: { value: '0:10' } });
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(stored()).toBe('00:00');
  });

  it('leaves ↑/↓ and Enter of an IME composition to the IME (candidates of 午後6時 or １８時, not a step of the time)', () => {
    show('ja', <Form initial="09:00" />);
    const input = screen.getByRole('textbox', { name: 'Opens' });
    input.focus();
    // The IME's text as the composition shows it, before it is committed: it already reads as 18:00.
    fireEvent.change(input, { target: { value: '１８時' } });
    expect(stored()).toBe('18:00');
    for (const key of ['ArrowDown', 'ArrowUp', 'Enter']) {
      const event = fireEvent.keyDown(input, { key, isComposing: true, keyCode: 229 });
      expect({ key, handled: !event }).toEqual({ key, handled: false });
    }
    expect(stored()).toBe('18:00');
    expect(input).toHaveValue('１８時');
    // Once committed, ↓ is the field's again.
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(stored()).toBe('17:45');
  });
});
