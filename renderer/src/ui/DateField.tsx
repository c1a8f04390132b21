import { useEffect, useId, useLayoutEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldControlProps } from './Field';
import { composing } from './shortcuts/keys';
import { useCommitOnLeave } from './useCommitOnLeave';
import { moduleLoader, useLazyComponent } from './lazyModule';
import { exampleText, formatDateText, isoMonth, monthLabel, parseDateText, type DateMode } from './dateText';
import './fields.css';

/**
 * A date (YYYY-MM-DD) or month (YYYY-MM) field shown in the app's language — ja `2026/12/07` and
 * `2026年12月`, en `Dec 7, 2026` and `Dec 2026` — whatever the OS locale (Chromium's native
 * `<input type=date|month>` follows the OS, not `lang`).
 *
 * The text box reads ISO, `2026/12/7`, `2026年12月7日` and the displayed forms. What is typed is a
 * draft until the person is done with it: `onChange` gets the date on blur, on Enter, when the field
 * goes away (a page left, a dialog closed by its button) or the window closes — never per keystroke,
 * since half-typed text is often a date already (`2026/1/1` on the way to `2026/1/15`, `2027-1` on
 * the way to `2027-12`), and each would be saved, undoable and acted upon (carry-forward, the next
 * meeting). Escape throws the draft away and shows the stored value again. Text that does not read
 * keeps the stored value and, on blur or Enter, says what is wrong and what to type. The
 * button beside it opens a calendar (a day grid, or the 12 months of a year) driven by keyboard; a
 * day picked there is stored at once.
 * Put it in a `Field` (`{(control) => <DateField {...control} … />}`) or give it an `id` that a
 * label points at.
 */
export type DateFieldProps = Partial<FieldControlProps> & {
  value: string;
  /**
   * The date the person is done with. Return `false` when it is refused (the page says why): the
   * field then shows the stored value again, not the refused one as if it were stored.
   */
  onChange(value: string): void | false;
  /** Empty is refused (said so; the stored value stays); otherwise clearing gives ''. */
  required?: boolean;
  autoFocus?: boolean;
  readOnly?: boolean;
  /**
   * Told whenever the typed text stops or starts reading as a value (its message, or null): a form
   * refuses to submit while the text does not read, since `value` is still the last one that did.
   */
  onProblemChange?(problem: string | null): void;
};

export function DateField(props: DateFieldProps) {
  return <DateInput {...props} mode="date" />;
}

export function MonthField(props: DateFieldProps) {
  return <DateInput {...props} mode="month" />;
}

type Read = { value: string; problem: null } | { value: null; problem: string };

/**
 * The calendar popover (DatePopover.tsx) is loaded on first use (issue 12): when a field or its
 * button is pointed at or focused, so it is usually here by the click or the Alt+↓.
 */
const calendarModule = moduleLoader(() => import('./DatePopover'));
const pickCalendar = (module: typeof import('./DatePopover')) => module.DatePopover;

function DateInput(props: DateFieldProps & { mode: DateMode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { mode } = props;
  const ownId = useId();
  const errorId = `${ownId}-problem`;
  const [draft, setDraft] = useState<string | null>(null);
  // A text that does not read yet is not an error while it is being typed: its problem is said on
  // blur or Enter, and from then on follows the typing until the text reads (no alert per keystroke).
  const [reported, setReported] = useState(false);
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(false);
  const rowRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const contentId = `${ownId}-calendar`;
  // The calendar's code, here once loaded (by any field): opening before it arrives shows it on arrival.
  const { Component: Calendar, preload } = useLazyComponent(calendarModule, pickCalendar, { wanted: open, onFailed: () => setOpen(false), what: 'the calendar' });
  const preloadCalendar = () => {
    if (!props.readOnly) preload();
  };

  const read = (text: string): Read => {
    const parsed = parseDateText(text, mode);
    const example = exampleText(mode, language);
    switch (parsed.kind) {
      case 'ok':
        return { value: parsed.value, problem: null };
      case 'empty':
        return props.required
          ? { value: null, problem: t(mode === 'date' ? 'dateField.requiredDate' : 'dateField.requiredMonth', { example }) }
          : { value: '', problem: null };
      case 'noSuchMonth':
        return { value: null, problem: t('dateField.noSuchMonth', { month: parsed.month, example }) };
      case 'noSuchDay':
        return { value: null, problem: t('dateField.noSuchDay', { month: monthLabel(isoMonth(parsed.year, parsed.month), language), day: parsed.day, example }) };
      case 'unreadable':
        return { value: null, problem: t(mode === 'date' ? 'dateField.unreadableDate' : 'dateField.unreadableMonth', { text: text.trim(), example }) };
    }
  };

  // A value changed from outside (a form reset, undo, a co-editor) replaces a draft that is not being
  // edited and does not read as that value.
  const [seenValue, setSeenValue] = useState(props.value);
  // The value last given to onChange, shown until `value` says it (a page saves to the database and
  // hears back a moment later: the field must not flash the old date meanwhile).
  const [committed, setCommitted] = useState<string | null>(null);
  if (seenValue !== props.value) {
    setSeenValue(props.value);
    setCommitted(null);
    if (draft !== null && !focused && read(draft).value !== props.value) {
      setDraft(null);
      setReported(false);
    }
  }
  // What is wrong with the text being typed (none without a draft): in the current language and
  // with the current `required`, whatever they were when it was typed.
  const problem = draft === null ? null : read(draft).problem;
  const said = reported ? problem : null;
  const { onProblemChange } = props;
  useEffect(() => onProblemChange?.(problem), [onProblemChange, problem]);
  const shown = draft ?? formatDateText(committed ?? props.value, mode, language);

  // The draft as last typed, for a commit after this render's closures are gone (unmount, window
  // closing) and so that a commit on blur right after one on Enter does not give the value twice.
  const draftRef = useRef(draft);
  useLayoutEffect(() => {
    draftRef.current = draft;
  });

  const give = (value: string) => {
    if (value === (committed ?? props.value)) return;
    const refused = props.onChange(value) === false;
    setCommitted(refused || value === props.value ? null : value);
  };
  const onTextChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    draftRef.current = text;
    setDraft(text);
    if (read(text).problem === null) setReported(false);
  };
  /**
   * Blur or Enter: a text that reads is stored (when it differs) and shown in the display format;
   * one that does not stays, with its message, and the stored value is kept.
   */
  const settle = () => {
    const text = draftRef.current;
    if (text === null) return;
    const result = read(text);
    if (result.value === null) {
      setReported(true);
      return;
    }
    draftRef.current = null;
    setDraft(null);
    setReported(false);
    give(result.value);
  };
  // Leaving the page (the field unmounts) or closing the window (no blur comes) keeps what was typed.
  useCommitOnLeave(() => {
    const text = draftRef.current;
    if (text === null) return;
    draftRef.current = null;
    const result = read(text);
    if (result.value !== null && result.value !== props.value) props.onChange(result.value);
  });
  const revert = () => {
    draftRef.current = null;
    setDraft(null);
    setReported(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The Enter that confirms a conversion (「2026年12月7日」 typed through an IME) is the IME's, and
    // so is the Escape that cancels one.
    if (composing(event.nativeEvent)) return;
    if (event.key === 'Enter') {
      // A text that does not read must not submit the form with the old value.
      if (problem !== null) event.preventDefault();
      settle();
    } else if (event.key === 'Escape' && draft !== null) {
      // Only the draft goes: a dialog around the field stays open (see `data-draft`, Dialog.tsx).
      event.preventDefault();
      event.stopPropagation();
      revert();
    } else if (event.key === 'ArrowDown' && event.altKey && !props.readOnly) {
      event.preventDefault();
      setOpen(true);
    }
  };
  const pick = (value: string) => {
    revert();
    setOpen(false);
    give(value);
  };

  const describedBy = [props['aria-describedby'], said ? errorId : null].filter(Boolean).join(' ') || undefined;
  const chooseLabel = mode === 'date' ? t('dateField.chooseDate') : t('dateField.chooseMonth');
  return (
    <div className="date-field">
      <div ref={rowRef} className="field-row">
        <input
          id={props.id}
          className="input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={shown}
          required={props.required}
          readOnly={props.readOnly}
          autoFocus={props.autoFocus}
          aria-invalid={Boolean(props['aria-invalid']) || said !== null}
          aria-describedby={describedBy}
          // A draft is being typed: Escape reverts it, and a dialog around leaves that Escape to it.
          data-draft={draft !== null ? 'true' : undefined}
          onChange={onTextChange}
          onFocus={() => {
            setFocused(true);
            // Back in the field, show what is stored (a save that was refused never said the new value).
            setCommitted(null);
            // Alt+↓ opens the calendar from here.
            preloadCalendar();
          }}
          onBlur={() => {
            setFocused(false);
            settle();
          }}
          onKeyDown={onKeyDown}
        />
        {/* The popover's trigger, as Radix's Popover.Trigger renders one (DatePopover is the rest). */}
        <button
          ref={buttonRef}
          type="button"
          className="button icon date-field-button"
          aria-label={chooseLabel}
          title={chooseLabel}
          disabled={props.readOnly}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? contentId : undefined}
          data-state={open ? 'open' : 'closed'}
          onPointerEnter={preloadCalendar}
          onFocus={preloadCalendar}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
        >
          <CalendarIcon />
        </button>
      </div>
      {Calendar ? (
        <Calendar
          open={open}
          onOpenChange={setOpen}
          anchorRef={rowRef}
          triggerRef={buttonRef}
          contentId={contentId}
          label={chooseLabel}
          mode={mode}
          value={props.value}
          language={language}
          clearable={!props.required}
          onPick={pick}
        />
      ) : null}
      {said ? (
        <p id={errorId} className="field-error" role="alert">
          {said}
        </p>
      ) : null}
    </div>
  );
}

function CalendarIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

