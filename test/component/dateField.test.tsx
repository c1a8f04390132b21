import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../shared/settings';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { initI18n } from '../../renderer/src/i18n';
import { DateField, MonthField } from '../../renderer/src/ui/DateField';
import { Dialog } from '../../renderer/src/ui/Dialog';
import { Field } from '../../renderer/src/ui/Field';
import { todayIn } from '../../shared/meetings/cadence';
import { formatDateText, parseDateText } from '../../renderer/src/ui/dateText';

/** A labelled field holding its value as a page would (the stored value follows onChange). */
function Form(props: { mode?: 'date' | 'month'; initial: string; required?: boolean; onChange?(value: string): void }) {
  const [value, setValue] = useState(props.initial);
  const Control = props.mode === 'month' ? MonthField : DateField;
  return (
    <>
      <Field label="Due date">
        {(control) => (
          <Control
            {...control}
            value={value}
            required={props.required}
            onChange={(next) => {
              setValue(next);
              props.onChange?.(next);
            }}
          />
        )}
      </Field>
      <output aria-label="Stored">{value}</output>
    </>
  );
}

function show(language: Language, element: React.ReactElement) {
  const i18n = initI18n(language);
  return render(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}

const stored = () => screen.getByRole('status', { name: 'Stored' }).textContent;

describe('dateText', () => {
  it('reads ISO, slashes, 年月日, English and full-width forms; names a day or month that does not exist', () => {
    for (const text of ['2026-12-07', '2026-12-7', '2026/12/7', '2026/12/07', '2026.12.07', '2026年12月7日', '２０２６年１２月７日（月）', 'Dec 7, 2026', 'December 7 2026', '7 Dec 2026', ' dec. 7, 2026 ']) {
      expect({ text, parsed: parseDateText(text, 'date') }).toEqual({ text, parsed: { kind: 'ok', value: '2026-12-07' } });
    }
    for (const text of ['2026-12', '2026/12', '2026年12月', 'Dec 2026', 'December 2026']) {
      expect({ text, parsed: parseDateText(text, 'month') }).toEqual({ text, parsed: { kind: 'ok', value: '2026-12' } });
    }
    expect(parseDateText('2026-02-30', 'date')).toEqual({ kind: 'noSuchDay', year: 2026, month: 2, day: 30 });
    expect(parseDateText('2026-13-01', 'date')).toEqual({ kind: 'noSuchMonth', month: 13 });
    expect(parseDateText('2026-13', 'month')).toEqual({ kind: 'noSuchMonth', month: 13 });
    expect(parseDateText('next friday', 'date')).toEqual({ kind: 'unreadable' });
    expect(parseDateText('2026-12-07', 'month')).toEqual({ kind: 'unreadable' });
    expect(parseDateText('  ', 'date')).toEqual({ kind: 'empty' });
    expect(formatDateText('2026-12-07', 'date', 'ja')).toBe('2026/12/07');
    expect(formatDateText('2026-12', 'month', 'ja')).toBe('2026年12月');
    expect(formatDateText('2026-12-07', 'date', 'en')).toBe('Dec 7, 2026');
    expect(formatDateText('2026-12', 'month', 'en')).toBe('Dec 2026');
  });
});

describe('DateField (ui)', () => {
  it('shows the value in the app language, not the OS locale', () => {
    const { unmount } = show('ja', <Form initial="2026-12-07" />);
    expect(screen.getByRole('textbox', { name: 'Due date' })).toHaveValue('2026/12/07');
    unmount();
    show('en', <Form initial="2026-12-07" />);
    expect(screen.getByRole('textbox', { name: 'Due date' })).toHaveValue('Dec 7, 2026');
    expect(screen.getByRole('button', { name: en.dateField.chooseDate })).toBeInTheDocument();
  });

  it('typing ISO or a localized form stores the date on blur or Enter and shows it in the display format', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(value: string) => void>();
    show('en', <Form initial="2026-12-07" onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'Due date' });

    await user.clear(input);
    await user.type(input, '2026-12-10');
    expect(stored()).toBe('2026-12-07');
    expect(input).toHaveValue('2026-12-10');
    await user.tab();
    expect(stored()).toBe('2026-12-10');
    expect(input).toHaveValue('Dec 10, 2026');
    expect(onChange.mock.calls).toEqual([['2026-12-10']]);

    for (const [text, value, display] of [
      ['2027/1/5', '2027-01-05', 'Jan 5, 2027'],
      ['2027年2月3日', '2027-02-03', 'Feb 3, 2027'],
      ['March 4, 2027', '2027-03-04', 'Mar 4, 2027'],
    ] as const) {
      await user.clear(input);
      await user.type(input, `${text}{Enter}`);
      expect(stored()).toBe(value);
      expect(input).toHaveValue(display);
    }
    expect(input).not.toHaveAttribute('aria-invalid', 'true');

    // As page tests and e2e `fill` do: one change event with the ISO text, then the field is left.
    fireEvent.change(input, { target: { value: '2026-12-24' } });
    fireEvent.blur(input);
    expect(onChange).toHaveBeenLastCalledWith('2026-12-24');
  });

  it('a value changed from outside (a form reset) replaces a typed text the field no longer holds', () => {
    function ResetForm() {
      const [value, setValue] = useState('2026-12-07');
      return (
        <>
          <Field label="Due date">{(control) => <DateField {...control} value={value} onChange={setValue} />}</Field>
          <button type="button" onClick={() => setValue('2027-01-01')}>
            Reset
          </button>
        </>
      );
    }
    show('en', <ResetForm />);
    const input = screen.getByRole('textbox', { name: 'Due date' });
    fireEvent.change(input, { target: { value: '2026-02-30' } });
    fireEvent.blur(input);
    expect(input).toHaveValue('2026-02-30');
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(input).toHaveValue('Jan 1, 2027');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('typing a year digit by digit stores only the finished date, once, on blur; nothing half-typed reaches onChange', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(value: string) => void>();
    show('en', <Form initial="2026-12-07" onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'Due date' });
    // The year replaced digit by digit (2026 → 2031), then the day typed as 1, 15.
    await user.clear(input);
    for (const key of '2031-12-15') {
      await user.type(input, key);
      expect(stored()).toBe('2026-12-07');
    }
    await user.tab();
    expect(onChange.mock.calls).toEqual([['2031-12-15']]);
    expect(stored()).toBe('2031-12-15');
    expect(input).toHaveValue('Dec 15, 2031');
  });

  it('Escape throws the typed text away and shows the stored value; a dialog around it stays open for the next Escape', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(value: string) => void>();
    function InDialog() {
      const [open, setOpen] = useState(true);
      return (
        <Dialog open={open} onOpenChange={setOpen} title="Edit action item">
          <Form initial="2026-12-07" onChange={onChange} />
        </Dialog>
      );
    }
    show('en', <InDialog />);
    const input = screen.getByRole('textbox', { name: 'Due date' });
    await user.clear(input);
    await user.type(input, '2027-03-04');
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('Dec 7, 2026');
    expect(input).toHaveFocus();
    expect(screen.getByRole('dialog', { name: 'Edit action item' })).toBeInTheDocument();
    // Nothing comes back on blur either: the draft is gone.
    await user.tab();
    expect(onChange).not.toHaveBeenCalled();
    expect(stored()).toBe('2026-12-07');
    // Unreadable text with its message: Escape clears both.
    await user.click(input);
    await user.clear(input);
    await user.type(input, 'soon{Enter}');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input).toHaveValue('Dec 7, 2026');
    // Without a draft, Escape is the dialog's.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Edit action item' })).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('what was typed is kept when the field goes away (a page left) or the window closes, without a blur', () => {
    const onChange = vi.fn<(value: string) => void>();
    const { unmount } = show('en', <Form initial="2026-12-07" onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'Due date' });
    fireEvent.change(input, { target: { value: '2026-12-24' } });
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(onChange.mock.calls).toEqual([['2026-12-24']]);
    expect(stored()).toBe('2026-12-24');
    fireEvent.change(input, { target: { value: '2027-01-05' } });
    unmount();
    expect(onChange.mock.calls).toEqual([['2026-12-24'], ['2027-01-05']]);
  });

  it('in Japanese reads and shows 2026/12/07', async () => {
    const user = userEvent.setup();
    show('ja', <Form initial="" />);
    const input = screen.getByRole('textbox', { name: 'Due date' });
    await user.type(input, '2026年12月7日{Enter}');
    expect(stored()).toBe('2026-12-07');
    expect(input).toHaveValue('2026/12/07');
  });

  it('text that is not a date is marked and explained with the expected format; the stored value stays', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(value: string) => void>();
    show('en', <Form initial="2026-12-07" required onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'Due date' });

    await user.clear(input);
    await user.type(input, 'next friday');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input).toHaveAttribute('aria-invalid', 'false');
    await user.tab();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveValue('next friday');
    const message = screen.getByRole('alert');
    expect(message).toHaveTextContent('“next friday” is not a date. Type it like Dec 7, 2026 or 2026-12-07.');
    expect(input).toHaveAccessibleDescription(message.textContent ?? '');
    expect(onChange).not.toHaveBeenCalled();
    expect(stored()).toBe('2026-12-07');

    // (Typed key by key, 2026-02-3 would already be a date: one change, as a paste.)
    fireEvent.change(input, { target: { value: '2026-02-30' } });
    expect(screen.getByRole('alert')).toHaveTextContent('February 2026 has no day 30. Type the date like Dec 7, 2026.');
    expect(stored()).toBe('2026-12-07');

    // Fixing it clears the message; leaving the field stores it.
    await user.clear(input);
    await user.type(input, '2026-02-28');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input).toHaveAttribute('aria-invalid', 'false');
    await user.tab();
    expect(stored()).toBe('2026-02-28');
  });

  it('the Enter that confirms an IME conversion is the IME’s: a text that does not read yet is not reported until the next Enter', async () => {
    show('ja', <Form initial="2026-12-07" />);
    const input = screen.getByRole('textbox', { name: 'Due date' });
    fireEvent.change(input, { target: { value: '２０２６年１２月' } });
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true, keyCode: 229 });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input).toHaveValue('２０２６年１２月');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(stored()).toBe('2026-12-07');
  });

  it('empty: cleared where allowed, refused (and said) where required', async () => {
    const user = userEvent.setup();
    const { unmount } = show('en', <Form initial="2026-12-07" />);
    await user.clear(screen.getByRole('textbox', { name: 'Due date' }));
    await user.tab();
    expect(stored()).toBe('');
    unmount();

    show('ja', <Form initial="2026-12-07" required />);
    const input = screen.getByRole('textbox', { name: 'Due date' });
    expect(input).toBeRequired();
    await user.clear(input);
    expect(stored()).toBe('2026-12-07');
    // Said when the field is left, not while typing.
    expect(screen.queryByRole('alert')).toBeNull();
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('日付は必須です。2026/12/07 の形で入力するか、カレンダーから選んでください。');
    // A required field's calendar offers no Clear.
    await user.click(screen.getByRole('button', { name: ja.dateField.chooseDate }));
    expect(within(await screen.findByRole('dialog')).queryByRole('button', { name: ja.dateField.clear })).toBeNull();
  });

  it('calendar: weeks from Sunday in English, arrows / Page Up/Down / Home / End move, Enter picks and focus returns to the button', async () => {
    const user = userEvent.setup();
    show('en', <Form initial="2026-12-07" />);
    const button = screen.getByRole('button', { name: en.dateField.chooseDate });
    await user.click(button);
    const popover = await screen.findByRole('dialog', { name: en.dateField.chooseDate });
    const grid = within(popover).getByRole('grid', { name: 'December 2026' });
    expect(within(grid).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    const selected = within(grid).getByRole('button', { name: 'Monday, December 7, 2026' });
    expect(selected).toHaveFocus();
    expect(selected.closest('[role="gridcell"]')).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowRight}');
    expect(within(popover).getByRole('button', { name: 'Tuesday, December 8, 2026' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(popover).getByRole('button', { name: 'Tuesday, December 15, 2026' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(within(popover).getByRole('button', { name: 'Monday, December 7, 2026' })).toHaveFocus();
    await user.keyboard('{PageDown}');
    expect(within(popover).getByRole('grid', { name: 'January 2027' })).toBeInTheDocument();
    expect(within(popover).getByRole('button', { name: 'Thursday, January 7, 2027' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(within(popover).getByRole('button', { name: 'Sunday, January 3, 2027' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(within(popover).getByRole('button', { name: 'Saturday, January 9, 2027' })).toHaveFocus();
    await user.keyboard('{PageUp}{PageUp}');
    expect(within(popover).getByRole('button', { name: 'Monday, November 9, 2026' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(stored()).toBe('2026-11-09');
    expect(screen.getByRole('textbox', { name: 'Due date' })).toHaveValue('Nov 9, 2026');
    expect(button).toHaveFocus();
  });

  it('calendar in Japanese: weeks from Monday, today marked, Alt+↓ opens it, Escape closes it without a change and focus returns to the button', async () => {
    const user = userEvent.setup();
    show('ja', <Form initial="" />);
    const input = screen.getByRole('textbox', { name: 'Due date' });
    await user.click(input);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    const popover = await screen.findByRole('dialog', { name: ja.dateField.chooseDate });
    const grid = within(popover).getByRole('grid');
    expect(within(grid).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['月', '火', '水', '木', '金', '土', '日']);
    // Nothing chosen yet: today has the focus and is marked as today, none is selected.
    const today = within(grid).getByRole('button', { current: 'date' });
    expect(today).toHaveFocus();
    expect(today).toHaveTextContent(String(Number(todayIn().slice(8))));
    expect(grid.querySelector('[aria-selected="true"]')).toBeNull();

    await user.keyboard('{ArrowRight}{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: ja.dateField.chooseDate })).toHaveFocus();
    expect(stored()).toBe('');
  });

  it('inside a dialog: the calendar is a layer above it; Escape closes the calendar only, then the dialog', async () => {
    const user = userEvent.setup();
    function InDialog() {
      const [open, setOpen] = useState(true);
      return (
        <Dialog open={open} onOpenChange={setOpen} title="Edit action item">
          <Form initial="2026-12-07" />
        </Dialog>
      );
    }
    show('en', <InDialog />);
    const dialog = screen.getByRole('dialog', { name: 'Edit action item' });
    const button = within(dialog).getByRole('button', { name: en.dateField.chooseDate });
    await user.click(button);
    const popover = await screen.findByRole('dialog', { name: en.dateField.chooseDate });
    // Portalled out of the dialog's box (whose overflow would clip it).
    expect(dialog).not.toContainElement(popover);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(stored()).toBe('2026-12-14');
    expect(button).toHaveFocus();
    await user.click(button);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: en.dateField.chooseDate })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Edit action item' })).toBeInTheDocument();
    expect(button).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Edit action item' })).toBeNull();
  });

  it('month mode: shows 2026年12月 / Dec 2026, reads typed months, and picks in a 12-month grid by keyboard', async () => {
    const user = userEvent.setup();
    const { unmount } = show('ja', <Form mode="month" initial="2026-12" />);
    const jaInput = screen.getByRole('textbox', { name: 'Due date' });
    expect(jaInput).toHaveValue('2026年12月');
    await user.clear(jaInput);
    await user.type(jaInput, '2027年3月{Enter}');
    expect(stored()).toBe('2027-03');
    expect(jaInput).toHaveValue('2027年3月');
    await user.clear(jaInput);
    await user.type(jaInput, '2027-13{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('13月という月はありません。2026年12月 の形で入力してください。');
    // 2027-1 was a month while typing, but not what was meant: March stays.
    expect(stored()).toBe('2027-03');
    unmount();

    show('en', <Form mode="month" initial="2026-12" />);
    const input = screen.getByRole('textbox', { name: 'Due date' });
    expect(input).toHaveValue('Dec 2026');
    const button = screen.getByRole('button', { name: en.dateField.chooseMonth });
    await user.click(button);
    const popover = await screen.findByRole('dialog', { name: en.dateField.chooseMonth });
    expect(within(popover).getByRole('grid', { name: '2026' })).toBeInTheDocument();
    expect(within(popover).getByRole('button', { name: 'December 2026' })).toHaveFocus();
    expect(within(popover).getAllByRole('gridcell')).toHaveLength(12);
    await user.keyboard('{ArrowRight}');
    expect(within(popover).getByRole('grid', { name: '2027' })).toBeInTheDocument();
    expect(within(popover).getByRole('button', { name: 'January 2027' })).toHaveFocus();
    await user.keyboard('{PageUp}{ArrowDown}{End}');
    expect(within(popover).getByRole('button', { name: 'June 2026' })).toHaveFocus();
    await user.click(within(popover).getByRole('button', { name: en.dateField.previousYear }));
    expect(within(popover).getByRole('grid', { name: '2025' })).toBeInTheDocument();
    within(popover).getByRole('button', { name: 'June 2025' }).focus();
    await user.keyboard('{Enter}');
    expect(stored()).toBe('2025-06');
    expect(input).toHaveValue('Jun 2025');
    expect(button).toHaveFocus();
  });
});
